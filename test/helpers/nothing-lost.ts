/**
 * The nothing-lost check, independent of the parser's own bookkeeping: every word of every line
 * inside a task table must reappear in the output — a task field, a heading of the table, the
 * header row, or a warning that quotes it — compared as multisets.
 *
 * The lines are the parser's own view of the text (`normalizeText`: NFC, line ends, zero-width
 * characters dropped), so that a zero-width space typed into a word does not count as a word
 * boundary on one side only.
 */
import type { CchcDocument } from '../../src/model/document.js';
import { normalizeText } from '../../src/text/normalize.js';

export const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words of the table regions' lines that no output field holds (empty when nothing is lost). */
export function unaccountedWords(text: string, doc: CchcDocument): string[] {
  const { lines } = normalizeText(text);
  const source: string[] = [];
  const output: string[] = [];
  for (const table of doc.tables) {
    for (let l = table.startLine; l <= table.endLine; l++) source.push(...words(lines[l - 1] ?? ''));
    for (let l = table.startLine; l <= table.headerEndLine; l++) output.push(...words(lines[l - 1] ?? ''));
    for (const s of table.sections) output.push(...words(`${s.numeral} ${s.title}`));
  }
  for (const t of doc.tasks) {
    for (const v of [
      t.number,
      t.title,
      t.product,
      t.leadRaw,
      t.partnersRaw,
      t.deadline?.raw,
      t.funding,
      t.notes,
    ]) {
      output.push(...words(v ?? ''));
    }
  }
  for (const w of doc.warnings) output.push(...words(w.text ?? ''));
  const have = new Map<string, number>();
  for (const w of output) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of source) {
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}
