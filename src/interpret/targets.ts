import type { IndicatorEntry } from '../lexicon/types.js';
import type { Comparator, TargetUnit } from '../model/types.js';
import { caseless } from '../text/caseless.js';
import { fold, foldMapped, type MappedFold } from '../text/fold.js';
import { DIGIT, O_ACUTE, PERCENT as PERCENT_SIGN, UNKNOWN_FIGURES } from '../text/line-info.js';
import { allMatches } from '../text/matches.js';
import { squashSpaces } from '../text/normalize.js';

/**
 * Target interpreter (SPEC §3 `targets`, §5 indicators): reads every quantitative target stated in one
 * sentence, bullet or paragraph — a percentage (`90% các văn bản ...`), a rank (`đạt nhóm C trở lên`)
 * or a count (`ít nhất 03 đơn vị hành chính cấp huyện`).
 *
 * Like the deadline interpreter it works on folded text (no tone marks, `đ` → `d`, lower case, one
 * space), but keeps a map from every folded character back to the input, so `raw` and `index` point
 * at the text as the caller gave it, NFC or NFD.
 *
 * Decisions the caller should know:
 * - Every percentage with a number is a target; counts are targets only behind an explicit target
 *   phrase (`ít nhất`, `tối thiểu`, `không quá`, `tối đa`, `đạt`, `phấn đấu`, `từ N ... trở lên`) or
 *   when coordinated with one (`ít nhất 03 ... và 08 ...`). A bare `226 UBND cấp xã` is not a target.
 * - `trở lên` binds to a figure only right after it (`80% trở lên`), or when `từ` opens the phrase
 *   (`từ 30% tổng số các Sở, Ban, ngành, UBND cấp huyện trở lên`). In `60% cơ quan ... từ cấp huyện
 *   trở lên` it belongs to `cấp huyện` and the comparator stays `=`.
 * - `đạt 80%` and `nâng ... lên 100%` are `>=`; `phấn đấu 100%` is `=`.
 * - For ranks, comparators compare standing, not the number: `nhóm C trở lên` and `thứ 10 trở lên`
 *   are both `>=` ("C or better", "10th or better").
 * - `year` is only what the text states: the year in the figure's own clause (nearest first), else a
 *   `đến / vào / hết / trong năm YYYY` anywhere in the text; a date's year (`tháng 11 năm 2011`) and a
 *   span (`năm 2017-2018`) are not target years.
 * - The subject follows the figure (`90% các văn bản ...`) unless the figure closes its phrase
 *   (`... giáo dục, y tế đạt 80%.`), when it is the text before it, from the last `bảo đảm`, `nhằm`,
 *   `nâng` on. The indicator is read from the subject, else from the clause before the figure.
 */
export interface TargetReading {
  /** The phrase stating the figure, e.g. `trên 80%`, `80% trở lên`, `ít nhất 03`, `nhóm C trở lên`. */
  raw: string;
  /** UTF-16 offset of `raw` in the input text. */
  index: number;
  /** `90`; for a rank, the group as written (`C`) or the position (`thứ 10` → 10). */
  value: number | string;
  unit: TargetUnit;
  comparator: Comparator;
  /** The year the text states for this figure; null when it states none. */
  year: number | null;
  indicator: string | null;
  /** What the figure is about, NFC, one space between words. */
  subject: string;
}

// ---------------------------------------------------------------------------------------------
// Folding with an offset map.

/** Marks join their letter, zero-width characters are left out, whitespace runs are one space. */
function foldWithOffsets(input: string): MappedFold {
  return foldMapped(input, true, true);
}

// ---------------------------------------------------------------------------------------------
// Clauses: a figure's qualifier, subject and year are looked for in its own clause first.

interface Span {
  start: number;
  end: number;
}

/** A clause's end: `;`, `!`, `?`, or `.` or `:` before a space or the end. */
const CLAUSE_END = /[;!?]|[.:](?= |$)/g;

/** Splits at `;`, `!`, `?`, and at `.` or `:` followed by a space (not `9001:2008`, not `1.5`). */
export function splitClauses(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  // A regex scan finds the few ends faster than a loop over every unit.
  CLAUSE_END.lastIndex = 0;
  for (let end = CLAUSE_END.exec(text); end !== null; end = CLAUSE_END.exec(text)) {
    clauses.push({ start, end: end.index });
    start = end.index + 1;
  }
  clauses.push({ start, end: text.length });
  return clauses;
}

// ---------------------------------------------------------------------------------------------
// Qualifiers: the words right before a figure that say how it bounds the value.

export interface Qualifier {
  /** Folded words, matched right before the number (`mức` / `tỷ lệ` may stand between). */
  words: string;
  /** null for `từ`, which bounds only together with a later `trở lên`. */
  comparator: Comparator | null;
  /** Whether the words make a bare number a count target. */
  count: boolean;
}

/** Longer phrases come before the phrases they end with (`không dưới` before `dưới`). */
export const QUALIFIERS: readonly Qualifier[] = [
  // "không quá 5%", "thời gian giải quyết tối đa 05 ngày"
  { words: 'khong vuot qua', comparator: '<=', count: true },
  { words: 'khong qua', comparator: '<=', count: true },
  { words: 'khong vuot', comparator: '<=', count: true },
  { words: 'khong cao hon', comparator: '<=', count: false },
  { words: 'khong nhieu hon', comparator: '<=', count: true },
  { words: 'toi da', comparator: '<=', count: true },
  // "Đảm bảo hết năm 2017 có ít nhất 03 đơn vị hành chính cấp huyện", "tối thiểu 70%"
  { words: 'khong it hon', comparator: '>=', count: true },
  { words: 'khong thap hon', comparator: '>=', count: false },
  { words: 'khong duoi', comparator: '>=', count: true },
  { words: 'it nhat', comparator: '>=', count: true },
  { words: 'toi thieu', comparator: '>=', count: true },
  // "sự hài lòng ... đạt mức trên 80%"
  { words: 'cao hon', comparator: '>', count: false },
  { words: 'lon hon', comparator: '>', count: false },
  { words: 'nhieu hon', comparator: '>', count: false },
  { words: 'vuot', comparator: '>', count: false },
  { words: 'tren', comparator: '>', count: false },
  { words: 'hon', comparator: '>', count: false },
  // "dưới 2%"; "dưới dạng điện tử" never stands right before a number, so it cannot match here
  { words: 'thap hon', comparator: '<', count: false },
  { words: 'nho hon', comparator: '<', count: false },
  { words: 'it hon', comparator: '<', count: false },
  { words: 'duoi', comparator: '<', count: false },
  // "giáo dục, y tế đạt 80%", "Nâng tỷ lệ ... mức độ 4 lên 100%"
  { words: 'dat duoc', comparator: '>=', count: true },
  { words: 'dat', comparator: '>=', count: true },
  { words: 'len', comparator: '>=', count: false },
  // "phấn đấu 100% cán bộ, công chức cấp xã đạt chuẩn": a target, but an exact one
  { words: 'phan dau co', comparator: '=', count: true },
  { words: 'phan dau', comparator: '=', count: true },
  // "kiểm tra từ 30% tổng số các Sở, Ban, ngành, UBND cấp huyện trở lên"
  { words: 'tu', comparator: null, count: true },
];

/** Words that may stand between a qualifier and its number: `đạt mức 80%`, `không quá tỷ lệ 5%`. */
const QUALIFIER_FILLERS = ['muc', 'ty le'];

const QUALIFIER_PATTERNS = QUALIFIERS.map(
  (q) => new RegExp(`(?:^|[^a-z0-9])(${q.words}) (?:(?:${QUALIFIER_FILLERS.join('|')}) )?$`, 'd'),
);

/** Longest qualifier with its filler is 22 characters; the window only needs to hold it. */
const QUALIFIER_WINDOW = 32;

export interface FoundQualifier {
  qualifier: Qualifier;
  start: number;
}

/**
 * The words a qualifier phrase can end with right before its number: each qualifier's last word, and
 * each filler's. Most numbers follow none of them, and need none of the patterns tried.
 */
const QUALIFIER_LAST_WORDS = new Set(
  [...QUALIFIERS.map((q) => q.words), ...QUALIFIER_FILLERS].map((words) =>
    words.slice(words.lastIndexOf(' ') + 1),
  ),
);

/** The letters and digits that end `window` right before its last unit, a space (`''` if it ends otherwise). */
function lastWordBeforeSpace(window: string): string {
  const end = window.length - 1;
  if (end < 0 || window.charCodeAt(end) !== 0x20) return '';
  let start = end;
  while (start > 0 && isWordUnit(window.charCodeAt(start - 1))) start--;
  return window.slice(start, end);
}

/** `[a-z0-9]`, as a code unit. */
function isWordUnit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** The qualifier right before a number (exported for the test that holds it to its patterns). */
export function readQualifier(clause: string, numberStart: number): FoundQualifier | null {
  const windowStart = Math.max(0, numberStart - QUALIFIER_WINDOW);
  const window = clause.slice(windowStart, numberStart);
  // Every pattern ends `<word> $`, its word a qualifier's last word or a filler's.
  if (!QUALIFIER_LAST_WORDS.has(lastWordBeforeSpace(window))) return null;
  for (let k = 0; k < QUALIFIERS.length; k++) {
    const match = QUALIFIER_PATTERNS[k]!.exec(window);
    const at = match?.indices?.[1]?.[0];
    if (at !== undefined) return { qualifier: QUALIFIERS[k]!, start: windowStart + at };
  }
  return null;
}

/** "đạt 80% trở lên": the bound word must follow the figure at once. */
const SUFFIX = /^ ?(tro len|tro xuong)(?![a-z0-9])/;

function readSuffix(clause: string, at: number): { comparator: Comparator; end: number } | null {
  const match = SUFFIX.exec(clause.slice(at, at + 12));
  if (!match) return null;
  return { comparator: match[1] === 'tro len' ? '>=' : '<=', end: at + match[0].length };
}

/** How far a `từ N` may stand from its `trở lên`. */
const FROM_RANGE = 120;

/** "từ 30% tổng số các Sở, Ban, ngành, UBND cấp huyện trở lên": no other figure or `từ` in between. */
function findDistantOrMore(clause: string, at: number): Span | null {
  const stretch = clause.slice(at, at + FROM_RANGE);
  const match = /(?:^|[^a-z0-9])tro len(?![a-z0-9])/.exec(stretch);
  if (!match) return null;
  const between = stretch.slice(0, match.index);
  if (/\d|(?:^|[^a-z0-9])tu(?![a-z0-9])/.test(between)) return null;
  const start = at + match.index + match[0].indexOf('tro len');
  return { start, end: start + 'tro len'.length };
}

// ---------------------------------------------------------------------------------------------
// Figure matchers. Each reads one kind of figure in a clause (folded, clause-relative offsets).

interface Figure {
  /** The raw phrase. */
  start: number;
  end: number;
  value: number | string;
  unit: TargetUnit;
  comparator: Comparator;
  /** The subject follows the figure (`90% các văn bản`), or precedes it (`... đạt 80%`). */
  leading: boolean;
  /** Set when the subject is enclosed by the phrase (`từ 30% <subject> trở lên`). */
  subject?: Span;
  /** Counts coordinated with an earlier one share its group (`ít nhất 03 ... và 08 ...`). */
  group?: number;
}

/** A figure that closes its phrase: end of clause, punctuation, its year, a comparison. */
const CLOSES_PHRASE =
  /^ ?(?:$|[,;.:)(\]!?\-–]|(?:vao|den|trong|toi|truoc|het|cuoi) nam(?![a-z])|nam \d|so voi(?![a-z])|va(?![a-z0-9])|hoac(?![a-z0-9]))/;

function isLeading(clause: string, end: number): boolean {
  return !CLOSES_PHRASE.test(clause.slice(end, end + 16));
}

/** Builds a figure from a number and what stands around it; `requireTarget` is for counts. */
function boundFigure(
  clause: string,
  number: Span,
  value: number,
  unit: '%' | 'count',
  requireTarget: boolean,
): Figure | null {
  const found = readQualifier(clause, number.start);
  const qualifier = found?.qualifier;
  const suffix = readSuffix(clause, number.end);
  let comparator: Comparator = '=';
  let start = number.start;
  let end = number.end;
  let subject: Span | undefined;
  if (suffix) {
    comparator = suffix.comparator;
    end = suffix.end;
    if (found && (qualifier?.comparator === null || qualifier?.comparator === suffix.comparator))
      start = found.start;
  } else if (found && qualifier?.comparator === null) {
    const orMore = findDistantOrMore(clause, number.end);
    if (orMore) {
      comparator = '>=';
      start = found.start;
      end = orMore.end;
      subject = { start: number.end, end: orMore.start };
    }
  } else if (found && qualifier?.comparator) {
    comparator = qualifier.comparator;
    if (comparator !== '=' || unit === 'count') start = found.start;
  }
  if (requireTarget && start === number.start) return null;
  if (requireTarget && qualifier && !qualifier.count) return null;
  const figure: Figure = { start, end, value, unit, comparator, leading: isLeading(clause, end) };
  if (subject) {
    figure.subject = subject;
    figure.leading = true;
  }
  return figure;
}

// "- 60% các văn bản, tài liệu của các cơ quan hành chính nhà nước các cấp được trao đổi dưới dạng điện tử."
// Not "tỷ lệ %", "(chiếm tỷ lệ %....)": a percentage needs its number.
const PERCENT = /(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?) ?%/g;

function readPercentages(clause: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of allMatches(PERCENT, clause)) {
    const digits = match[1]!;
    const number = { start: match.index, end: match.index + match[0].length };
    const figure = boundFigure(clause, number, Number.parseFloat(digits.replace(',', '.')), '%', false);
    if (figure) figures.push(figure);
  }
  return figures;
}

// "Đảm bảo hết năm 2017 có ít nhất 03 đơn vị hành chính cấp huyện và 08 Sở, ngành được kết nối"
// A count is a number followed by a word, never part of `61/2018`, `9001:2008`, `3,5` or a date.
const COUNT = /(?<![\d.,/:-])(\d{1,5}) (?=[a-z])/g;
/** A year is never a count (`phấn đấu 2020 ...`). */
const YEAR_LIKE = /^(?:19|20)\d\d$/;
/** How far apart coordinated counts may stand: `03 đơn vị hành chính cấp huyện và 08`. */
const COORDINATION_RANGE = 80;

function readCounts(clause: string): Figure[] {
  const figures: Figure[] = [];
  let previous: Figure | null = null;
  let group = 0;
  for (const match of allMatches(COUNT, clause)) {
    const digits = match[1]!;
    if (YEAR_LIKE.test(digits)) continue;
    const number = { start: match.index, end: match.index + digits.length };
    const value = Number.parseInt(digits, 10);
    let figure = boundFigure(clause, number, value, 'count', true);
    if (figure) {
      group++;
    } else if (previous && isCoordinated(clause, previous.end, number.start)) {
      figure = { ...number, value, unit: 'count', comparator: previous.comparator, leading: true };
    }
    if (!figure) continue;
    figure.group = group;
    figures.push(figure);
    previous = figure;
  }
  return figures;
}

function isCoordinated(clause: string, previousEnd: number, start: number): boolean {
  if (start - previousEnd > COORDINATION_RANGE) return false;
  const between = clause.slice(previousEnd, start);
  return !/\d/.test(between) && /(?: va|,) $/.test(between);
}

// "c) Phấn đấu năm 2017 kết quả xếp hạng Chỉ số CCHC cấp tỉnh (PAR INDEX) của tỉnh Thái Nguyên đạt nhóm C trở lên."
// The group letter must be a capital in the text: `nhóm cán bộ` is not a rank.
const RANK_GROUP = /(?<![a-z0-9])(?:dat|thuoc|vao|trong|xep|xep hang|o) (nhom ([a-e]))(?![a-z0-9])/dg;
// "xếp thứ 10 trở lên" (no corpus plan ranks by position yet); not "thứ 6" or "lần thứ 2".
const RANK_POSITION = /(?<![a-z0-9])(?:xep|dung|xep hang|vi tri|hang) (thu (\d{1,2}))(?![\d.,/:])/dg;
// "nằm trong top 20 tỉnh dẫn đầu", "vào nhóm 10 địa phương"
const RANK_TOP =
  /(?<![a-z0-9])(?:trong|vao|thuoc) ((?:top|nhom) (\d{1,2})) (?=tinh|dia phuong|don vi|dan dau)/dg;

function readRanks(clause: string, isCapital: (at: number) => boolean): Figure[] {
  const figures: Figure[] = [];
  const add = (phrase: Span, value: number | string, comparator: Comparator): void => {
    const suffix = readSuffix(clause, phrase.end);
    figures.push({
      start: phrase.start,
      end: suffix ? suffix.end : phrase.end,
      value,
      unit: 'rank',
      comparator: suffix ? suffix.comparator : comparator,
      // What is ranked always comes first: "kết quả xếp hạng Chỉ số CCHC ... đạt nhóm C".
      leading: false,
    });
  };
  // Each pattern needs its own word (`nhom `, `thu `, `top `): most clauses have none, told by `includes`.
  const group = clause.includes('nhom ');
  const position = clause.includes('thu ');
  const top = clause.includes('top ');
  for (const match of group ? allMatches(RANK_GROUP, clause) : []) {
    const [start, end] = match.indices![1]!;
    const letterAt = match.indices![2]![0];
    if (isCapital(letterAt)) add({ start, end }, match[2]!.toUpperCase(), '=');
  }
  for (const match of position ? allMatches(RANK_POSITION, clause) : []) {
    const [start, end] = match.indices![1]!;
    add({ start, end }, Number.parseInt(match[2]!, 10), '=');
  }
  for (const match of group || top ? allMatches(RANK_TOP, clause) : []) {
    const [start, end] = match.indices![1]!;
    add({ start, end }, Number.parseInt(match[2]!, 10), '>=');
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Subjects.

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

/** Characters a subject neither starts nor ends with. */
function isEdgeJunk(ch: string | undefined): boolean {
  return ch !== undefined && ' ,;:.-–+*•'.includes(ch);
}

// "c) Phấn đấu ...", "- 100% ...", "1.2. ...", "+ Dịch vụ công trực tuyến: ..."
const LIST_MARKER = /^(?:[a-z]|[ivx]{1,5}|\d{1,3}(?:\.\d{1,3}){0,3})[.)] /;
// "Bảo đảm sự hài lòng ...", "Đến năm 2020, 90% ...", "Phấn đấu năm 2017 kết quả xếp hạng ..."
const LEAD_IN =
  /^(?:phan dau|bao dam|dam bao|nham|(?:tu nay )?(?:den het|den|vao|trong|het|toi) nam \d{4}|nam \d{4})(?![a-z0-9]),? ?/;
/** Words that join a subject to its figure: "... y tế đạt 80%", "... mức độ 4 lên 100%". */
const TAIL_WORDS = ['dat duoc', 'dat', 'len', 'nang len', 'la', 'o muc', 'muc', 'ty le', 'co', 'va', 'hoac'];
/**
 * In a subject before its figure, what follows the last of these is what is measured:
 * "... nâng mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính đạt mức trên 80%".
 * Bare `nang` is also `năng` (`năng lực`), so it counts only before `tỷ lệ` / `mức`.
 */
const SUBJECT_OPENERS =
  /(?:^|[^a-z0-9])(?:bao dam|dam bao|nham|phan dau|nang cao|nang(?= ty le| muc))(?![a-z0-9])/g;

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  for (let guard = 0; guard < 8 && start < end; guard++) {
    while (start < end && isEdgeJunk(text[start])) start++;
    const rest = text.slice(start, end);
    const marker = LIST_MARKER.exec(rest) ?? LEAD_IN.exec(rest);
    if (!marker || marker[0].length === 0) break;
    start += marker[0].length;
  }
  for (let guard = 0; guard < 8 && start < end; guard++) {
    while (start < end && isEdgeJunk(text[end - 1])) end--;
    const tail = TAIL_WORDS.find((w) => end - start > w.length && text.endsWith(` ${w}`, end));
    if (!tail) break;
    end -= tail.length;
  }
  while (start < end && isEdgeJunk(text[start])) start++;
  while (start < end && isEdgeJunk(text[end - 1])) end--;
  // An opening parenthesis left without its closing one (or the reverse) is cut off.
  const inner = text.slice(start, end);
  if (inner.endsWith('(') || (inner.endsWith(')') && !inner.includes('('))) end--;
  if (inner.startsWith(')') || (inner.startsWith('(') && !inner.includes(')'))) start++;
  return start < end ? { start, end } : { start, end: start };
}

/** From the last `bảo đảm` / `nhằm` / `nâng` on, when something is left after it. */
function afterLastOpener(text: string, span: Span): Span {
  const region = text.slice(span.start, span.end);
  let cut = -1;
  for (const match of allMatches(SUBJECT_OPENERS, region)) {
    const end = match.index + match[0].length;
    if (/[a-z0-9]/.test(region.slice(end))) cut = end;
  }
  return cut < 0 ? span : { start: span.start + cut, end: span.end };
}

/**
 * The parentheses around a figure, looked for only between its neighbours (so the search stays
 * linear): "(đạt 80% trở lên số văn bản được phát hành dưới dạng điện tử ...)".
 */
function enclosingParens(clause: string, figure: Figure, left: number, right: number): Span | null {
  const before = clause.slice(left, figure.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return null;
  const after = clause.slice(figure.end, right);
  const close = after.indexOf(')');
  if (close < 0 || after.slice(0, close).includes('(')) return null;
  return { start: left + open, end: figure.end + close + 1 };
}

interface Placed {
  figure: Figure;
  subject: Span;
  /** The stretch before the figure, back to the previous one: a second place to find the indicator. */
  context: Span;
  /** The stretch after the figure, up to the next one: ranks only ("xếp thứ 10 ... Chỉ số CCHC"). */
  after: Span;
}

/** Gives each figure of a clause its subject, and the stretch before it to read an indicator from. */
function placeSubjects(clause: string, figures: Figure[]): Placed[] {
  return figures.map((figure, i) => {
    const previous = figures[i - 1];
    const next = figures[i + 1];
    let left = previous ? previous.end : 0;
    let right = next ? next.start : clause.length;
    const context = { start: left, end: figure.start };
    const after = { start: figure.end, end: right };
    if (figure.subject) return { figure, subject: trimSpan(clause, figure.subject), context, after };
    const parens = enclosingParens(clause, figure, left, right);
    if (parens) {
      left = parens.start + 1;
      right = parens.end - 1;
    }
    if (figure.leading) {
      let end = right;
      // A figure that closes its phrase follows: they share the stretch between, split at a comma.
      if (next && !next.leading && !parens) {
        const comma = clause.slice(figure.end, end).indexOf(',');
        if (comma >= 0) end = figure.end + comma;
      }
      return { figure, subject: trimSpan(clause, { start: figure.end, end }), context, after };
    }
    if (previous?.leading && !parens) {
      const comma = clause.slice(previous.end, figure.start).indexOf(',');
      if (comma >= 0) left = previous.end + comma + 1;
    }
    let subject = trimSpan(clause, afterLastOpener(clause, { start: left, end: figure.start }));
    if (subject.start === subject.end && parens) {
      // "Thực hiện các giải pháp nâng cao tỷ lệ đạt chuẩn CB, CC cấp xã (đạt 100%)."
      const outer = { start: previous ? previous.end : 0, end: parens.start };
      subject = trimSpan(clause, afterLastOpener(clause, outer));
    }
    if (subject.start === subject.end && figure.unit === 'rank') {
      // "nằm trong top 20 tỉnh dẫn đầu về Chỉ số CCHC"
      subject = trimSpan(clause, after);
    }
    return { figure, subject, context, after };
  });
}

// ---------------------------------------------------------------------------------------------
// Years.

export interface YearMention {
  at: number;
  year: number;
  /** Stated with `đến`, `vào`, `hết`, `trong`...: a deadline for the whole text, not a label. */
  strong: boolean;
}

// "Đến năm 2020, ...", "... đạt mức trên 80% vào năm 2020", "Đảm bảo hết năm 2017 có ít nhất 03 ..." — as
// `/(?<![a-z0-9])(?:(den het|den|vao|het|trong|toi|truoc|cuoi) )?nam (\d{4})(?!\d)(?! ?[-–/] ?\d)/g`
// finds them: `nam YYYY` is searched for, and the word before it looked at (a scan for an optional
// word at every place took longer).
const YEAR = /nam (\d{4})(?!\d)(?! ?[-–/] ?\d)/g;
/** The words that make a year strong, the longer first where one ends another (`den het`, `het`). */
const STRONG_YEAR_WORDS = ['den het', 'den', 'vao', 'het', 'trong', 'toi', 'truoc', 'cuoi'];
/**
 * Years that are not a target's: a date's ("ngày 08 tháng 11 năm 2011"), a baseline
 * ("giảm 10% so với năm 2015"), a start ("từ năm 2016").
 */
const NOT_TARGET_YEAR = /(?:thang \d{1,2}|so voi|tu) $/;

/** Whether the unit before `at` is not `[a-z0-9]` (or there is none): a word may start at `at`. */
function startsWord(text: string, at: number): boolean {
  return at === 0 || !isWordUnit(text.charCodeAt(at - 1));
}

/** Every year mention of a folded text (exported for the test that holds it to its regex). */
export function findYears(text: string): YearMention[] {
  const years: YearMention[] = [];
  for (const match of allMatches(YEAR, text)) {
    const year = Number.parseInt(match[1]!, 10);
    if (year < 1900 || year > 2100) continue;
    // Where the mention starts: at a strong word before it, else at `nam`, which must start a word.
    let at = -1;
    if (match.index > 0 && text.charCodeAt(match.index - 1) === 0x20) {
      for (const word of STRONG_YEAR_WORDS) {
        const start = match.index - 1 - word.length;
        if (start >= 0 && text.startsWith(word, start) && startsWord(text, start)) {
          at = start;
          break;
        }
      }
    }
    const strong = at !== -1;
    if (!strong) {
      if (!startsWord(text, match.index)) continue;
      at = match.index;
    }
    if (NOT_TARGET_YEAR.test(text.slice(Math.max(0, at - 12), at))) continue;
    years.push({ at, year, strong });
  }
  return years;
}

/** First index in `years` (sorted by position) at or after `at`. */
function firstYearFrom(years: YearMention[], at: number): number {
  let low = 0;
  let high = years.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (years[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The mention nearest to `at` within [from, to); the earlier one on a tie. */
function nearestYear(
  years: YearMention[],
  at: number,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): number | null {
  const k = firstYearFrom(years, at);
  const before = years[k - 1];
  const after = years[k];
  const candidates = [before, after].filter(
    (y): y is YearMention => y !== undefined && y.at >= from && y.at < to,
  );
  if (candidates.length === 0) return null;
  const [first, second] = candidates;
  return second && Math.abs(second.at - at) < Math.abs(first!.at - at) ? second.year : first!.year;
}

// ---------------------------------------------------------------------------------------------
// Indicators.

interface CompiledIndicators {
  list: Array<{ key: string; keywords: string[] }>;
  /** Any keyword of any indicator as whole words (what `containsWords` tells), one test for all; null when there are none. */
  any: RegExp | null;
  /** Each keyword's first indicator (its index in `list`). */
  owner: Map<string, number>;
}

const NO_INDICATORS: CompiledIndicators = { list: [], any: null, owner: new Map() };
const compiledCache = new WeakMap<Record<string, IndicatorEntry>, CompiledIndicators>();

function compileIndicators(indicators: Record<string, IndicatorEntry>): CompiledIndicators {
  if (typeof indicators !== 'object' || indicators === null) return NO_INDICATORS;
  const cached = compiledCache.get(indicators);
  if (cached) return cached;
  const list: CompiledIndicators['list'] = [];
  for (const [key, entry] of Object.entries(indicators)) {
    const keywords = Array.isArray(entry?.keywords) ? entry.keywords : [];
    list.push({
      key,
      keywords: keywords
        .filter((k): k is string => typeof k === 'string')
        .map(fold)
        .filter(Boolean),
    });
  }
  const owner = new Map<string, number>();
  list.forEach(({ keywords }, index) => {
    for (const k of keywords) if (!owner.has(k)) owner.set(k, index);
  });
  // In lexicon order: where several keywords start at one place, the first indicator's is tried first.
  const all = [...owner.keys()].map((k) => k.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  const any = all.length > 0 ? new RegExp(`(?<![a-z0-9])(${all.join('|')})(?![a-z0-9])`, 'g') : null;
  const compiled = { list, any, owner };
  compiledCache.set(indicators, compiled);
  return compiled;
}

/** Whole-word containment: `tinh gian` is in `tinh gian bien che`, not in `tinh giang`. */
function containsWords(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  while (at >= 0) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}

/** The first indicator (in lexicon order) one of whose keywords `folded` holds as whole words. */
export function matchIndicator(folded: string, indicators: CompiledIndicators): string | null {
  const any = indicators.any;
  if (folded === '' || any === null) return null;
  // One scan for all keywords: at each place a keyword starts, the first indicator's keyword that is
  // whole words there; the search then goes on from the next place (so overlapping keywords count).
  let best = -1;
  any.lastIndex = 0;
  for (let m = any.exec(folded); m !== null; m = any.exec(folded)) {
    const index = indicators.owner.get(m[1]!)!;
    if (best === -1 || index < best) best = index;
    if (best === 0) break;
    any.lastIndex = m.index + 1;
  }
  any.lastIndex = 0;
  return best === -1 ? null : indicators.list[best]!.key;
}

/** `matchIndicator` as defined: each indicator in turn, each keyword looked for as whole words. */
export function matchIndicatorByKeyword(folded: string, indicators: CompiledIndicators): string | null {
  if (folded === '') return null;
  for (const { key, keywords } of indicators.list) {
    if (keywords.some((k) => containsWords(folded, k))) return key;
  }
  return null;
}

/** The indicators of a lexicon, compiled once (exported for the test that holds `matchIndicator` to its definition). */
export { compileIndicators };

// ---------------------------------------------------------------------------------------------
// The reader.

/** Read every quantitative target in one sentence/bullet/paragraph (already joined if it was hard-wrapped). Never throws. */
export function readTargets(text: string, indicators: Record<string, IndicatorEntry>): TargetReading[] {
  return readTargetsIn(text, indicators, true);
}

/**
 * `readTargets`, told whether `text` may hold a decomposed tone mark (U+0300–U+036F): the parser
 * knows that a plain document holds none, and need not look for one in each paragraph. `false` says
 * the text is plain (see `PLAIN_UNIT`), which NFC leaves as it is: its subjects are not normalised.
 */
export function readTargetsIn(
  text: string,
  indicators: Record<string, IndicatorEntry>,
  mayHoldMarks: boolean,
  figures: number = UNKNOWN_FIGURES,
): TargetReading[] {
  if (typeof text !== 'string' || text === '') return [];
  // A target is a percentage, a count after a target phrase, or a rank: most sentences are none.
  if (!mayHoldTarget(text, mayHoldMarks, figures)) return [];
  const folded = foldWithOffsets(text);
  const compiled = compileIndicators(indicators);
  const years = findYears(folded.text);
  const strongYears = years.filter((y) => y.strong);
  const readings: TargetReading[] = [];
  const original = (span: Span, offset: number): { index: number; text: string } => {
    if (span.end <= span.start) return { index: folded.from[offset + span.start] ?? 0, text: '' };
    const index = folded.from[offset + span.start]!;
    return { index, text: text.slice(index, folded.to[offset + span.end - 1]!) };
  };

  for (const clauseSpan of splitClauses(folded.text)) {
    const offset = clauseSpan.start;
    const clause = folded.text.slice(clauseSpan.start, clauseSpan.end);
    // A figure is a number, or a rank group (`đạt nhóm B`), which needs none.
    if (!/\d/.test(clause) && !/nhom [a-e]/.test(clause)) continue;
    const isCapital = (at: number): boolean => /^[A-E]$/.test(text[folded.from[offset + at]!] ?? '');
    const figures = dropOverlaps([
      ...readPercentages(clause),
      ...readCounts(clause),
      ...readRanks(clause, isCapital),
    ]);
    const placed = placeSubjects(clause, figures);

    const found = placed.map(({ figure, subject, context, after }) => {
      const raw = original(figure, offset);
      const subjectRaw = original(subject, offset).text;
      const subjectText = squashSpaces(mayHoldMarks ? subjectRaw.normalize('NFC') : subjectRaw);
      const indicator =
        matchIndicator(fold(subjectText), compiled) ??
        matchIndicator(clause.slice(context.start, context.end), compiled) ??
        (figure.unit === 'rank' ? matchIndicator(clause.slice(after.start, after.end), compiled) : null);
      const at = offset + figure.start;
      const reading: TargetReading = {
        raw: raw.text,
        index: raw.index,
        value: figure.value,
        unit: figure.unit,
        comparator: figure.comparator,
        year: nearestYear(years, at, clauseSpan.start, clauseSpan.end) ?? nearestYear(strongYears, at),
        indicator,
        subject: subjectText,
      };
      return { reading, group: figure.group };
    });
    // Coordinated counts share one predicate, and so one indicator.
    const groupIndicator = new Map<number, string>();
    for (const { reading, group } of found) {
      if (group !== undefined && reading.indicator !== null && !groupIndicator.has(group)) {
        groupIndicator.set(group, reading.indicator);
      }
    }
    for (const { reading, group } of found) {
      if (reading.indicator === null && group !== undefined)
        reading.indicator = groupIndicator.get(group) ?? null;
    }
    for (const item of found) readings.push(item.reading);
  }
  return readings;
}

// The words a count or rank target needs (ít nhất 03, tối thiểu, không quá, đạt, phấn đấu, thứ 10,
// top 20, trở lên, lên 100%, nhóm C), tested on composed text.
const TARGET_WORDS = caseless([
  'ít nhất',
  'tối thiểu',
  'tối đa',
  'không quá',
  'đạt',
  'phấn đấu',
  'thứ',
  'top',
  'lên',
]);
// `nhóm A` in any case (`/nhóm\s+[A-E](?![\p{L}\p{M}])/iu`, spelled out).
export const MAY_BE_RANK = new RegExp(
  String.raw`${caseless(['nhóm']).source}\s+[A-Ea-e](?![\p{L}\p{M}])`,
  'u',
);

/**
 * `figures`: which of the units `%`, a digit and `ó`/`Ó` the text holds, as `FIGURES` bits, when the
 * caller knows (the parser does, from the lines' description), else `UNKNOWN_FIGURES`: a test for a
 * unit the text lacks is skipped, and one for a unit it is known to hold.
 */
function mayHoldTarget(text: string, mayHoldMarks: boolean, figures: number): boolean {
  const known = figures !== UNKNOWN_FIGURES;
  if ((figures & PERCENT_SIGN) !== 0 && (known || text.includes('%'))) return true;
  const nfc = mayHoldMarks && /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
  if ((figures & DIGIT) !== 0 && (known || /\d/.test(nfc)) && TARGET_WORDS.test(nfc)) return true;
  return (figures & O_ACUTE) !== 0 && MAY_BE_RANK.test(nfc);
}

function dropOverlaps(figures: Figure[]): Figure[] {
  const sorted = [...figures].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Figure[] = [];
  for (const figure of sorted) {
    const last = kept[kept.length - 1];
    if (last && figure.start < last.end) continue;
    kept.push(figure);
  }
  return kept;
}
