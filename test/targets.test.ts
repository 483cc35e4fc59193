import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readTargets, type TargetReading } from '../src/interpret/targets.js';
import type { IndicatorEntry } from '../src/lexicon/types.js';

const { indicators } = parse(
  readFileSync(new URL('../src/lexicon/indicators.yaml', import.meta.url), 'utf8'),
) as {
  indicators: Record<string, IndicatorEntry>;
};

const fixtureLines = new Map<string, string[]>();
/** Lines `from`..`to` (1-based) of a fixture, joined with a space as the caller joins hard-wrapped text. */
function fixture(file: string, from: number, to = from): string {
  let lines = fixtureLines.get(file);
  if (!lines) {
    lines = readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8').split(/\r?\n/);
    fixtureLines.set(file, lines);
  }
  return lines.slice(from - 1, to).join(' ');
}

const SON_LA = 'son-la-2014-qd-158.txt';
const HAU_GIANG = 'hau-giang-2016-kh-51.txt';
const THAI_NGUYEN = 'thai-nguyen-2017-kh-121.txt';
const NAM_DINH = 'nam-dinh-2021-kh-117.txt';

type Expected = Partial<TargetReading>;

/** Percentages with no year and no qualifier, the commonest shape. */
function pct(value: number, indicator: string | null, more: Expected = {}): Expected {
  return { value, unit: '%', comparator: '=', year: null, indicator, ...more };
}

function expectReadings(text: string, expected: Expected[]): TargetReading[] {
  const readings = readTargets(text, indicators);
  expect(readings).toHaveLength(expected.length);
  readings.forEach((reading, i) => {
    expect(reading).toMatchObject(expected[i]!);
    expect(text.slice(reading.index, reading.index + reading.raw.length)).toBe(reading.raw);
  });
  return readings;
}

describe('readTargets on the corpus', () => {
  const cases: [string, string, Expected[]][] = [
    // Sơn La 158/QĐ-UBND, "1. Chỉ tiêu thực hiện": nine percentages, the pilot-sites bullet has none.
    ['Sơn La 32', fixture(SON_LA, 32), [pct(100, 'one-stop', { raw: '100%', index: 2 })]],
    ['Sơn La 33', fixture(SON_LA, 33), [pct(50, 'one-stop')]],
    [
      'Sơn La 34 (dưới dạng điện tử is not "below")',
      fixture(SON_LA, 34),
      [
        pct(60, 'e-documents', {
          subject:
            'các văn bản, tài liệu của các cơ quan hành chính nhà nước các cấp được trao đổi dưới dạng điện tử',
        }),
      ],
    ],
    ['Sơn La 35', fixture(SON_LA, 35), [pct(90, 'email-use')]],
    ['Sơn La 36 (trở lên belongs to cấp huyện)', fixture(SON_LA, 36), [pct(60, 'portals', { raw: '60%' })]],
    ['Sơn La 37', fixture(SON_LA, 37), [pct(20, 'online-meetings')]],
    ['Sơn La 38 (pilot sites, no figure)', fixture(SON_LA, 38), []],
    [
      'Sơn La 39 (two figures, two subjects)',
      fixture(SON_LA, 39),
      [
        pct(30, 'satisfaction-admin', {
          subject:
            'số tổ chức và cá nhân được khảo sát mức độ hài lòng của người dân với sự phục vụ của các cơ quan hành chính nhà nước các cấp',
        }),
        pct(30, 'satisfaction-public-services', {
          subject:
            'số tổ chức và cá nhân được khảo sát mức độ hài lòng với dịch vụ do đơn vị sự nghiệp công cung cấp trên các lĩnh vực giáo dục, y tế',
        }),
      ],
    ],
    ['Sơn La 40', fixture(SON_LA, 40), [pct(60, 'job-positions')]],

    // Hậu Giang 51/KH-UBND, "2. Mục tiêu cụ thể".
    [
      'Hậu Giang 51 (đạt 80%)',
      fixture(HAU_GIANG, 51),
      [
        pct(80, 'satisfaction-public-services', {
          raw: 'đạt 80%',
          comparator: '>=',
          subject:
            'Sự hài lòng của cá nhân đối với dịch vụ do đơn vị sự nghiệp công cung cấp trong các lĩnh vực giáo dục, y tế',
        }),
      ],
    ],
    [
      'Hậu Giang 53 (đạt trên 80%)',
      fixture(HAU_GIANG, 53),
      [
        pct(80, 'satisfaction-admin', {
          raw: 'trên 80%',
          comparator: '>',
          subject: 'sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
        }),
      ],
    ],
    [
      'Hậu Giang 55 (figure at the end)',
      fixture(HAU_GIANG, 55),
      [
        pct(100, 'one-stop', {
          raw: 'đạt 100%',
          comparator: '>=',
          subject:
            'Thực hiện một cửa liên thông hiện đại tại bộ phận tiếp nhận và trả kết quả thuộc văn phòng HĐND và UBND cấp huyện',
        }),
      ],
    ],
    ['Hậu Giang 57', fixture(HAU_GIANG, 57), [pct(100, 'job-positions')]],
    ['Hậu Giang 59', fixture(HAU_GIANG, 59), [pct(90, 'e-documents')]],
    ['Hậu Giang 61 (ISO 9001:2008 is not a figure)', fixture(HAU_GIANG, 61), [pct(90, 'iso-9001')]],
    // Hậu Giang, the general goals before the specific ones.
    [
      'Hậu Giang 39',
      fixture(HAU_GIANG, 39),
      [
        pct(80, 'satisfaction-admin', {
          comparator: '>',
          subject: 'mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính',
        }),
      ],
    ],
    ['Hậu Giang 41 (Đến năm 2020, ...)', fixture(HAU_GIANG, 41), [pct(100, 'job-positions', { year: 2020 })]],
    [
      'Hậu Giang 45 (year stated once for two clauses)',
      fixture(HAU_GIANG, 45),
      [
        pct(80, 'satisfaction-public-services', { comparator: '>', year: 2020 }),
        pct(80, 'satisfaction-admin', { comparator: '>', year: 2020 }),
      ],
    ],
    [
      'Hậu Giang 47',
      fixture(HAU_GIANG, 47),
      [
        pct(90, 'e-documents', {
          year: 2020,
          subject:
            'các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử',
        }),
      ],
    ],
    [
      'Hậu Giang 99',
      fixture(HAU_GIANG, 99),
      [pct(80, 'satisfaction-admin', { comparator: '>', year: 2020 })],
    ],
    [
      'Hậu Giang 101',
      fixture(HAU_GIANG, 101),
      [pct(80, 'satisfaction-public-services', { comparator: '>=', year: 2020 })],
    ],
    ['Hậu Giang 121', fixture(HAU_GIANG, 121), [pct(90, 'commune-officials-standard', { year: 2020 })]],
    ['Hậu Giang 135', fixture(HAU_GIANG, 135), [pct(90, 'e-documents', { year: 2020 })]],

    // Thái Nguyên 121/KH-UBND.
    [
      'Thái Nguyên 12 (a rank)',
      fixture(THAI_NGUYEN, 12),
      [
        {
          raw: 'nhóm C trở lên',
          value: 'C',
          unit: 'rank',
          comparator: '>=',
          year: 2017,
          indicator: 'par-index',
          subject: 'kết quả xếp hạng Chỉ số CCHC cấp tỉnh (PAR INDEX) của tỉnh Thái Nguyên',
        },
      ],
    ],
    [
      'Thái Nguyên 29 (từ 30% ... trở lên)',
      fixture(THAI_NGUYEN, 29),
      [
        pct(30, 'inspections', {
          comparator: '>=',
          raw: 'từ 30% tổng số các Sở, Ban, ngành, UBND cấp huyện trở lên',
          subject: 'tổng số các Sở, Ban, ngành, UBND cấp huyện',
        }),
      ],
    ],
    [
      'Thái Nguyên 57',
      fixture(THAI_NGUYEN, 57),
      [pct(100, 'staff-reduction', { subject: 'số người dự kiến tinh giản được Bộ Nội vụ phê duyệt' })],
    ],
    [
      'Thái Nguyên 61 (phấn đấu is exact)',
      fixture(THAI_NGUYEN, 61),
      [
        pct(100, 'commune-officials-standard', {
          raw: '100%',
          subject: 'cán bộ, công chức cấp xã đạt chuẩn',
        }),
      ],
    ],
    [
      'Thái Nguyên 73 (two figures in one clause)',
      fixture(THAI_NGUYEN, 73),
      [
        pct(100, null, { year: 2017, subject: 'các nhiệm vụ' }),
        pct(80, 'e-documents', { year: 2017, raw: 'đạt 80% trở lên', comparator: '>=' }),
      ],
    ],
    [
      'Thái Nguyên 75 (mức độ 3, mức độ 4 are not figures)',
      fixture(THAI_NGUYEN, 75),
      [pct(40, 'online-services', { comparator: '>=', subject: 'số hồ sơ TTHC được xử lý trực tuyến' })],
    ],
    [
      'Thái Nguyên 108 (coordinated counts)',
      fixture(THAI_NGUYEN, 108),
      [
        {
          raw: 'ít nhất 03',
          value: 3,
          unit: 'count',
          comparator: '>=',
          year: 2017,
          subject: 'đơn vị hành chính cấp huyện',
        },
        { raw: '08', value: 8, unit: 'count', comparator: '>=', year: 2017, indicator: 'online-services' },
      ],
    ],
    ['Thái Nguyên 113', fixture(THAI_NGUYEN, 113), [pct(100, null)]],
    [
      'Thái Nguyên 421 (figure in parentheses)',
      fixture(THAI_NGUYEN, 421),
      [
        pct(100, 'commune-officials-standard', {
          comparator: '>=',
          subject: 'tỷ lệ đạt chuẩn CB, CC cấp xã',
        }),
      ],
    ],
    ['Thái Nguyên 427', fixture(THAI_NGUYEN, 427), [pct(70, 'training')]],
    ['Thái Nguyên 439', fixture(THAI_NGUYEN, 439), [pct(100, null)]],
    ['Thái Nguyên 445', fixture(THAI_NGUYEN, 445), [pct(100, null)]],
    [
      'Thái Nguyên 481 (đạt 80% trở lên inside parentheses)',
      fixture(THAI_NGUYEN, 481),
      [
        pct(80, 'e-documents', {
          comparator: '>=',
          subject:
            'số văn bản được phát hành dưới dạng điện tử so với số văn bản đi của các đơn vị, địa phương',
        }),
      ],
    ],
    [
      'Thái Nguyên 493',
      fixture(THAI_NGUYEN, 493),
      [pct(40, 'online-services', { comparator: '>=', raw: 'đạt 40% trở lên' })],
    ],
    ['Thái Nguyên 523', fixture(THAI_NGUYEN, 523), [pct(100, 'one-stop')]],
    ['Thái Nguyên 547', fixture(THAI_NGUYEN, 547), [pct(100, 'one-stop', { comparator: '>=' })]],
    [
      'Thái Nguyên 571 (tỷ lệ % has no number; từ 30% trở lên has)',
      fixture(THAI_NGUYEN, 571),
      [pct(30, null, { comparator: '>=', raw: 'từ 30% trở lên' })],
    ],

    // Nam Định 117/KH-UBND: hard-wrapped, joined as the caller joins it.
    ['Nam Định 96-99', fixture(NAM_DINH, 96, 99), [pct(100, 'online-services')]],
    ['Nam Định 306-310', fixture(NAM_DINH, 306, 310), [pct(100, 'online-services')]],
    [
      'Nam Định 901-903 (lên 100%)',
      fixture(NAM_DINH, 901, 903),
      [
        pct(100, 'online-services', {
          raw: 'lên 100%',
          comparator: '>=',
          subject: 'tỷ lệ cung ứng dịch vụ công trực tuyến mức độ 4',
        }),
      ],
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expectReadings(text, expected);
  });

  it('reads all nine Sơn La figures from the Chỉ tiêu bullets, in order', () => {
    const values = [32, 33, 34, 35, 36, 37, 38, 39, 40].flatMap((line) =>
      readTargets(fixture(SON_LA, line), indicators).map((r) => r.value),
    );
    expect(values).toEqual([100, 50, 60, 90, 60, 20, 30, 30, 60]);
  });

  it('reads the six Hậu Giang Mục tiêu cụ thể bullets', () => {
    const readings = [51, 53, 55, 57, 59, 61].flatMap((line) =>
      readTargets(fixture(HAU_GIANG, line), indicators),
    );
    expect(readings.map((r) => [r.value, r.comparator, r.indicator])).toEqual([
      [80, '>=', 'satisfaction-public-services'],
      [80, '>', 'satisfaction-admin'],
      [100, '>=', 'one-stop'],
      [100, '=', 'job-positions'],
      [90, '=', 'e-documents'],
      [90, '=', 'iso-9001'],
    ]);
  });
});

describe('readTargets on sentences that state no target', () => {
  const negatives: [string, string][] = [
    ['service levels', 'Quyết định số 846/QĐ-TTg ban hành danh mục dịch vụ công trực tuyến mức độ 3 và 4'],
    [
      'service levels with a comma',
      'Thực hiện giải quyết hồ sơ trực tuyến mức độ 3, 4 tại các đơn vị, địa phương',
    ],
    ['a standard', 'Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2008'],
    ['a decree number', 'Triển khai Nghị định 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'],
    ['a period', 'Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2016 - 2020'],
    ['levels of government', 'Triển khai cơ chế một cửa ở cả 3 cấp tỉnh, huyện, xã'],
    ['a percentage with no number', fixture(THAI_NGUYEN, 571).split(', tổng số')[0]!],
    ['a template blank', fixture(THAI_NGUYEN, 617)],
    ['a date', 'Hoàn thành trước ngày 28 tháng 02 năm 2014'],
    ['a numeric date', 'Báo cáo gửi Sở Nội vụ trước ngày 15/12/2017'],
    ['a time and a weekday', 'Họp giao ban vào lúc 10 giờ sáng thứ 6 hằng tuần'],
    [
      'a plan number',
      '(Ban hành kèm theo Kế hoạch số 121/KH-UBND, ngày 19/7/2017 của UBND tỉnh Thái Nguyên)',
    ],
    ['a bare count', 'Toàn tỉnh có 226 UBND cấp xã thực hiện cơ chế một cửa'],
    [
      'dưới dạng điện tử, no figure',
      'Các văn bản được trao đổi dưới dạng điện tử giữa các cơ quan hành chính',
    ],
    ['nhóm tiêu chí is not a rank', fixture(THAI_NGUYEN, 27)],
    ['lần thứ 2 is not a rank', 'Tổ chức Hội nghị sơ kết lần thứ 2 vào Quý III/2017'],
    ['pilot sites', fixture(SON_LA, 38)],
    ['a number in words', fixture(NAM_DINH, 92, 95)],
    ['a heading number', '1.6. Đẩy mạnh ứng dụng công nghệ thông tin trong các cơ quan hành chính nhà nước'],
    ['a year after phấn đấu', 'Phấn đấu đến năm 2020 hoàn thành xây dựng chính quyền điện tử'],
    ['a legal basis', 'Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003'],
    ['a quarter span', 'Quý I + II năm 2014'],
    ['a count above, not a target', 'Có trên 50 đơn vị tham gia hội thi'],
    ['empty', ''],
  ];

  it.each(negatives)('%s', (_name, text) => {
    expect(readTargets(text, indicators)).toEqual([]);
  });
});

describe('readTargets on invented variants', () => {
  const variants: [string, string, Expected[]][] = [
    [
      'phấn đấu 95% trở lên',
      'Phấn đấu 95% trở lên hồ sơ được giải quyết đúng hạn.',
      [pct(95, null, { raw: '95% trở lên', comparator: '>=', subject: 'hồ sơ được giải quyết đúng hạn' })],
    ],
    [
      'không quá 5%',
      'Tỷ lệ hồ sơ trễ hạn không quá 5%.',
      [pct(5, null, { raw: 'không quá 5%', comparator: '<=', subject: 'Tỷ lệ hồ sơ trễ hạn' })],
    ],
    [
      'tối thiểu 70%',
      'Tối thiểu 70% cán bộ, công chức được bồi dưỡng kiến thức về cải cách hành chính.',
      [pct(70, 'training', { raw: 'Tối thiểu 70%', index: 0, comparator: '>=' })],
    ],
    [
      'từ 30% trở lên',
      'Kiểm tra từ 30% trở lên số cơ quan, đơn vị trong năm.',
      [pct(30, 'inspections', { raw: 'từ 30% trở lên', comparator: '>=' })],
    ],
    [
      'đạt 100% vào năm 2025',
      'Tỷ lệ dịch vụ công trực tuyến mức độ 4 đạt 100% vào năm 2025.',
      [pct(100, 'online-services', { raw: 'đạt 100%', comparator: '>=', year: 2025 })],
    ],
    [
      'dưới 2%',
      'Tỷ lệ hồ sơ giải quyết quá hạn dưới 2%.',
      [pct(2, null, { raw: 'dưới 2%', comparator: '<', subject: 'Tỷ lệ hồ sơ giải quyết quá hạn' })],
    ],
    [
      'a decimal comma, a baseline year',
      'Tỷ lệ tinh giản biên chế đạt 2,5% so với năm 2015.',
      [pct(2.5, 'staff-reduction', { comparator: '>=', year: null })],
    ],
    [
      'ít nhất with a baseline year',
      'Tinh giản ít nhất 10% biên chế so với năm 2015.',
      [pct(10, 'staff-reduction', { raw: 'ít nhất 10%', comparator: '>=', year: null })],
    ],
    [
      'đến hết năm',
      'Đến hết năm 2021, 100% cơ quan sử dụng hệ thống thư điện tử.',
      [pct(100, 'email-use', { year: 2021 })],
    ],
    [
      'two figures, trailing then leading',
      'Sự hài lòng của người dân đạt 85%, 90% văn bản được trao đổi dưới dạng điện tử.',
      [
        pct(85, 'satisfaction-admin', { comparator: '>=', subject: 'Sự hài lòng của người dân' }),
        pct(90, 'e-documents', { subject: 'văn bản được trao đổi dưới dạng điện tử' }),
      ],
    ],
    [
      'tối đa as a count',
      'Thời gian giải quyết tối đa 05 ngày làm việc.',
      [{ raw: 'tối đa 05', value: 5, unit: 'count', comparator: '<=' }],
    ],
    [
      'phấn đấu có as a count',
      'Phấn đấu có 10 xã đạt chuẩn nông thôn mới.',
      [
        {
          raw: 'Phấn đấu có 10',
          value: 10,
          unit: 'count',
          comparator: '=',
          subject: 'xã đạt chuẩn nông thôn mới',
        },
      ],
    ],
    [
      'từ N ... trở lên as a count',
      'Mỗi năm kiểm tra từ 05 đơn vị trở lên.',
      [{ raw: 'từ 05 đơn vị trở lên', value: 5, unit: 'count', comparator: '>=', indicator: 'inspections' }],
    ],
    [
      'a rank by position',
      'Chỉ số CCHC của tỉnh xếp thứ 10 trở lên.',
      [{ raw: 'thứ 10 trở lên', value: 10, unit: 'rank', comparator: '>=', indicator: 'par-index' }],
    ],
    [
      'a rank by top-N',
      'Phấn đấu nằm trong top 20 tỉnh dẫn đầu về Chỉ số CCHC.',
      [{ raw: 'top 20', value: 20, unit: 'rank', comparator: '>=', indicator: 'par-index' }],
    ],
    [
      'a rank group without trở lên',
      'Chỉ số CCHC năm 2018 đạt nhóm B.',
      [{ raw: 'nhóm B', value: 'B', unit: 'rank', comparator: '=', year: 2018, indicator: 'par-index' }],
    ],
    [
      'a rank group in a clause without a number',
      'Chỉ số cải cách hành chính của tỉnh đạt nhóm B; phấn đấu xếp NHÓM A trở lên.',
      [
        { raw: 'nhóm B', value: 'B', unit: 'rank', comparator: '=', year: null, indicator: 'par-index' },
        { raw: 'NHÓM A trở lên', value: 'A', unit: 'rank', comparator: '>=', year: null },
      ],
    ],
    [
      'no-break spaces and a space before %',
      'Phấn\u00a0đấu\u00a090 % văn bản được ký số.',
      [pct(90, null, { raw: '90 %' })],
    ],
  ];

  it.each(variants)('%s', (_name, text, expected) => {
    expectReadings(text, expected);
  });

  it('reads decomposed (NFD) text, with raw and index in the input as given', () => {
    const nfc =
      'Phấn đấu đến năm 2020 có 90% văn bản được trao đổi dưới dạng điện tử; đạt trên 80% sự hài lòng.';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const fromNfc = readTargets(nfc, indicators);
    const fromNfd = expectReadings(nfd, [
      pct(90, 'e-documents', { year: 2020 }),
      pct(80, 'satisfaction-admin', { comparator: '>', year: 2020 }),
    ]);
    expect(fromNfd.map((r) => r.raw.normalize('NFC'))).toEqual(fromNfc.map((r) => r.raw));
    expect(fromNfd.map((r) => r.subject)).toEqual(fromNfc.map((r) => r.subject));
    expect(fromNfd[1]!.raw).toBe('trên 80%'.normalize('NFD'));
  });

  it('reads no indicator when the lexicon has none', () => {
    expect(readTargets(fixture(SON_LA, 34), {})).toMatchObject([{ value: 60, indicator: null }]);
  });

  it('takes the first indicator in lexicon order', () => {
    const lexicon: Record<string, IndicatorEntry> = {
      first: { label: 'a', keywords: ['van ban'] },
      second: { label: 'b', keywords: ['Dưới dạng điện tử'] },
    };
    expect(readTargets(fixture(SON_LA, 34), lexicon)[0]!.indicator).toBe('first');
    const reversed = { second: lexicon.second!, first: lexicon.first! };
    expect(readTargets(fixture(SON_LA, 34), reversed)[0]!.indicator).toBe('second');
  });
});

describe('readTargets never throws', () => {
  const check = (text: string): void => {
    const readings = readTargets(text, indicators);
    for (const reading of readings) {
      expect(text.slice(reading.index, reading.index + reading.raw.length)).toBe(reading.raw);
    }
  };

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => check(text)),
      { numRuns: 500 },
    );
  });

  it('on strings made of the words it looks for', () => {
    const token = fc.constantFrom(
      'đạt ',
      'trên ',
      'dưới ',
      'từ ',
      'ít nhất ',
      'không quá ',
      'phấn đấu ',
      'trở lên',
      ' trở lên ',
      '80',
      '03 ',
      '%',
      ' % ',
      'nhóm C ',
      'xếp thứ 10 ',
      'top 5 tỉnh ',
      'năm 2020 ',
      'tháng 11 ',
      ', ',
      '. ',
      '; ',
      ':',
      '(',
      ')',
      'và ',
      'văn bản ',
      'dưới dạng điện tử ',
      '\u0301',
      '\u00a0',
      '\u200b',
      'Đ',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => check(tokens.join(''))),
      { numRuns: 1000 },
    );
  });

  it('with a malformed lexicon', () => {
    const broken = { a: { label: 'a', keywords: [42, null, ''] } } as unknown as Record<
      string,
      IndicatorEntry
    >;
    expect(() => readTargets(fixture(SON_LA, 34), broken)).not.toThrow();
    expect(() =>
      readTargets(fixture(SON_LA, 34), null as unknown as Record<string, IndicatorEntry>),
    ).not.toThrow();
  });

  it('in linear time on long adversarial input', () => {
    const pieces = [
      '1% ',
      'đạt ',
      'ít nhất 1 a và ',
      '(',
      'năm 2020; ',
      'trên ',
      ',,,, ',
      'từ 2% ',
      'tro len ',
    ];
    let text = '';
    for (let i = 0; text.length < 200_000; i++) text += pieces[i % pieces.length];
    const started = performance.now();
    readTargets(text, indicators);
    readTargets('9'.repeat(100_000), indicators);
    readTargets(`${'('.repeat(50_000)}1%${')'.repeat(50_000)}`, indicators);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('matchIndicator', () => {
  it('finds, in one scan, the indicator that looking for each keyword in turn finds', async () => {
    const { compileIndicators, matchIndicator, matchIndicatorByKeyword } = await import(
      '../src/interpret/targets.js'
    );
    const { fold } = await import('../src/text/fold.js');
    const compiled = compileIndicators(indicators);
    const keywords = Object.values(indicators)
      .flatMap((entry) => entry.keywords)
      .map((k) => fold(k));
    // Keywords whole, cut, glued to letters or digits, overlapping; and a lexicon with odd keywords.
    const piece = fc.oneof(
      fc.constantFrom(...keywords),
      fc.constantFrom(...keywords).map((k) => k.slice(1)),
      fc.constantFrom(' ', 'a', '9', ',', 'x'),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'n', 'h', 'g', '1') }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(matchIndicator(text, compiled)).toBe(matchIndicatorByKeyword(text, compiled));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
    const odd = compileIndicators({
      first: { keywords: ['a.b', 'cd', 'y'] },
      second: { keywords: ['(x)', 'a.b c', 'b', 'x y'] },
    } as unknown as Record<string, IndicatorEntry>);
    for (const text of ['x y', 'x yz', 'a.b c', 'axb', 'x (x) y', 'b cd', 'ab', 'b a.b', 'cd b', 'c a.b'])
      expect(matchIndicator(text, odd)).toBe(matchIndicatorByKeyword(text, odd));
  });
});

describe("the parser's first test of a plain paragraph", () => {
  it('passes over only paragraphs in which neither a target nor a prose deadline can be read', async () => {
    // What the parser's first test lets through: a digit, `%`, the `ó` of `nhóm`, the `ý` of `quý`.
    const MAY_HOLD_FIGURE = /[\d%óÓýÝ]/;
    const { findDeadlinePhrase } = await import('../src/interpret/deadline.js');
    const { isPlain } = await import('../src/text/line-info.js');
    const piece = fc.constantFrom(
      'đạt nhóm C',
      'xếp NHÓM A trở lên',
      'hoàn thành trong quý III',
      'trước QUÝ IV',
      'HOÀN THÀNH TRONG QUÝ III',
      'đạt 90%',
      'ít nhất 03 đơn vị',
      'phấn đấu',
      'hoàn thành trước ngày',
      'nhom B',
      'quy I',
      ' ',
      ', ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 }),
        (parts) => {
          const t = parts.join('');
          if (!isPlain(t) || MAY_HOLD_FIGURE.test(t)) return;
          expect(readTargets(t, indicators)).toEqual([]);
          expect(findDeadlinePhrase(t)).toBeNull();
        },
      ),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe("the readers told a plain paragraph's figure units", () => {
  it('read what they read without being told, on any plain paragraph', async () => {
    const { findDeadlinePhrase, findDeadlinePhraseIn } = await import('../src/interpret/deadline.js');
    const { readTargetsIn } = await import('../src/interpret/targets.js');
    const { describeLines, FIGURES } = await import('../src/text/line-info.js');
    const { isPlain } = await import('../src/text/line-info.js');
    const piece = fc.constantFrom(
      'đạt nhóm C',
      'xếp NHÓM A trở lên',
      'hoàn thành trong quý III năm 2017',
      'Hoàn thành trong QUÝ II',
      'trước QUÝ IV',
      'đạt 90%',
      '95 %',
      '%',
      'ít nhất 03 đơn vị',
      'phấn đấu đạt 100',
      'hoàn thành trước ngày 30/6/2017',
      'Chậm nhất ngày 15/12',
      'nhóm',
      'quý',
      'qúy II',
      'hoan thanh truoc ngay 30/6/2017',
      'trứơc ngày 31/12',
      'TRƯỚC NGÀY 15/3/2018',
      'hòan  thành',
      'Hoan\tthanh trong quy IV',
      'chậm   nhất ngày 1/7/2019',
      'trong thang 10',
      'trong 6 tháng đầu năm 2019',
      'TRONG QUÝ I',
      'Trong\n\tthÁng 3',
      'trong đó',
      'trong năm 2018',
      'trong2017',
      'trang',
      'trưŏc ngày 1/7/2019',
      'chậm nhất ngày 2/9/2019 (Ţrong quý I)',
      'top 20',
      ' ',
      ', ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 7 }),
        (parts) => {
          const t = parts.join(' ');
          if (!isPlain(t)) return;
          const figures = describeLines([t]).flags[0]! & FIGURES;
          expect(readTargetsIn(t, indicators, false, figures)).toEqual(readTargets(t, indicators));
          expect(findDeadlinePhraseIn(t, figures)).toEqual(findDeadlinePhrase(t));
        },
      ),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe('splitClauses', () => {
  it('cuts at `;`, `!`, `?`, and at `.` or `:` before a space or the end, on any folded text', async () => {
    const { splitClauses } = await import('../src/interpret/targets.js');
    // The definition, character by character.
    const definition = (text: string) => {
      const clauses: { start: number; end: number }[] = [];
      let start = 0;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        const spaced = i + 1 === text.length || text[i + 1] === ' ';
        if (ch === ';' || ch === '!' || ch === '?' || ((ch === '.' || ch === ':') && spaced)) {
          clauses.push({ start, end: i });
          start = i + 1;
        }
      }
      clauses.push({ start, end: text.length });
      return clauses;
    };
    const unit = fc.constantFrom(';', '!', '?', '.', ':', ' ', 'a', '1', ',', '\t');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (t) => {
        expect(splitClauses(t)).toEqual(definition(t));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe('findYears', () => {
  it('finds the year mentions its one regex finds, with the word that makes them strong, on any folded text', async () => {
    const { findYears } = await import('../src/interpret/targets.js');
    // The definition: one scan for an optional strong word and `nam YYYY`.
    const YEAR =
      /(?<![a-z0-9])(?:(den het|den|vao|het|trong|toi|truoc|cuoi) )?nam (\d{4})(?!\d)(?! ?[-–/] ?\d)/g;
    const definition = (text: string) => {
      const years: { at: number; year: number; strong: boolean }[] = [];
      for (const match of text.matchAll(YEAR)) {
        const year = Number.parseInt(match[2]!, 10);
        if (year < 1900 || year > 2100) continue;
        if (/(?:thang \d{1,2}|so voi|tu) $/.test(text.slice(Math.max(0, match.index - 12), match.index)))
          continue;
        years.push({ at: match.index, year, strong: match[1] !== undefined });
      }
      return years;
    };
    const piece = fc.constantFrom(
      'nam ',
      'nam 2020',
      'nam 1899',
      'nam 20201',
      'nam 2017-2018',
      'nam 2017 / 2',
      'den het ',
      'den ',
      'het ',
      'xden ',
      'den',
      'het',
      'vao ',
      'trong ',
      'toi ',
      'truoc ',
      'cuoi ',
      'thang 11 ',
      'so voi ',
      'tu ',
      'x',
      '2',
      ' ',
      ',',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        expect(findYears(t)).toEqual(definition(t));
      }),
      { numRuns: 5000, seed: 20261123 },
    );
  });
});

describe('readQualifier', () => {
  it('finds the first qualifier whose pattern ends the window, passing over windows by their last word, on any clause', async () => {
    const { QUALIFIERS, readQualifier } = await import('../src/interpret/targets.js');
    // The definition: each qualifier's pattern in list order, tried on the 32 units before the number.
    const patterns = QUALIFIERS.map(
      (q) => new RegExp(`(?:^|[^a-z0-9])(${q.words}) (?:(?:muc|ty le) )?$`, 'd'),
    );
    const byPattern = (clause: string, at: number) => {
      const from = Math.max(0, at - 32);
      const window = clause.slice(from, at);
      for (let k = 0; k < patterns.length; k++) {
        const start = patterns[k]!.exec(window)?.indices?.[1]?.[0];
        if (start !== undefined) return { qualifier: QUALIFIERS[k]!, start: from + start };
      }
      return null;
    };
    const word = fc.constantFrom(
      ...QUALIFIERS.map((q) => q.words),
      'muc',
      'ty le',
      'xdat',
      'dat1',
      '(',
      ' ',
      '  ',
      'a',
      '5',
      'nam 2020',
    );
    const words = fc
      .array(fc.oneof(word, fc.string({ unit: fc.constantFrom('a', 't', ' ', '(', '1', 'é') })), {
        maxLength: 8,
      })
      .map((p) => p.join(' '));
    // Words, then a number, then more words: read at the number's place, or at any other.
    const clause = fc.tuple(words, fc.constantFrom('30', '30% ', '03 don vi'), words, fc.option(fc.nat()));
    fc.assert(
      fc.property(clause, ([before, number, after, other]) => {
        const c = `${before} ${number} ${after}`;
        const at = other === null ? before.length + 1 : other % (c.length + 1);
        expect(readQualifier(c, at)).toEqual(byPattern(c, at));
      }),
      { numRuns: 5000, seed: 20261122 },
    );
  });
});
