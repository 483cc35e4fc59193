/**
 * `cchc compare`: plans or provinces side by side. JSON, NDJSON and YAML carry the typed rows of
 * `compare()`; table, CSV and Markdown carry its flat cells (`comparisonTable`). With `--transpose`
 * every format carries the flat cells turned round: one row per measure, one column per plan.
 */
import {
  type CompareUnit,
  type Comparison,
  comparisonTable,
  compare,
  type FlatTable,
  transposeTable,
} from '../../compare/compare.js';
import { defaultLexicon } from '../../lexicon/load.js';
import { AREA_CODES, type AreaCode } from '../../lexicon/types.js';
import type { CliIo } from '../io.js';
import { type LoadOptions, loadDocuments, loadLexicon, UsageError } from '../load.js';
import { writeCsv, writeJson, writeMarkdown, writeNdjson, writeTable, writeYaml } from '../render.js';

export interface CompareCommandOptions extends LoadOptions {
  by?: CompareUnit;
  indicators?: string;
  areas?: string;
  transpose?: boolean;
  format?: string;
}

export async function compareCommand(io: CliIo, inputs: string[], options: CompareCommandOptions): Promise<number> {
  // Usage errors before reading hundreds of plans.
  const areas = options.areas === undefined ? undefined : (chosen('--areas', options.areas, AREA_CODES) as AreaCode[]);
  const lexicon = options.lexicon ? await loadLexicon(silent(io), options.lexicon) : defaultLexicon();
  const indicators =
    options.indicators === undefined ? undefined : chosen('--indicators', options.indicators, Object.keys(lexicon.indicators));
  const { documents, failed } = await loadDocuments(io, inputs, options);
  const comparison = compare(documents, {
    by: options.by ?? 'document',
    lexicon,
    ...(areas ? { areas } : {}),
    ...(indicators ? { indicators } : {}),
  });
  await writeComparison(io, comparison, options.format ?? (io.stdout.isTTY ? 'table' : 'json'), options.transpose === true);
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
 * (the plan, or the measure when transposed) — the way R prints a wide data frame. Inside a panel,
 * writeTable wraps long cells on word boundaries and abbreviates what still does not fit.
 */
async function writeFittedTable(io: CliIo, table: FlatTable) {
  const width = io.stdout.columns ?? 120;
  const [first, ...rest] = table.columns;
  if (first === undefined) return;
  const text = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v)).normalize('NFC').length;
  const natural = (c: string) => Math.max(c.length, ...table.rows.map((r) => text(r[c]))) + 2;
  // A column asks for its natural width up to a cap (but room for its header); long text wraps.
  const cap = (c: string) => Math.min(natural(c), Math.max(26, c.length + 2));
  const firstWidth = Math.min(cap(first), Math.max(8, Math.floor(width / 3)));
  const panels: string[][] = [];
  let panel: string[] = [];
  let used = 1 + firstWidth + 1;
  for (const column of rest) {
    const need = Math.min(cap(column), Math.max(8, width - firstWidth - 3)) + 1;
    if (panel.length > 0 && used + need > width) {
      panels.push(panel);
      panel = [];
      used = 1 + firstWidth + 1;
    }
    panel.push(column);
    used += need;
  }
  if (panel.length > 0 || panels.length === 0) panels.push(panel);
  const maxWidths = Object.fromEntries([[first, firstWidth], ...rest.map((c) => [c, cap(c)] as const)]);
  for (const [i, columns] of panels.entries()) {
    if (i > 0) io.stdout.write('\n');
    await writeTable(io, table.rows, [first, ...columns], { maxWidths });
  }
}
