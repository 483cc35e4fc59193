/**
 * What a worker sends back for each document. A batch command names the smallest form it needs,
 * so that documents are reduced where they are parsed and the main thread never holds them all.
 */
import { EXPORT_TABLES, type ExportTableName, type Row } from '../export/tables.js';
import type { CchcDocument } from '../model/document.js';

export type Transform = (doc: CchcDocument) => unknown;

/** The rows of every export table for one document. */
export type ExportRows = Record<ExportTableName, Row[]>;

/**
 * The part of a document that `compare()` reads: its identity and period, each task's area,
 * deadline and lead, and its targets. Everything else (titles, prose, warnings) stays behind.
 */
export function forCompare(doc: CchcDocument): CchcDocument {
  return {
    ...doc,
    document: { ...doc.document, legalBases: [], provenance: {} },
    sections: [],
    goals: [],
    commitments: [],
    tables: [],
    warnings: [],
    tasks: doc.tasks.map((t) => ({
      ...t,
      title: '',
      product: null,
      partners: [],
      leadRaw: null,
      partnersRaw: null,
      funding: null,
      notes: null,
    })),
    targets: doc.targets.map((t) => ({ ...t, text: '', subject: '' })),
  };
}

export function forExport(doc: CchcDocument): ExportRows {
  const out = {} as ExportRows;
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [
    ExportTableName,
    (typeof EXPORT_TABLES)[ExportTableName],
  ][]) {
    out[name] = table.rows([doc]);
  }
  return out;
}

export const TRANSFORMS: Record<string, Transform> = {
  document: (doc) => doc,
  compare: forCompare,
  export: forExport,
};
