/**
 * What is late, and who leads it (SPEC §7, `cchc overdue`): every task whose deadline ended before
 * the as-of date and that the status file does not mark done or dropped, most late first.
 *
 * Each task lands in exactly one bucket of the summary, so the buckets add up to the tasks checked:
 * a status (dropped, done, done late) wins over the deadline; then tasks that can never be late —
 * open-ended (`Năm 2021 và những năm tiếp theo`), recurring (`Thường xuyên`), per-regulation
 * (`Theo quy định`) and those without a readable date; the rest are overdue or not yet due.
 * `inProgress` counts the tasks marked in progress across those buckets.
 */
import type { AreaCode } from '../lexicon/types.js';
import type { CchcDocument, TaskDeadline } from '../model/document.js';
import { fold } from '../text/fold.js';
import {
  isIsoDate,
  type StatusEntry,
  type StatusFile,
  type StatusProblem,
  statusProblem,
} from './status-file.js';

export interface OverdueOptions {
  /** The day to judge by, `YYYY-MM-DD`. A task due that day is not late yet. */
  asOf: string;
  status?: StatusFile | null;
  /** Only tasks whose lead agency contains this text, accents and case ignored (`noi vu` finds `Sở Nội vụ`). */
  lead?: string | null;
  area?: AreaCode | null;
  /** Also check deadlines stated in the prose (`chậm nhất ngày 30/7/2017`), as `commitment@L<line>`. */
  includeCommitments?: boolean;
}

/** `open`: the status file says nothing about the task; `in-progress`: it says work has started. */
export type OverdueRowStatus = 'open' | 'in-progress';

export interface OverdueRow {
  /** The document key (`121/KH-UBND`). */
  document: string;
  province: string | null;
  path: string | null;
  kind: 'task' | 'commitment';
  /** Task id (`1.3`), or `commitment@L55` for a deadline stated in the prose. */
  id: string;
  ordinal: number;
  area: AreaCode | null;
  title: string;
  lead: string[];
  due: string;
  daysLate: number;
  status: OverdueRowStatus;
  note: string | null;
  /** The deadline as written (`Tháng 8/2017`). */
  deadline: string;
  line: number;
}

export type OverdueBucket =
  | 'overdue'
  | 'notYetDue'
  | 'done'
  | 'doneLate'
  | 'dropped'
  | 'openEnded'
  | 'recurring'
  | 'perRegulation'
  | 'noDate';

export type OverdueSummary = Record<OverdueBucket, number> & {
  /** Table tasks checked (after the --lead and --area filters). */
  tasks: number;
  /** Prose commitments checked (0 unless asked for). */
  commitments: number;
  /** Marked in progress, whichever bucket they are in. */
  inProgress: number;
};

export interface OverdueResult {
  asOf: string;
  summary: OverdueSummary;
  rows: OverdueRow[];
  /** Status-file entries that name no input document or no task of it, with the file's line. */
  problems: StatusProblem[];
}

export interface OverdueGroup {
  lead: string;
  rows: OverdueRow[];
}

/** The heading for rows whose task names no lead agency. */
export const NO_LEAD = '(no lead agency)';

/** One thing with a deadline: a table task or a commitment from the prose. */
interface Item {
  kind: 'task' | 'commitment';
  id: string;
  ordinal: number;
  area: AreaCode | null;
  title: string;
  lead: string[];
  leadRaw: string | null;
  deadline: TaskDeadline | null;
  line: number;
}

export function findOverdue(docs: readonly CchcDocument[], options: OverdueOptions): OverdueResult {
  if (!isIsoDate(options.asOf))
    throw new RangeError(`asOf must be a date written YYYY-MM-DD, not ${options.asOf}`);
  const asOf = options.asOf;
  const { lookup, problems } = resolveStatus(docs, options.status ?? null);
  const summary: OverdueSummary = {
    tasks: 0,
    commitments: 0,
    overdue: 0,
    notYetDue: 0,
    done: 0,
    doneLate: 0,
    dropped: 0,
    openEnded: 0,
    recurring: 0,
    perRegulation: 0,
    noDate: 0,
    inProgress: 0,
  };
  const needle = options.lead ? fold(options.lead) : '';
  const rows: OverdueRow[] = [];
  for (const doc of docs) {
    const statuses = lookup.get(doc);
    for (const item of itemsOf(doc, options.includeCommitments === true)) {
      if (options.area && item.area !== options.area) continue;
      if (needle && !leadMatches(item, needle)) continue;
      const entry = statuses?.get(item.id) ?? null;
      summary[item.kind === 'task' ? 'tasks' : 'commitments']++;
      if (entry?.status === 'in-progress') summary.inProgress++;
      const bucket = bucketOf(item.deadline, entry, asOf);
      summary[bucket]++;
      if (bucket !== 'overdue') continue;
      const due = item.deadline!.due!;
      rows.push({
        document: doc.document.key,
        province: doc.document.province?.name ?? null,
        path: doc.source.path,
        kind: item.kind,
        id: item.id,
        ordinal: item.ordinal,
        area: item.area,
        title: item.title,
        lead: item.lead,
        due,
        daysLate: daysBetween(due, asOf),
        status: entry?.status === 'in-progress' ? 'in-progress' : 'open',
        note: entry?.note ?? null,
        deadline: item.deadline!.raw,
        line: item.line,
      });
    }
  }
  rows.sort(
    (a, b) => b.daysLate - a.daysLate || compareText(a.document, b.document) || a.ordinal - b.ordinal,
  );
  return { asOf, summary, rows, problems };
}

/** Rows under each lead agency; a task with two leads is listed under both. Busiest lead first. */
export function groupByLead(rows: readonly OverdueRow[]): OverdueGroup[] {
  const groups = new Map<string, OverdueRow[]>();
  for (const row of rows) {
    for (const lead of row.lead.length > 0 ? row.lead : [NO_LEAD]) {
      const list = groups.get(lead) ?? [];
      list.push(row);
      groups.set(lead, list);
    }
  }
  return [...groups]
    .map(([lead, list]) => ({ lead, rows: list }))
    .sort(
      (a, b) =>
        b.rows.length - a.rows.length ||
        compareText(fold(a.lead), fold(b.lead)) ||
        compareText(a.lead, b.lead),
    );
}

/** Whole days from `from` to `to` (both ISO dates); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function bucketOf(deadline: TaskDeadline | null, entry: StatusEntry | null, asOf: string): OverdueBucket {
  if (entry?.status === 'dropped') return 'dropped';
  if (entry?.status === 'done') {
    const due = deadline?.due;
    return entry.doneOn && due && entry.doneOn > due ? 'doneLate' : 'done';
  }
  if (!deadline || deadline.kind === 'unknown') return 'noDate';
  if (deadline.kind === 'from') return 'openEnded';
  if (deadline.recurring || deadline.kind === 'recurring') return 'recurring';
  if (deadline.kind === 'per-regulation') return 'perRegulation';
  // A multi-year task (`Năm 2013, 2014, 2015`) is judged by its last occurrence: it is late only
  // when the whole span has ended, never for a year that is merely behind.
  if (!deadline.due) return 'noDate';
  return deadline.due < asOf ? 'overdue' : 'notYetDue';
}

function itemsOf(doc: CchcDocument, includeCommitments: boolean): Item[] {
  const items: Item[] = doc.tasks.map((t) => ({
    kind: 'task',
    id: t.id,
    ordinal: t.ordinal,
    area: t.area,
    title: t.title,
    lead: t.lead,
    leadRaw: t.leadRaw,
    deadline: t.deadline,
    line: t.line,
  }));
  if (!includeCommitments) return items;
  doc.commitments.forEach((c, i) => {
    items.push({
      kind: 'commitment',
      id: commitmentId(c.line),
      ordinal: doc.tasks.length + i + 1,
      area: areaOfSection(doc, c.section),
      title: c.text,
      // The commitment model joins the agencies a paragraph names with `; `.
      lead: c.agency ? c.agency.split(/;\s*/).filter((a) => a !== '') : [],
      leadRaw: c.agency,
      deadline: c.deadline,
      line: c.line,
    });
  });
  return items;
}

export function commitmentId(line: number): string {
  return `commitment@L${line}`;
}

/** A prose section's area, or its parent's: `II.5` (Xây dựng ... đội ngũ) → civil-service. */
function areaOfSection(doc: CchcDocument, key: string | null): AreaCode | null {
  let current = key;
  while (current) {
    const section = doc.sections.find((s) => s.key === current);
    if (section?.area) return section.area;
    const dot = current.lastIndexOf('.');
    current = dot > 0 ? current.slice(0, dot) : null;
  }
  return null;
}

function leadMatches(item: Item, needle: string): boolean {
  return (
    item.lead.some((l) => fold(l).includes(needle)) ||
    (item.leadRaw !== null && fold(item.leadRaw).includes(needle))
  );
}

/**
 * Status-file entries → a lookup per input document. A key matches exactly, or else with accents
 * and case folded (`158/QD-UBND` finds `158/QĐ-UBND`); a task id matches exactly or ignoring case.
 */
function resolveStatus(
  docs: readonly CchcDocument[],
  status: StatusFile | null,
): { lookup: Map<CchcDocument, Map<string, StatusEntry>>; problems: StatusProblem[] } {
  const lookup = new Map<CchcDocument, Map<string, StatusEntry>>();
  const problems: StatusProblem[] = [];
  if (!status) return { lookup, problems };
  for (const entry of status.documents) {
    const doc =
      docs.find((d) => d.document.key.normalize('NFC') === entry.key) ??
      docs.find((d) => fold(d.document.key) === fold(entry.key));
    if (!doc) {
      const keys = docs.map((d) => d.document.key);
      const detail = keys.length > 6 ? `${keys.slice(0, 6).join(', ')}, …` : keys.join(', ');
      problems.push(
        statusProblem(
          'STATUS_UNKNOWN_DOCUMENT',
          { key: entry.key, detail },
          { line: entry.line, column: null },
        ),
      );
      continue;
    }
    const ids = [...doc.tasks.map((t) => t.id), ...doc.commitments.map((c) => commitmentId(c.line))];
    const map = lookup.get(doc) ?? new Map<string, StatusEntry>();
    lookup.set(doc, map);
    for (const task of entry.tasks) {
      const id =
        ids.find((i) => i === task.task) ?? ids.find((i) => i.toUpperCase() === task.task.toUpperCase());
      if (!id) {
        problems.push(
          statusProblem(
            'STATUS_UNKNOWN_TASK',
            { key: doc.document.key, task: task.task },
            { line: task.line, column: null },
          ),
        );
        continue;
      }
      map.set(id, task);
    }
  }
  return { lookup, problems };
}

/** Plain code-unit order: the same bytes on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
