/**
 * Table events (sections, groups, raw task rows) → tasks with ids, areas, agencies and deadlines,
 * and each table's own list of sections and groups.
 *
 * Ids are the section numeral plus the number as printed (`II.3`, `V#2.1.1`); a numeral reused for a
 * different section gets `#2`, an unnumbered task `u1`, `u2` within its group. A section printed
 * again after a page break (same numeral, same title) is the same section, and its group carries on.
 */
import { splitAgencies } from '../interpret/agencies.js';
import { deadlineAt, parseDeadline } from '../interpret/deadline.js';
import { readTargetsIn } from '../interpret/targets.js';
import type { AreaCode, LexiconData } from '../lexicon/types.js';
import type { Task, TaskDeadline } from '../model/document.js';
import { severityOf } from '../model/messages.js';
import type { DeadlineContext, Message, Target } from '../model/types.js';
import { areaOf, KeyRegistry } from '../segment/sections.js';
import type { RawTask } from '../table/assemble-rows.js';
import type { ReadTable } from '../table/read-tables.js';

export interface TableSection {
  key: string;
  numeral: string;
  title: string;
  /** 1 for a section row (`I. CẢI CÁCH THỂ CHẾ`), 2 for a group row (`1. Rà soát ...`). */
  level: 1 | 2;
  area: AreaCode | null;
  line: number;
}

export interface BuiltTasks {
  tasks: Task[];
  sectionsByTable: TableSection[][];
  /** Targets stated inside task titles (`đạt 80% trở lên ...`). */
  targets: Target[];
  messages: Message[];
}

interface Context {
  lexicon: LexiconData;
  deadlineContext: DeadlineContext;
  periodEnd: number | null;
  /** Whether the cells may hold a decomposed tone mark (the text was not plain). */
  mayHoldMarks?: boolean;
}

const DATED_KINDS = new Set(['date', 'month', 'quarter', 'half', 'year']);

function note(code: Message['code'], text: string, line: number | null, quote?: string): Message {
  const m: Message = { code, severity: severityOf(code), message: text, line };
  if (quote !== undefined) m.text = quote;
  return m;
}

function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function buildTasks(tables: ReadTable[], ctx: Context): BuiltTasks {
  const { lexicon } = ctx;
  const tasks: Task[] = [];
  const targets: Target[] = [];
  const messages: Message[] = [];
  const taskIds = new KeyRegistry();
  const sectionsByTable: TableSection[][] = [];

  let keys = new KeyRegistry();
  let seen = new Map<string, Map<string, string>>();
  let known: TableSection[] = [];
  let section: TableSection | null = null;
  let group: (TableSection & { label: string }) | null = null;
  let unnumbered = new Map<string, number>();
  tables.forEach((table, tableIndex) => {
    const list: TableSection[] = [];
    if (!table.continues) {
      // A new table starts afresh; a header printed again after a page break carries on.
      keys = new KeyRegistry();
      seen = new Map();
      known = [];
      section = null;
      group = null;
      unnumbered = new Map();
    }

    for (const event of table.events) {
      if (event.type === 'section') {
        const numeral = event.numeral ?? '';
        const folded = event.title.toLowerCase();
        const earlier = seen.get(numeral) ?? new Map<string, string>();
        const sameKey = earlier.get(folded);
        const same = sameKey === undefined ? undefined : { key: sameKey };
        if (same) {
          // `II. Cải cách thủ tục hành chính` printed again on a new page: the same section, same group.
          const heading = `${numeral}. ${event.title}`;
          messages.push(
            note(
              'SECTION_REPEATED',
              `section ${numeral} is printed again (a continuation): "${heading}"`,
              event.line,
              heading,
            ),
          );
          section = known.find((s) => s.key === same.key) ?? section;
          continue;
        }
        const key = keys.unique(numeral);
        if (key !== numeral) {
          messages.push(
            note(
              'SECTION_NUMERAL_REUSED',
              `numeral ${numeral} is used again for a different section ("${short(event.title)}"); its task ids start with ${key}`,
              event.line,
            ),
          );
        }
        earlier.set(folded, key);
        seen.set(numeral, earlier);
        section = {
          key,
          numeral,
          title: event.title,
          level: 1,
          area: areaOf(event.title, lexicon.areas),
          line: event.line,
        };
        list.push(section);
        group = null;
        continue;
      }
      if (event.type === 'group') {
        // A group takes its area from the section it is in first (SPEC §5), then from its own words.
        const key = keys.unique([section?.key, event.numeral ?? `g${event.line}`].filter(Boolean).join('.'));
        group = {
          key,
          numeral: event.numeral ?? '',
          title: event.title,
          level: 2,
          area: section?.area ?? areaOf(event.title, lexicon.areas),
          line: event.line,
          label: event.numeral ? `${event.numeral}. ${event.title}` : event.title,
        };
        list.push({
          key,
          numeral: group.numeral,
          title: group.title,
          level: 2,
          area: group.area,
          line: group.line,
        });
        continue;
      }
      const raw = event as RawTask;
      const prefix = [section?.key, raw.number ? null : group?.numeral || null].filter(Boolean).join('.');
      let id: string;
      if (raw.number) id = taskIds.unique(prefix ? `${prefix}.${raw.number}` : raw.number);
      else {
        const n = (unnumbered.get(prefix) ?? 0) + 1;
        unnumbered.set(prefix, n);
        id = taskIds.unique(prefix ? `${prefix}.u${n}` : `u${n}`);
      }
      // A table without section rows (001) is organised by its groups: they are its sections.
      const home = section ?? group;
      const task = buildTask(raw, {
        id,
        ordinal: tasks.length + 1,
        tableIndex,
        section: home ? { key: home.key, title: home.title } : null,
        groupLabel: group?.label ?? null,
        area: section?.area ?? group?.area ?? areaOf(raw.title, lexicon.areas) ?? 'other',
        ctx,
        messages,
      });
      tasks.push(task);
      for (const t of readTargetsIn(raw.title, lexicon.indicators, ctx.mayHoldMarks ?? true)) {
        targets.push({
          text: raw.title,
          raw: t.raw,
          line: raw.titleLine,
          section: null,
          task: id,
          scope: 'body',
          value: t.value,
          unit: t.unit,
          comparator: t.comparator,
          year: t.year ?? ctx.periodEnd,
          yearInferred: t.year === null && ctx.periodEnd !== null,
          indicator: t.indicator,
          subject: t.subject,
        });
      }
    }
    sectionsByTable.push(list);
  });
  return { tasks, sectionsByTable, targets, messages };
}

interface TaskContext {
  id: string;
  ordinal: number;
  tableIndex: number;
  section: { key: string; title: string } | null;
  groupLabel: string | null;
  area: AreaCode;
  ctx: Context;
  messages: Message[];
}

// `Sở Nội vụ phối hợp với cơ quan có thẩm quyền` in a lead cell: the second agency is a partner.
const LEAD_WITH_PARTNER = /\sphối hợp với\s/iu;

/**
 * `LEAD_WITH_PARTNER.exec(text)`, run only on a text holding the `ợ` of `hợp` (the one unit the flags
 * match it with is `Ợ`): a lead cell names one agency, and most do not join a partner to it.
 */
export function partnerIn(text: string): RegExpExecArray | null {
  return text.includes('ợ') || text.includes('Ợ') ? LEAD_WITH_PARTNER.exec(text) : null;
}

function buildTask(raw: RawTask, t: TaskContext): Task {
  const { lexicon, deadlineContext } = t.ctx;
  const v = raw.values;
  let deadline: TaskDeadline | null = null;
  if (v.deadline) {
    const parsed = parseDeadline(v.deadline.text, deadlineContext);
    deadline = deadlineAt(parsed, v.deadline.line);
    if (parsed.kind === 'unknown') {
      t.messages.push(
        note(
          'DEADLINE_UNKNOWN',
          `the deadline "${v.deadline.text}" of task ${t.id} could not be read`,
          v.deadline.line,
          v.deadline.text,
        ),
      );
    } else if (DATED_KINDS.has(parsed.kind) && parsed.due === null) {
      t.messages.push(
        note(
          'DEADLINE_UNKNOWN',
          `the deadline "${v.deadline.text}" of task ${t.id} has no year and the plan spans several years`,
          v.deadline.line,
          v.deadline.text,
        ),
      );
    }
  }
  let lead = v.lead ? splitAgencies(v.lead.text, lexicon) : [];
  let partners = v.partners ? splitAgencies(v.partners.text, lexicon) : [];
  const withPartner = v.lead ? partnerIn(v.lead.text) : null;
  if (v.lead && withPartner) {
    lead = splitAgencies(v.lead.text.slice(0, withPartner.index), lexicon);
    const more = splitAgencies(v.lead.text.slice(withPartner.index + withPartner[0].length), lexicon);
    partners = [...more.filter((p) => !partners.includes(p)), ...partners];
  }
  return {
    id: t.id,
    ordinal: t.ordinal,
    number: raw.number,
    section: t.section?.key ?? null,
    sectionTitle: t.section?.title ?? null,
    group: t.groupLabel,
    area: t.area,
    title: raw.title,
    product: v.product?.text ?? null,
    lead,
    partners,
    leadRaw: v.lead?.text ?? null,
    partnersRaw: v.partners?.text ?? null,
    deadline,
    funding: v.funding?.text ?? null,
    notes: v.notes?.text ?? null,
    line: raw.line,
    table: t.tableIndex,
  };
}
