/**
 * The first stage: decoded text → NFC lines, with line numbers kept.
 *
 * Real plans arrive with a BOM, CRLF ends, decomposed (NFD) letters, no-break spaces in empty table
 * cells and zero-width characters from web pages. None of these may move a line: the output has
 * exactly one entry per input line, so every later `line` points at the page the user has.
 */
export interface NormalizedText {
  /** Line i (0-based) is source line i + 1. */
  lines: string[];
  /** What was changed, for `source.normalized` and the record. */
  changes: NormalizationChange[];
  /** The input's size in UTF-8 bytes. */
  utf8Bytes: number;
}

export type NormalizationChange = 'bom' | 'crlf' | 'nfc' | 'nbsp' | 'zero-width' | 'control';

// U+00A0 NBSP, U+2007 figure space, U+202F narrow NBSP, U+3000 ideographic space, U+2000–U+200A.
const SPACE_LIKE = /[\u00a0\u2000-\u200a\u2007\u202f\u3000]/g;
// Zero-width space/joiners, word joiner, BOM inside the text, soft hyphen.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// C0/C1 controls other than tab and newline (decoding has already happened, so these are noise).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** What the survey found: bits for the three kinds of odd character. */
const SPACE_LIKE_FOUND = 1;
const ZERO_WIDTH_FOUND = 2;
const CONTROL_FOUND = 4;

/**
 * One scan of the input for what the steps below need to know: which odd characters occur (no-break
 * and other wide spaces, zero-width characters, controls — the classes below, which NFC maps onto
 * themselves), whether a carriage return does, whether a run of 31 possible combining marks does, and
 * the UTF-8 size. Most texts need none of the cleanups, and are not scanned again.
 */
function survey(text: string): { odd: number; cr: boolean; markRun: boolean; utf8Bytes: number } {
  let odd = 0;
  let cr = false;
  let markRun = false;
  let run = 0;
  let bytes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
      run = 0;
      if (c < 0x20) {
        if (c === 0x0d) cr = true;
        else if (c !== 0x09 && c !== 0x0a) odd |= CONTROL_FOUND;
      } else if (c === 0x7f) odd |= CONTROL_FOUND;
      continue;
    }
    if (c < 0x800) {
      bytes += 2;
      if (c < 0xa0) odd |= CONTROL_FOUND;
      else if (c === 0xa0) odd |= SPACE_LIKE_FOUND;
      else if (c === 0xad) odd |= ZERO_WIDTH_FOUND;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A pair is 4 bytes; it may be a mark (astral marks exist), so it counts towards a run.
        bytes += 4;
        i++;
        if (++run >= 31) markRun = true;
        continue;
      }
      bytes += 3;
    } else {
      bytes += 3;
      if (c >= 0x2000 && c <= 0x3000) {
        if (c <= 0x200a || c === 0x202f || c === 0x3000) odd |= SPACE_LIKE_FOUND;
        else if (c <= 0x200d || c === 0x2060) odd |= ZERO_WIDTH_FOUND;
      } else if (c === 0xfeff && i > 0) odd |= ZERO_WIDTH_FOUND; // at 0 it is the BOM
    }
    // Every combining mark is at U+0300 or above and outside Vietnamese's precomposed letters.
    if (c >= 0x300 && (c < 0x1ea0 || c > 0x1ef9)) {
      if (++run >= 31) markRun = true;
    } else run = 0;
  }
  return { odd, cr, markRun, utf8Bytes: bytes };
}

export function normalizeText(input: string): NormalizedText {
  const changes: NormalizationChange[] = [];
  const { odd, cr, markRun, utf8Bytes } = survey(input);
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    changes.push('bom');
  }
  if (cr) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push('crlf');
  }
  // A long run of combining marks with no letter makes normalisation quadratic: after every 30
  // marks a combining grapheme joiner (U+034F) is inserted, as Unicode's stream-safe format does.
  if (markRun && /\p{M}{31}/u.test(text)) text = text.replace(/\p{M}{30}/gu, (run) => `${run}\u034f`);
  const nfc = text.normalize('NFC');
  if (nfc !== text) changes.push('nfc');
  text = nfc;
  if ((odd & SPACE_LIKE_FOUND) !== 0) {
    text = text.replace(SPACE_LIKE, ' ');
    changes.push('nbsp');
  }
  if ((odd & ZERO_WIDTH_FOUND) !== 0) {
    text = text.replace(ZERO_WIDTH, '');
    changes.push('zero-width');
  }
  if ((odd & CONTROL_FOUND) !== 0) {
    text = text.replace(CONTROL, '');
    changes.push('control');
  }
  return { lines: text.split('\n'), changes, utf8Bytes };
}

// Whitespace other than one plain space between words: only such text needs rewriting.
const UNEVEN_SPACE = /\s{2,}|[^\S ]/;

/** Trimmed, with every run of whitespace one space. Most cells and lines are that already, and are returned as they are. */
export function squashSpaces(text: string): string {
  const trimmed = text.trim();
  return UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}
