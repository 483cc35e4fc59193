/**
 * `cchc overdue <inputs...>`: what is late and who leads it. Options are checked before any plan
 * is read, so a typo in `--as-of` fails fast with exit 2; unreadable inputs are reported and the
 * rest still listed (exit 3).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CsvValue } from '../../export/csv.js';
import { AREA_CODES, type AreaCode } from '../../lexicon/types.js';
import {
  findOverdue,
  groupByLead,
  type OverdueGroup,
  type OverdueResult,
  type OverdueRow,
  type OverdueSummary,
} from '../../overdue/find-overdue.js';
import {
  isIsoDate,
  parseStatusFile,
  type StatusFile,
  type StatusProblem,
} from '../../overdue/status-file.js';
import type { CliIo } from '../io.js';
import { type LoadOptions, loadDocuments, UsageError } from '../load.js';
import { writeCsv, writeJson, writeNdjson, writeTable, writeYaml } from '../render.js';
import { chalkFor } from '../style.js';

export interface OverdueCommandOptions extends LoadOptions {
  asOf?: string;
  status?: string;
  lead?: string;
  area?: string;
  by?: 'task' | 'lead';
  includeCommitments?: boolean;
  failOnOverdue?: boolean;
  format?: 'table' | 'json' | 'ndjson' | 'csv' | 'yaml';
}

/** Titles longer than this are cut on a terminal; piped output always has the whole title. */
const TTY_TITLE_LENGTH = 70;

/** Terminal width from which the table shows every field. */
const WIDE_TABLE = 160;
/** Leave the room to the title: agency lists and raw deadlines wrap instead. */
const TABLE_CAPS = { lead: 26, deadline: 16, province: 14, document: 15 };

const CSV_COLUMNS = [
  'doc_key',
  'province',
  'task_id',
  'kind',
  'area',
  'title',
  'lead',
  'due',
  'days_late',
  'status',
  'note',
  'deadline',
  'line',
  'path',
];

export async function overdueCommand(
  io: CliIo,
  inputs: string[],
  options: OverdueCommandOptions,
): Promise<number> {
  const asOf = readAsOf(io, options.asOf);
  const area = readArea(options.area);
  const status = options.status ? await readStatus(io, options.status) : null;
  const { documents, failed } = await loadDocuments(io, inputs, options);
  const result = findOverdue(documents, {
    asOf,
    status,
    lead: options.lead ?? null,
    area,
    includeCommitments: options.includeCommitments === true,
  });
  for (const p of result.problems) writeStatusProblem(io, options.status!, p);

  const format = options.format ?? (io.stdout.isTTY ? 'table' : 'json');
  const groups = options.by === 'lead' ? groupByLead(result.rows) : null;
  await writeResult(io, format, result, groups);
  if (format !== 'json' && format !== 'yaml')
    io.stderr.write(`cchc: ${summaryLine(result.asOf, result.summary)}\n`);

  if (failed > 0) return 3;
  if (options.failOnOverdue && result.summary.overdue > 0) return 1;
  return 0;
}

function readAsOf(io: CliIo, text: string | undefined): string {
  if (text === undefined) {
    // "Today" is the user's calendar day, not UTC's.
    const now = io.now();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (!isIsoDate(text.trim())) {
    throw new UsageError(
      `--as-of ${text}: not a valid date; write it as YYYY-MM-DD, e.g. --as-of 2021-07-01`,
    );
  }
  return text.trim();
}

function readArea(text: string | undefined): AreaCode | null {
  if (text === undefined) return null;
  const code = text.trim().toLowerCase();
  if (!(AREA_CODES as readonly string[]).includes(code)) {
    throw new UsageError(`--area ${text}: unknown area; valid codes are ${AREA_CODES.join(', ')}`);
  }
  return code as AreaCode;
}

async function readStatus(io: CliIo, file: string): Promise<StatusFile> {
  let text: string;
  try {
    text = await readFile(isAbsolute(file) ? file : join(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--status ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`}`,
    );
  }
  const { status, problems } = await parseStatusFile(text);
  const fatal = problems.find((p) => p.severity === 'error');
  if (fatal) {
    const where = fatal.line ? `:${fatal.line}${fatal.column ? `:${fatal.column}` : ''}` : '';
    throw new UsageError(`--status ${file}${where}: ${fatal.message}`);
  }
  for (const p of problems) writeStatusProblem(io, file, p);
  return status;
}

function writeStatusProblem(io: CliIo, file: string, p: StatusProblem) {
  const chalk = chalkFor(io, io.stderr);
  const where = p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '';
  io.stderr.write(`${file}${where}: ${chalk.yellow('warning')}: ${p.message} ${chalk.dim(`[${p.code}]`)}\n`);
}

async function writeResult(io: CliIo, format: string, result: OverdueResult, groups: OverdueGroup[] | null) {
  const { asOf, summary, rows } = result;
  switch (format) {
    case 'json':
      writeJson(io, groups ? { asOf, summary, groups } : { asOf, summary, rows }, io.stdout.isTTY === true);
      return;
    case 'yaml':
      await writeYaml(io, groups ? { asOf, summary, groups } : { asOf, summary, rows });
      return;
    case 'ndjson':
      writeNdjson(io, groups ? groups.flatMap((g) => g.rows.map((r) => ({ group: g.lead, ...r }))) : rows);
      return;
    case 'csv':
      if (groups) {
        const flat = groups.flatMap((g) => g.rows.map((r) => ({ group: g.lead, ...csvRow(r) })));
        await writeCsv(io, flat, ['group', ...CSV_COLUMNS]);
      } else await writeCsv(io, rows.map(csvRow), CSV_COLUMNS);
      return;
    default:
      await writeTables(io, rows, groups);
  }
}

function csvRow(r: OverdueRow): Record<string, CsvValue> {
  return {
    doc_key: r.document,
    province: r.province,
    task_id: r.id,
    kind: r.kind,
    area: r.area,
    title: r.title,
    lead: r.lead,
    due: r.due,
    days_late: r.daysLate,
    status: r.status,
    note: r.note,
    deadline: r.deadline,
    line: r.line,
    path: r.path,
  };
}

async function writeTables(io: CliIo, rows: OverdueRow[], groups: OverdueGroup[] | null) {
  if (rows.length === 0) return; // the summary line on stderr says "0 overdue"
  const shorten = io.stdout.isTTY === true;
  // Ten columns do not fit an 80–120 column terminal without squeezing the title to a sliver, so
  // a narrow table keeps what answers "what is late, who leads it"; JSON and CSV have every field.
  const wide = (io.stdout.columns ?? 120) >= WIDE_TABLE;
  const columns = wide
    ? ['document', 'province', 'task', 'title', 'lead', 'due', 'days late', 'status', 'deadline', 'line']
    : ['document', 'task', 'title', 'lead', 'due', 'days late', 'status'];
  const tableRow = (r: OverdueRow): Record<string, CsvValue> => ({
    document: r.document,
    province: r.province,
    task: r.id,
    title: shorten ? shortenText(r.title, TTY_TITLE_LENGTH) : r.title,
    lead: r.lead,
    due: r.due,
    'days late': r.daysLate,
    status: r.status,
    deadline: r.deadline,
    line: r.line,
  });
  if (!groups) {
    await writeTable(io, rows.map(tableRow), columns, { maxWidths: TABLE_CAPS });
    return;
  }
  const chalk = chalkFor(io, io.stdout);
  const grouped = columns.filter((c) => c !== 'lead');
  for (const [i, g] of groups.entries()) {
    io.stdout.write(`${i > 0 ? '\n' : ''}${chalk.bold(g.lead)} (${g.rows.length} overdue)\n`);
    await writeTable(io, g.rows.map(tableRow), grouped, { maxWidths: TABLE_CAPS });
  }
}

/** Cuts at a word boundary and marks the cut: `Xây dựng kế hoạch kiểm tra công tác…`. */
export function shortenText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

export function summaryLine(asOf: string, s: OverdueSummary): string {
  const checked = `${s.tasks} task${s.tasks === 1 ? '' : 's'}${s.commitments > 0 ? ` and ${s.commitments} commitment${s.commitments === 1 ? '' : 's'}` : ''}`;
  const parts = [
    `${s.notYetDue} not yet due`,
    `${s.done} done`,
    `${s.doneLate} done late`,
    `${s.inProgress} in progress`,
    `${s.dropped} dropped`,
    `${s.openEnded} open-ended`,
    `${s.recurring} recurring`,
    `${s.perRegulation} per regulation`,
    `${s.noDate} no date`,
  ];
  return `as of ${asOf}: ${s.overdue} overdue of ${checked}; ${parts.join(', ')}`;
}
