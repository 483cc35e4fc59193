/**
 * The first stage: decoded text → NFC lines, with line numbers kept.
 *
 * Real plans arrive with a BOM, CRLF ends, decomposed (NFD) letters, no-break spaces in empty table
 * cells and zero-width characters from web pages. None of these may move a line: the output has
 * exactly one entry per input line, so every later `line` points at the page the user has.
 */
import { describeLines, describePlainText, type LineInfo } from './line-info.js';

export interface NormalizedText {
  /** Line i (0-based) is source line i + 1. */
  lines: string[];
  /** What each line is (blank, pipes, figures, where its text starts and ends), found in the same scan. */
  info: LineInfo;
  /** What was changed, for `source.normalized` and the record. */
  changes: NormalizationChange[];
  /** The text was plain (see `isPlain`): its lines hold no combining mark and no odd character. */
  plain: boolean;
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
 * One scan of a text that is not plain (`isPlain`) for what the steps below need to know: which
 * odd characters occur (no-break and other wide spaces, zero-width characters, controls — the classes
 * below, which NFC maps onto themselves), whether a carriage return does, and whether a run of 31
 * possible combining marks does.
 */
function survey(text: string): { odd: number; cr: boolean; markRun: boolean } {
  let odd = 0;
  let cr = false;
  let markRun = false;
  let run = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) {
      run = 0;
      if (c < 0x20) {
        if (c === 0x0d) cr = true;
        else if (c !== 0x09 && c !== 0x0a) odd |= CONTROL_FOUND;
      } else if (c >= 0x7f) odd |= CONTROL_FOUND;
      continue;
    }
    if (c < 0x300) {
      run = 0;
      if (c === 0xa0) odd |= SPACE_LIKE_FOUND;
      else if (c === 0xad) odd |= ZERO_WIDTH_FOUND;
      continue;
    }
    if (c >= 0x2000 && c <= 0x3000) {
      if (c <= 0x200a || c === 0x202f || c === 0x3000) odd |= SPACE_LIKE_FOUND;
      else if (c <= 0x200d || c === 0x2060) odd |= ZERO_WIDTH_FOUND;
    } else if (c === 0xfeff && i > 0) odd |= ZERO_WIDTH_FOUND; // at 0 it is the BOM
    // Every combining mark is at U+0300 or above and outside Vietnamese's precomposed letters; a
    // surrogate pair may be one (astral marks exist) and counts once.
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    if (c < 0x1ea0 || c > 0x1ef9) {
      if (++run >= 31) markRun = true;
    } else run = 0;
  }
  return { odd, cr, markRun };
}

/** A line end: CR LF, a lone CR (old Mac files) or LF. */
const LINE_END = /\r\n?|\n/;

export function normalizeText(input: string): NormalizedText {
  // Most plans are plain (the scan that describes their lines says so): at most their line ends and
  // no-break spaces change, and neither changes what a line is.
  const info = describePlainText(input);
  if (info !== null) {
    const plainChanges: NormalizationChange[] = [];
    let text = input;
    const cr = text.includes('\r');
    if (cr) plainChanges.push('crlf');
    if (text.includes('\u00a0')) {
      text = text.replace(/\u00a0/g, ' ');
      plainChanges.push('nbsp');
    }
    // Split at every line end at once (twice as fast as replacing CR LF and CR first); a text whose
    // every line end is a CR LF at that string, faster still.
    const lines = !cr ? text.split('\n') : info.crlfOnly === true ? text.split('\r\n') : text.split(LINE_END);
    return { lines, info, changes: plainChanges, plain: true };
  }
  const changes: NormalizationChange[] = [];
  const { odd, cr, markRun } = survey(input);
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
  const lines = text.split('\n');
  return { lines, info: describeLines(lines), changes, plain: false };
}

/** The UTF-8 size of a text (a lone surrogate counts as U+FFFD, 3 bytes, as an encoder writes it). */
export function utf8Length(text: string): number {
  return typeof Buffer === 'function'
    ? Buffer.byteLength(text, 'utf8')
    : new TextEncoder().encode(text).length;
}

/** Trimmed, with every run of whitespace one space. Most cells and lines are that already, and are returned as they are. */
export function squashSpaces(text: string): string {
  const trimmed = text.trim();
  return isSquashed(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
}

// Whitespace other than a space, or two spaces: what `/\s{2,}|[^\S ]/` finds (a run of two blanks
// that does not start with a tab or the like starts with a space, and holds another blank next).
const NOT_SQUASHED = /[^\S ]| {2}/;

/**
 * Whether no whitespace but single plain spaces is in `text` (`/\s{2,}|[^\S ]/` finds nothing): by a
 * regex with a literal second branch, a third faster than a loop over a cell cut from its line.
 */
export function isSquashed(text: string): boolean {
  return !NOT_SQUASHED.test(text);
}
