/**
 * Plans (or provinces) side by side (SPEC §7 `compare`): how many tasks per reform area, how
 * concrete their deadlines are, who leads most of them, and what each plan promises per indicator.
 *
 * `compare(docs)` gives typed rows for JSON; `comparisonTable()` flattens them into the cells of a
 * table or a CSV, and `transposeTable()` turns measures into rows. Pure: documents in, data out.
 */
import type { CsvValue } from '../export/csv.js';
import { defaultLexicon } from '../lexicon/load.js';
import { AREA_CODES, type AreaCode, type LexiconData } from '../lexicon/types.js';
import type { CchcDocument } from '../model/document.js';
import type { Comparator, Target, TargetUnit } from '../model/types.js';

export type CompareUnit = 'document' | 'province';

export interface CompareOptions {
  /** One row per document (default) or per province. */
  by?: CompareUnit;
  /** Indicator columns, in this order. Default: every indicator any row states, in lexicon order. */
  indicators?: readonly string[];
  /** Area columns, in this order. Default: all of `AREA_CODES`, so that they add up to the task total. */
  areas?: readonly AreaCode[];
  /** Gives the order of the default indicator columns (its `indicators` keys). Default: the built-in lexicon. */
  lexicon?: LexiconData;
  /** How many of the busiest lead agencies to list (default 3). */
  leads?: number;
}

/** The target a row states for one indicator, and where it was read. */
export interface ComparedTarget {
  value: number | string;
  unit: TargetUnit;
  comparator: Comparator;
  year: number | null;
  /** `>=80% (2020)`; in a province row the plan is named too: `90% (2020) [51/KH-UBND]`. */
  display: string;
  /** Key of the document the value came from. */
  document: string;
  scope: Target['scope'];
  line: number;
  raw: string;
}

export interface ComparisonRow {
  /** `Nam Định 2021`, `Hậu Giang 2016–2020`; a province's name with `--by province`. Unique in a comparison. */
  label: string;
  /** The document key, or the province slug. */
  key: string;
  province: string | null;
  period: { from: number; to: number } | null;
  /** Keys of the documents in the row, latest plan first. */
  documents: string[];
  tasks: number;
  /** Tasks per area code (only the chosen areas). */
  areas: Record<string, number>;
  /** Percent of tasks (one decimal), null when there are no tasks. */
  percent: {
    /** With a concrete due date (`deadline.due` set). */
    dated: number | null;
    recurring: number | null;
    /** `Từ Quý II/2012`, `Năm 2021 và những năm tiếp theo`: a start and no end. */
    openEnded: number | null;
    perRegulation: number | null;
  };
  /** The busiest lead agencies, most tasks first (ties: first seen first). */
  leads: { agency: string; tasks: number }[];
  /** Indicator key → the target stated for it, or null. */
  targets: Record<string, ComparedTarget | null>;
}

export interface Comparison {
  by: CompareUnit;
  areas: AreaCode[];
  indicators: string[];
  rows: ComparisonRow[];
}

// A target listed under `Chỉ tiêu` says more than one in a `Mục tiêu` paragraph, which says more
// than a figure met in passing in the body.
const SCOPE_RANK: Record<Target['scope'], number> = { targets: 0, goals: 1, body: 2 };

export function compare(docs: readonly CchcDocument[], options: CompareOptions = {}): Comparison {
  const by = options.by ?? 'document';
  const areas = [...(options.areas ?? AREA_CODES)];
  const groups = by === 'province' ? groupByProvince(docs) : docs.map((d) => [d]);
  const rows = groups.map((group) => summarise(latestFirst(group), by, areas, options.leads ?? 3));
  uniqueLabels(rows);
  const indicators = options.indicators
    ? [...options.indicators]
    : statedIndicators(rows, Object.keys((options.lexicon ?? defaultLexicon()).indicators));
  for (const row of rows) {
    const all = row.targets;
    row.targets = Object.fromEntries(indicators.map((k) => [k, all[k] ?? null]));
  }
  return { by, areas, indicators, rows };
}

function groupByProvince(docs: readonly CchcDocument[]): CchcDocument[][] {
  const groups = new Map<string, CchcDocument[]>();
  for (const doc of docs) {
    // A plan whose province is unknown cannot be merged with anything: it keeps a row of its own.
    const id = doc.document.province ? `p:${doc.document.province.slug}` : `d:${doc.document.key}`;
    const group = groups.get(id);
    if (group) group.push(doc);
    else groups.set(id, [doc]);
  }
  return [...groups.values()];
}

/** Latest plan first: by the end of its period, then its start, then its date of issue. */
function latestFirst(group: CchcDocument[]): CchcDocument[] {
  const end = (d: CchcDocument) =>
    d.document.period?.to ?? yearOf(d.document.issuedOn) ?? Number.NEGATIVE_INFINITY;
  const start = (d: CchcDocument) => d.document.period?.from ?? end(d);
  return group
    .map((doc, index) => ({ doc, index }))
    .sort(
      (a, b) =>
        end(b.doc) - end(a.doc) ||
        start(b.doc) - start(a.doc) ||
        (b.doc.document.issuedOn ?? '').localeCompare(a.doc.document.issuedOn ?? '') ||
        a.index - b.index,
    )
    .map((x) => x.doc);
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

function summarise(
  docs: CchcDocument[],
  by: CompareUnit,
  areas: AreaCode[],
  leadCount: number,
): ComparisonRow {
  const first = docs[0]!.document;
  const tasks = docs.flatMap((d) => d.tasks);
  const percentOf = (n: number) => (tasks.length === 0 ? null : Math.round((n / tasks.length) * 1000) / 10);
  const count = (test: (t: (typeof tasks)[number]) => boolean) => percentOf(tasks.filter(test).length);
  const period = spanOf(docs);
  return {
    label:
      by === 'province'
        ? (first.province?.name ?? first.key)
        : [first.province?.name ?? first.key, periodText(period)].join(' ').trim(),
    key: by === 'province' ? (first.province?.slug ?? first.key) : first.key,
    province: first.province?.name ?? null,
    period,
    documents: docs.map((d) => d.document.key),
    tasks: tasks.length,
    areas: Object.fromEntries(areas.map((a) => [a, tasks.filter((t) => t.area === a).length])),
    percent: {
      dated: count((t) => t.deadline?.due != null),
      recurring: count((t) => t.deadline?.recurring === true),
      openEnded: count((t) => t.deadline?.kind === 'from'),
      perRegulation: count((t) => t.deadline?.kind === 'per-regulation'),
    },
    leads: busiestLeads(tasks, leadCount),
    targets: chooseTargets(docs, by),
  };
}

function spanOf(docs: CchcDocument[]): { from: number; to: number } | null {
  const periods = docs.flatMap((d) => (d.document.period ? [d.document.period] : []));
  if (periods.length === 0) return null;
  return { from: Math.min(...periods.map((p) => p.from)), to: Math.max(...periods.map((p) => p.to)) };
}

function periodText(period: { from: number; to: number } | null): string {
  if (!period) return '';
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

function busiestLeads(tasks: CchcDocument['tasks'], n: number): { agency: string; tasks: number }[] {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    // A task led by "Sở Nội vụ; Sở Nội vụ" (a repeated cell) counts once for that agency.
    for (const agency of new Set(task.lead)) counts.set(agency, (counts.get(agency) ?? 0) + 1);
  }
  // Map keeps first-seen order and the sort is stable, so ties stay in document order.
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([agency, tasks]) => ({ agency, tasks }));
}

/** Per indicator, the latest plan that states it; within a plan, by scope and then earliest line. */
function chooseTargets(docs: CchcDocument[], by: CompareUnit): Record<string, ComparedTarget> {
  const chosen = new Map<string, ComparedTarget>();
  for (const doc of docs) {
    const best = new Map<string, Target>();
    for (const t of doc.targets) {
      if (t.indicator === null || chosen.has(t.indicator)) continue;
      const held = best.get(t.indicator);
      if (
        !held ||
        SCOPE_RANK[t.scope] - SCOPE_RANK[held.scope] < 0 ||
        (t.scope === held.scope && t.line < held.line)
      ) {
        best.set(t.indicator, t);
      }
    }
    for (const [indicator, t] of best)
      chosen.set(indicator, compared(t, doc.document.key, by === 'province'));
  }
  return Object.fromEntries(chosen);
}

function compared(t: Target, document: string, namePlan: boolean): ComparedTarget {
  const display = formatTarget(t) + (namePlan ? ` [${document}]` : '');
  return {
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    year: t.year,
    display,
    document,
    scope: t.scope,
    line: t.line,
    raw: t.raw,
  };
}

/** `>=80% (2020)`, `90% (2020)` (an equal sign says nothing), `>=3 (2017)`, `>=C (2017)` for a rank group. */
export function formatTarget(t: Pick<Target, 'value' | 'unit' | 'comparator' | 'year'>): string {
  const comparator = t.comparator === '=' ? '' : t.comparator;
  const unit = t.unit === '%' ? '%' : '';
  return `${comparator}${t.value}${unit}${t.year === null ? '' : ` (${t.year})`}`;
}

function statedIndicators(rows: ComparisonRow[], order: string[]): string[] {
  const stated = new Set(rows.flatMap((r) => Object.keys(r.targets)));
  const known = order.filter((k) => stated.has(k));
  // Documents parsed with another lexicon may carry keys this one lacks: keep them, after the known ones.
  const others = [...stated].filter((k) => !order.includes(k)).sort();
  return [...known, ...others];
}

/** Two plans for one province and year would share a label; the document key tells them apart. */
function uniqueLabels(rows: ComparisonRow[]) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  for (const r of rows)
    if ((counts.get(r.label) ?? 0) > 1 || r.label === '') r.label = `${r.label} [${r.key}]`.trim();
}

export interface FlatTable {
  columns: string[];
  rows: Record<string, CsvValue>[];
}

/** Column names of the percent measures in a flat table. */
export const PERCENT_COLUMNS = {
  dated: 'dated %',
  recurring: 'recurring %',
  openEnded: 'open-ended %',
  perRegulation: 'per-regulation %',
} as const;

/**
 * One cell per measure, for tables, CSV and Markdown: `label`, `key`, (`plans` by province),
 * `tasks`, one column per area code, the four percent columns, `lead 1`..`lead N` as
 * `Sở Nội vụ (9)`, and one column per indicator key holding the target's display text.
 */
export function comparisonTable(comparison: Comparison, options: { leads?: number } = {}): FlatTable {
  const leadColumns = Array.from({ length: options.leads ?? 3 }, (_, i) => `lead ${i + 1}`);
  const fixed = [
    'label',
    'key',
    ...(comparison.by === 'province' ? ['plans'] : []),
    'tasks',
    ...comparison.areas,
    ...Object.values(PERCENT_COLUMNS),
    ...leadColumns,
  ];
  // A user lexicon could name an indicator like an area; its column must not overwrite the count.
  const indicatorColumn = (k: string) => (fixed.includes(k) ? `target ${k}` : k);
  const rows = comparison.rows.map((r) => {
    const cells: Record<string, CsvValue> = { label: r.label, key: r.key, tasks: r.tasks };
    if (comparison.by === 'province') cells.plans = r.documents;
    for (const a of comparison.areas) cells[a] = r.areas[a] ?? 0;
    for (const [k, column] of Object.entries(PERCENT_COLUMNS))
      cells[column] = r.percent[k as keyof typeof PERCENT_COLUMNS];
    leadColumns.forEach((c, i) => {
      const lead = r.leads[i];
      cells[c] = lead ? `${lead.agency} (${lead.tasks})` : null;
    });
    for (const k of comparison.indicators) cells[indicatorColumn(k)] = r.targets[k]?.display ?? null;
    return cells;
  });
  return { columns: [...fixed, ...comparison.indicators.map(indicatorColumn)], rows };
}

/** Measures become rows (`measure` column) and each row's label becomes a column. */
export function transposeTable(table: FlatTable, labelColumn = 'label'): FlatTable {
  const labels = table.rows.map((r) => String(r[labelColumn] ?? ''));
  const rows = table.columns
    .filter((c) => c !== labelColumn)
    .map((measure) => {
      const cells: Record<string, CsvValue> = { measure };
      table.rows.forEach((r, i) => {
        cells[labels[i]!] = r[measure];
      });
      return cells;
    });
  return { columns: ['measure', ...labels], rows };
}
