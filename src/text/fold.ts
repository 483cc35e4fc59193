/**
 * Accent- and case-insensitive folding for matching Vietnamese vocabulary.
 *
 * NFC alone does not unify old and new tone placement (`hoà`/`hòa`, `UỶ`/`Ủy` stay different
 * strings, and both occur in real plans), so comparisons that should treat them alike strip the
 * marks entirely: `Cải cách Thể chế` → `cai cach the che`. `đ` has no decomposition and is mapped by hand.
 */
// Table cells and headings repeat (`Sở Nội vụ`, `Năm 2021`): short texts are folded once.
const FOLD_CACHE = new Map<string, string>();

export function fold(text: string): string {
  if (text.length > 120) return foldUncached(text);
  let folded = FOLD_CACHE.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (FOLD_CACHE.size >= 20_000) FOLD_CACHE.clear();
    FOLD_CACHE.set(detach(text), detach(folded));
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

function foldUncached(text: string): string {
  // Fast path: plain ASCII needs only case and spaces.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  const base = ascii ? text.toLowerCase() : foldChars(text);
  return base.replace(/\s+/g, ' ').trim();
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

function foldChars(text: string): string {
  // A decomposed (NFD) mark folds to nothing on its own, so NFD input folds like NFC.
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch) : foldChar(ch);
  }
  return out;
}

/**
 * Folds while keeping the length and offsets of the input (one output char per input UTF-16 unit),
 * so a match found in the folded text can be mapped back to the original. Only valid on NFC text
 * whose letters are precomposed (what the normaliser produces).
 */
export function foldKeepOffsets(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length !== 1) {
      out += '?'.repeat(ch.length);
      continue;
    }
    const base = ch === 'đ' || ch === 'Đ' ? 'd' : ch.normalize('NFD')[0]!;
    out += base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
  }
  return out;
}
