/**
 * Agency cells (SPEC §6): `Các sở, ban, ngành; UBND cấp huyện, xã` → `Các sở, ban, ngành`,
 * `UBND cấp huyện`, `UBND cấp xã`.
 *
 * A cell is cut into tokens (words and `,` `;` `:`), then read left to right. Known names from the
 * lexicon are recognised first, longest first, so separators inside a name (`Sở Văn hóa, Thể thao và
 * Du lịch`, `Sở Kế hoạch và Đầu tư`) never split it. What is left is split on `,` and `;`, and on `và`
 * only where an agency follows. Names are compared by a key that ignores tone marks, case, spaces and
 * punctuation (`&` reads `và`), so `Đài PT - TH`, `Đài PT-TH` and `Đài PTTH` meet in one alias.
 */
import type { LexiconData } from '../lexicon/types.js';
import { detach, fold } from '../text/fold.js';
import { isTrimmed } from '../text/line-info.js';
import { memo } from '../text/memo.js';
import { squashSpaces } from '../text/normalize.js';

export type AgencyLexicon = Pick<LexiconData, 'agencies' | 'agencyListPrefixes'>;

interface Token {
  /** The token as written; `,` `;` `:` are tokens of their own. */
  text: string;
  /** Matching key, see `matchKey`; empty for pure punctuation such as `-` or `.`. */
  key: string;
  /** Offsets into the tidied cell text, so unknown names are reported as written. */
  start: number;
  end: number;
}

interface AgencyIndex {
  /** Matching key of every alias and canonical name → canonical name. */
  byKey: Map<string, string>;
  /** Longest alias in tokens: no match can be longer, which keeps reading linear. */
  maxTokens: number;
  /** `agencyListPrefixes`, longest key first: `cac so, ban, nganh` is tried before `cac so`. */
  listHeads: Array<{ key: string; prefix: string }>;
  /**
   * Keys of the words that open an agency name: the first two words of every canonical name
   * (`Văn phòng`, `Công an`, `Trung tâm`), and a first word shared by several names (`Sở`, `UBND`, `Các`).
   */
  heads: Set<string>;
}

interface Reader {
  text: string;
  tokens: Token[];
  index: AgencyIndex;
  /** Shared prefix of a `Các Sở: Nội vụ, Tài chính` list, with its key; `undefined` outside lists. */
  prefix: string | undefined;
  prefixKey: string;
}

/** Words joining two agencies: `Sở Nội vụ phối hợp với cơ quan có thẩm quyền` (Sơn La 158). */
const CONNECTORS: readonly (readonly string[])[] = [['phoi', 'hop', 'voi'], ['phoi', 'hop'], ['va']];

/** A connector left at the end of a name is dropped (`VP UBND tỉnh và` before `các sở:`); `phối hợp` is kept. */
const DANGLING = new Set(['va']);

/** A first word shared by this many canonical names is a category word (`Sở`, `UBND`, `Các`). */
const CATEGORY_WORD_MIN_NAMES = 3;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const NOT_KEY_CHAR = /[^\p{L}\p{N}]/gu;
const LEADING_JUNK = new Set(['-', '+', '*', '•', '.', ',', ';', ':', ' ']);
const TRAILING_JUNK = new Set(['.', ',', ';', ':', '/', ' ']);

/** Split one lead/partner cell into canonical agency names, in order, without duplicates. Never throws. */
// The same cells recur in every row (`Các sở, ban, ngành, UBND cấp huyện`): remember each one's split.
let SPLIT_CACHE = new WeakMap<AgencyLexicon, Map<string, string[]>>();
memo({
  clear: () => {
    SPLIT_CACHE = new WeakMap();
  },
});

export function splitAgencies(cell: string, lexicon: AgencyLexicon): string[] {
  let cache = SPLIT_CACHE.get(lexicon);
  if (!cache) {
    cache = new Map();
    SPLIT_CACHE.set(lexicon, cache);
  }
  const hit = cache.get(cell);
  if (hit) return [...hit];
  const names = splitUncached(cell, lexicon);
  if (cell.length < 500) {
    // Full, it starts again, as the other memos do: in a long batch the cells of the plans being read
    // are remembered, not only those of the first plans.
    if (cache.size >= 10_000) cache.clear();
    cache.set(detach(cell), names.map(detach));
  }
  return [...names];
}

function splitUncached(cell: string, lexicon: AgencyLexicon): string[] {
  const text = tidyCell(cell);
  const index = indexOf(lexicon);
  const names: string[] = [];
  const state: ReadState = { previous: undefined };
  for (const segment of splitTokens(tokenize(text), ';')) {
    readSegment(text, segment, index, names, state);
  }
  return uniqueByKey(names);
}

/** Canonical name for one agency as written (returns the input tidied — trimmed, trailing punctuation removed — when no alias matches). */
export function canonicalAgency(name: string, lexicon: AgencyLexicon): string {
  const tidy = tidyName(tidyCell(name));
  return indexOf(lexicon).byKey.get(matchKey(tidy)) ?? tidy;
}

// --- Reading ---

interface ReadState {
  /** Last name emitted, for elliptic items: `UBND cấp huyện, xã` → `UBND cấp xã`. */
  previous: string | undefined;
}

/**
 * One `;`-separated part. A `:` after a list head gives the items that follow a shared prefix:
 * `VP UBND tỉnh và các sở: Tư pháp, Tài chính` → `VP UBND tỉnh và` read plainly, then `Sở Tư pháp`, ...
 */
function readSegment(
  text: string,
  tokens: Token[],
  index: AgencyIndex,
  names: string[],
  state: ReadState,
): void {
  const pieces = splitTokens(tokens, ':');
  let prefix: string | undefined;
  for (let m = 0; m < pieces.length; m++) {
    let piece = pieces[m]!;
    let nextPrefix: string | undefined;
    if (m < pieces.length - 1) {
      const head = stripListHead(piece, index);
      if (head !== null) {
        piece = head.rest;
        nextPrefix = head.prefix;
      }
    }
    const prefixKey = prefix === undefined ? '' : matchKey(prefix);
    readPiece({ text, tokens: piece, index, prefix, prefixKey }, names, state);
    prefix = nextPrefix;
  }
}

function readPiece(r: Reader, names: string[], state: ReadState): void {
  let i = 0;
  while (i < r.tokens.length) {
    i = skipFiller(r.tokens, i);
    if (i >= r.tokens.length) break;
    const known = matchKnown(r, i, true);
    const end = known?.end ?? unknownEnd(r, i);
    const name = known?.name ?? nameForUnknown(r, i, end, state.previous);
    if (name !== '') {
      names.push(name);
      state.previous = name;
    }
    i = end;
  }
}

/** Skips `,`, lone punctuation and connectors between names: `Sở Tư pháp, Sở Nội vụ,` (Sơn La 158). */
function skipFiller(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.key === '') {
      i++;
      continue;
    }
    const connector = connectorLength(tokens, i);
    if (connector === 0) break;
    i += connector;
  }
  return i;
}

/**
 * The longest known name starting at token `i`. With `checkEnd`, the name must end where a name can
 * end (`,`, a connector, another known name, the end), so `Sở Nội vụ tỉnh Sơn La` is not cut after
 * `vụ`, while `Các Sở, ban, ngành UBND cấp huyện` (comma missing, Nam Định 117) still is.
 */
function matchKnown(r: Reader, i: number, checkEnd: boolean): { name: string; end: number } | null {
  const keys: string[] = [];
  let key = '';
  const limit = Math.min(r.tokens.length, i + r.index.maxTokens);
  for (let j = i; j < limit; j++) {
    key += r.tokens[j]!.key;
    keys.push(key);
  }
  for (let length = keys.length; length >= 1; length--) {
    const candidate = keys[length - 1]!;
    if (candidate === '') continue;
    const name = lookup(r, candidate);
    if (name !== undefined && (!checkEnd || endsName(r, i + length))) return { name, end: i + length };
  }
  return null;
}

/** In a `Các Sở:` list, `Tài chính` means `Sở Tài chính`; an item already whole (`UBND cấp huyện`) stays. */
function lookup(r: Reader, key: string): string | undefined {
  const prefixed = r.prefix === undefined ? undefined : r.index.byKey.get(r.prefixKey + key);
  return prefixed ?? r.index.byKey.get(key);
}

function endsName(r: Reader, j: number): boolean {
  if (j >= r.tokens.length || r.tokens[j]!.key === '') return true;
  const connector = connectorLength(r.tokens, j);
  if (connector > 0) return agencyFollows(r, j + connector, undefined);
  return matchKnown(r, j, false) !== null;
}

/**
 * Whether an agency starts at token `j`, just after a connector: a known name, words that open
 * agency names in the lexicon (`Sở`, `UBND`, `Trung tâm`), or the word the name before it started with
 * (`Sở A và Sở B`). So `Ban Dân tộc và Tôn giáo` and `Trung tâm Khoa học và Công nghệ` stay whole
 * (`Công nghệ` is not `Công an`), while `Báo Nam Định và Sở Nội vụ` is two names.
 * The end of the cell and a comma count too: a dangling `và` ends the name before it.
 */
function agencyFollows(r: Reader, j: number, headBefore: string | undefined): boolean {
  const token = r.tokens[j];
  if (token === undefined || token.text === ',') return true;
  if (token.key === headBefore || r.index.heads.has(token.key)) return true;
  if (r.index.heads.has(token.key + (r.tokens[j + 1]?.key ?? ''))) return true;
  return matchKnown(r, j, false) !== null;
}

/** End of an unknown name: the next `,`, or a connector that `agencyFollows`. */
function unknownEnd(r: Reader, i: number): number {
  const head = r.tokens[i]!.key;
  let k = i + 1;
  while (k < r.tokens.length) {
    const token = r.tokens[k]!;
    if (token.text === ',') break;
    const connector = connectorLength(r.tokens, k);
    if (connector > 0 && agencyFollows(r, k + connector, head)) {
      // `Cơ quan phối hợp` keeps its last words; only a dangling `và` is dropped.
      const next = r.tokens[k + connector];
      const dangling = next === undefined || next.text === ',';
      if (!dangling || DANGLING.has(token.key)) break;
    }
    k += Math.max(connector, 1);
  }
  return k;
}

/**
 * An unknown stretch is first tried as the tail of the previous name (`UBND cấp huyện, cấp xã`,
 * `UBND cấp huyện, xã` → `UBND cấp xã`; `Sở Tư pháp, Tài chính` → `Sở Tài chính`); only known results
 * count. Otherwise it is reported as written, with the list prefix when inside a `Các sở:` list.
 */
function nameForUnknown(r: Reader, i: number, end: number, previous: string | undefined): string {
  const stretchKey = joinKeys(r.tokens, i, end);
  const elliptic = previous === undefined ? undefined : completeFrom(previous, stretchKey, r.index);
  if (elliptic !== undefined) return elliptic;
  const raw = tidyName(r.text.slice(r.tokens[i]!.start, r.tokens[end - 1]!.end));
  if (matchKey(raw) === '') return '';
  if (r.prefix === undefined || startsWithWords(raw, r.prefix)) return raw;
  return `${r.prefix} ${raw}`;
}

function completeFrom(previous: string, stretchKey: string, index: AgencyIndex): string | undefined {
  const words = tokenize(previous);
  let key = '';
  const heads: string[] = [];
  for (const word of words.slice(0, Math.min(words.length - 1, index.maxTokens))) {
    key += word.key;
    heads.push(key);
  }
  for (let w = heads.length - 1; w >= 0; w--) {
    const name = index.byKey.get(heads[w]! + stretchKey);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** `VP UBND tỉnh và các sở` → rest `VP UBND tỉnh và`, prefix `Sở`. */
function stripListHead(tokens: Token[], index: AgencyIndex): { rest: Token[]; prefix: string } | null {
  for (const { key, prefix } of index.listHeads) {
    let tail = '';
    let j = tokens.length;
    while (j > 0 && tail.length < key.length) {
      j--;
      tail = tokens[j]!.key + tail;
    }
    if (tail === key) return { rest: tokens.slice(0, j), prefix };
  }
  return null;
}

function connectorLength(tokens: Token[], i: number): number {
  for (const connector of CONNECTORS) {
    if (connector.every((word, k) => tokens[i + k]?.key === word)) return connector.length;
  }
  return 0;
}

// --- Index ---

const indexes = new WeakMap<AgencyLexicon, AgencyIndex>();

function indexOf(lexicon: AgencyLexicon): AgencyIndex {
  let index = indexes.get(lexicon);
  if (index === undefined) {
    index = buildIndex(lexicon);
    indexes.set(lexicon, index);
  }
  return index;
}

function buildIndex(lexicon: AgencyLexicon): AgencyIndex {
  const byKey = new Map<string, string>();
  let maxTokens = 1;
  const heads = new Set<string>();
  const firstWords = new Map<string, number>();
  for (const entry of lexicon.agencies ?? []) {
    const [first, second] = tokenize(entry.name);
    if (first !== undefined) firstWords.set(first.key, (firstWords.get(first.key) ?? 0) + 1);
    if (first !== undefined && second !== undefined) heads.add(first.key + second.key);
    for (const spelling of [entry.name, ...(entry.aliases ?? [])]) {
      const tokens = tokenize(spelling);
      const key = joinKeys(tokens, 0, tokens.length);
      if (key === '') continue;
      if (!byKey.has(key)) byKey.set(key, entry.name);
      maxTokens = Math.max(maxTokens, tokens.length);
    }
  }
  const listHeads = Object.entries(lexicon.agencyListPrefixes ?? {})
    .map(([head, prefix]) => ({ key: matchKey(head), prefix }))
    .filter((head) => head.key !== '')
    .sort((a, b) => b.key.length - a.key.length);
  for (const [word, count] of firstWords) {
    if (count >= CATEGORY_WORD_MIN_NAMES && word !== '') heads.add(word);
  }
  return { byKey, maxTokens, listHeads, heads };
}

// --- Text helpers ---

/** NFC, no zero-width characters, one space for any run of whitespace (CR, LF, tab, U+00A0). */
function tidyCell(text: string): string {
  return squashSpaces(text.normalize('NFC').replace(ZERO_WIDTH, ''));
}

/** Drops list bullets in front and `.`, `,`, `;` behind: `UBND cấp huyện, cấp xã.` (Sơn La 158). */
function tidyName(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING_JUNK.has(text[start]!)) start++;
  while (end > start && TRAILING_JUNK.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** The tokens of `TOKEN` (words, and `,` `;` `:` alone), found by a loop over the units. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isTrimmed(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isListMark(c)) i++;
    else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isTrimmed(d) || isListMark(d)) break;
        i++;
      }
    }
    const word = text.slice(start, i);
    tokens.push({ text: word, key: matchKey(word), start, end: i });
  }
  return tokens;
}

/** `,` `;` `:`: a token of its own. */
function isListMark(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a;
}

function splitTokens(tokens: Token[], separator: ';' | ':'): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === separator) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

/** `&` reads `và`: `Sở TT&TT` meets `Sở TT và TT`, `Sở Kế hoạch & Đầu tư` meets the full name. */
function matchKey(text: string): string {
  const folded = fold(text);
  // Most folds are small ASCII letters and digits only, which neither replacement changes.
  return isKeyAlready(folded) ? folded : folded.replaceAll('&', 'va').replace(NOT_KEY_CHAR, '');
}

/** Only `a`–`z` and `0`–`9`: a key as it is (no `&`, and nothing `NOT_KEY_CHAR` removes). */
function isKeyAlready(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

function joinKeys(tokens: Token[], from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) key += tokens[i]!.key;
  return key;
}

function startsWithWords(text: string, prefix: string): boolean {
  const folded = fold(text);
  const head = fold(prefix);
  return folded === head || folded.startsWith(`${head} `);
}

function uniqueByKey(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = matchKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
