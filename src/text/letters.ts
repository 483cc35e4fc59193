/**
 * `[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]` as a code unit: a Latin letter as the readers count them
 * (ASCII, Latin-1 to Latin Extended-B, Latin Extended Additional, where Vietnamese letters are).
 * Lets a reader ask it of one unit without a regex call.
 */
export function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}
