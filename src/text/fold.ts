/**
 * Accent- and case-insensitive folding for matching Vietnamese vocabulary.
 *
 * NFC alone does not unify old and new tone placement (`hoà`/`hòa`, `UỶ`/`Ủy` stay different
 * strings, and both occur in real plans), so comparisons that should treat them alike strip the
 * marks entirely: `Cải cách Thể chế` → `cai cach the che`. `đ` has no decomposition and is mapped by hand.
 */
import { memo } from './memo.js';

// Table cells and headings repeat (`Sở Nội vụ`, `Năm 2021`): short texts are folded once.
const FOLD_CACHE = memo(new Map<string, string>());

/** Texts up to this long are folded once and remembered. */
const REMEMBERED = 120;

/** The fold of `text`: always a string of its own, never a slice of `text` (a memo may keep it as it is). */
export function fold(text: string): string {
  if (text.length > REMEMBERED) return foldUncached(text);
  let folded = FOLD_CACHE.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (FOLD_CACHE.size >= 20_000) FOLD_CACHE.clear();
    // The fold is a new string (`unitsToString`), not a slice of a document: only the key needs copying.
    FOLD_CACHE.set(detach(text), folded);
  }
  return folded;
}

/**
 * A copy of `text` that does not keep the string it was cut from alive. A line or cell is a slice of
 * its whole document; kept in a cache as it is, it would keep every document of a batch in memory.
 */
export function detach(text: string): string {
  return (text + ' ').slice(0, -1);
}

/**
 * `fold(text)` when it is at most `max` units long, else `null` — found without folding all of a
 * long text: counting stops once the fold is longer. For tests against short phrases on lines of any length.
 */
export function foldAtMost(text: string, max: number): string | null {
  if (text.length > max && foldedLengthExceeds(text, max)) return null;
  const folded = fold(text);
  return folded.length <= max ? folded : null;
}

/**
 * Whether `fold(text)` is longer than `max`, looking no further than needed. Counts a lower bound of
 * the fold's length: every unit and space `fold` writes, but nothing for a surrogate or a letter that
 * folds to several units (the slow path, which can write any number).
 */
function foldedLengthExceeds(text: string, max: number): boolean {
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const unit = foldedUnit(text.charCodeAt(i));
    if (unit === FOLDS_TO_SPACE) {
      space = length > 0;
      continue;
    }
    if (unit === NOTHING) continue;
    if (unit === SLOW) {
      space = false;
      continue;
    }
    // One unit is written, after the pending space if there is one.
    length += space ? 2 : 1;
    space = false;
    if (length > max) return true;
  }
  return false;
}

/**
 * A start of `fold(text)` at least `min` units long (all of it, when shorter): the whole fold of a text
 * short enough to be remembered (as `fold` gives it), the first `min` units of a longer one — how a
 * long text starts (a task's text tested against the heads of agencies), without folding all of it.
 */
export function foldStart(text: string, min: number): string {
  return text.length <= REMEMBERED ? fold(text) : foldUncached(text, min);
}

/** The fold, or its first `limit` units (`foldStart`). */
function foldUncached(text: string, limit = 0x7fffffff): string {
  const n = text.length;
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  let out = scratch;
  let length = 0;
  let space = false;
  for (let i = 0; i < n && length < limit; i++) {
    const code = text.charCodeAt(i);
    let folded = TABLE[code]!;
    if (folded === UNSEEN) folded = learn(code);
    if ((FLAGS[code]! & SPACE_FLAG) !== 0) {
      // Runs of whitespace become one space; none at either end.
      space = length > 0;
      continue;
    }
    if (folded === NOTHING) continue;
    if (space) {
      out[length++] = 0x20;
      space = false;
    }
    if (folded !== SLOW) {
      out[length++] = folded;
      continue;
    }
    // A surrogate pair or a letter that folds to several units.
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length - 1;
    const units = foldChar(ch);
    if (length + units.length + n - i > out.length) {
      const grown = new Uint16Array((length + units.length + n - i) * 2);
      grown.set(out.subarray(0, length));
      scratch = out = grown;
    }
    for (let k = 0; k < units.length; k++) out[length++] = units.charCodeAt(k);
  }
  return unitsToString(out, Math.min(length, limit));
}

// Vietnamese text uses a few hundred distinct letters: fold each once and remember it.
const CHAR_CACHE = new Map<string, string>();

/** One character (code point) folded: `Ở` → `o`, `đ` → `d`, a lone combining mark → ``. */
export function foldChar(ch: string): string {
  let folded = CHAR_CACHE.get(ch);
  if (folded === undefined) {
    folded =
      ch === 'đ' || ch === 'Đ'
        ? 'd'
        : ch
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '');
    if (CHAR_CACHE.size < 4096) CHAR_CACHE.set(ch, folded);
  }
  return folded;
}

// ---------------------------------------------------------------------------------------------
// The table. Every BMP code unit is folded once, on first sight, and remembered in a typed array:
// the hot loops below then cost one array read per character instead of a normalisation.

/** Not looked at yet. */
const UNSEEN = -3;
/** Folds to nothing (a decomposed tone mark). */
const NOTHING = -2;
/** Folds to more than one unit, or is a surrogate: take the slow path. */
const SLOW = -1;

const TABLE = new Int32Array(0x10000).fill(UNSEEN);
/** Bit 1: whitespace (`\s`); bit 2: a combining mark (`\p{M}`); bit 4: invisible (zero-width, soft hyphen). */
const FLAGS = new Uint8Array(0x10000);
const SPACE_FLAG = 1;
const MARK_FLAG = 2;
const INVISIBLE_FLAG = 4;

function learn(code: number): number {
  let folded: number;
  if (code >= 0xd800 && code <= 0xdfff) folded = SLOW;
  else {
    const ch = String.fromCharCode(code);
    const f = foldChar(ch);
    folded = f.length === 0 ? NOTHING : f.length === 1 ? f.charCodeAt(0) : SLOW;
    FLAGS[code] =
      (/\s/.test(ch) ? SPACE_FLAG : 0) |
      (/\p{M}/u.test(ch) ? MARK_FLAG : 0) |
      (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(ch) ? INVISIBLE_FLAG : 0);
  }
  TABLE[code] = folded;
  return folded;
}

/** What `foldedUnit` gives for whitespace (which `fold` squashes), beside `NOTHING` and `SLOW`. */
export const FOLDS_TO_SPACE = -4;
export { NOTHING as FOLDS_TO_NOTHING, SLOW as FOLDS_SLOWLY };

/**
 * One code unit as `fold` sees it: the unit it folds to, or `FOLDS_TO_SPACE` (whitespace),
 * `FOLDS_TO_NOTHING` (a tone mark) or `FOLDS_SLOWLY` (a surrogate, or a letter that folds to several
 * units). Lets a reader walk a text folded without building the folded string.
 */
export function foldedUnit(code: number): number {
  let folded = TABLE[code]!;
  if (folded === UNSEEN) folded = learn(code);
  return (FLAGS[code]! & SPACE_FLAG) !== 0 ? FOLDS_TO_SPACE : folded;
}

/** Folded words as a trie of their units: walked over a text unit by unit, without folding it. */
export interface TrieNode {
  next: Map<number, TrieNode>;
  /** A word ends here. */
  end: boolean;
}

export function trieOf(words: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

// ASCII needs no normalisation: fill it now.
for (let c = 0; c < 0x80; c++) {
  TABLE[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  FLAGS[c] = c === 0x20 || (c >= 0x09 && c <= 0x0d) ? SPACE_FLAG : 0;
}

/** A scratch buffer for folded units, grown as needed. */
let scratch = new Uint16Array(4096);

/**
 * Whether a Uint16Array's bytes are UTF-16LE here (little-endian typed arrays), so that Node's
 * `utf16le` decoder can read them as they are.
 */
const UTF16LE_VIEW = typeof Buffer === 'function' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** From this length on, one `Buffer` decode is faster than passing the units as arguments (4× at 200 units). */
const VIA_BUFFER = 24;

/** The first `length` units as a string (lone surrogates kept as they are). */
function unitsToString(units: Uint16Array, length: number): string {
  if (UTF16LE_VIEW && length >= VIA_BUFFER) {
    return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  }
  // In chunks small enough to pass as arguments.
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(length, i + 8192)) as unknown as number[],
    );
  }
  return out;
}

/** Folded text; folded unit i stands for `source.slice(from[i], to[i])`. */
export interface MappedFold {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/**
 * Like `fold`, but keeps a map back to the source, so a match found in the folded text can be quoted as
 * written (NFC or NFD). Runs of whitespace become one space (kept at the ends). A combining mark joins
 * the unit before it: with `allMarks`, every `\p{M}` does (not only the tone marks that fold to nothing);
 * with `dropInvisible`, zero-width characters and soft hyphens are left out.
 */
export function foldMapped(source: string, allMarks: boolean, dropInvisible: boolean): MappedFold {
  // The target and deadline readers fold the same paragraph one after the other: a one-to-one fold
  // does not depend on the flags, and the last one is given again (callers only read a MappedFold).
  if (source === lastOneToOne.source && lastOneToOne.fold !== null) return lastOneToOne.fold;
  const oneToOne = foldOneToOne(source);
  if (oneToOne === null) return foldMappedAny(source, allMarks, dropInvisible);
  lastOneToOne.source = source;
  lastOneToOne.fold = oneToOne;
  return oneToOne;
}

/** The last one-to-one fold `foldMapped` made, and its source. */
const lastOneToOne: { source: string | null; fold: MappedFold | null } = { source: null, fold: null };

/** `IDENTITY[i] === i`: the map of a text whose every unit folds to one unit. Never written after it is filled. */
let IDENTITY = new Int32Array(0);
/** Longer texts take the general path (an identity map that long would hold memory for nothing). */
const MAX_ONE_TO_ONE = 1 << 16;

/**
 * The fold of a text in which every unit folds to one unit — letters, digits and signs, and single
 * plain spaces inside — with a shared identity map instead of two new ones; `null` for any other
 * text (a tab, two spaces, a space at an end, a mark, an invisible or a surrogate), which the
 * general path folds. Most paragraphs are such texts.
 */
function foldOneToOne(source: string): MappedFold | null {
  const n = source.length;
  if (n > MAX_ONE_TO_ONE) return null;
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const out = scratch;
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    let folded = TABLE[code]!;
    if (folded === UNSEEN) folded = learn(code);
    if (FLAGS[code] === 0 && folded >= 0) out[i] = folded;
    else if (code === 0x20 && i > 0 && i < n - 1 && out[i - 1] !== 0x20) out[i] = 0x20;
    else return null;
  }
  if (IDENTITY.length < n + 1) {
    IDENTITY = new Int32Array(Math.min(Math.max(n + 1, IDENTITY.length * 2), MAX_ONE_TO_ONE + 1));
    for (let i = 0; i < IDENTITY.length; i++) IDENTITY[i] = i;
  }
  return { text: unitsToString(out, n), from: IDENTITY.subarray(0, n), to: IDENTITY.subarray(1, n + 1) };
}

/** The general path of `foldMapped` (exported for the test that holds the fast path to it). */
export function foldMappedAny(source: string, allMarks: boolean, dropInvisible: boolean): MappedFold {
  const n = source.length;
  let units = new Uint16Array(n + 8);
  let from = new Int32Array(n + 8);
  let to = new Int32Array(n + 8);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    let folded = TABLE[code]!;
    if (folded === UNSEEN) folded = learn(code);
    const flags = FLAGS[code]!;
    if ((flags & SPACE_FLAG) !== 0) {
      if (length === 0 || units[length - 1] !== 0x20) {
        units[length] = 0x20;
        from[length] = i;
        to[length++] = i + 1;
      }
      continue;
    }
    if (folded === NOTHING || (allMarks && (flags & MARK_FLAG) !== 0)) {
      if (length > 0) to[length - 1] = i + 1;
      continue;
    }
    if (dropInvisible && (flags & INVISIBLE_FLAG) !== 0) continue;
    if (folded !== SLOW) {
      units[length] = folded;
      from[length] = i;
      to[length++] = i + 1;
      continue;
    }
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    const next = i + ch.length;
    if (allMarks && /\p{M}/u.test(ch)) {
      if (length > 0) to[length - 1] = next;
    } else if (!(dropInvisible && ch.length === 1 && (flags & INVISIBLE_FLAG) !== 0)) {
      const f = foldChar(ch);
      if (length + f.length + n - i + 8 > units.length) {
        const size = (length + f.length + n - i + 8) * 2;
        const u = new Uint16Array(size);
        u.set(units.subarray(0, length));
        units = u;
        const a = new Int32Array(size);
        a.set(from.subarray(0, length));
        from = a;
        const b = new Int32Array(size);
        b.set(to.subarray(0, length));
        to = b;
      }
      for (let k = 0; k < f.length; k++) {
        units[length] = f.charCodeAt(k);
        from[length] = i;
        to[length++] = next;
      }
    }
    i = next - 1;
  }
  return { text: unitsToString(units, length), from: from.subarray(0, length), to: to.subarray(0, length) };
}
