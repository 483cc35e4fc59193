/**
 * Data to stdout in the format asked for. JSON is pretty on a TTY (or with --pretty) and compact
 * when piped; YAML, CSV and tables load their libraries only when used.
 */
import type { CsvValue } from '../export/csv.js';
import type { CliIo } from './io.js';
import { chalkFor } from './style.js';

export type Format = 'json' | 'ndjson' | 'yaml' | 'csv' | 'table' | 'markdown';

export function writeJson(io: CliIo, value: unknown, pretty: boolean) {
  io.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

export function writeNdjson(io: CliIo, values: readonly unknown[]) {
  for (const v of values) io.stdout.write(`${JSON.stringify(v)}\n`);
}

export async function writeYaml(io: CliIo, value: unknown) {
  const { stringify } = await import('yaml');
  io.stdout.write(stringify(value, { lineWidth: 0 }));
}

export async function writeCsv(io: CliIo, rows: Record<string, CsvValue>[], columns: string[]) {
  const { toCsv } = await import('../export/csv.js');
  io.stdout.write(toCsv(rows, columns));
}

export function writeMarkdown(io: CliIo, rows: Record<string, CsvValue>[], columns: string[]) {
  const esc = (v: CsvValue) =>
    (Array.isArray(v) ? v.join('; ') : String(v ?? '')).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  io.stdout.write(`| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|\n`);
  for (const r of rows) io.stdout.write(`| ${columns.map((c) => esc(r[c])).join(' | ')} |\n`);
}

/** A table for people: fits the terminal width, NFC text so tone marks stay on their letters. */
export async function writeTable(
  io: CliIo,
  rows: Record<string, CsvValue>[],
  columns: string[],
  options: { maxWidths?: Record<string, number> } = {},
) {
  const Table = (await import('cli-table3')).default;
  const chalk = chalkFor(io, io.stdout);
  const coloured = chalk.level > 0;
  const width = io.stdout.columns ?? 120;
  const text = (v: CsvValue) => (Array.isArray(v) ? v.join('; ') : String(v ?? '')).normalize('NFC');
  // Share the width: every column gets what it needs up to its share, long text wraps.
  const natural = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)) + 2);
  const budget = Math.max(columns.length * 6, width - columns.length - 1);
  const widths = fitWidths(
    natural,
    budget,
    columns.map((c) => options.maxWidths?.[c]),
  );
  const table = new Table({
    head: columns.map((c) => (coloured ? chalk.bold(c) : c)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: coloured ? { head: [], border: ['grey'] } : { head: [], border: [] },
    // No rule between body rows: a wrapped cell is followed by the next row, half the height.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) table.push(columns.map((c) => text(r[c])));
  io.stdout.write(`${table.toString()}\n`);
}

function fitWidths(natural: number[], budget: number, caps: (number | undefined)[]): number[] {
  const widths = natural.map((n, i) => Math.min(n, caps[i] ?? n));
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest]! -= 1;
    total -= 1;
  }
  return widths;
}
