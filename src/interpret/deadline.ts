import type { Deadline, DeadlineContext, DeadlineKind } from '../model/types.js';
import { detach, fold, foldMapped, type MappedFold } from '../text/fold.js';
import { DIGIT, LETTER_Q, RARE_LATIN, UNKNOWN_FIGURES } from '../text/line-info.js';
import { allMatches } from '../text/matches.js';
import { memo } from '../text/memo.js';

/**
 * Deadline interpreter (SPEC §4), built like chrono-node: the text is normalised once, then an ordered
 * list of small matchers is tried, each one anchored regex and one concern, each returning null when
 * it does not apply; the first hit wins. Matchers run on folded text (`fold`: NFC/NFD, case, accents,
 * spaces incl. U+00A0 all unified), so `Quý`, `QUÝ` and `quy` are one spelling, and so are `Hàng năm`
 * and `Hằng năm`.
 *
 * Decisions the caller should know:
 * - A year missing from the text is taken from the plan only when its period is a single year
 *   (`periodFrom === periodTo`); then `yearInferred` is true. Otherwise the kind is still reported
 *   (`Quý I` stays `quarter`) but `start` and `due` are null, so the caller can warn about it.
 * - `Đầu năm 2018` is read as quarter I and `Cuối năm 2018` as quarter IV (kind `quarter`).
 * - `trước` ("before") is accepted in front of a day only (`trước 30/6/2021`); `trước Quý III` is
 *   ambiguous (by the end of Q2, or during Q3?) and is `unknown`.
 * - `from` keeps the start of its period (`Từ Quý II/2012` → start 2012-04-01) and has `due` null.
 * - Years outside 1900–2100 are not years; text longer than 1000 characters is prose, not a deadline.
 * - Text in parentheses is a note (`Hàng năm (Theo lộ trình của Trung ương)`): it stays in `raw` and
 *   is not parsed, unless it is all there is.
 */

/** What a matcher read, before `raw` and the defaults are filled in. */
interface Period {
  kind: DeadlineKind;
  start: string | null;
  due: string | null;
  recurring?: boolean;
  yearInferred?: boolean;
  occurrences?: { start: string; due: string }[];
}

/** A year as stated, or taken from the plan (`inferred`), or missing (`year: null`). */
interface ResolvedYear {
  year: number | null;
  inferred: boolean;
}

/** Resolves the year a matcher captured (undefined when the text has none); null when it is not a year. */
type YearResolver = (stated: string | undefined) => ResolvedYear | null;

interface Matcher {
  pattern: RegExp;
  extract(match: RegExpExecArray, resolveYear: YearResolver): Period | null;
}

const MAX_LENGTH = 1000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Regex fragments, shared by the anchored matchers and by findDeadlinePhrase. None nests a
// quantifier inside another unbounded one, so every pattern runs in linear time.

/** Between a period and its year: `Quý 1-Năm 2021`, `Quý I -Năm 2021`, `Quý Inăm 2014`, `Quý III/2017`, `Tháng 8 năm 2017`. */
const YEAR_TAIL = String.raw`(?: ?[-/,.] ?(?:nam ?)?| ?nam ?| )(\d{4})`;
/** A quarter numeral; it may run straight into `năm` (`Quý Inăm 2014`). */
const QUARTER_NUMERAL = '(?:iv|iii|ii|i|[1-4])(?=nam|[^a-z0-9]|$)';
/** Joins the items of a span: `Quý I + II`, `Quý I, II`, `quý I và quý II`, `tháng 10 đến tháng 12`. */
const LIST_SEPARATOR = '(?: ?[-+,&–] ?| (?:va|den|toi|hoac) )';
const QUARTER_LIST = `${QUARTER_NUMERAL}(?:${LIST_SEPARATOR}(?:quy )?${QUARTER_NUMERAL}){0,3}`;
const MONTH_NUMBER = String.raw`\d{1,2}(?!\d)`;
const MONTH_LIST = `${MONTH_NUMBER}(?:${LIST_SEPARATOR}(?:thang )?${MONTH_NUMBER}){0,11}`;
const HALF_PREFIX = '(?:(?:0?6|sau) thang|nua) (dau|cuoi)(?: nam)?';

const QUARTER_NUMBERS: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  1: 1,
  2: 2,
  3: 3,
  4: 4,
};

// ---------------------------------------------------------------------------------------------
// Calendar helpers.

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR;
}

/** Months `firstMonth`..`lastMonth` of one year; null dates when the year is unknown. */
function monthsOf(kind: DeadlineKind, year: ResolvedYear, firstMonth: number, lastMonth: number): Period {
  if (year.year === null) return { kind, start: null, due: null };
  return {
    kind,
    start: iso(year.year, firstMonth, 1),
    due: iso(year.year, lastMonth, daysInMonth(year.year, lastMonth)),
    yearInferred: year.inferred,
  };
}

/** One day; the day must exist (31/02 does not), in a leap year when the year is unknown. */
function dayOf(year: ResolvedYear, month: number, day: number): Period | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year.year ?? 2000, month)) return null;
  if (year.year === null) return { kind: 'date', start: null, due: null };
  return { kind: 'date', start: null, due: iso(year.year, month, day), yearInferred: year.inferred };
}

/** The items of a span (`i + ii`, `10 va thang 11`), reduced to their numbers. */
function listNumbers(list: string, numbers: Readonly<Record<string, number>> | null): number[] {
  const out: number[] = [];
  for (const token of list.split(/[^a-z0-9]+/)) {
    if (token === '') continue;
    const value = numbers ? numbers[token] : /^\d{1,2}$/.test(token) ? Number(token) : undefined;
    if (value !== undefined) out.push(value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matchers. Order matters: specific shapes before the general ones they contain.

/** The periods a `from` deadline can start with. */
const PERIOD_MATCHERS: readonly Matcher[] = [
  {
    // "6 tháng đầu năm 2017", "6 tháng cuối năm" — a half year.
    pattern: new RegExp(`^${HALF_PREFIX}(?:${YEAR_TAIL})?$`),
    extract(match, resolveYear) {
      const year = resolveYear(match[2]);
      if (!year) return null;
      return match[1] === 'dau' ? monthsOf('half', year, 1, 6) : monthsOf('half', year, 7, 12);
    },
  },
  {
    // "Đầu năm 2018", "Cuối năm 2018" — read as quarter I and quarter IV: the nearest named period.
    pattern: new RegExp(`^(dau|cuoi) nam(?:${YEAR_TAIL})?$`),
    extract(match, resolveYear) {
      const year = resolveYear(match[2]);
      if (!year) return null;
      return match[1] === 'dau' ? monthsOf('quarter', year, 1, 3) : monthsOf('quarter', year, 10, 12);
    },
  },
  {
    // "Quý I năm 2014", "Quý 1-Năm 2021", "Quý IV Năm 2021", "Quý Inăm 2014", "Quý III/2017",
    // and spans: "Quý I + II năm 2014", "Quý I, II/2014", "quý I và quý II".
    pattern: new RegExp(`^quy (${QUARTER_LIST})(?:${YEAR_TAIL})?$`),
    extract(match, resolveYear) {
      const year = resolveYear(match[2]);
      const quarters = listNumbers(match[1] ?? '', QUARTER_NUMBERS);
      if (!year || quarters.length === 0) return null;
      return monthsOf('quarter', year, Math.min(...quarters) * 3 - 2, Math.max(...quarters) * 3);
    },
  },
  {
    // "Tháng 8/2017", "Tháng 09/2017", "tháng 8 năm 2017", and spans: "tháng 10 và tháng 11 năm 2019".
    pattern: new RegExp(`^thang (${MONTH_LIST})(?:${YEAR_TAIL})?$`),
    extract(match, resolveYear) {
      const year = resolveYear(match[2]);
      const months = listNumbers(match[1] ?? '', null);
      if (!year || months.length === 0 || months.some((m) => m < 1 || m > 12)) return null;
      return monthsOf('month', year, Math.min(...months), Math.max(...months));
    },
  },
  {
    // "09/2017" — a month written without `tháng`; the four-digit part tells it from a day.
    pattern: /^(\d{1,2}) ?[/.-] ?(\d{4})$/,
    extract(match, resolveYear) {
      const year = resolveYear(match[2]);
      const month = Number(match[1]);
      if (!year || month < 1 || month > 12) return null;
      return monthsOf('month', year, month, month);
    },
  },
  {
    // "31/12/2017", "ngày 30/7/2017", "30.6.2017" — one separator, used twice.
    pattern: /^(?:ngay )?(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4})$/,
    extract(match, resolveYear) {
      const year = resolveYear(match[4]);
      return year ? dayOf(year, Number(match[3]), Number(match[1])) : null;
    },
  },
  {
    // "30/6" — day and month; only a slash, so `2.5` stays a number.
    pattern: /^(?:ngay )?(\d{1,2}) ?\/ ?(\d{1,2})$/,
    extract(match, resolveYear) {
      const year = resolveYear(undefined);
      return year ? dayOf(year, Number(match[2]), Number(match[1])) : null;
    },
  },
  {
    // "ngày 28 tháng 02 năm 2014", and the typo "ngày 20 ngày 02 năm 2014" (second `ngày` for `tháng`).
    pattern: /^(?:ngay )?(\d{1,2}) (?:thang|ngay) (\d{1,2})(?:(?: nam| ?[/,.]) ?(\d{4}))?$/,
    extract(match, resolveYear) {
      const year = resolveYear(match[3]);
      return year ? dayOf(year, Number(match[2]), Number(match[1])) : null;
    },
  },
  {
    // "Năm 2014", "năm 2021", "2014", and "Trong năm" (after `trong` is dropped) — a whole year.
    pattern: /^(?:nam(?: ?(\d{4}))?|(\d{4}))$/,
    extract(match, resolveYear) {
      const year = resolveYear(match[1] ?? match[2]);
      return year ? monthsOf('year', year, 1, 12) : null;
    },
  },
];

function matchFirst(matchers: readonly Matcher[], text: string, resolveYear: YearResolver): Period | null {
  for (const matcher of matchers) {
    const match = matcher.pattern.exec(text);
    if (!match) continue;
    const period = matcher.extract(match, resolveYear);
    if (period) return period;
  }
  return null;
}

/** An open-ended deadline starting with `period`. */
function fromPeriod(period: Period | null): Period | null {
  if (!period) return null;
  return {
    kind: 'from',
    start: period.start ?? period.due,
    due: null,
    ...(period.yearInferred ? { yearInferred: true } : {}),
  };
}

const MATCHERS: readonly Matcher[] = [
  {
    // "Thường xuyên", "Hàng năm", "Hằng quý", "Định kỳ 6 tháng" — repeats, so no due date.
    pattern:
      /^(?:thuong xuyen(?:,? lien tuc)?|dinh ky|(?:dinh ky |dinh ky hang |hang )(?:nam|quy|thang|tuan|ngay|\d{1,2} thang))$/,
    extract: () => ({ kind: 'recurring', start: null, due: null, recurring: true }),
  },
  {
    // "Theo quy định", "Theo kế hoạch", "Theo hướng dẫn của Bộ Nội vụ" — the date is set elsewhere.
    pattern:
      /^theo (?:dung )?(?:quy dinh|ke hoach|huong dan|lo trinh|yeu cau|chi dao|tien do)(?: .{1,200})?$/,
    extract: () => ({ kind: 'per-regulation', start: null, due: null }),
  },
  {
    // "Năm 2017-2018", "2016 - 2020", "Giai đoạn 2016 - 2020", "Từ năm 2016 đến năm 2020".
    pattern: /^(?:giai doan |tu nam |tu |nam |cac nam )?(\d{4}) ?(?:-|–|—|den|toi) ?(?:nam )?(\d{4})$/,
    extract(match, resolveYear) {
      const first = resolveYear(match[1]);
      const last = resolveYear(match[2]);
      if (!first?.year || !last?.year || last.year < first.year) return null;
      if (first.year === last.year) return monthsOf('year', first, 1, 12);
      return { kind: 'range', start: iso(first.year, 1, 1), due: iso(last.year, 12, 31) };
    },
  },
  {
    // "Năm 2013, 2014, 2015" — the same task in each named year.
    pattern: /^(?:cac )?(?:nam )?(\d{4}(?:(?: ?[,;] ?| va )(?:nam )?\d{4}){1,9})$/,
    extract(match) {
      const years = [...new Set((match[1] ?? '').match(/\d{4}/g) ?? [])].map(Number).sort((a, b) => a - b);
      if (years.length < 2 || !years.every(isYear)) return null;
      const occurrences = years.map((y) => ({ start: iso(y, 1, 1), due: iso(y, 12, 31) }));
      return { kind: 'multi-year', start: occurrences[0]!.start, due: occurrences.at(-1)!.due, occurrences };
    },
  },
  {
    // "Năm 2021 và những năm tiếp theo", "Từ năm 2021 trở đi" — open-ended, from that period on.
    pattern: /^(?:tu )?(.+) (?:va (?:nhung|cac) nam tiep theo|tro di|tro ve sau)$/,
    extract: (match, resolveYear) => fromPeriod(matchFirst(PERIOD_MATCHERS, match[1] ?? '', resolveYear)),
  },
  {
    // "Từ Quý II/2012", "Từ tháng 9/2017", "Bắt đầu từ năm 2018".
    pattern: /^(?:bat dau |ke )?tu (.+)$/,
    extract: (match, resolveYear) => fromPeriod(matchFirst(PERIOD_MATCHERS, match[1] ?? '', resolveYear)),
  },
  ...PERIOD_MATCHERS,
];

// ---------------------------------------------------------------------------------------------
// Normalisation and lead words.

/** Words that introduce a deadline and do not change it: "Hoàn thành trước ngày ...", "chậm nhất ngày ...". */
const LEAD_WORD = /^(hoan thanh|cham nhat(?: la)?|truoc|trong|vao|den het|den|xong) /;
const EDGE_PUNCTUATION = '.;,:-–+*•|';

/** Drops a note in parentheses (`Năm 2021 và những năm tiếp theo(Theo lộ trình ...)`), unless it is all there is. */
function dropNote(text: string): string {
  const open = text.indexOf('(');
  if (open < 0) return text;
  const head = text.slice(0, open).trim();
  if (head !== '') return head;
  const inner = text.slice(open + 1);
  const close = inner.indexOf(')');
  return (close < 0 ? inner : inner.slice(0, close)).trim();
}

/** Trims bullets and trailing punctuation (`Năm 2014.`) without a regex, so runs of dots stay linear. */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE_PUNCTUATION.includes(text[start]!)) start++;
  while (end > start && EDGE_PUNCTUATION.includes(text[end - 1]!)) end--;
  return text.slice(start, end).trim();
}

function normalise(raw: string): { text: string; dayOnly: boolean } {
  let text = trimPunctuation(dropNote(fold(raw)));
  let dayOnly = false;
  for (let i = 0; i < 4; i++) {
    const lead = LEAD_WORD.exec(text);
    if (!lead) break;
    if (lead[1] === 'truoc') dayOnly = true;
    text = text.slice(lead[0].length);
  }
  return { text, dayOnly };
}

/** The year a deadline without one falls in: the plan's, when the plan spans one year. */
function planYearOf(context: DeadlineContext | undefined): number | null {
  const from = context?.periodFrom;
  return typeof from === 'number' && from === context?.periodTo && isYear(from) ? from : null;
}

function yearResolver(context: DeadlineContext | undefined): YearResolver {
  const planYear = planYearOf(context);
  return (stated) => {
    if (stated !== undefined) {
      const year = Number(stated);
      return isYear(year) ? { year, inferred: false } : null;
    }
    return planYear === null ? { year: null, inferred: false } : { year: planYear, inferred: true };
  };
}

// A table's deadline cells repeat (`Thường xuyên`, `Năm 2017`, `Quý I/2017`): each reading is kept,
// by the one fact of the context that changes it (the year of a one-year plan, or none), then by the
// cell: the cell's own text is the key (a key made of both would be a new string to hash every time).
const READINGS = new Map<number | null, Map<string, Deadline>>();
const MAX_REMEMBERED = 10_000;
/** How many readings the maps hold together. */
let remembered = 0;
memo({
  clear: () => {
    READINGS.clear();
    remembered = 0;
  },
});

/** Reads a deadline cell or phrase (SPEC §4). Never throws: what it cannot read is `unknown`. */
export function parseDeadline(raw: string, context?: DeadlineContext): Deadline {
  if (typeof raw !== 'string' || raw.length > 200) return parseDeadlineUncached(raw, context);
  const planYear = planYearOf(context);
  let reading = READINGS.get(planYear)?.get(raw);
  if (reading === undefined) {
    reading = parseDeadlineUncached(raw, context);
    if (remembered >= MAX_REMEMBERED) {
      READINGS.clear();
      remembered = 0;
    }
    let byCell = READINGS.get(planYear);
    if (byCell === undefined) {
      byCell = new Map();
      READINGS.set(planYear, byCell);
    }
    byCell.set(detach(raw), reading.raw === '' ? reading : { ...reading, raw: detach(reading.raw) });
    remembered++;
  }
  // A copy: the caller may change what it gets.
  return copyDeadline(reading);
}

/**
 * A copy of a reading, fields written out in their order (`{ ...reading }` with its occurrences
 * copied, which come last): a spread of objects of two shapes took a slow path in the hot loop of
 * task building.
 */
function copyDeadline(d: Deadline): Deadline {
  const copy: Deadline = {
    raw: d.raw,
    kind: d.kind,
    start: d.start,
    due: d.due,
    recurring: d.recurring,
    yearInferred: d.yearInferred,
  };
  if (d.occurrences) copy.occurrences = d.occurrences.map((o) => ({ start: o.start, due: o.due }));
  return copy;
}

/** `{ ...d, line }`: a copy (see `copyDeadline`) with `line` added last, where the spread puts it. */
export function deadlineAt(d: Deadline, line: number): Deadline & { line: number } {
  const copy = copyDeadline(d) as Deadline & { line: number };
  copy.line = line;
  return copy;
}

/**
 * `parseDeadline` without its memory of texts read before: the reading itself. The benchmark times
 * this one, since it reads the same few strings again and again.
 */
export function parseDeadlineUncached(raw: string, context?: DeadlineContext): Deadline {
  const trimmed = typeof raw === 'string' ? raw.trim() : '';
  const unknown: Deadline = {
    raw: trimmed,
    kind: 'unknown',
    start: null,
    due: null,
    recurring: false,
    yearInferred: false,
  };
  if (trimmed === '' || trimmed.length > MAX_LENGTH) return unknown;
  const { text, dayOnly } = normalise(trimmed);
  const period = matchFirst(MATCHERS, text, yearResolver(context));
  if (!period || (dayOnly && period.kind !== 'date')) return unknown;
  return {
    raw: trimmed,
    kind: period.kind,
    start: period.start,
    due: period.due,
    recurring: period.recurring ?? false,
    yearInferred: period.yearInferred ?? false,
    ...(period.occurrences ? { occurrences: period.occurrences } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Deadlines inside prose.

/** Like `fold`, but keeps a map back to the source, so a match can be quoted as written (NFC or NFD). */
function foldWithOffsets(source: string): MappedFold {
  return foldMapped(source, false, false);
}

/** Ends a phrase: not inside a word or a longer number (`30/6/17` is not `30/6`). */
const PHRASE_END = String.raw`(?![a-z0-9]|[/.-]\d)`;
const sticky = (source: string): RegExp => new RegExp(source + PHRASE_END, 'y');

/** "ngày 28 tháng 02 năm 2014", "31/12/2017", "ngày 20 ngày 02 năm 2014", "30/6". */
const DAY_FORMS = [
  sticky(String.raw`(?:ngay )?\d{1,2} ?([/.-]) ?\d{1,2} ?\1 ?\d{4}`),
  sticky(String.raw`(?:ngay )?\d{1,2} (?:thang|ngay) \d{1,2}(?: nam| ?[/,.]) ?\d{4}`),
  sticky(String.raw`(?:ngay )?\d{1,2} ?\/ ?\d{1,2}`),
];
/** "quý III năm 2017", "tháng 9/2017", "6 tháng đầu năm 2017". */
const PERIOD_FORMS = [
  sticky(`quy ${QUARTER_LIST}(?:${YEAR_TAIL})?`),
  sticky(`thang ${MONTH_LIST}(?:${YEAR_TAIL})?`),
  sticky(`${HALF_PREFIX}(?:${YEAR_TAIL})?`),
];
/** "năm 2017" — only after words that make it a deadline (`hoàn thành trong năm 2017`), never after a bare `trong`. */
const YEAR_FORMS = [sticky(String.raw`nam ?\d{4}`)];

/**
 * What makes a date a deadline: "Hoàn thành trước ngày ...", "chậm nhất ngày ...", "phê duyệt trong quý III ...".
 * Group 1: `hoàn thành`; group 2/3: the word after it, or on its own.
 */
const TRIGGER =
  /(?<![a-z0-9])(?:(hoan thanh) (?:(truoc|trong|vao|cham nhat(?: la)?) )?|(truoc|cham nhat(?: la)?|trong) )/g;

/** The trigger words on their own, and what `trong` needs after it (a digit too): the one list of both first tests. */
const TRIGGER_WORDS = ['hoan thanh', 'truoc', 'cham nhat'];
const AFTER_TRONG = ['quy', 'thang'];
// A trigger word followed by what can follow it (`trong` only before a period): a cheap first test.
const TRIGGER_TEST = new RegExp(
  `(?<![a-z0-9])(?:${TRIGGER_WORDS.join('|')})(?![a-z])|(?<![a-z0-9])trong (?:${AFTER_TRONG.join('|')}|\\d)`,
);
// What every phrase read names, on the fold: a day or a year (a digit) or a quarter (`quy`).
const DIGIT_OR_QUARTER = /\d|quy/;

/**
 * The ASCII and Vietnamese letters that fold to each letter of the trigger words, whatever their case
 * and marks. Every other plain unit that folds to one is in `RARE_LATIN_LETTERS` (test/text.test.ts
 * checks both against the fold). On a plain text the fold is unit for unit but for blanks.
 */
export const FOLDS_TO: Readonly<Record<string, string>> = {
  a: 'AaÀÁÂÃàáâãĂăẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ',
  c: 'Cc',
  g: 'Gg',
  h: 'Hh',
  m: 'Mm',
  n: 'Nn',
  o: 'OoÒÓÔÕòóôõƠơỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ',
  q: 'Qq',
  r: 'Rr',
  t: 'Tt',
  u: 'UuÙÚùúŨũƯưỤụỦủỨứỪừỬửỮữỰự',
  y: 'YyÝýỲỳỴỵỶỷỸỹ',
};

/**
 * The trigger words as a plain text without rare Latin letters may spell them (`trước`, `trứơc`,
 * `TRƯỚC`, `truoc`), blanks between words: it matches wherever `TRIGGER_TEST` matches the fold of
 * such a text, so a paragraph it does not match is passed over without folding it.
 */
const spelledSource = (word: string): string =>
  [...word].map((l) => (l === ' ' ? '\\s+' : `[${FOLDS_TO[l]}]`)).join('');
/**
 * `TRIGGER_TEST` spelled: `trong` only before what it wants after it, as the word alone is in most
 * paragraphs (`trong đó`, `trong lĩnh vực`), each of which would be folded for nothing. (On such a text
 * only an ASCII digit folds to a digit, and only blanks to a space: test/text.test.ts.)
 */
export const TRIGGER_SPELLED = new RegExp(
  [
    ...TRIGGER_WORDS.map(spelledSource),
    `${spelledSource('trong')}\\s+(?:${AFTER_TRONG.map(spelledSource).join('|')}|\\d)`,
  ].join('|'),
);
/** `quý` as such a text may spell it: without a digit, the only thing a phrase can name is a quarter. */
export const QUARTER_SPELLED = new RegExp(spelledSource('quy'));

function formsAfter(completed: boolean, word: string | undefined): readonly RegExp[] {
  if (word === 'truoc') return DAY_FORMS;
  if (word === 'trong' && !completed) return PERIOD_FORMS;
  return [...DAY_FORMS, ...PERIOD_FORMS, ...YEAR_FORMS];
}

/**
 * Finds a deadline stated inside a prose sentence, e.g. "Hoàn thành trước ngày 28 tháng 02 năm 2014",
 * "chậm nhất ngày 30/7/2017", "trình UBND tỉnh phê duyệt trong quý III năm 2017". Returns the phrase as
 * written (from its lead word, e.g. `Hoàn thành trước ngày 28 tháng 02 năm 2014`) and its UTF-16 offset in
 * `sentence`, or null. Only phrases that are clearly deadlines: `trước` + a day; `chậm nhất` / `hoàn thành` +
 * a day or period; `trong` + a quarter, month or half. `chậm nhất 10 giờ ngày thứ Sáu` is not one.
 */
export function findDeadlinePhrase(sentence: string): { raw: string; index: number } | null {
  return findDeadlinePhraseIn(sentence);
}

/**
 * `findDeadlinePhrase`, told which figure units `sentence` holds when the caller knows (`FIGURES` bits
 * of a plain text: a digit, a `q`; else `UNKNOWN_FIGURES`).
 */
export function findDeadlinePhraseIn(
  sentence: string,
  figures: number = UNKNOWN_FIGURES,
): { raw: string; index: number } | null {
  if (typeof sentence !== 'string' || sentence === '') return null;
  // Every phrase it reads names a day, a year or a quarter after a trigger word, tested on the fold
  // (which reads `trứơc`, `hòan thành`, `qúy` and unaccented text as it reads the usual spelling).
  // A plain text without a digit or a `q` has neither, as the caller's scan tells, and one without
  // rare Latin letters that does not spell a trigger word in ASCII and Vietnamese letters has no
  // trigger in its fold either.
  if ((figures & (DIGIT | LETTER_Q)) === 0) return null;
  if ((figures & RARE_LATIN) === 0) {
    if ((figures & DIGIT) === 0 && !QUARTER_SPELLED.test(sentence)) return null;
    if (!TRIGGER_SPELLED.test(sentence)) return null;
  }
  const folded = foldWithOffsets(sentence);
  if (!DIGIT_OR_QUARTER.test(folded.text) || !TRIGGER_TEST.test(folded.text)) return null;
  for (const trigger of allMatches(TRIGGER, folded.text)) {
    const at = trigger.index + trigger[0].length;
    for (const form of formsAfter(trigger[1] !== undefined, trigger[2] ?? trigger[3])) {
      form.lastIndex = at;
      const phrase = form.exec(folded.text);
      if (!phrase) continue;
      const start = folded.from[trigger.index];
      const end = folded.to[at + phrase[0].length - 1];
      if (start === undefined || end === undefined) continue;
      const raw = sentence.slice(start, end);
      if (parseDeadline(raw).kind !== 'unknown') return { raw, index: start };
    }
  }
  return null;
}
