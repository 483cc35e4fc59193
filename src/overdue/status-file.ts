/**
 * The progress file an analyst keeps next to the plans: document key → task id → status.
 *
 *   121/KH-UBND:
 *     "1.3": done
 *     "5.1": { status: done, doneOn: 2017-09-15, note: Đã ban hành QĐ 1234 }
 *     "7.8": in-progress
 *
 * It is read with the YAML failsafe schema so that every scalar stays the string the user typed:
 * under the core schema the key `1.10` would become the number 1.1 and collide with task `1.1`.
 * Problems are data with the file's line and column; the caller decides what is fatal (a problem
 * of severity `error` means the file cannot be used at all).
 */
import type { LineCounter as LineCounterType, Node as YamlNode } from 'yaml';

export const TASK_STATUSES = ['done', 'in-progress', 'dropped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface StatusEntry {
  /** The task id as written in the file (`1.3`, `II.2`, `commitment@L55`). */
  task: string;
  status: TaskStatus;
  /** ISO date the task was finished, when the file says so. */
  doneOn: string | null;
  note: string | null;
  line: number;
}

export interface StatusDocument {
  /** The document key as written in the file (`121/KH-UBND`). */
  key: string;
  line: number;
  tasks: StatusEntry[];
}

export interface StatusFile {
  documents: StatusDocument[];
}

export type StatusProblemCode =
  | 'STATUS_YAML_INVALID'
  | 'STATUS_NOT_A_MAPPING'
  | 'STATUS_TASKS_NOT_A_MAPPING'
  | 'STATUS_VALUE_INVALID'
  | 'STATUS_DATE_INVALID'
  | 'STATUS_FIELD_UNKNOWN'
  | 'STATUS_DONE_ON_IGNORED'
  | 'STATUS_UNKNOWN_DOCUMENT'
  | 'STATUS_UNKNOWN_TASK';

export interface StatusProblem {
  code: StatusProblemCode;
  severity: 'error' | 'warning';
  message: string;
  line: number | null;
  column: number | null;
}

/** What a problem is about; `describe` turns it into words. */
export interface StatusProblemArgs {
  key?: string;
  task?: string;
  value?: string;
  field?: string;
  detail?: string;
}

const FATAL: ReadonlySet<StatusProblemCode> = new Set(['STATUS_YAML_INVALID', 'STATUS_NOT_A_MAPPING']);

/** The one place status-file problems are worded. */
export function describeStatusProblem(code: StatusProblemCode, a: StatusProblemArgs): string {
  switch (code) {
    case 'STATUS_YAML_INVALID':
      return `not valid YAML: ${a.detail ?? ''}`.trim();
    case 'STATUS_NOT_A_MAPPING':
      return 'the status file must be a mapping of document keys to task statuses (`121/KH-UBND: {1.3: done}`)';
    case 'STATUS_TASKS_NOT_A_MAPPING':
      return `document ${a.key}: expected a mapping of task ids to statuses, found ${a.value}`;
    case 'STATUS_VALUE_INVALID':
      return `${a.key} ${a.task}: status ${JSON.stringify(a.value)} is not one of ${TASK_STATUSES.join(', ')}`;
    case 'STATUS_DATE_INVALID':
      return `${a.key} ${a.task}: doneOn ${JSON.stringify(a.value)} is not a date (YYYY-MM-DD)`;
    case 'STATUS_FIELD_UNKNOWN':
      return `${a.key} ${a.task}: unknown field ${JSON.stringify(a.field)} (expected status, doneOn, note)`;
    case 'STATUS_DONE_ON_IGNORED':
      return `${a.key} ${a.task}: doneOn is ignored because the status is ${a.value}`;
    case 'STATUS_UNKNOWN_DOCUMENT':
      return `unknown document key ${JSON.stringify(a.key)}: no input has this key${a.detail ? ` (keys: ${a.detail})` : ''}`;
    case 'STATUS_UNKNOWN_TASK':
      return `document ${a.key} has no task ${JSON.stringify(a.task)}`;
  }
}

export function statusProblem(
  code: StatusProblemCode,
  args: StatusProblemArgs,
  at: { line: number | null; column: number | null },
): StatusProblem {
  return {
    code,
    severity: FATAL.has(code) ? 'error' : 'warning',
    message: describeStatusProblem(code, args),
    line: at.line,
    column: at.column,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` (`2017-02-30` is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** `done`, `Done`, `in progress`, `in_progress` → the canonical status; anything else → null. */
export function readStatusValue(text: string): TaskStatus | null {
  const canonical = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (TASK_STATUSES as readonly string[]).includes(canonical) ? (canonical as TaskStatus) : null;
}

/** Parses and validates a status file. Never throws on bad input. */
export async function parseStatusFile(
  text: string,
): Promise<{ status: StatusFile; problems: StatusProblem[] }> {
  // Loaded here, not at the top, so that `cchc overdue` without --status never pays for it.
  const yaml = await import('yaml');
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    schema: 'failsafe',
    prettyErrors: true,
  });
  const problems: StatusProblem[] = [];
  const status: StatusFile = { documents: [] };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    // yaml's message repeats the position and quotes the source; the first clause is the reason.
    const detail = e.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      .trim();
    problems.push(
      statusProblem('STATUS_YAML_INVALID', { detail }, { line: pos?.line ?? null, column: pos?.col ?? null }),
    );
    return { status, problems };
  }
  const root = doc.contents;
  if (root === null || (yaml.isScalar(root) && root.value === '')) return { status, problems }; // an empty file
  const at = (node: YamlNode | null | undefined) => position(lineCounter, node);
  if (!yaml.isMap(root)) {
    problems.push(statusProblem('STATUS_NOT_A_MAPPING', {}, at(root)));
    return { status, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = scalarText(yaml, keyNode).normalize('NFC');
    const entry: StatusDocument = { key, line: at(keyNode).line ?? 0, tasks: [] };
    status.documents.push(entry);
    const value = pair.value as YamlNode | null;
    if (value === null || (yaml.isScalar(value) && value.value === '')) continue; // `121/KH-UBND:` with nothing yet
    if (!yaml.isMap(value)) {
      problems.push(
        statusProblem('STATUS_TASKS_NOT_A_MAPPING', { key, value: shown(yaml, value) }, at(value)),
      );
      continue;
    }
    for (const taskPair of value.items) {
      const taskNode = taskPair.key as YamlNode | null;
      const task = scalarText(yaml, taskNode).normalize('NFC');
      const read = readEntry(yaml, key, task, taskPair.value as YamlNode | null, lineCounter, problems);
      if (read) entry.tasks.push({ task, ...read, line: at(taskNode).line ?? entry.line });
    }
  }
  return { status, problems };
}

type Yaml = typeof import('yaml');

function readEntry(
  yaml: Yaml,
  key: string,
  task: string,
  node: YamlNode | null,
  lineCounter: LineCounterType,
  problems: StatusProblem[],
): Omit<StatusEntry, 'task' | 'line'> | null {
  const at = (n: YamlNode | null | undefined) => position(lineCounter, n);
  // `1.3: done`
  if (node === null || yaml.isScalar(node)) {
    const value = node ? String(node.value) : '';
    const parsed = readStatusValue(value);
    if (!parsed) {
      problems.push(statusProblem('STATUS_VALUE_INVALID', { key, task, value }, at(node)));
      return null;
    }
    return { status: parsed, doneOn: null, note: null };
  }
  // `1.3: { status: done, doneOn: 2017-09-15, note: ... }`
  if (!yaml.isMap(node)) {
    problems.push(statusProblem('STATUS_VALUE_INVALID', { key, task, value: shown(yaml, node) }, at(node)));
    return null;
  }
  let statusNode: YamlNode | null = null;
  let doneOnNode: YamlNode | null = null;
  let note: string | null = null;
  for (const field of node.items) {
    const name = scalarText(yaml, field.key as YamlNode | null);
    const value = field.value as YamlNode | null;
    if (name === 'status') statusNode = value;
    else if (name === 'doneOn') doneOnNode = value;
    else if (name === 'note')
      note = yaml.isScalar(value) && String(value.value) !== '' ? String(value.value) : null;
    else
      problems.push(
        statusProblem('STATUS_FIELD_UNKNOWN', { key, task, field: name }, at(field.key as YamlNode)),
      );
  }
  let doneOn: string | null = null;
  if (doneOnNode) {
    const text = yaml.isScalar(doneOnNode) ? String(doneOnNode.value).trim() : shown(yaml, doneOnNode);
    if (isIsoDate(text)) doneOn = text;
    else problems.push(statusProblem('STATUS_DATE_INVALID', { key, task, value: text }, at(doneOnNode)));
  }
  // A finishing date alone says the task is done.
  const statusText =
    statusNode && yaml.isScalar(statusNode)
      ? String(statusNode.value)
      : statusNode
        ? shown(yaml, statusNode)
        : '';
  const parsed = statusNode === null && doneOn ? 'done' : readStatusValue(statusText);
  if (!parsed) {
    problems.push(
      statusProblem('STATUS_VALUE_INVALID', { key, task, value: statusText }, at(statusNode ?? node)),
    );
    return null;
  }
  if (doneOn && parsed !== 'done') {
    problems.push(statusProblem('STATUS_DONE_ON_IGNORED', { key, task, value: parsed }, at(doneOnNode)));
    doneOn = null;
  }
  return { status: parsed, doneOn, note };
}

function scalarText(yaml: Yaml, node: YamlNode | null): string {
  if (node && yaml.isScalar(node)) return String(node.value).trim();
  return node ? String(node.toJSON()) : '';
}

/** A short description of a node that is not the scalar we wanted, for messages. */
function shown(yaml: Yaml, node: YamlNode): string {
  if (yaml.isMap(node)) return 'a mapping';
  if (yaml.isSeq(node)) return 'a list';
  return yaml.isScalar(node) ? JSON.stringify(String(node.value)) : 'a value';
}

function position(lineCounter: LineCounterType, node: YamlNode | null | undefined) {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: null, column: null };
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
