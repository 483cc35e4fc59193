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
}

export type NormalizationChange = 'bom' | 'crlf' | 'nfc' | 'nbsp' | 'zero-width' | 'control';

// U+00A0 NBSP, U+2007 figure space, U+202F narrow NBSP, U+3000 ideographic space, U+2000–U+200A.
const SPACE_LIKE = /[\u00a0\u2000-\u200a\u2007\u202f\u3000]/g;
// Zero-width space/joiners, word joiner, BOM inside the text, soft hyphen.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// C0/C1 controls other than tab and newline (decoding has already happened, so these are noise).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const ANY_ODD =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u00ad\u2000-\u200d\u202f\u2060\u3000\ufeff]/;

// Every combining mark is at U+0300 or above and outside Vietnamese's precomposed letters (U+1EA0–U+1EF9).
const MAYBE_MARK_RUN = /[\u0300-\u1e9f\u1efa-\uffff]{31}/;

export function normalizeText(input: string): NormalizedText {
  const changes: NormalizationChange[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    changes.push('bom');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push('crlf');
  }
  // A long run of combining marks with no letter makes normalisation quadratic: after every 30
  // marks a combining grapheme joiner (U+034F) is inserted, as Unicode's stream-safe format does.
  // `\p{M}` is slow to test on every character; a run of 31 marks is first looked for among the
  // characters that can be marks (or surrogates) at all, which skips ASCII and Vietnamese letters.
  if (MAYBE_MARK_RUN.test(text) && /\p{M}{31}/u.test(text)) {
    text = text.replace(/\p{M}{30}/gu, (run) => `${run}\u034f`);
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) changes.push('nfc');
  text = nfc;
  // One scan decides whether any of the three cleanups is needed (most texts need none).
  if (text.search(ANY_ODD) === -1) return { lines: text.split('\n'), changes };
  if (text.search(SPACE_LIKE) !== -1) {
    text = text.replace(SPACE_LIKE, ' ');
    changes.push('nbsp');
  }
  if (text.search(ZERO_WIDTH) !== -1) {
    text = text.replace(ZERO_WIDTH, '');
    changes.push('zero-width');
  }
  if (text.search(CONTROL) !== -1) {
    text = text.replace(CONTROL, '');
    changes.push('control');
  }
  return { lines: text.split('\n'), changes };
}
