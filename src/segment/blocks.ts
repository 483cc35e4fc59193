/**
 * Prose lines → blocks (paragraphs, bullets, numbered items, headings), each with the source line
 * of every part, so that a value read anywhere in a block maps back to its line.
 *
 * Some plans are hard-wrapped at ~80 columns (004): a sentence continues on the next line, and a
 * bullet `- Đẩy mạnh công tác cải cách` / `hành chính nhằm ...` is one item. Others put one
 * paragraph per line (000). The wrapping is detected from the line lengths.
 */
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
const LETTERED = /^([a-zđ])\s*\)\s*(\S.*)$/u;

export function lineOfOffset(block: Pick<Block, 'starts' | 'line'>, offset: number): number {
  let line = block.line;
  for (const s of block.starts) if (s.offset <= offset) line = s.line;
  return line;
}

/** True when most long lines end near one width: the text was hard-wrapped. */
export function isHardWrapped(lines: string[]): boolean {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n >= 30);
  if (lengths.length < 20) return false;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
  if (p90 > 110) return false;
  const near = lengths.filter((n) => n >= p90 - 25).length;
  return near / lengths.length >= 0.5;
}

interface Classified {
  kind: BlockKind;
  numeral: string | null;
  level: number;
  body: string;
}

function classify(text: string): Classified {
  let m = ROMAN_HEADING.exec(text) ?? ROMAN_HEADING_NO_DOT.exec(text);
  if (m && ROMAN_VALID.test(m[1]!) && (m[2] ?? '').length <= 160) {
    return { kind: 'heading', numeral: m[1]!, level: 1, body: (m[2] ?? '').trim() };
  }
  m = ARABIC_HEADING.exec(text);
  if (m && !/^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(text) && !/^\d+\.\d+\s*%/.test(text)) {
    const body = (m[2] ?? '').trim();
    const depth = m[1]!.split('.').length;
    // A short numbered line without a closing full stop is a heading: `1. Mục đích`, `2.3. Sở Tư pháp`.
    const heading = body.length <= 120 && !/[.;]$/.test(body);
    return { kind: heading ? 'heading' : 'numbered', numeral: m[1]!, level: depth + 1, body };
  }
  m = LETTERED.exec(text);
  if (m) return { kind: 'lettered', numeral: m[1]!, level: 0, body: m[2]!.trim() };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', numeral: null, level: 0, body: (m[2] ?? '').trim() };
  return { kind: 'paragraph', numeral: null, level: 0, body: text };
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

function isHeadingLine(text: string): boolean {
  if (!isAllCaps(text)) return false;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(w));
  return words.length >= 2;
}

function isAllCaps(text: string): boolean {
  // Most lines have a lower-case ASCII letter near the start: answer without copying the line.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  if (text !== text.toUpperCase()) return false;
  const letters = text.replace(/[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/**
 * Build blocks from the lines not inside a task table (`skip`). `from`/`to` are 1-based inclusive.
 */
export function buildBlocks(lines: string[], skip: Set<number>, wrapped: boolean): Block[] {
  const blocks: Block[] = [];
  const headingLines = new WeakMap<Block, boolean>();
  let current: Block | null = null;
  const append = (block: Block, text: string, line: number) => {
    block.text += block.text ? ` ${text}` : text;
    block.starts.push({ offset: block.text.length - text.length, line });
    block.body = block.body ? `${block.body} ${text}` : text;
  };
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    if (skip.has(lineNo)) {
      current = null;
      continue;
    }
    const text = lines[i]!.trim();
    if (text === '' || /^[|\s]+$/.test(text)) {
      current = null;
      continue;
    }
    const c = classify(text);
    if (current && c.kind === 'paragraph') {
      const prev: Block = current;
      const headingCont =
        prev.kind === 'heading' &&
        ((prev.body === '' &&
          text.length < 60 &&
          (nextIsItemOrBreak(lines, i + 1, skip) || /^\p{Lu}/u.test(lines[i + 1]?.trim() ?? ''))) ||
          /,$/.test(prev.body) ||
          (text.length < 60 &&
            !/[.:;]$/.test(text) &&
            nextIsItemOrBreak(lines, i + 1, skip) &&
            (isAllCaps(prev.body) === isAllCaps(text) || /^\p{Ll}/u.test(text))));
      // A wrapped line continues the sentence above, unless that one was complete, one of the two
      // is a capitalised heading line (`KẾ HOẠCH` / `CẢI CÁCH HÀNH CHÍNH ...`), or a preamble starts.
      const proseCont =
        wrapped &&
        prev.kind !== 'heading' &&
        !endsSentence(prev.text) &&
        headingLines.get(prev) === isHeadingLine(text) &&
        !/^(?:Căn cứ|Thực hiện|Xét đề nghị)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u.test(text);
      if (headingCont || proseCont) {
        append(prev, text, lineNo);
        continue;
      }
    }
    // Whether a block began as a capitalised heading line is decided once, on its first line: the
    // block's text grows as wrapped lines join it, and testing it again would cost its length each time.
    current = {
      kind: c.kind,
      text,
      line: lineNo,
      starts: [{ offset: 0, line: lineNo }],
      numeral: c.numeral,
      level: c.level,
      body: c.body,
    };
    headingLines.set(current, isHeadingLine(text));
    blocks.push(current);
  }
  return blocks;
}

function nextIsItemOrBreak(lines: string[], index: number, skip: Set<number>): boolean {
  if (index >= lines.length || skip.has(index + 1)) return true;
  const next = lines[index]!.trim();
  return next === '' || /^[|\s]+$/.test(next) || startsItem(next) || isAllCaps(next);
}
