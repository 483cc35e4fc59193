/**
 * What a worker sends back for each document. A batch command names the smallest form it needs,
 * so that documents are reduced where they are parsed — the main thread never holds the batch, and
 * little crosses between threads.
 */
import { type CsvOptions, toCsv } from '../export/csv.js';
import { EXPORT_TABLES, type ExportTableName } from '../export/tables.js';
import type { CchcDocument } from '../model/document.js';

export type Transform = (doc: CchcDocument, options?: unknown) => unknown;

/**
 * The part of a document that `compare()` reads: its identity and period, each task's area,
 * deadline kind and due date and lead agencies, and its targets. Titles, prose and warnings stay
 * behind. The result has the document's shape with only those fields filled.
 */
export function forCompare(doc: CchcDocument): CchcDocument {
  const d = doc.document;
  return {
    document: { key: d.key, province: d.province, period: d.period, issuedOn: d.issuedOn },
    tasks: doc.tasks.map((t) => ({
      area: t.area,
      lead: t.lead,
      deadline: t.deadline && { kind: t.deadline.kind, due: t.deadline.due, recurring: t.deadline.recurring },
    })),
    targets: doc.targets
      .filter((t) => t.indicator !== null)
      .map((t) => ({
        indicator: t.indicator,
        scope: t.scope,
        line: t.line,
        value: t.value,
        unit: t.unit,
        comparator: t.comparator,
        year: t.year,
        raw: t.raw,
      })),
  } as unknown as CchcDocument;
}

/** Stands for the document key and path in CSV made on a worker; the loader puts the final ones in. */
export const KEY_MARK = '\u0000cchc-key\u0000';
export const PATH_MARK = '\u0000cchc-path\u0000';

export interface ExportChunks {
  /** For each table, this document's rows as CSV (no header), with KEY_MARK and PATH_MARK in place. */
  csv: Record<ExportTableName, string>;
  rows: Record<ExportTableName, number>;
}

/** The CSV rows of every export table for one document, made where the document was parsed. */
export function forExport(doc: CchcDocument, options?: unknown): ExportChunks {
  const csvOptions = { ...((options ?? {}) as CsvOptions), header: false, bom: false };
  const marked = {
    ...doc,
    document: { ...doc.document, key: KEY_MARK },
    source: { ...doc.source, path: PATH_MARK },
  };
  const csv = {} as Record<ExportTableName, string>;
  const rows = {} as Record<ExportTableName, number>;
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [
    ExportTableName,
    (typeof EXPORT_TABLES)[ExportTableName],
  ][]) {
    const data = table.rows([marked]);
    rows[name] = data.length;
    csv[name] = data.length === 0 ? '' : toCsv(data, table.columns, csvOptions);
  }
  return { csv, rows };
}

export const TRANSFORMS: Record<string, Transform> = {
  document: (doc) => doc,
  compare: forCompare,
  export: forExport,
};
