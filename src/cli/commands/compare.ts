/**
 * `cchc compare`: plans or provinces side by side. JSON, NDJSON and YAML carry the typed rows of
 * `compare()`; table, CSV and Markdown carry its flat cells (`comparisonTable`). With `--transpose`
 * every format carries the flat cells turned round: one row per measure, one column per plan.
 */
import {
  type CompareUnit,
  type Comparison,
  compare,
  comparisonTable,
  type FlatTable,
  transposeTable,
} from '../../compare/compare.js';
import type { CsvValue } from '../../export/csv.js';
import { defaultLexicon } from '../../lexicon/load.js';
import { AREA_CODES, type AreaCode } from '../../lexicon/types.js';
import type { CchcDocument } from '../../model/document.js';
import type { CliIo } from '../io.js';
import { type LoadOptions, loadLexicon, streamDocuments, UsageError } from '../load.js';
import { writeCsv, writeJson, writeMarkdown, writeNdjson, writeTable, writeYaml } from '../render.js';

export interface CompareCommandOptions extends LoadOptions {
  by?: CompareUnit;
  indicators?: string;
  areas?: string;
  transpose?: boolean;
  format?: string;
}

export async function compareCommand(
  io: CliIo,
  inputs: string[],
  options: CompareCommandOptions,
): Promise<number> {
  // Usage errors before reading hundreds of plans.
  const areas =
    options.areas === undefined ? undefined : (chosen('--areas', options.areas, AREA_CODES) as AreaCode[]);
  const lexicon = options.lexicon ? await loadLexicon(silent(io), options.lexicon) : defaultLexicon();
  const indicators =
    options.indicators === undefined
      ? undefined
      : chosen('--indicators', options.indicators, Object.keys(lexicon.indicators));
  // Workers send back only what compare() reads, so a batch of thousands of plans stays small.
  const documents: CchcDocument[] = [];
  const { failed } = await streamDocuments<CchcDocument>(io, inputs, options, 'compare', (item) => {
    item.payload.document.key = item.key;
    documents.push(item.payload);
  });
  const comparison = compare(documents, {
    by: options.by ?? 'document',
    lexicon,
    ...(areas ? { areas } : {}),
    ...(indicators ? { indicators } : {}),
  });
  await writeComparison(
    io,
    comparison,
    options.format ?? (io.stdout.isTTY ? 'table' : 'json'),
    options.transpose === true,
  );
  return failed > 0 ? 3 : 0;
}

async function writeComparison(io: CliIo, comparison: Comparison, format: string, transpose: boolean) {
  const flat = comparisonTable(comparison);
  const table = transpose ? transposeTable(flat) : flat;
  if (format === 'table') return writeFittedTable(io, table);
  if (format === 'csv') return writeCsv(io, table.rows, table.columns);
  if (format === 'markdown') return writeMarkdown(io, table.rows, table.columns);
  const records = transpose ? table.rows : comparison.rows;
  if (format === 'ndjson') return writeNdjson(io, records);
  if (format === 'yaml') return writeYaml(io, records);
  return writeJson(io, records, io.stdout.isTTY === true);
}

/** `procedures, e-government` → the codes, or a usage error that lists the valid ones. */
function chosen(flag: string, list: string, valid: readonly string[]): string[] {
  const codes = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = codes.filter((c) => !valid.includes(c));
  if (codes.length === 0 || unknown.length > 0) {
    const what = unknown.length > 0 ? `unknown ${unknown.map((u) => `'${u}'`).join(', ')}` : 'nothing chosen';
    throw new UsageError(`${flag}: ${what}; valid: ${valid.join(', ')}`);
  }
  return [...new Set(codes)];
}

/** loadDocuments reads the lexicon again and reports its problems; say them once. */
function silent(io: CliIo): CliIo {
  return { ...io, stderr: { write: () => true } };
}

/**
 * A comparison has more columns than a terminal is wide (nine areas, four percentages, three
 * agencies, a dozen indicators). Rather than squeezing thirty columns into illegible slivers, the
 * columns are dealt into panels that each fit the width, every panel repeating the first column
 * (the plan, or the measure when transposed) — the way R prints a wide data frame. A column is
 * not made narrower than its longest word, so `civil-service` or `[158/QĐ-UBND]` is not cut, and
 * longer text wraps on spaces. Only the repeated first column is held to a third of the width:
 * a word longer than that (`satisfaction-public-services` on 60 columns) is abbreviated with `…`.
 */
async function writeFittedTable(io: CliIo, table: FlatTable) {
  const width = io.stdout.columns ?? 120;
  const [first, ...rest] = table.columns;
  if (first === undefined) return;
  const texts = (c: string) => [c, ...table.rows.map((r) => cellText(r[c]))];
  const natural = (c: string) => Math.max(...texts(c).map((t) => t.length)) + 2;
  // What a column cannot do without: its longest word, and short values (`>=80% (2017)`,
  // `Sở Nội vụ (19)`) whole, since a value broken over two lines is harder to scan.
  const least = (c: string) =>
    Math.max(...texts(c).flatMap((t) => (t.length <= 16 ? [t.length] : t.split(' ').map((w) => w.length)))) +
    2;
  // A column wants its natural width up to a cap (room for its header), and needs at least `least`.
  const sizeOf = (c: string, most: number) => {
    const want = Math.min(natural(c), Math.max(26, c.length + 2), most);
    return { column: c, want, need: Math.min(want, least(c)) };
  };
  // The first column is repeated in every panel: the same width in each, at most a third of the screen.
  const firstFit = sizeOf(first, Math.max(10, Math.floor(width / 3)));
  const head = { ...firstFit, need: firstFit.want };
  const room = width - 2 - head.need; // the two outer borders and the first column
  const panels: ReturnType<typeof sizeOf>[][] = [];
  let panel: ReturnType<typeof sizeOf>[] = [];
  let used = 0;
  for (const column of rest.map((c) => sizeOf(c, Math.max(4, room - 1)))) {
    if (panel.length > 0 && used + column.need + 1 > room) {
      panels.push(panel);
      panel = [];
      used = 0;
    }
    panel.push(column);
    used += column.need + 1;
  }
  if (panel.length > 0 || panels.length === 0) panels.push(panel);
  for (const [i, columns] of panels.entries()) {
    if (i > 0) io.stdout.write('\n');
    const widths = share([head, ...columns], width - columns.length - 2);
    await writeTable(io, table.rows, [first, ...columns.map((c) => c.column)], { maxWidths: widths });
  }
}

/** Every column gets what it needs, then the spare width goes, a column at a time, to the one furthest short of what it wants. */
function share(
  columns: { column: string; want: number; need: number }[],
  budget: number,
): Record<string, number> {
  const widths = columns.map((c) => c.need);
  let spare = budget - widths.reduce((a, b) => a + b, 0);
  while (spare > 0) {
    let neediest = -1;
    columns.forEach((c, i) => {
      if (
        widths[i]! < c.want &&
        (neediest < 0 || c.want - widths[i]! > columns[neediest]!.want - widths[neediest]!)
      )
        neediest = i;
    });
    if (neediest < 0) break;
    widths[neediest]! += 1;
    spare -= 1;
  }
  return Object.fromEntries(columns.map((c, i) => [c.column, widths[i]!]));
}

function cellText(v: CsvValue): string {
  return (Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v)).normalize('NFC');
}
