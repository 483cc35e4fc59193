/**
 * The export tables (SPEC §7 `export`): one row per document, task, target, goal and commitment,
 * flat enough for a spreadsheet and joinable on `doc_key` (every table) and `task_id` (tasks).
 *
 * The column lists below are the contract: columns are only ever added at the end, never renamed
 * or reordered, so that scripts reading the CSV by position keep working. Lists (lead agencies,
 * partners, legal bases) become `; `-joined text in CSV; dates are ISO `YYYY-MM-DD`; a missing
 * value is an empty cell.
 */
import type { CchcDocument } from '../model/document.js';
import type { Deadline } from '../model/types.js';
import type { CsvValue } from './csv.js';

export type Row = Record<string, CsvValue>;

/** `documents.csv`: one row per input document. */
export const DOCUMENT_COLUMNS = [
  'doc_key', // `158/QĐ-UBND`; the file stem when the number is unknown; `key#2` for a repeated number
  'path',
  'sha256',
  'type', // quyet-dinh | ke-hoach | chuong-trinh | ...
  'number',
  'issuer',
  'province',
  'province_slug',
  'issued_on',
  'place',
  'title',
  'period_from',
  'period_to',
  'program', // 30c | 76
  'signer_name',
  'signer_title',
  'approves_type', // a Quyết định's appended plan
  'approves_title',
  'legal_bases', // document numbers cited as the basis, `; `-joined
  'tasks',
  'targets',
  'goals',
  'commitments',
  'warnings',
  'encoding',
  'lines',
] as const;

/** `tasks.csv`: one row per task of a task table. */
export const TASK_COLUMNS = [
  'doc_key',
  'task_id', // `II.3`: unique within its document
  'ordinal',
  'number',
  'section',
  'section_title',
  'group',
  'area',
  'title',
  'product',
  'lead', // canonical agency names, `; `-joined
  'partners',
  'lead_raw', // the cell as written
  'partners_raw',
  'deadline_raw',
  'deadline_kind', // date | month | quarter | ... | recurring | per-regulation | unknown
  'deadline_start',
  'deadline_due',
  'deadline_recurring',
  'deadline_year_inferred',
  'funding',
  'notes',
  'line',
] as const;

/** `targets.csv`: one row per quantitative target. */
export const TARGET_COLUMNS = [
  'doc_key',
  'target_no', // 1-based position in the document
  'task_id', // the task whose title states the target (`tăng lên 100%` in a task cell), else empty
  'indicator',
  'comparator',
  'value',
  'unit', // % | count | rank
  'year',
  'year_inferred',
  'scope', // targets | goals | body
  'section',
  'subject',
  'raw',
  'text',
  'line',
] as const;

/** `goals.csv`: one row per Mục đích / Mục tiêu / Yêu cầu item. */
export const GOAL_COLUMNS = ['doc_key', 'goal_no', 'kind', 'section', 'text', 'line'] as const;

/** `commitments.csv`: deadlines stated in the prose (`... chậm nhất ngày 31/12/2017`). */
export const COMMITMENT_COLUMNS = [
  'doc_key',
  'commitment_no',
  'agency',
  'section',
  'text',
  'deadline_raw',
  'deadline_kind',
  'deadline_start',
  'deadline_due',
  'deadline_recurring',
  'deadline_year_inferred',
  'line',
] as const;

export type ExportTableName = 'documents' | 'tasks' | 'targets' | 'goals' | 'commitments';

/** Every table in the order `--out` writes them, with its columns and its row builder. */
export const EXPORT_TABLES: Record<
  ExportTableName,
  { columns: readonly string[]; rows: (docs: readonly CchcDocument[]) => Row[] }
> = {
  documents: { columns: DOCUMENT_COLUMNS, rows: documentRows },
  tasks: { columns: TASK_COLUMNS, rows: taskRows },
  targets: { columns: TARGET_COLUMNS, rows: targetRows },
  goals: { columns: GOAL_COLUMNS, rows: goalRows },
  commitments: { columns: COMMITMENT_COLUMNS, rows: commitmentRows },
};

export function documentRows(docs: readonly CchcDocument[]): Row[] {
  return docs.map(({ source, document: d, ...doc }) => ({
    doc_key: d.key,
    path: source.path,
    sha256: source.sha256,
    type: d.type,
    number: d.number,
    issuer: d.issuer,
    province: d.province?.name ?? null,
    province_slug: d.province?.slug ?? null,
    issued_on: d.issuedOn,
    place: d.place,
    title: d.title,
    period_from: d.period?.from ?? null,
    period_to: d.period?.to ?? null,
    program: d.program,
    signer_name: d.signer?.name ?? null,
    signer_title: d.signer?.title ?? null,
    approves_type: d.approves?.type ?? null,
    approves_title: d.approves?.title ?? null,
    legal_bases: d.legalBases.flatMap((b) => (b.number ? [b.number] : [])),
    tasks: doc.tasks.length,
    targets: doc.targets.length,
    goals: doc.goals.length,
    commitments: doc.commitments.length,
    warnings: doc.warnings.length,
    encoding: source.encoding,
    lines: source.lines,
  }));
}

export function taskRows(docs: readonly CchcDocument[]): Row[] {
  return docs.flatMap((doc) =>
    doc.tasks.map((t) => ({
      doc_key: doc.document.key,
      task_id: t.id,
      ordinal: t.ordinal,
      number: t.number,
      section: t.section,
      section_title: t.sectionTitle,
      group: t.group,
      area: t.area,
      title: t.title,
      product: t.product,
      lead: t.lead,
      partners: t.partners,
      lead_raw: t.leadRaw,
      partners_raw: t.partnersRaw,
      ...deadlineCells(t.deadline),
      funding: t.funding,
      notes: t.notes,
      line: t.line,
    })),
  );
}

export function targetRows(docs: readonly CchcDocument[]): Row[] {
  return docs.flatMap((doc) =>
    doc.targets.map((t, i) => ({
      doc_key: doc.document.key,
      target_no: i + 1,
      task_id: t.task,
      indicator: t.indicator,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      year: t.year,
      year_inferred: t.yearInferred,
      scope: t.scope,
      section: t.section,
      subject: t.subject,
      raw: t.raw,
      text: t.text,
      line: t.line,
    })),
  );
}

export function goalRows(docs: readonly CchcDocument[]): Row[] {
  return docs.flatMap((doc) =>
    doc.goals.map((g, i) => ({
      doc_key: doc.document.key,
      goal_no: i + 1,
      kind: g.kind,
      section: g.section,
      text: g.text,
      line: g.line,
    })),
  );
}

export function commitmentRows(docs: readonly CchcDocument[]): Row[] {
  return docs.flatMap((doc) =>
    doc.commitments.map((c, i) => ({
      doc_key: doc.document.key,
      commitment_no: i + 1,
      agency: c.agency,
      section: c.section,
      text: c.text,
      ...deadlineCells(c.deadline),
      line: c.line,
    })),
  );
}

function deadlineCells(d: Deadline | null): Row {
  return {
    deadline_raw: d?.raw ?? null,
    deadline_kind: d?.kind ?? null,
    deadline_start: d?.start ?? null,
    deadline_due: d?.due ?? null,
    deadline_recurring: d ? d.recurring : null,
    deadline_year_inferred: d ? d.yearInferred : null,
  };
}
