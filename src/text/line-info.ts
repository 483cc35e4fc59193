/**
 * What each line is, found once: blank, a lone `|`, separators only, holding a `|` or a figure
 * character, and where its visible text starts and ends. The table finders, the block builder and the
 * header reader ask these of every line; one scan answers them all, instead of each reader scanning
 * the lines again (`includes('|')`, `trim() === ''`, `/^[\s|]*$/`, `/[\d%óÓýÝ]/` ...).
 *
 * A plain text (see `PLAIN_UNIT`) is described by one loop over the whole text, which is also the
 * test that it is plain: a loop over a long string is twice as fast as loops over its lines, which are
 * slices of it.
 */

/** Only units `trim` removes, or none (`line.trim() === ''`). */
export const BLANK = 1;
/** Holds a `|`. */
export const PIPE = 2;
/** One `|` and blanks (`/^\s*\|\s*$/`). */
export const LONE_PIPE = 4;
/** Only `|` and blanks (`/^[\s|]*$/`): a blank line is one too. */
export const SEPARATORS = 8;
/** Holds a digit (`/\d/`). */
export const DIGIT = 16;
/** Holds a `%`. */
export const PERCENT = 32;
/** Holds an `ó` or `Ó` (the `nhóm` of a rank target). */
export const O_ACUTE = 64;
/**
 * Holds a `q` or `Q`: the `quý` of a deadline, whatever its tone mark or none (`qúy`, `quy`), as the
 * deadline reader's fold sees it; no other unit folds to `q`.
 */
export const LETTER_Q = 128;
/**
 * Holds one of `RARE_LATIN_LETTERS`: a text without one spells the deadline trigger words with
 * ASCII and Vietnamese letters only, which a small regex reads without folding the text.
 */
export const RARE_LATIN = 1024;
/**
 * The Latin letters with a mark that Vietnamese does not use (`ä`, `ç`, `ñ`, `ť`, `ŕ`, …) and that fold to
 * a letter of the deadline trigger words or of `quy` (a c g h m n o r t u y): test/text.test.ts checks the list
 * against the fold.
 */
export const RARE_LATIN_LETTERS =
  'ÄÅäåĀāĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧÇçĆćĈĉĊċČčĜĝĞğĠġĢģǦǧǴǵĤĥȞȟÑñŃńŅņŇňǸǹÖöŌōŎŏŐőǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱŔŕŖŗŘřȐȑȒȓŢţŤťȚțÛÜûüŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜȔȕȖȗÿŶŷŸȲȳ';
const RARE_LATIN_UNIT = new Uint8Array(0x250);
for (let i = 0; i < RARE_LATIN_LETTERS.length; i++) RARE_LATIN_UNIT[RARE_LATIN_LETTERS.charCodeAt(i)] = 1;
/**
 * What a target or a prose deadline needs (`/[\d%óÓqQ]/`), and the rare letters that make the deadline
 * reader fold a text to look for its trigger words.
 * They are the high bits of a unit's class and of a line's flags alike.
 */
export const FIGURES = DIGIT | PERCENT | O_ACUTE | LETTER_Q | RARE_LATIN;
/**
 * Holds a blank other than a space (a tab, a no-break space), or two blanks in a row
 * (`/[^\S ]|\s{2}/`): a cell cut from a line without it needs trimming only, with no blank to squash
 * (`squashSpaces`).
 */
export const UNSQUASHED = 256;
/** What a reader is told when its caller does not know a text's figure units: every bit set. */
export const UNKNOWN_FIGURES = -1;

export interface LineInfo {
  /** The flags above, line by line (0-based). */
  flags: Uint16Array;
  /** Where the first unit `trim` keeps is; -1 on a blank line. */
  first: Int32Array;
  /** Where the text `trim` keeps ends (after its last unit); 0 on a blank line. */
  end: Int32Array;
  /** The code unit at `first` (0 on a blank line): what a line starts with, without reading the line. */
  lead: Uint16Array;
  /**
   * Told by the scan of a plain text (false otherwise): every line end is a CR LF (none a lone CR or LF), so that the text
   * splits into its lines at `'\r\n'` (a string search, twice as fast as the regex of all three ends).
   */
  crlfOnly: boolean;
}

/**
 * Whether a code unit is one `String.prototype.trim` removes (`\s`): tab to carriage return, the space
 * separators (U+0020, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000), the line and paragraph
 * separators and U+FEFF. Lets a reader look past blanks without cutting the string.
 */
export function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The figure flag of a unit (`DIGIT`, `PERCENT`, `O_ACUTE`, `LETTER_Q`, `RARE_LATIN`), or 0. */
function figureOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c === 0x25) return PERCENT;
  if (c === 0xf3 || c === 0xd3) return O_ACUTE;
  if (c === 0x71 || c === 0x51) return LETTER_Q;
  if (c < 0x250 && RARE_LATIN_UNIT[c] === 1) return RARE_LATIN;
  return 0;
}

/**
 * The code units of a plain text: tab, line ends, printable ASCII, no-break space, the Latin letters
 * and signs below the combining marks (not the soft hyphen), Vietnamese precomposed letters and common
 * punctuation. A text of these only has no combining mark and no odd character but the no-break space
 * (in half the plans: empty table cells), and NFC leaves it as it is. Inclusive ranges, as a table.
 */
/** The plain units' inclusive ranges, from which both tables below are built. */
const PLAIN_RANGES = [
  [0x09, 0x0a],
  [0x0d, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x1ea0, 0x1ef9],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
] as const;
export const PLAIN_UNIT = new Uint8Array(0x10000);
for (const [from, to] of PLAIN_RANGES) PLAIN_UNIT.fill(1, from, to + 1);

/** Whether every code unit of `text` is a plain one: a loop over the table (a regex class of these ranges took twice as long). */
export function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (PLAIN_UNIT[text.charCodeAt(i)] === 0) return false;
  return true;
}

// What the plain scan needs of a unit, as bits: of the plain units only tab, space and the no-break
// space are blanks (`isTrimmed`), and only LF and CR end a line. A space or no-break space (which
// `normalizeText` makes a space) is `SPACE_LIKE`; two in a row, or a tab, make a line `UNSQUASHED`.
const NOT_PLAIN = 1;
const LINE_END = 2;
const HAS_PIPE = 4;
const HAS_OTHER = 8;
const SPACE_LIKE = UNSQUASHED << 1;
/** The class of a blank has one of these bits, and no other. */
const BLANK_UNIT = SPACE_LIKE | UNSQUASHED;
// Built over the plain ranges only (about 800 units; a loop over all 65,536 took 3 ms of start-up).
const UNIT_CLASS = new Uint16Array(0x10000).fill(NOT_PLAIN);
for (const [from, to] of PLAIN_RANGES)
  for (let c: number = from; c <= to; c++) {
    if (c === 0x0a || c === 0x0d) UNIT_CLASS[c] = LINE_END;
    else if (c === 0x7c) UNIT_CLASS[c] = HAS_PIPE;
    else if (c === 0x20 || c === 0xa0) UNIT_CLASS[c] = SPACE_LIKE;
    else if (isTrimmed(c)) UNIT_CLASS[c] = UNSQUASHED;
    else UNIT_CLASS[c] = HAS_OTHER | figureOf(c);
  }

/**
 * Room for the lines of a text, grown as the scan finds more. The four arrays are views of one
 * `ArrayBuffer`: V8 takes ~3 µs to make each typed array with a buffer of its own, which for the four
 * of every document was more than describing a short one.
 */
class Growing {
  capacity: number;
  buffer: ArrayBuffer;
  first: Int32Array;
  end: Int32Array;
  flags: Uint16Array;
  lead: Uint16Array;
  count = 0;
  constructor(capacity: number) {
    // `first` and `end` take 4 bytes a line, then `flags` and `lead` 2.
    this.capacity = capacity;
    this.buffer = new ArrayBuffer(capacity * 12);
    this.first = new Int32Array(this.buffer, 0, capacity);
    this.end = new Int32Array(this.buffer, capacity * 4, capacity);
    this.flags = new Uint16Array(this.buffer, capacity * 8, capacity);
    this.lead = new Uint16Array(this.buffer, capacity * 10, capacity);
  }
  push(flags: number, first: number, end: number, lead: number): void {
    if (this.count === this.capacity) this.grow(this.count * 2 + 16);
    this.flags[this.count] = flags;
    this.first[this.count] = first;
    this.end[this.count] = end;
    this.lead[this.count] = lead;
    this.count++;
  }
  private grow(capacity: number): void {
    const larger = new Growing(capacity);
    larger.first.set(this.first);
    larger.end.set(this.end);
    larger.flags.set(this.flags);
    larger.lead.set(this.lead);
    this.capacity = capacity;
    this.buffer = larger.buffer;
    this.first = larger.first;
    this.end = larger.end;
    this.flags = larger.flags;
    this.lead = larger.lead;
  }
  done(): LineInfo {
    const { buffer, capacity, count } = this;
    return {
      flags: new Uint16Array(buffer, capacity * 8, count),
      first: new Int32Array(buffer, 0, count),
      end: new Int32Array(buffer, capacity * 4, count),
      lead: new Uint16Array(buffer, capacity * 10, count),
      // Every description has the field (one shape for the readers), false unless a scan says.
      crlfOnly: false,
    };
  }
}

/** The flags of a line from what it holds: visible text, pipes, other units, its figure and `UNSQUASHED` bits. */
function flagsOf(visible: boolean, pipe: boolean, other: boolean, bits: number, lonePipe: boolean): number {
  return (
    (visible ? 0 : BLANK) |
    (pipe ? PIPE : 0) |
    (lonePipe ? LONE_PIPE : 0) |
    (other ? 0 : SEPARATORS) |
    (bits & (FIGURES | UNSQUASHED))
  );
}

/**
 * The lines of a plain text described as `describeLines` would describe the lines `normalizeText` makes
 * of it (no-break spaces as spaces: `text.replace(/\u00a0/g, ' ').split(/\r\n?|\n/)`), in one loop over
 * the text; `null` as soon as a unit is not plain (`PLAIN_UNIT`).
 */
export function describePlainText(text: string): LineInfo | null {
  const n = text.length;
  const out = new Growing((n >> 5) + 16);
  let i = 0;
  // Line ends that are a CR LF, and that are a lone CR or LF.
  let crlf = 0;
  let lone = 0;
  for (;;) {
    const start = i;
    let bits = 0;
    let k = 0;
    // The class of the unit before: two `SPACE_LIKE` in a row set `UNSQUASHED`.
    let before = 0;
    while (i < n) {
      k = UNIT_CLASS[text.charCodeAt(i)]!;
      if ((k & (NOT_PLAIN | LINE_END)) !== 0) break;
      bits |= k | ((k & before) >> 1);
      before = k & SPACE_LIKE;
      i++;
    }
    if (i < n && (k & NOT_PLAIN) !== 0) return null;
    // Blanks at either end (tab, space, no-break space): few, looked at again to place the text.
    let first = start;
    while (first < i && (UNIT_CLASS[text.charCodeAt(first)]! & BLANK_UNIT) !== 0) first++;
    let end = i;
    while (end > first && (UNIT_CLASS[text.charCodeAt(end - 1)]! & BLANK_UNIT) !== 0) end--;
    const pipe = (bits & HAS_PIPE) !== 0;
    const other = (bits & HAS_OTHER) !== 0;
    // Pipes and blanks only: a lone pipe when its visible text is one unit (a `|`).
    const lonePipe = pipe && !other && end - first === 1;
    out.push(
      flagsOf(first < i, pipe, other, bits, lonePipe),
      first < i ? first - start : -1,
      first < i ? end - start : 0,
      first < i ? text.charCodeAt(first) : 0,
    );
    if (i >= n) break;
    // CR LF is one line end, as a lone CR or LF is.
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      crlf++;
      i++;
    } else lone++;
    i++;
  }
  const info = out.done();
  if (crlf > 0 && lone === 0) info.crlfOnly = true;
  return info;
}

/** Each line described, by a loop over its units (any text). */
export function describeLines(lines: readonly string[]): LineInfo {
  const out = new Growing(lines.length);
  for (const line of lines) {
    let first = -1;
    let end = 0;
    let pipes = 0;
    let other = false;
    let bits = 0;
    let blankBefore = false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (isTrimmed(c)) {
        if (blankBefore || c !== 0x20) bits |= UNSQUASHED;
        blankBefore = true;
        continue;
      }
      blankBefore = false;
      if (first === -1) first = i;
      end = i + 1;
      if (c === 0x7c) pipes++;
      else {
        other = true;
        bits |= figureOf(c);
      }
    }
    out.push(
      flagsOf(first !== -1, pipes > 0, other, bits, pipes === 1 && !other),
      first,
      end,
      first === -1 ? 0 : line.charCodeAt(first),
    );
  }
  return out.done();
}
