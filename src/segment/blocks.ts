/**
 * Prose lines → blocks (paragraphs, bullets, numbered items, headings), each with the source line
 * of every part, so that a value read anywhere in a block maps back to its line.
 *
 * Some plans are hard-wrapped at ~80 columns (004): a sentence continues on the next line, and a
 * bullet `- Đẩy mạnh công tác cải cách` / `hành chính nhằm ...` is one item. Others put one
 * paragraph per line (000). The wrapping is detected from the line lengths.
 */

import { isLatinLetter } from '../text/letters.js';
import { describeLines, isTrimmed, type LineInfo, SEPARATORS } from '../text/line-info.js';
import type { LineLookup } from '../text/line-set.js';
export type BlockKind = 'heading' | 'bullet' | 'numbered' | 'lettered' | 'paragraph';

export interface Block {
  kind: BlockKind;
  text: string;
  line: number;
  /** Where each source line starts in `text`. */
  starts: { offset: number; line: number }[];
  /** For headings and numbered items: the numeral as printed (`II`, `1`, `1.2`, `a`). */
  numeral: string | null;
  /** For headings: 1 roman, 2 arabic, 3 deeper. */
  level: number;
  /** The text without its numeral or bullet mark. */
  body: string;
}

const ROMAN_VALID = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
export const ROMAN_HEADING = /^([IVX]{1,7})\s*[.:)]\s*(\S.*)?$/u;
export const ROMAN_HEADING_NO_DOT = /^([IVX]{1,7})\s+(\p{Lu}.*)$/u;
export const ARABIC_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*(\S.*)?$/u;
const BULLET = /^([-–—+*•·])\s*(\S.*)?$/u;
export const LETTERED = /^([a-zđ])\s*\)\s*(\S.*)$/u;
/** U+2028 or U+2029, which `.` does not match. */
const LINE_SEPARATOR = /[\u2028\u2029]/;

export function lineOfOffset(block: Pick<Block, 'starts' | 'line'>, offset: number): number {
  // Binary search: the starts are in order, and a long paragraph has many.
  const starts = block.starts;
  let lo = 0;
  let hi = starts.length - 1;
  let line = block.line;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]!.offset <= offset) {
      line = starts[mid]!.line;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return line;
}

/** How many lines have each length, for `isHardWrapped`: one array for every call (none keeps it). */
const LENGTH_COUNTS = new Int32Array(112);

/** True when most long lines end near one width: the text was hard-wrapped. */
export function isHardWrapped(lines: string[], info: LineInfo = describeLines(lines)): boolean {
  // How many lines have each trimmed length, for the lines of 30 characters or more; a length over
  // 110 is counted as 111 (a 90th percentile over 110 is all the test needs to know of it).
  const counts = LENGTH_COUNTS.fill(0);
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = info.end[i]! - info.first[i]!;
    if (length < 30) continue;
    counts[length > 110 ? 111 : length]!++;
    count++;
  }
  if (count < 20) return false;
  // The 90th percentile: the length at rank ⌊0.9 count⌋ of the sorted lengths.
  const rank = Math.floor(count * 0.9);
  let p90 = 30;
  for (let seen = counts[30]!; seen <= rank; seen += counts[++p90]!);
  if (p90 > 110) return false;
  let near = 0;
  for (let length = p90 - 25; length <= 111; length++) near += counts[length]!;
  return near / count >= 0.5;
}

interface Classified {
  kind: BlockKind;
  numeral: string | null;
  level: number;
  body: string;
}

const PARAGRAPH = (text: string): Classified => ({ kind: 'paragraph', numeral: null, level: 0, body: text });

function classify(text: string): Classified {
  // Each pattern below needs its own first character: most lines (prose) are told apart by it alone.
  const first = text.charCodeAt(0);
  const roman = first === 0x49 || first === 0x56 || first === 0x58; // I V X
  const digit = first >= 0x30 && first <= 0x39;
  const letter = (first >= 0x61 && first <= 0x7a) || first === 0x111; // a–z, đ
  const bullet = isBulletMark(first);
  if (!roman && !digit && !letter && !bullet) return PARAGRAPH(text);
  let m = roman ? (ROMAN_HEADING.exec(text) ?? ROMAN_HEADING_NO_DOT.exec(text)) : null;
  if (m && ROMAN_VALID.test(m[1]!) && (m[2] ?? '').length <= 160) {
    return { kind: 'heading', numeral: m[1]!, level: 1, body: (m[2] ?? '').trim() };
  }
  m = digit ? ARABIC_HEADING.exec(text) : null;
  if (m && !/^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(text) && !/^\d+\.\d+\s*%/.test(text)) {
    const body = (m[2] ?? '').trim();
    // `1` is at depth 1, `1.2` at 2: one more than its dots.
    let depth = 1;
    for (let k = m[1]!.indexOf('.'); k !== -1; k = m[1]!.indexOf('.', k + 1)) depth++;
    // A short numbered line without a closing full stop is a heading: `1. Mục đích`, `2.3. Sở Tư pháp`.
    const heading = body.length <= 120 && !/[.;]$/.test(body);
    return { kind: heading ? 'heading' : 'numbered', numeral: m[1]!, level: depth + 1, body };
  }
  // `a)`, `b )`: after the letter comes `)` or a blank (most lines starting with a small letter continue a wrapped sentence).
  m = letter && mayBeLettered(text.charCodeAt(1)) ? LETTERED.exec(text) : null;
  if (m) return { kind: 'lettered', numeral: m[1]!, level: 0, body: m[2]!.trim() };
  if (bullet) {
    // BULLET without the regex, which runs `.*` over the whole (often long) line; `.` stops at
    // U+2028/U+2029, so a line holding one is left to the regex.
    if (!LINE_SEPARATOR.test(text)) {
      return { kind: 'bullet', numeral: null, level: 0, body: text.slice(1).trim() };
    }
    m = BULLET.exec(text);
    if (m) return { kind: 'bullet', numeral: null, level: 0, body: (m[2] ?? '').trim() };
  }
  return PARAGRAPH(text);
}

/** What `LETTERED` allows after its letter: `)` or a blank (`a)`, `b )`). */
export function mayBeLettered(second: number): boolean {
  return second === 0x29 || isTrimmed(second);
}

/** `-`, `–`, `—`, `+`, `*`, `•`, `·`: the marks `BULLET` opens with. */
function isBulletMark(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2b || c === 0x2a || c === 0x2022 || c === 0xb7;
}

function startsItem(text: string): boolean {
  const c = classify(text);
  return c.kind !== 'paragraph';
}

/** `KẾ HOẠCH`, `CẢI CÁCH HÀNH CHÍNH TỈNH NAM ĐỊNH`: two or more capitalised words (a lone `TTHC.` is not). */
/** `… đúng quy định.`, `… như sau:`, `… (ghi chú)”.` — without a regex scan over a long paragraph. */
function endsSentence(text: string): boolean {
  let end = text.length - 1;
  const last = text[end];
  if (last === '"' || last === '”' || last === ')') end--;
  const c = text[end];
  return c === '.' || c === ':' || c === '!' || c === '?';
}

const PREAMBLE = /^(?:Căn cứ|Thực hiện|Xét đề nghị)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u;

/** `Căn cứ Luật ...`, `Thực hiện ...`, `Xét đề nghị ...`: only a line starting with `C`, `T` or `X` is run through the regex. */
export function opensPreamble(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first === 0x43 || first === 0x54 || first === 0x58) && PREAMBLE.test(text);
}

export function isHeadingLine(text: string, caps: boolean = isAllCaps(text)): boolean {
  if (!caps) return false;
  // Two or more words (between blanks) holding a Latin letter.
  let words = 0;
  let inWord = false;
  let lettered = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (isTrimmed(c)) {
      if (inWord && lettered && ++words >= 2) return true;
      inWord = false;
      lettered = false;
    } else {
      inWord = true;
      if (!lettered && isLatinLetter(c)) lettered = true;
    }
  }
  return false;
}

export function isAllCaps(text: string): boolean {
  // Most lines have a lower-case ASCII letter near the start: answer without copying the line.
  // A line of ASCII only (a blank one, `|`, `2.`, `STT`) is in capitals when it has two letters.
  let upper = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x80) ascii = false;
  }
  if (ascii) return upper >= 2;
  // A text its upper case leaves as it is has every letter in capitals (no letter of it changes, nor
  // does one expand): it remains to find two letters.
  if (text !== text.toUpperCase()) return false;
  return countLetters(text, 2) >= 2;
}

/** How many Latin letters `text` holds, counting no further than `enough`. */
function countLetters(text: string, enough: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < enough; i++) if (isLatinLetter(text.charCodeAt(i))) count++;
  return count;
}

/**
 * Build blocks from the lines not inside a task table (`skip`). `from`/`to` are 1-based inclusive.
 */
/**
 * Whether each prose line is in capitals, decided once per line (the block builder asks several
 * times); table lines (`skip`) are never asked about, and left 0.
 */
function capitalLines(lines: string[], skip: LineLookup, info: LineInfo): Uint8Array {
  const caps = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    // A line whose text starts with a small ASCII letter is not in capitals (`isAllCaps` stops there).
    const lead = info.lead[i]!;
    if (lead >= 0x61 && lead <= 0x7a) continue;
    if (!skip.has(i + 1) && isAllCaps(lines[i]!)) caps[i] = 1;
  }
  return caps;
}

export function buildBlocks(
  lines: string[],
  skip: LineLookup,
  wrapped: boolean,
  info: LineInfo = describeLines(lines),
): Block[] {
  const flags = info.flags;
  const blocks: Block[] = [];
  // Trimming does not change whether a line is in capitals.
  const caps = capitalLines(lines, skip, info);
  // While a block grows, its pieces are kept apart and joined once at the end: reading the end of a
  // string built with `+=` would copy it on every line (quadratic in a long wrapped paragraph).
  interface Growing {
    block: Block;
    /** The parts of a block of two or more lines, joined once at the end (null while it has one line). */
    textParts: string[] | null;
    /**
     * Where the body starts in the joined text: a first line's body is its end (what follows the
     * numeral or mark), and the lines after it are the body's too; an empty one starts at the second line.
     */
    bodyStart: number;
    length: number;
    /** The block's last line: its end is the end of the text. */
    lastLine: string;
    bodyEmpty: boolean;
    bodyCaps: boolean;
    headingLine: boolean;
  }
  const multiLine: Growing[] = [];
  let current: Growing | null = null;
  const append = (g: Growing, text: string, line: number, textCaps: boolean) => {
    g.length += 1;
    g.block.starts.push({ offset: g.length, line });
    g.length += text.length;
    if (g.textParts === null) {
      g.textParts = [g.block.text];
      const first = g.block.text.length;
      g.bodyStart = g.block.body === '' ? first + 1 : first - g.block.body.length;
      multiLine.push(g);
    }
    g.textParts.push(text);
    g.lastLine = text;
    g.bodyCaps = g.bodyCaps && textCaps;
    g.bodyEmpty = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    if (skip.has(lineNo)) {
      current = null;
      continue;
    }
    // A blank line, or one of separators only, ends a block.
    if ((flags[i]! & SEPARATORS) !== 0) {
      current = null;
      continue;
    }
    const text = lines[i]!.trim();
    const c = classify(text);
    if (current && c.kind === 'paragraph') {
      const prev: Growing = current;
      const headingCont =
        prev.block.kind === 'heading' &&
        ((prev.bodyEmpty &&
          text.length < 60 &&
          (nextIsItemOrBreak(lines, i + 1, skip, caps, flags) ||
            /^\p{Lu}/u.test(lines[i + 1]?.trim() ?? ''))) ||
          prev.lastLine.endsWith(',') ||
          (text.length < 60 &&
            !/[.:;]$/.test(text) &&
            nextIsItemOrBreak(lines, i + 1, skip, caps, flags) &&
            (prev.bodyCaps === (caps[i] === 1) || /^\p{Ll}/u.test(text))));
      // A wrapped line continues the sentence above, unless that one was complete, one of the two
      // is a capitalised heading line (`KẾ HOẠCH` / `CẢI CÁCH HÀNH CHÍNH ...`), or a preamble starts.
      const proseCont =
        wrapped &&
        prev.block.kind !== 'heading' &&
        !endsSentence(prev.lastLine) &&
        prev.headingLine === isHeadingLine(text, caps[i] === 1) &&
        !opensPreamble(text);
      if (headingCont || proseCont) {
        append(prev, text, lineNo, caps[i] === 1);
        continue;
      }
    }
    const block: Block = {
      kind: c.kind,
      text,
      line: lineNo,
      starts: [{ offset: 0, line: lineNo }],
      numeral: c.numeral,
      level: c.level,
      body: c.body,
    };
    current = {
      block,
      textParts: null,
      bodyStart: 0,
      length: text.length,
      lastLine: text,
      bodyEmpty: c.body === '',
      bodyCaps: c.body === text ? caps[i] === 1 : isAllCaps(c.body),
      // Whether a block began as a capitalised heading line is decided once, on its first line.
      headingLine: isHeadingLine(text, caps[i] === 1),
    };
    blocks.push(block);
  }
  for (const g of multiLine) {
    g.block.text = g.textParts!.join(' ');
    g.block.body = g.block.text.slice(g.bodyStart);
  }
  return blocks;
}

function nextIsItemOrBreak(
  lines: string[],
  index: number,
  skip: LineLookup,
  caps: Uint8Array,
  flags: Uint16Array,
): boolean {
  if (index >= lines.length || skip.has(index + 1) || (flags[index]! & SEPARATORS) !== 0) return true;
  return startsItem(lines[index]!.trim()) || caps[index] === 1;
}
