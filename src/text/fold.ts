/**
 * Accent- and case-insensitive folding for matching Vietnamese vocabulary.
 *
 * NFC alone does not unify old and new tone placement (`hoà`/`hòa`, `UỶ`/`Ủy` stay different
 * strings, and both occur in real plans), so comparisons that should treat them alike strip the
 * marks entirely: `Cải cách Thể chế` → `cai cach the che`. `đ` has no decomposition and is mapped by hand.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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
