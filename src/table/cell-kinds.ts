/**
 * What a table cell *is*. Row assembly recognises cells by their content, not by counting them,
 * because real tables skip cells, merge two tasks into one and wrap cells over several lines.
 */
import type { LexiconData } from '../lexicon/types.js';
import {
  FOLDS_SLOWLY,
  FOLDS_TO_NOTHING,
  FOLDS_TO_SPACE,
  fold,
  foldedUnit,
  foldStart,
  type TrieNode,
  trieOf,
} from '../text/fold.js';
import { isLatinLetter } from '../text/letters.js';

export type TableLexicon = Pick<LexiconData, 'columns' | 'funding' | 'agencyHeads' | 'productHeads'>;

// A valid roman numeral up to 39, the most a plan's sections reach: `I`, `IV`, `VIII`, `XII`.
const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

// Each reader below is an anchored regex whose first unit is a roman letter or a digit: most cells
// (agencies, deadlines, titles) start otherwise and are told so by that unit, not by running the regex.

/** `I`, `V` or `X`, as a code unit (NaN, the unit of an empty text, is none). */
function isRomanLetter(c: number): boolean {
  return c === 0x49 || c === 0x56 || c === 0x58;
}

/** An ASCII digit, what `\d` matches (with or without the `u` flag), as a code unit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `VIII`, `VII.` — a section numeral standing alone in its cell (000: `VII. | CÔNG TÁC TUYÊN TRUYỀN`). */
export function romanOnly(text: string): string | null {
  if (!isRomanLetter(text.charCodeAt(0))) return null;
  const m = /^([IVX]{1,7})\s*[.:)]?$/.exec(text);
  return m && ROMAN.test(m[1]!) ? m[1]! : null;
}

/**
 * `I. CẢI CÁCH THỂ CHẾ`, `VI. Chỉ số CCHC`, `VIII CÔNG TÁC CHỈ ĐẠO` — a section heading.
 * Without a dot the title must start with a capital, so `V ăn bản` style noise is not a section.
 */
export function sectionHeading(text: string): { numeral: string; title: string } | null {
  if (!isRomanLetter(text.charCodeAt(0))) return null;
  const m = /^([IVX]{1,7})(?:\s*[.:)-]\s*|\s+(?=\p{Lu}))(\S.*)$/u.exec(text);
  if (!m || !ROMAN.test(m[1]!)) return null;
  return { numeral: m[1]!, title: m[2]!.trim() };
}

/** `1`, `1.1`, `2.3.` — a number standing alone in its cell (the STT column). */
export function numberOnly(text: string): string | null {
  if (!isDigit(text.charCodeAt(0))) return null;
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,4})\s*[.)]?$/.exec(text);
  return m ? m[1]! : null;
}

/**
 * `1.1. Xây dựng Kế hoạch`, `3.1 Xây dựng`, `1.1.Xây dựng`, `1. Rà soát` — a numbered item: the number
 * as printed and the text after it. The text must start with a letter, so `31/12/2017` is not item 31.
 */
export function numberedItem(text: string): { number: string; text: string } | null {
  if (!isDigit(text.charCodeAt(0))) return null;
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,4})(?:[.)]\s*|\s+)(?=[A-Za-z\u00C0-\u024F\u1E00-\u1EFF“"(])(.+)$/u.exec(
    text,
  );
  return m ? { number: m[1]!, text: m[2]!.trim() } : null;
}

/** A cell holding only separators and blanks (the `| ||||` lines after 000's section rows). */
export function isStructural(text: string): boolean {
  return /^[\s|]*$/.test(text);
}

// Deadline cells begin with a period word, a date or a recurrence; anchored so that a task that
// merely mentions `năm 2014` is not a deadline. `Quý I năm 2014`, `Tháng 8/2017`, `31/12/2017`,
// `Thường xuyên`, `Hàng năm (Theo lộ trình ...)`, `Theo quy định`, `Năm 2017-2018`.
export const DEADLINE_HEAD =
  /^(?:quy\b|thang\s*\d|nam\s*\d|truoc\b|cham nhat|han chot|thuong xuyen|hang (?:nam|quy|thang|tuan)|dinh ky|theo (?:quy dinh|ke hoach|huong dan|lo trinh|tien do|yeu cau|chi dao)|tu (?:quy|thang|nam|nay)|giai doan|\d+ thang|dau nam|cuoi nam|giua nam|trong (?:quy|thang|nam)|\d{1,2}\s*\/\s*\d{1,2}\b|\d{1,2}[.-]\d{1,2}[.-]\d{2,4}\b|\d{4}\b)/;

/**
 * How much of a cell's fold the deadline heads read: the longest is under 20 units, but for `\d+ thang`,
 * whose run of digits may be of any length. A start of 40 units holds ` thang` after at most 34 digits:
 * a fold starting with 35 is read whole.
 */
const DEADLINE_HEAD_READS = 40;
const LONG_DIGITS = /^\d{35}/;

/**
 * A start of a cell's fold as long as the value tests below read, or all of it: the deadline heads,
 * and the longest of `heads` (a head of four units or more starts a cell whatever follows it; a
 * shorter one is read with the unit after it, well within 40). A task's long text is not folded whole
 * to be told it is no value.
 */
export function foldedHead(text: string, ...heads: readonly (readonly string[])[]): string {
  let min = DEADLINE_HEAD_READS;
  for (const list of heads) min = Math.max(min, headIndex(list).longest);
  const head = foldStart(text, min);
  return head.length === min && LONG_DIGITS.test(head) ? fold(text) : head;
}

/**
 * Whether a fold can start with one of `DEADLINE_HEAD`'s heads, by its first unit: `q`, `t`, `n`, `c`, `h`,
 * `d`, `g` or a digit (most agency and funding cells start otherwise, and skip the regex).
 */
export function mayStartDeadline(c: number): boolean {
  return (
    c === 0x71 ||
    c === 0x74 ||
    c === 0x6e ||
    c === 0x63 ||
    c === 0x68 ||
    c === 0x64 ||
    c === 0x67 ||
    isDigit(c)
  );
}

export function isDeadlineLike(text: string, folded: string = foldedHead(text)): boolean {
  return mayStartDeadline(folded.charCodeAt(0)) && DEADLINE_HEAD.test(folded) && !numberedItem(text);
}

/** Whether `folded` starts with one of `heads` as a word (see `startsWithHead`). */
export function startsWithWord(folded: string, heads: readonly string[]): boolean {
  // Only heads with the cell's first unit can start it (an empty head, with any): a few of the 42
  // agency heads, not all of them.
  const index = headIndex(heads);
  const candidates = index.byFirst.get(folded.charCodeAt(0));
  if (candidates !== undefined) for (const head of candidates) if (startsWithHead(folded, head)) return true;
  if (index.emptyHead && startsWithHead(folded, '')) return true;
  return false;
}

function startsWithHead(folded: string, head: string): boolean {
  if (!folded.startsWith(head)) return false;
  // `ubndcap huyen` (a missing space in 004) still starts with `ubnd`; past the end is no letter (NaN).
  return head.length >= 4 || !isLatinLetter(folded.charCodeAt(head.length));
}

interface HeadIndex {
  /** The list it was built from, and its length then (a list grown later is indexed again). */
  size: number;
  byFirst: Map<number, string[]>;
  /** The list holds `''`, which starts every cell (as a word, when no letter follows). */
  emptyHead: boolean;
  /** The length of the longest head. */
  longest: number;
}

const HEAD_INDEXES = new WeakMap<readonly string[], HeadIndex>();

function headIndex(heads: readonly string[]): HeadIndex {
  let index = HEAD_INDEXES.get(heads);
  if (index === undefined || index.size !== heads.length) {
    index = { size: heads.length, byFirst: new Map(), emptyHead: false, longest: 0 };
    for (const head of heads) {
      index.longest = Math.max(index.longest, head.length);
      if (head === '') {
        index.emptyHead = true;
        continue;
      }
      const first = head.charCodeAt(0);
      const list = index.byFirst.get(first);
      if (list) list.push(head);
      else index.byFirst.set(first, [head]);
    }
    HEAD_INDEXES.set(heads, index);
  }
  return index;
}

export function isFundingLike(
  text: string,
  lexicon: TableLexicon,
  folded: string = foldedHead(text, lexicon.funding),
): boolean {
  return startsWithWord(folded, lexicon.funding);
}

// Verbs that open task texts but share a first word with an agency head (`Ban hành` vs `Ban Dân tộc`).
const TASK_OPENERS = ['ban hanh', 'bao cao', 'bao dam', 'bao ve', 'hoi nghi', 'cong bo', 'truong hop'];

export function isProductLike(
  text: string,
  lexicon: TableLexicon,
  folded: string = foldedHead(text, lexicon.productHeads),
): boolean {
  return startsWithWord(folded, lexicon.productHeads);
}

export function isAgencyLike(
  text: string,
  lexicon: TableLexicon,
  folded: string = foldedHead(text, lexicon.agencyHeads),
): boolean {
  if (TASK_OPENERS.some((opener) => folded.startsWith(opener))) return false;
  return startsWithWord(folded, lexicon.agencyHeads);
}

/** A cell that can only be a value of a task row (never a task title or a heading). */
export function isValueLike(text: string, lexicon: TableLexicon): boolean {
  const folded = foldedHead(text, lexicon.funding, lexicon.agencyHeads, lexicon.productHeads);
  return (
    isDeadlineLike(text, folded) ||
    isFundingLike(text, lexicon, folded) ||
    isAgencyLike(text, lexicon, folded) ||
    isProductLike(text, lexicon, folded)
  );
}

export type ColumnKind =
  | 'number'
  | 'group'
  | 'task'
  | 'product'
  | 'lead'
  | 'partners'
  | 'deadline'
  | 'funding'
  | 'notes';

// Column phrases by their folded text (the first kind listed wins a phrase named twice), and their first
// words: most cells start with none of them, and are no header.
interface ColumnIndex {
  phrases: Map<string, ColumnKind>;
  /** The length of the longest phrase: a longer start of a cell is none. */
  longest: number;
  firstWords: Set<string>;
  /** The first words as a trie of folded units, walked over a cell without folding it. */
  trie: TrieNode;
}

/**
 * Whether the cell's first word (up to a space or control character, folded, without trailing
 * `.` and `:`) is certainly not a column's first word — told by walking the trie unit by unit, usually for one or two
 * letters, without cutting or folding the word. Empty words, and letters that fold to several units,
 * are left to the full test (`false`).
 */
function firstWordRulesOut(text: string, trie: TrieNode): boolean {
  let start = 0;
  while (start < text.length && text.charCodeAt(start) <= 0x20) start++;
  let node = trie;
  let length = 0;
  // Stops (`.`, `:`) seen but not yet walked: trailing ones are dropped, inner ones are part of the word.
  let stops = '';
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20) break;
    const unit = foldedUnit(code);
    if (unit === FOLDS_SLOWLY) return false;
    if (unit === FOLDS_TO_NOTHING) continue;
    if (unit === FOLDS_TO_SPACE) {
      // A no-break space inside the word ends it, once something is folded; before that fold skips it.
      if (length > 0 || stops !== '') break;
      continue;
    }
    if (unit === 0x2e || unit === 0x3a) {
      stops += String.fromCharCode(unit);
      continue;
    }
    for (let k = 0; k < stops.length; k++) {
      const child = node.next.get(stops.charCodeAt(k));
      if (!child) return true;
      node = child;
      length++;
    }
    stops = '';
    const child = node.next.get(unit);
    if (!child) return true;
    node = child;
    length++;
  }
  // An empty word rules nothing out; a word must end where a first word ends.
  return length > 0 && !node.end;
}
const COLUMN_INDEX = new WeakMap<TableLexicon['columns'], ColumnIndex>();

function columnIndex(columns: TableLexicon['columns']): ColumnIndex {
  let index = COLUMN_INDEX.get(columns);
  if (!index) {
    const phrases = new Map<string, ColumnKind>();
    for (const [kind, list] of Object.entries(columns)) {
      for (const phrase of list) if (!phrases.has(phrase)) phrases.set(phrase, kind as ColumnKind);
    }
    const firstWords = new Set([...phrases.keys()].map((p) => p.split(' ')[0]!));
    const longest = Math.max(0, ...[...phrases.keys()].map((p) => p.length));
    index = { phrases, longest, firstWords, trie: trieOf(firstWords) };
    COLUMN_INDEX.set(columns, index);
  }
  return index;
}

/**
 * Whether a cell starting with `text`'s first word names no column, whatever follows that word after a
 * blank (`columnKindOf` is null for `text`, and for `text` trimmed and joined to more with a space): the
 * first word is walked through the columns' first words, without cutting or folding it. A table finder
 * asks it of a line before joining the lines of a cell that the line would start.
 */
export function startsNoColumn(text: string, lexicon: TableLexicon): boolean {
  return firstWordRulesOut(text, columnIndex(lexicon.columns).trie);
}

/** `stt.`, `ghi chu:` → without the trailing dots and colons. */
function withoutTrailingStops(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x3a)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The column a header cell names, by its longest matching folded phrase: `Thời gian hoàn thành chậm nhất` → deadline. */
export function columnKindOf(text: string, lexicon: TableLexicon): ColumnKind | null {
  if (text.length > 80) return null;
  const { phrases, longest, firstWords, trie } = columnIndex(lexicon.columns);
  // Most cells (a task's text, an agency) start with no column's first word: tell from that word alone.
  if (firstWordRulesOut(text, trie)) return null;
  const folded = withoutTrailingStops(fold(text));
  if (folded.length === 0 || folded.length > 60) return null;
  const space = folded.indexOf(' ');
  if (!firstWords.has(space === -1 ? folded : folded.slice(0, space))) return null;
  // The longest phrase the cell is, or starts with as whole words.
  const whole = phrases.get(folded);
  if (whole !== undefined) return whole;
  // (A start longer than the longest phrase is none: the search begins at the last word that fits.)
  for (let end = folded.lastIndexOf(' ', longest); end > 0; end = folded.lastIndexOf(' ', end - 1)) {
    const kind = phrases.get(folded.slice(0, end));
    if (kind !== undefined) return kind;
  }
  return null;
}
