/**
 * Variants of real plans, generated from the fixtures: the same content as other tools and
 * websites deliver it. Tests check that each gives the same metadata, targets and tasks.
 */

import { mulberry32 } from './random.js';

/** Hard-wrap every line at `width` columns on word boundaries, as `fold -s` or an e-mail client would.
 *  Continuation lines lose the line's indentation (a tab-indented L2 cell continues unindented). */
export function rewrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    const indent = /^[\t ]*/.exec(line)![0];
    const words = line.slice(indent.length).split(/ +/);
    let current = indent;
    for (const word of words) {
      if (current.trim() !== '' && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else {
        current = current.trim() === '' ? current + word : `${current} ${word}`;
      }
    }
    out.push(current);
  }
  return out.join('\n');
}

export const crlf = (text: string) => text.replace(/\n/g, '\r\n');
export const nfd = (text: string) => text.normalize('NFD');
export const tabsToSpaces = (text: string) => text.replace(/\t/g, '    ');
export const withBom = (text: string) => `\ufeff${text}`;

/** A deterministic shuffle (mulberry32), so a failing order can be reproduced from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Move whole chunks of a table body around: `boundaries` are the 1-based lines where chunks start
 * (section or group rows), `end` the table's last line. Lines before the first boundary stay.
 */
export function shuffleChunks(
  text: string,
  boundaries: number[],
  end: number,
  seed: number,
  blankBetween = false,
): string {
  const lines = text.split('\n');
  const sorted = [...boundaries].sort((a, b) => a - b);
  const chunks = sorted.map((start, i) => {
    const chunk = lines.slice(start - 1, (sorted[i + 1] ?? end + 1) - 1);
    // L2 rows end at a blank line: a chunk moved from the end of the table needs one.
    if (blankBetween && chunk[chunk.length - 1]?.trim() !== '') chunk.push('');
    return chunk;
  });
  const reordered = shuffled(chunks, seed).flat();
  return [...lines.slice(0, sorted[0]! - 1), ...reordered, ...lines.slice(end)].join('\n');
}
