import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AgencyLexicon, canonicalAgency, splitAgencies } from '../src/interpret/agencies.js';

const lexicon = parse(
  readFileSync(new URL('../src/lexicon/agencies.yaml', import.meta.url), 'utf8'),
) as AgencyLexicon;

/** Every distinct lead/partner cell of the three table fixtures, with the list it must give. */
const fixtureCells: Array<[string, string[]]> = [
  // Sơn La 158 (L1 pipe rows), lead and partner columns
  [
    'Các Sở, ban ngành tỉnh và UBND cấp huyện, cấp xã',
    ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'],
  ],
  [
    'Các Sở, ban, ngành tỉnh và UBND cấp huyện, cấp xã.',
    ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'],
  ],
  [
    'Các cơ quan thông tin đại chúng, Cổng thông tin điện tử của tỉnh',
    ['Các cơ quan thông tin đại chúng', 'Cổng thông tin điện tử tỉnh'],
  ],
  ['Các cơ quan, đơn vị có liên quan', ['Các cơ quan, đơn vị liên quan']],
  ['Các sở, ban, ngành tỉnh, UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Các sở, ban, ngành và UBND các cấp', ['Các sở, ban, ngành', 'UBND các cấp']],
  ['Các sở, ban, ngành và UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Các sở, ban, ngành, UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  [
    'Các sở, ban, ngành, UBND cấp huyện, UBND cấp xã',
    ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'],
  ],
  ['Các sở, ban, ngành;', ['Các sở, ban, ngành']],
  ['Các sở, ban, ngành; UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  [
    'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã',
    ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'],
  ],
  ['Các sở, ban, ngành; UBND cấp huyện, xã', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']],
  ['Các sở, ngành và UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Các đơn vị sự nghiệp công lập', ['Các đơn vị sự nghiệp công lập']],
  ['Sở Khoa học Công nghệ', ['Sở Khoa học và Công nghệ']],
  ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
  ['Sở Kế hoạch và Đầu tư, Sở Tài chính', ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']],
  ['Sở Nội vụ', ['Sở Nội vụ']],
  ['Sở Nội vụ phối hợp với cơ quan có thẩm quyền', ['Sở Nội vụ', 'Cơ quan có thẩm quyền']],
  ['Sở Thông tin truyền thông', ['Sở Thông tin và Truyền thông']],
  ['Sở Thông tin và Truyền thông', ['Sở Thông tin và Truyền thông']],
  ['Sở Tài chính', ['Sở Tài chính']],
  [
    'Sở Tài chính, các sở, ngành; UBND các huyện được thí điểm',
    ['Sở Tài chính', 'Các sở, ban, ngành', 'UBND các huyện được thí điểm'],
  ],
  [
    'Sở Tài chính, các đơn vị sự nghiệp khoa học - công nghệ',
    ['Sở Tài chính', 'Các đơn vị sự nghiệp khoa học và công nghệ'],
  ],
  ['Sở Tư pháp', ['Sở Tư pháp']],
  ['Sở Tư pháp, Sở Nội vụ,', ['Sở Tư pháp', 'Sở Nội vụ']],
  [
    'Sở, ban ngành, đơn vị sự nghiệp và UBND cấp huyện',
    ['Các sở, ban, ngành', 'Các đơn vị sự nghiệp công lập', 'UBND cấp huyện'],
  ],
  ['Sở, ban, ngành tỉnh và UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Sở, ban, ngành và UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  [
    'Sở, ban, ngành, đơn vị sự nghiệp và UBND cấp huyện',
    ['Các sở, ban, ngành', 'Các đơn vị sự nghiệp công lập', 'UBND cấp huyện'],
  ],
  [
    'Trường Chính trị tỉnh, Trường cao Đẳng Sơn La, Trung tâm bồi dưỡng chính trị cấp huyện.',
    ['Trường Chính trị tỉnh', 'Trường cao Đẳng Sơn La', 'Trung tâm Bồi dưỡng chính trị cấp huyện'],
  ],
  ['UBND cấp huyện, cấp xã', ['UBND cấp huyện', 'UBND cấp xã']],
  ['Văn phòng UBND tỉnh', ['Văn phòng UBND tỉnh']],
  // Thái Nguyên 121 (L2), 3rd and 4th cells; cells already seen above are not repeated
  [
    'Các Sở: Kế hoạch và Đầu tư, Tài chính, Khoa học và Công nghệ, Xây dựng, Tài nguyên và Môi trường',
    [
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
      'Sở Khoa học và Công nghệ',
      'Sở Xây dựng',
      'Sở Tài nguyên và Môi trường',
    ],
  ],
  [
    'Các Sở: Nội vụ, Kế hoạch và Đầu tư, Tài chính, Tài nguyên và Môi trường, Xây dựng',
    ['Sở Nội vụ', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Tài nguyên và Môi trường', 'Sở Xây dựng'],
  ],
  ['Các sở, ban, ngành', ['Các sở, ban, ngành']],
  ['Các sở, ban, ngành, UBND cấp huyện, cấp xã', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']],
  [
    'Các sở: Tư pháp, Lao động - Thương binh và xã hội, Kế hoạch và đầu tư, Xây dựng, Tài nguyên và Môi trường',
    [
      'Sở Tư pháp',
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Kế hoạch và Đầu tư',
      'Sở Xây dựng',
      'Sở Tài nguyên và Môi trường',
    ],
  ],
  [
    'Các sở: Tư pháp, Lao động - Thương binh và xã hội, Kế hoạch và đầu tư, Xây dựng, Tài nguyên và môi trường',
    [
      'Sở Tư pháp',
      'Sở Lao động - Thương binh và Xã hội',
      'Sở Kế hoạch và Đầu tư',
      'Sở Xây dựng',
      'Sở Tài nguyên và Môi trường',
    ],
  ],
  ['Sở Giáo dục và Đào tạo', ['Sở Giáo dục và Đào tạo']],
  ['Sở Kế hoạch và Đầu tư', ['Sở Kế hoạch và Đầu tư']],
  ['Sở Nội vụ, Sở Thông tin và Truyền thông', ['Sở Nội vụ', 'Sở Thông tin và Truyền thông']],
  ['Sở Nội vụ, Sở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
  ['Sở Nội vụ, các sở, ban, ngành, UBND cấp huyện', ['Sở Nội vụ', 'Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Sở Thông tin và Truyền thông, Bưu điện tỉnh', ['Sở Thông tin và Truyền thông', 'Bưu điện tỉnh']],
  ['Sở Thông tin và Truyền thông, Sở Tư pháp', ['Sở Thông tin và Truyền thông', 'Sở Tư pháp']],
  ['Sở Thông tin và Truyền thông, UBND cấp huyện', ['Sở Thông tin và Truyền thông', 'UBND cấp huyện']],
  ['Sở Tư pháp, Sở Nội vụ', ['Sở Tư pháp', 'Sở Nội vụ']],
  ['Sở Tư pháp, Sở Thông tin và Truyền thông', ['Sở Tư pháp', 'Sở Thông tin và Truyền thông']],
  ['Sở Tư pháp, Văn phòng UBND tỉnh', ['Sở Tư pháp', 'Văn phòng UBND tỉnh']],
  ['Sở Văn hóa Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
  ['Sở Y tế', ['Sở Y tế']],
  ['Trung tâm thông tin, Văn phòng UBND tỉnh', ['Trung tâm thông tin', 'Văn phòng UBND tỉnh']],
  ['UBND cấp huyện', ['UBND cấp huyện']],
  ['UBND cấp huyện, Sở, ban, ngành', ['UBND cấp huyện', 'Các sở, ban, ngành']],
  [
    'Đài PT - TH, Báo Thái Nguyên, TT tâm thông tin tỉnh',
    ['Đài Phát thanh và Truyền hình tỉnh', 'Báo Thái Nguyên', 'TT tâm thông tin tỉnh'],
  ],
  // Nam Định 117 (L3), wrapped lines joined with a space
  ['Các Sở, ban, ngành', ['Các sở, ban, ngành']],
  ['Các Sở, ban, ngành UBND cấp huyện, UBND cấp xã', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']],
  ['Các Sở, ban, ngành và UBND các cấp', ['Các sở, ban, ngành', 'UBND các cấp']],
  [
    'Các Sở, ban, ngành, Chi cục thuộc sở và UBND cấp huyện, cấp xã',
    ['Các sở, ban, ngành', 'Các chi cục thuộc sở', 'UBND cấp huyện', 'UBND cấp xã'],
  ],
  ['Các Sở, ban, ngành, UBND các cấp', ['Các sở, ban, ngành', 'UBND các cấp']],
  ['Các Sở, ban, ngành, UBND cấp huyện', ['Các sở, ban, ngành', 'UBND cấp huyện']],
  ['Các Sở, ban, ngành, UBND cấp huyện, cấp xã', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']],
  ['Các đơn vị liên quan', ['Các cơ quan, đơn vị liên quan']],
  ['Các đơn vị trong tỉnh', ['Các cơ quan, đơn vị trong tỉnh']],
  ['Cơ quan có liên quan', ['Các cơ quan, đơn vị liên quan']],
  ['Hội đồng thẩm định chỉ số CCHC', ['Hội đồng thẩm định chỉ số CCHC']],
  [
    'Sở Thông tin và TT, Đài PTTH tỉnh, Báo Nam Định',
    ['Sở Thông tin và Truyền thông', 'Đài Phát thanh và Truyền hình tỉnh', 'Báo Nam Định'],
  ],
  ['Sở Thông tin và Truyền thông, VP UBND tỉnh', ['Sở Thông tin và Truyền thông', 'Văn phòng UBND tỉnh']],
  ['Sở, ban, ngành, UBNDcấp huyện, xã', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']],
  ['UBND cấp xã', ['UBND cấp xã']],
  ['UBND tỉnh', ['UBND tỉnh']],
  [
    'VP UBND tỉnh và các sở: Tư pháp, Tài chính, Kế hoạch và ĐT, Thông tin và TT, KH và CN',
    [
      'Văn phòng UBND tỉnh',
      'Sở Tư pháp',
      'Sở Tài chính',
      'Sở Kế hoạch và Đầu tư',
      'Sở Thông tin và Truyền thông',
      'Sở Khoa học và Công nghệ',
    ],
  ],
  ['Văn phòng UBND tỉnh, Sở TTTT', ['Văn phòng UBND tỉnh', 'Sở Thông tin và Truyền thông']],
  ['Văn phòng UBND tỉnh, Sở Tư pháp', ['Văn phòng UBND tỉnh', 'Sở Tư pháp']],
];

/** SPEC §6 examples and spellings not in the fixtures but common in other plans. */
const variantCells: Array<[string, string[]]> = [
  // SPEC §6
  ['Các Sở: Nội vụ, Kế hoạch và Đầu tư, Tài chính', ['Sở Nội vụ', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính']],
  ['VP UBND tỉnh và các sở: Tư pháp, Tài chính', ['Văn phòng UBND tỉnh', 'Sở Tư pháp', 'Sở Tài chính']],
  ['Sở TTTT', ['Sở Thông tin và Truyền thông']],
  ['Sở TT&TT', ['Sở Thông tin và Truyền thông']],
  ['Sở TT & TT', ['Sở Thông tin và Truyền thông']],
  ['Sở Thông tin và TT', ['Sở Thông tin và Truyền thông']],
  ['VP UBND tỉnh', ['Văn phòng UBND tỉnh']],
  ['Đài PT-TH', ['Đài Phát thanh và Truyền hình tỉnh']],
  ['Đài PTTH tỉnh', ['Đài Phát thanh và Truyền hình tỉnh']],
  ['Sở Lao động - Thương binh và Xã hội', ['Sở Lao động - Thương binh và Xã hội']],
  ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
  // Abbreviations
  ['Sở GD&ĐT, Sở Y tế', ['Sở Giáo dục và Đào tạo', 'Sở Y tế']],
  ['Sở LĐ-TB&XH; Công an tỉnh', ['Sở Lao động - Thương binh và Xã hội', 'Công an tỉnh']],
  ['Sở KH&ĐT, Sở TN&MT', ['Sở Kế hoạch và Đầu tư', 'Sở Tài nguyên và Môi trường']],
  ['Sở Kế hoạch & Đầu tư', ['Sở Kế hoạch và Đầu tư']],
  ['Sở NN&PTNT', ['Sở Nông nghiệp và Phát triển nông thôn']],
  ['Đài Phát thanh - Truyền hình tỉnh', ['Đài Phát thanh và Truyền hình tỉnh']],
  ['Bảo hiểm xã hội tỉnh và Sở Y tế', ['Bảo hiểm xã hội tỉnh', 'Sở Y tế']],
  ['Ủy ban nhân dân cấp huyện, cấp xã', ['UBND cấp huyện', 'UBND cấp xã']],
  ['UBND các huyện, thành phố', ['UBND cấp huyện']],
  ['Sở Tài nguyên và môi trường', ['Sở Tài nguyên và Môi trường']],
  // Collective phrases
  ['Các sở, ngành', ['Các sở, ban, ngành']],
  ['Sở, ban ngành', ['Các sở, ban, ngành']],
  ['Các Sở, ban, ngành tỉnh', ['Các sở, ban, ngành']],
  ['UBND cấp huyện, cấp xã', ['UBND cấp huyện', 'UBND cấp xã']],
  ['Các đơn vị có liên quan', ['Các cơ quan, đơn vị liên quan']],
  // Lists
  ['Sở Tư pháp, Tài chính', ['Sở Tư pháp', 'Sở Tài chính']],
  ['Các sở: Tư pháp, Tài chính và UBND cấp huyện', ['Sở Tư pháp', 'Sở Tài chính', 'UBND cấp huyện']],
  ['Các sở: Tư pháp, Tài chính và Xây dựng', ['Sở Tư pháp', 'Sở Tài chính', 'Sở Xây dựng']],
  ['Các sở: Nội vụ, Ngoại vụ', ['Sở Nội vụ', 'Sở Ngoại vụ']],
  ['Các Sở: Văn hóa, Thể thao và Du lịch, Y tế', ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế']],
  // `và` between agencies, one side unknown
  ['Báo Nam Định và Sở Nội vụ', ['Báo Nam Định', 'Sở Nội vụ']],
  ['Sở Ngoại vụ và Sở Giao thông', ['Sở Ngoại vụ', 'Sở Giao thông']],
  ['Báo Nam Định và Trung tâm Y tế', ['Báo Nam Định', 'Trung tâm Y tế']],
  ['Sở Nội vụ phối hợp Sở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
  // Remnants of the text layers: CRLF, no-break space, tab, zero-width space, NFD, two names on two lines
  ['Sở Nội vụ,\r\nSở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
  ['\u00a0Sở Tài chính\u00a0;\u00a0UBND cấp huyện\u00a0', ['Sở Tài chính', 'UBND cấp huyện']],
  ['\tSở Y\u200b tế', ['Sở Y tế']],
  [
    'Sở Tài nguyên và Môi trường, Sở Xây dựng'.normalize('NFD'),
    ['Sở Tài nguyên và Môi trường', 'Sở Xây dựng'],
  ],
  ['Báo Nam Định'.normalize('NFD'), ['Báo Nam Định']],
  ['Văn phòng UBND tỉnh\nSở Tư pháp', ['Văn phòng UBND tỉnh', 'Sở Tư pháp']],
  // Punctuation and empty pieces
  ['Sở Nội vụ; Sở Nội vụ.', ['Sở Nội vụ']],
  ['- Sở Tư pháp;', ['Sở Tư pháp']],
  ['Báo Nam Định và', ['Báo Nam Định']],
  [';;, ,', []],
  ['', []],
  ['\u00a0', []],
];

/** Names that must come back whole: separators inside a name, or `và` with no agency after it. */
const wholeNames: Array<[string, string]> = [
  ['Sở Kế hoạch và Đầu tư', 'Sở Kế hoạch và Đầu tư'],
  ['Sở Tài nguyên và Môi trường', 'Sở Tài nguyên và Môi trường'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['Sở Văn hóa Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['Sở Lao động - Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội'],
  ['Sở Lao động, Thương binh và Xã hội', 'Sở Lao động - Thương binh và Xã hội'],
  ['Sở Giáo dục và Đào tạo', 'Sở Giáo dục và Đào tạo'],
  ['Sở Thông tin và Truyền thông', 'Sở Thông tin và Truyền thông'],
  ['Sở Khoa học và Công nghệ', 'Sở Khoa học và Công nghệ'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['Đài Phát thanh và Truyền hình tỉnh', 'Đài Phát thanh và Truyền hình tỉnh'],
  ['Các sở, ban, ngành', 'Các sở, ban, ngành'],
  ['Các cơ quan, đơn vị có liên quan', 'Các cơ quan, đơn vị liên quan'],
  ['UBND các xã, phường, thị trấn', 'UBND cấp xã'],
  // Unknown names are reported as written, never cut at an inner `và` or after a known prefix.
  ['Ban Dân tộc và Tôn giáo', 'Ban Dân tộc và Tôn giáo'],
  ['Trung tâm Khoa học và Công nghệ', 'Trung tâm Khoa học và Công nghệ'],
  ['Sở Nội vụ tỉnh Sơn La', 'Sở Nội vụ tỉnh Sơn La'],
  ['UBND các huyện được thí điểm', 'UBND các huyện được thí điểm'],
  ['Thường trực UBND tỉnh', 'Thường trực UBND tỉnh'],
  ['Hội đồng thẩm định chỉ số CCHC', 'Hội đồng thẩm định chỉ số CCHC'],
  ['Cơ quan phối hợp', 'Cơ quan phối hợp'],
  ['中文 và 日本', '中文 và 日本'],
];

describe('splitAgencies', () => {
  it.each(fixtureCells)('fixture cell %j', (cell, expected) => {
    expect(splitAgencies(cell, lexicon)).toEqual(expected);
  });

  it.each(variantCells)('variant %j', (cell, expected) => {
    expect(splitAgencies(cell, lexicon)).toEqual(expected);
  });

  it.each(wholeNames)('keeps %j whole', (cell, expected) => {
    expect(splitAgencies(cell, lexicon)).toEqual([expected]);
  });

  it('never throws, and returns tidy distinct names, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (cell) => {
        expectTidy(splitAgencies(cell, lexicon));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on text made of agency vocabulary and separators', () => {
    const pieces = fc.constantFrom(
      'Sở',
      'Nội vụ',
      'Các sở',
      'UBND',
      'cấp huyện',
      'xã',
      'ban',
      'ngành',
      'Kế hoạch',
      'Đầu tư',
      'Văn hóa',
      'TT&TT',
      'Đài PT-TH',
      'Báo Nam Định',
      'và',
      'phối hợp với',
      '&',
      ',',
      ';',
      ':',
      '.',
      '-',
      ' ',
      '\u00a0',
      '\r\n',
      'VP UBND tỉnh',
      'các sở:',
      'Tài chính',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        expectTidy(splitAgencies(parts.join(' '), lexicon));
        expectTidy(splitAgencies(parts.join(''), lexicon));
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on long cells (every scan is linear)', () => {
    const cell = 'UBND cấp huyện, xã và Sở Nội vụ phối hợp với Ban Dân tộc; Các sở: Tư pháp, '.repeat(2000);
    const start = performance.now();
    expect(splitAgencies(cell, lexicon).length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('canonicalAgency', () => {
  it.each([
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông'],
    ['Sở Thông tin truyền thông', 'Sở Thông tin và Truyền thông'],
    ['Sở Khoa học Công nghệ', 'Sở Khoa học và Công nghệ'],
    ['VP UBND tỉnh', 'Văn phòng UBND tỉnh'],
    ['Đài PT - TH', 'Đài Phát thanh và Truyền hình tỉnh'],
    ['  UBND cấp huyện.', 'UBND cấp huyện'],
    ['Sở, ban, ngành', 'Các sở, ban, ngành'],
    ['Cơ quan có liên quan', 'Các cơ quan, đơn vị liên quan'],
    ['Báo Nam Định;', 'Báo Nam Định'],
    [' TT tâm thông tin tỉnh, ', 'TT tâm thông tin tỉnh'],
  ])('%j → %j', (name, expected) => {
    expect(canonicalAgency(name, lexicon)).toBe(expected);
  });

  it('is a fixed point on every canonical name of the lexicon', () => {
    for (const entry of lexicon.agencies) {
      expect(canonicalAgency(entry.name, lexicon)).toBe(entry.name);
      expect(splitAgencies(entry.name, lexicon)).toEqual([entry.name]);
    }
  });

  it('maps every alias of the lexicon to its own entry', () => {
    for (const entry of lexicon.agencies) {
      for (const alias of entry.aliases) expect(canonicalAgency(alias, lexicon)).toBe(entry.name);
    }
  });
});

function expectTidy(names: string[]): void {
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) {
    expect(name).toBe(name.trim());
    expect(name).not.toBe('');
    expect(name).not.toMatch(/[.,;:]$/);
  }
}
