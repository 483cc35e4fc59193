/**
 * Task tables: find them, read their cells, assemble rows, and prove that nothing was lost.
 */
import type { Message } from '../model/types.js';
import { describeLines, type LineInfo, PIPE, SEPARATORS } from '../text/line-info.js';
import { type LineLookup, LineSet } from '../text/line-set.js';
import { assembleRows, type TableEvent } from './assemble-rows.js';
import type { ColumnKind, TableLexicon } from './cell-kinds.js';
import { findTables, type Layout } from './find-tables.js';
import { readCells } from './read-cells.js';

export interface TableReport {
  layout: Layout;
  startLine: number;
  /** Last line of the header row (a header can be split over lines). */
  headerEndLine: number;
  endLine: number;
  columns: ColumnKind[];
  rows: number;
  /** Share of the table's non-blank, non-separator lines that landed in a field, heading, header or warning. */
  linesAccounted: number;
  /** Share of task value cells (lead, partners, deadline, ...) left empty. */
  emptyCells: number;
}

export interface ReadTable {
  report: TableReport;
  events: TableEvent[];
  /** The previous table's header printed again (a page break): its sections and groups carry on. */
  continues: boolean;
}

export interface ReadTablesResult {
  tables: ReadTable[];
  messages: Message[];
  /** Every line inside a table region (1-based), so prose readers can skip them. */
  tableLines: LineLookup;
}

export function readTables(
  lines: string[],
  lexicon: TableLexicon,
  info: LineInfo = describeLines(lines),
): ReadTablesResult {
  const tables: ReadTable[] = [];
  const messages: Message[] = [];
  const tableLines = new LineSet(lines.length);
  for (const region of findTables(lines, lexicon, info)) {
    const cells = readCells(lines, region, info);
    // The column-number row some tables carry under the header (`(1)` | `(2)` | `(3)`) is part of it.
    let k = 0;
    while (k < cells.length && (cells[k]!.text === '' || /^\(\d{1,2}\)$/.test(cells[k]!.text))) k++;
    if (cells.slice(0, k).filter((c) => c.text !== '').length >= 2) {
      region.headerEnd = Math.max(region.headerEnd, ...cells.slice(0, k).flatMap((c) => c.lines));
      cells.splice(0, k);
    }
    const assembled = assembleRows(cells, region, lexicon);
    messages.push(...assembled.messages);
    for (let l = region.headerStart; l <= region.headerEnd; l++) assembled.accounted.add(l);
    for (const m of assembled.messages)
      if (m.text !== undefined && m.line !== null) assembled.accounted.add(m.line);
    let contentLines = 0;
    let accountedLines = 0;
    for (let l = region.headerStart; l <= region.endLine; l++) {
      tableLines.add(l);
      // Separators and blanks only (a line past the end, too, is none).
      if (l > lines.length || (info.flags[l - 1]! & SEPARATORS) !== 0) continue;
      const text = lines[l - 1]!;
      contentLines++;
      if (assembled.accounted.has(l)) {
        accountedLines++;
        continue;
      }
      // Nothing is lost: a line no cell claimed is quoted in an error.
      messages.push({
        code: 'TABLE_LINE_UNREAD',
        severity: 'error',
        message: `a line inside the table was not read into any field: "${text.trim().slice(0, 120)}"`,
        line: l,
        text: text.trim(),
      });
    }
    const tasks = assembled.events.filter((e) => e.type === 'task');
    const slots = region.columns.filter((c) => c !== 'number' && c !== 'group' && c !== 'task');
    const totalSlots = tasks.length * slots.length;
    const emptySlots = tasks.reduce(
      (n, t) => n + slots.filter((s) => !(t.values as Record<string, unknown>)[s]).length,
      0,
    );
    tables.push({
      report: {
        layout: region.layout,
        startLine: region.headerStart,
        headerEndLine: region.headerEnd,
        endLine: region.endLine,
        columns: region.columns,
        rows: tasks.length,
        linesAccounted: contentLines === 0 ? 1 : round(accountedLines / contentLines),
        emptyCells: totalSlots === 0 ? 0 : round(emptySlots / totalSlots),
      },
      events: assembled.events,
      continues: region.continues === true,
    });
  }
  const headerless = headerlessRows(lines, tableLines, info);
  if (headerless) messages.push(headerless);
  return { tables, messages, tableLines };
}

// `3 | Rà soát thủ tục | Sở Tư pháp | Quý I năm 2014 |`: a numbered row of four or more cells.
const TASK_ROW = /^\s*\d{1,3}(?:\.\d{1,3})*\.?\s*\|(?:[^|]*\|){2,}/;

/**
 * Rows that read as task rows outside any table: a table whose header row is missing (or was not
 * recognised). They are not read as tasks — their columns are unknown — but they are not silent.
 */
function headerlessRows(lines: string[], tableLines: LineLookup, info: LineInfo): Message | null {
  let first = -1;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    // A row has a `|` (the first test, from the lines' description).
    if ((info.flags[i]! & PIPE) === 0 || tableLines.has(i + 1) || !TASK_ROW.test(lines[i]!)) continue;
    if (first === -1) first = i;
    count++;
  }
  if (count < 2) return null;
  const text = lines[first]!.trim();
  return {
    code: 'TABLE_HEADER_MISSING',
    severity: 'warning',
    message: `${count} lines look like rows of a task table without a header row (STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian ...); no tasks were read from them, first: "${text.slice(0, 100)}"`,
    line: first + 1,
    text,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
