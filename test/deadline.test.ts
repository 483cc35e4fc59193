import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDeadlinePhrase, parseDeadline } from '../src/interpret/deadline.js';
import type { DeadlineContext, DeadlineKind } from '../src/model/types.js';
import { DEADLINE_CASES, FIXTURE_DEADLINE_CASES } from './cases/deadline-cases.js';
import { NEGATIVE_DEADLINE_CASES, NEGATIVE_PHRASE_CASES } from './cases/deadline-negative.js';

const label = (raw: string): string => (raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);

describe('parseDeadline: positive cases', () => {
  it('has a case for every phrasing', () => {
    expect(DEADLINE_CASES.length).toBeGreaterThanOrEqual(70);
  });

  it.each(DEADLINE_CASES.map((c) => [label(c.raw), c] as const))('%s', (_, c) => {
    const result = parseDeadline(c.raw, c.context);
    expect({
      kind: result.kind,
      start: result.start,
      due: result.due,
      recurring: result.recurring,
      yearInferred: result.yearInferred,
    }).toEqual({
      kind: c.kind,
      start: c.start,
      due: c.due,
      recurring: c.recurring ?? false,
      yearInferred: c.yearInferred ?? false,
    });
    expect(result.raw).toBe(c.raw.trim());
    if (c.occurrences) expect(result.occurrences).toEqual(c.occurrences);
  });
});

describe('parseDeadline: negative cases', () => {
  it.each(NEGATIVE_DEADLINE_CASES.map((c) => [label(c.raw), c.why, c] as const))('%s (%s)', (_, __, c) => {
    const result = parseDeadline(c.raw, c.context);
    expect(result).toMatchObject({
      kind: 'unknown',
      start: null,
      due: null,
      recurring: false,
      yearInferred: false,
    });
  });
});

describe('parseDeadline: details', () => {
  it('keeps raw as given, trimmed, note included', () => {
    const raw = 'Năm 2021 và những năm tiếp theo(Theo lộ trình của Trung ương)';
    expect(parseDeadline(`\u00a0 ${raw}  `).raw).toBe(raw);
  });

  it('infers a year only from a single-year plan', () => {
    const plan2017: DeadlineContext = { periodFrom: 2017, periodTo: 2017 };
    expect(parseDeadline('Tháng 9', plan2017)).toMatchObject({ due: '2017-09-30', yearInferred: true });
    expect(parseDeadline('Tháng 9', { periodFrom: 2016, periodTo: 2020 })).toMatchObject({
      kind: 'month',
      due: null,
      yearInferred: false,
    });
    expect(parseDeadline('Tháng 9', { periodFrom: 2017 })).toMatchObject({ due: null, yearInferred: false });
    expect(parseDeadline('Tháng 9', { periodFrom: null, periodTo: null })).toMatchObject({ due: null });
  });

  it('does not mark a stated year as inferred', () => {
    expect(parseDeadline('Quý I năm 2014', { periodFrom: 2014, periodTo: 2014 }).yearInferred).toBe(false);
  });

  it('knows leap years when the year is inferred', () => {
    expect(parseDeadline('29/2', { periodFrom: 2016, periodTo: 2016 }).due).toBe('2016-02-29');
    expect(parseDeadline('29/2', { periodFrom: 2017, periodTo: 2017 }).kind).toBe('unknown');
    expect(parseDeadline('Tháng 2', { periodFrom: 2024, periodTo: 2024 }).due).toBe('2024-02-29');
  });

  it('accepts NFD input, no-break spaces and any case', () => {
    const nfd = 'Quý I + II năm 2014'.normalize('NFD');
    expect(parseDeadline(nfd)).toMatchObject({ kind: 'quarter', start: '2014-01-01', due: '2014-06-30' });
    expect(parseDeadline(nfd).raw).toBe(nfd);
    expect(parseDeadline('Quý\u00a0IV\u00a0\u00a0Năm   2021').due).toBe('2021-12-31');
    expect(parseDeadline('hÀNG nĂM').kind).toBe('recurring');
  });
});

/** Sentences from the fixtures' prose, and the phrase that must be found in each. */
const PHRASE_CASES: { sentence: string; raw: string; kind: DeadlineKind; due: string | null }[] = [
  {
    sentence:
      '- Văn phòng UBND tỉnh ... gửi Sở Nội vụ thẩm định trình Chủ tịch UBND tỉnh phê duyệt (Đề án cần nêu đầy đủ về quy trình, thủ tục...). Hoàn thành trước ngày 20 ngày 02 năm 2014.',
    raw: 'Hoàn thành trước ngày 20 ngày 02 năm 2014',
    kind: 'date',
    due: '2014-02-20',
  },
  {
    sentence:
      'Báo cáo UBND tỉnh và các cơ quan có thẩm quyền phê duyệt để tổ chức thực hiện điểm. Hoàn thành trước ngày 28 tháng 02 năm 2014.',
    raw: 'Hoàn thành trước ngày 28 tháng 02 năm 2014',
    kind: 'date',
    due: '2014-02-28',
  },
  {
    sentence:
      'Tổ chức triển khai thực hiện khảo sát mức độ hài lòng của người dân đối với các dịch vụ y tế công, giáo dục công; tổng hợp, báo cáo UBND tỉnh công bố chậm nhất ngày 31/12/2017. Tăng cường các giải pháp.',
    raw: 'chậm nhất ngày 31/12/2017',
    kind: 'date',
    due: '2017-12-31',
  },
  {
    sentence:
      '- Các cơ quan, đơn vị, địa phương đẩy nhanh tiến độ thực hiện đề án vị trí việc làm đối với cơ quan hành chính; rà soát, hoàn thiện đề án vị trí việc làm đối với các đơn vị sự nghiệp công lập, thẩm định, trình UBND tỉnh phê duyệt trong quý III năm 2017.',
    raw: 'trong quý III năm 2017',
    kind: 'quarter',
    due: '2017-09-30',
  },
  {
    sentence: 'Các sở báo cáo kết quả chậm nhất ngày 30/7/2017 về Sở Nội vụ.',
    raw: 'chậm nhất ngày 30/7/2017',
    kind: 'date',
    due: '2017-07-30',
  },
  { sentence: 'Ban hành Quy chế trước 30/6/2021.', raw: 'trước 30/6/2021', kind: 'date', due: '2021-06-30' },
  {
    sentence: 'Xây dựng Đề án, hoàn thành trong 6 tháng đầu năm 2017;',
    raw: 'hoàn thành trong 6 tháng đầu năm 2017',
    kind: 'half',
    due: '2017-06-30',
  },
  { sentence: 'Hoàn thành năm 2018.', raw: 'Hoàn thành năm 2018', kind: 'year', due: '2018-12-31' },
  {
    sentence: 'Tổ chức kiểm tra trong tháng 10 và tháng 11 năm 2019, báo cáo kết quả.',
    raw: 'trong tháng 10 và tháng 11 năm 2019',
    kind: 'month',
    due: '2019-11-30',
  },
  {
    sentence: 'Căn cứ Nghị quyết số 21/NQ-CP ngày 21/3/2016, hoàn thành trong Quý I, II/2014.',
    raw: 'hoàn thành trong Quý I, II/2014',
    kind: 'quarter',
    due: '2014-06-30',
  },
  {
    sentence: 'hoàn thành kế hoạch đào tạo năm 2017 chậm nhất ngày 30/11/2017',
    raw: 'chậm nhất ngày 30/11/2017',
    kind: 'date',
    due: '2017-11-30',
  },
];

describe('findDeadlinePhrase', () => {
  it.each(PHRASE_CASES.map((c) => [c.raw, c] as const))('finds %s', (_, c) => {
    const found = findDeadlinePhrase(c.sentence);
    expect(found).not.toBeNull();
    expect(found?.raw).toBe(c.raw);
    expect(found?.index).toBe(c.sentence.indexOf(c.raw));
    expect(parseDeadline(found?.raw ?? '')).toMatchObject({ kind: c.kind, due: c.due });
  });

  it.each(NEGATIVE_PHRASE_CASES.map((c) => [label(c.sentence), c.why, c] as const))(
    'finds nothing in %s (%s)',
    (_, __, c) => {
      expect(findDeadlinePhrase(c.sentence)).toBeNull();
    },
  );

  // The readers match on the fold: old tone placement and unaccented text read as the usual spelling.
  it.each([
    ['Sở Nội vụ hòan thành trứơc ngày 31/12/2017.', 'hòan thành trứơc ngày 31/12/2017', '2017-12-31'],
    ['Hoan thanh truoc ngay 31/12/2017.', 'Hoan thanh truoc ngay 31/12/2017', '2017-12-31'],
    ['Trình UBND tỉnh phê duyệt trong qúy III năm 2017.', 'trong qúy III năm 2017', '2017-09-30'],
    ['trinh UBND tinh phe duyet trong quy II nam 2018', 'trong quy II nam 2018', '2018-06-30'],
  ])('finds a phrase in the old or no accents: %s', (sentence, raw, due) => {
    const found = findDeadlinePhrase(sentence);
    expect(found).toEqual({ raw, index: sentence.indexOf(raw) });
    expect(parseDeadline(raw).due).toBe(due);
  });

  it('quotes NFD text as written, with UTF-16 offsets into it', () => {
    const sentence = 'Trình UBND tỉnh  phê duyệt\u00a0trong quý III năm 2017.'.normalize('NFD');
    const found = findDeadlinePhrase(sentence);
    expect(found).not.toBeNull();
    expect(found?.raw).toBe('trong quý III năm 2017'.normalize('NFD'));
    expect(sentence.slice(found?.index, (found?.index ?? 0) + (found?.raw.length ?? 0))).toBe(found?.raw);
  });

  it('quotes odd spacing inside the phrase as written', () => {
    const sentence = 'Hoàn  thành\u00a0trước ngày 28 tháng 02 năm 2014';
    expect(findDeadlinePhrase(sentence)).toEqual({ raw: sentence, index: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// Every deadline cell of the fixtures, read with the simplest cell splitting for each layout.

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** 000, L1: the last cell of each numbered row (`2 | ... | Quý I năm 2014 |`). */
function sonLaDeadlines(): string[] {
  return fixture('son-la-2014-qd-158.txt')
    .split('\n')
    .filter((line) => /^\d+ \| /.test(line))
    .map(
      (line) =>
        line
          .split(' | ')
          .at(-1)
          ?.replace(/ ?\|\s*$/, '') ?? '',
    );
}

/** 001, L2: the fifth cell of each `1.1` row. */
function thaiNguyenDeadlines(): string[] {
  return fixture('thai-nguyen-2017-kh-121.txt')
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.split('\n').filter((line) => line.startsWith('\t')))
    .filter((cells) => /^\t\d+\.\d+/.test(cells[0] ?? ''))
    .map((cells) => (cells[4] ?? '').slice(1));
}

/**
 * 004, L3: the cell before each funding cell (`Kinh phí ...`); the one row with no funding cell (IV 3.2) ends
 * with its deadline right before the next heading, after its partner cell.
 */
function namDinhDeadlines(): string[] {
  const text = fixture('nam-dinh-2021-kh-117.txt');
  const table = text.slice(text.indexOf('Nguồn kinh phí dự kiến'));
  const cells = table.split(/\n\|\n/).map((cell) => cell.trim());
  const heading = /^(?:[IVX]+\.|\d+(?:\.\d+)*\.? )/;
  const funding = /^Kinh phí/;
  const out: string[] = [];
  for (let i = 2; i + 1 < cells.length; i++) {
    const [previous, cell, next] = [cells[i - 1] ?? '', cells[i] ?? '', cells[i + 1] ?? ''];
    if (funding.test(cell) || heading.test(cell)) continue;
    if (funding.test(next) || (heading.test(next) && !heading.test(previous))) out.push(cell);
  }
  return out;
}

describe('fixture deadlines', () => {
  const plans: [string, () => string[], DeadlineContext, number][] = [
    ['000 Sơn La', sonLaDeadlines, { periodFrom: 2014, periodTo: 2014 }, 40],
    ['001 Thái Nguyên', thaiNguyenDeadlines, { periodFrom: 2017, periodTo: 2017 }, 58],
    ['004 Nam Định', namDinhDeadlines, { periodFrom: 2021, periodTo: 2021 }, 45],
  ];

  it.each(plans)('%s: every deadline cell parses', (_, read, context, rows) => {
    const cells = read();
    expect(cells).toHaveLength(rows);
    const unknown = cells.filter((cell) => parseDeadline(cell, context).kind === 'unknown');
    expect(unknown).toEqual([]);
  });

  it('every fixture cell text is in the case table', () => {
    const tabled = new Set(FIXTURE_DEADLINE_CASES.map((c) => c.raw));
    const cells = [...sonLaDeadlines(), ...thaiNguyenDeadlines(), ...namDinhDeadlines()];
    expect(cells.filter((cell) => !tabled.has(cell))).toEqual([]);
  });

  it('counts per kind', () => {
    const count = (cells: string[], context: DeadlineContext): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const cell of cells) {
        const kind = parseDeadline(cell, context).kind;
        out[kind] = (out[kind] ?? 0) + 1;
      }
      return out;
    };
    expect(count(sonLaDeadlines(), { periodFrom: 2014, periodTo: 2014 })).toEqual({
      recurring: 1,
      quarter: 20,
      year: 19,
    });
    expect(count(thaiNguyenDeadlines(), { periodFrom: 2017, periodTo: 2017 })).toEqual({
      recurring: 26,
      'per-regulation': 11,
      month: 5,
      date: 14,
      range: 1,
      quarter: 1,
    });
    expect(count(namDinhDeadlines(), { periodFrom: 2021, periodTo: 2021 })).toEqual({
      quarter: 6,
      year: 27,
      from: 2,
      recurring: 8,
      'per-regulation': 2,
    });
  });
});
