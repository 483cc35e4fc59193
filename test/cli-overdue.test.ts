import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import type { OverdueGroup, OverdueRow, OverdueSummary } from '../src/overdue/find-overdue.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = 'fixtures/status-sample.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'cchc-overdue-'));

function tmpFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface FakeOptions {
  tty?: boolean;
  columns?: number;
  now?: Date;
  env?: Record<string, string>;
}

/** `cchc <argv>` in-process, with captured streams, a fixed clock and no colour unless asked. */
async function cchc(argv: string[], options: FakeOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
      isTTY: options.tty ?? false,
      ...(options.columns ? { columns: options.columns } : {}),
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
      isTTY: false,
    },
    readStdin: async () => new Uint8Array(),
    env: options.env ?? { NO_COLOR: '1' },
    cwd: ROOT,
    now: () => options.now ?? new Date(2017, 8, 1, 10, 30),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

interface JsonOutput {
  asOf: string;
  summary: OverdueSummary;
  rows: OverdueRow[];
}

const json = (r: Run) => JSON.parse(r.stdout) as JsonOutput;
const ids = (out: JsonOutput, key: string) => out.rows.filter((r) => r.document === key).map((r) => r.id);

describe('cchc overdue', () => {
  it('lists, as of 2017-09-01, 001’s August tasks and all of 000’s dated 2014 tasks, none of 004’s', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '-q']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out)).toEqual(['asOf', 'summary', 'rows']);
    expect(out.asOf).toBe('2017-09-01');
    expect(ids(out, '121/KH-UBND')).toEqual(['1.3', '5.1']);
    expect(out.rows.find((r) => r.id === '1.3')).toMatchObject({
      deadline: 'Tháng 8/2017',
      due: '2017-08-31',
      daysLate: 1,
    });
    expect(out.rows.find((r) => r.id === '5.1')).toMatchObject({
      deadline: 'Tháng 8/2017',
      province: 'Thái Nguyên',
    });
    // Sơn La: every task but I.1 (`Thường xuyên`) is due in 2014.
    expect(ids(out, '158/QĐ-UBND')).toHaveLength(39);
    expect(ids(out, '158/QĐ-UBND')).not.toContain('I.1');
    expect(ids(out, '117/KH-UBND')).toEqual([]);
    expect(out.rows.every((row) => row.deadline !== 'Thường xuyên')).toBe(true);
    expect(out.summary).toMatchObject({
      overdue: 41,
      recurring: 35,
      perRegulation: 13,
      openEnded: 2,
      noDate: 0,
    });
    // Most late first: the Quý I 2014 tasks, 1250 days.
    expect(out.rows[0]).toMatchObject({ document: '158/QĐ-UBND', due: '2014-03-31', daysLate: 1250 });
    expect(out.rows.at(-1)!.daysLate).toBe(1);
    // JSON and YAML carry the summary; nothing else is said on stderr with -q.
    expect(r.stderr).toBe('');
  });

  it('judges by today (io.now) without --as-of', async () => {
    const r = await cchc(['overdue', 'fixtures/thai-nguyen-2017-kh-121.txt'], {
      now: new Date(2017, 8, 1, 0, 5),
    });
    expect(json(r).asOf).toBe('2017-09-01');
    expect(ids(json(r), '121/KH-UBND')).toEqual(['1.3', '5.1']);
    const before = await cchc(['overdue', 'fixtures/thai-nguyen-2017-kh-121.txt'], {
      now: new Date(2017, 7, 31, 23, 55),
    });
    expect(json(before).rows).toEqual([]);
  });

  it('drops the tasks the status file marks done, and counts done late', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--status', SAMPLE, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = json(r);
    expect(ids(out, '121/KH-UBND')).toEqual([]);
    for (const id of ['I.2', 'I.3', 'II.2', 'VIII.1']) expect(ids(out, '158/QĐ-UBND')).not.toContain(id);
    expect(out.summary).toMatchObject({ overdue: 35, done: 4, doneLate: 2, dropped: 2, inProgress: 3 });
  });

  it('--fail-on-overdue exits 1 when something is overdue and 0 when nothing is', async () => {
    const late = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--fail-on-overdue', '-q']);
    expect(late.code).toBe(1);
    expect(json(late).rows.length).toBeGreaterThan(0);
    const early = await cchc(['overdue', 'fixtures/', '--as-of', '2013-01-01', '--fail-on-overdue', '-q']);
    expect(early.code).toBe(0);
    expect(json(early).rows).toEqual([]);
    expect(json(early).summary.notYetDue).toBe(93);
    // Without the flag, findings do not fail the run.
    expect((await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '-q'])).code).toBe(0);
  });

  it('--lead filters by lead agency, accents and case ignored', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--lead', 'SO NOI VU', '-q']);
    const out = json(r);
    expect(out.rows).toHaveLength(20);
    for (const row of out.rows) expect(row.lead).toContain('Sở Nội vụ');
    expect(ids(out, '121/KH-UBND')).toEqual(['1.3']);
  });

  it('--area keeps one reform area', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--area', 'civil-service', '-q']);
    const out = json(r);
    expect(new Set(out.rows.map((row) => row.area))).toEqual(new Set(['civil-service']));
    expect(ids(out, '121/KH-UBND')).toEqual(['5.1']);
    expect(ids(out, '158/QĐ-UBND').sort()).toEqual(['IV.1', 'IV.2', 'IV.3', 'IV.4', 'IV.5', 'IV.6', 'IV.7']);
  });

  it('--area with an unknown code is a usage error naming the valid codes', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--area', 'finance']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--area finance');
    expect(r.stderr).toContain('public-finance');
    expect(r.stderr).toContain('e-government');
  });

  it('--by lead groups the rows by lead agency', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--by', 'lead', '-q']);
    const out = JSON.parse(r.stdout) as { asOf: string; summary: OverdueSummary; groups: OverdueGroup[] };
    expect(Object.keys(out)).toEqual(['asOf', 'summary', 'groups']);
    expect(out.groups[0]!.lead).toBe('Sở Nội vụ');
    expect(out.groups[0]!.rows).toHaveLength(20);
    for (const g of out.groups) for (const row of g.rows) expect(row.lead).toContain(g.lead);
    // Sơn La's I.4 is led by two departments and is listed under both.
    const withI4 = out.groups.filter((g) => g.rows.some((row) => row.id === 'I.4')).map((g) => g.lead);
    expect(withI4.sort()).toEqual(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']);
    const table = await cchc([
      'overdue',
      'fixtures/',
      '--as-of',
      '2017-09-01',
      '--by',
      'lead',
      '--format',
      'table',
      '-q',
    ]);
    expect(table.stdout).toMatch(/^Sở Nội vụ \(20 overdue\)$/m);
    expect(table.stdout).toMatch(/^Sở Tư pháp \(7 overdue\)$/m);
  });

  it('--include-commitments also checks deadlines stated in the prose', async () => {
    const without = json(
      await cchc(['overdue', 'fixtures/thai-nguyen-2017-kh-121.txt', '--as-of', '2017-09-01']),
    );
    expect(without.rows.map((r) => r.id)).not.toContain('commitment@L167');
    const r = await cchc([
      'overdue',
      'fixtures/thai-nguyen-2017-kh-121.txt',
      '--as-of',
      '2017-09-01',
      '--include-commitments',
    ]);
    const out = json(r);
    expect(out.rows[0]).toMatchObject({
      id: 'commitment@L167',
      kind: 'commitment',
      due: '2017-07-30',
      daysLate: 33,
    });
    expect(out.summary.commitments).toBe(4);
  });

  it('--format csv writes one row per overdue task and the summary on stderr', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--format', 'csv', '-q']);
    const records = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(41);
    expect(Object.keys(records[0]!)).toEqual([
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
    ]);
    expect(records.find((rec) => rec.task_id === '5.1')).toMatchObject({
      doc_key: '121/KH-UBND',
      lead: 'Các sở, ban, ngành; UBND cấp huyện',
      days_late: '1',
      deadline: 'Tháng 8/2017',
      line: '378',
      path: 'fixtures/thai-nguyen-2017-kh-121.txt',
    });
    expect(r.stderr).toMatch(
      /^cchc: as of 2017-09-01: 41 overdue of 143 tasks; .*35 recurring, 13 per regulation/m,
    );
  });

  it('--format csv with --by lead puts the group first', async () => {
    const r = await cchc([
      'overdue',
      'fixtures/',
      '--as-of',
      '2017-09-01',
      '--format',
      'csv',
      '--by',
      'lead',
      '-q',
    ]);
    const records = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)[0]).toBe('group');
    expect(records.filter((rec) => rec.group === 'Sở Nội vụ')).toHaveLength(20);
  });

  it('--format ndjson writes one row a line; yaml carries the summary', async () => {
    const nd = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--format', 'ndjson', '-q']);
    const lines = nd.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(41);
    expect((JSON.parse(lines.at(-1)!) as OverdueRow).daysLate).toBe(1);
    expect(nd.stderr).toContain('41 overdue');
    const yaml = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--format', 'yaml', '-q']);
    const out = parseYaml(yaml.stdout) as JsonOutput;
    expect(out.asOf).toBe('2017-09-01');
    expect(out.summary.overdue).toBe(41);
    expect(out.rows).toHaveLength(41);
    expect(yaml.stderr).toBe('');
  });

  it('draws a table on a terminal by default, shortening long titles there only', async () => {
    const args = ['overdue', 'fixtures/thai-nguyen-2017-kh-121.txt', '--as-of', '2017-09-01'];
    const tty = await cchc(args, { tty: true, columns: 200 });
    expect(tty.stdout).toContain('┌');
    expect(tty.stdout).toContain('days late');
    expect(tty.stdout).toContain('province');
    // 5.1's title is 150 characters; on a terminal it is cut at a word with an ellipsis.
    expect(tty.stdout).toContain('…');
    expect(tty.stdout).not.toContain('tương ứng với từng vị trí.');
    expect(tty.stderr).toContain('2 overdue of 58 tasks');
    // Piped, the same table keeps the whole title (wrapped over lines).
    const piped = await cchc([...args, '--format', 'table']);
    expect(piped.stdout).toContain('┌');
    expect(piped.stdout).not.toContain('…');
    expect(piped.stdout.replace(/[│\s]+/g, ' ')).toContain('tương ứng với từng vị trí.');
    // A narrow terminal keeps the columns that matter.
    const narrow = await cchc(args, { tty: true, columns: 100 });
    expect(narrow.stdout).not.toContain('province');
    expect(narrow.stdout).toContain('Sở Nội vụ');
  });

  it('a table with nothing overdue prints nothing on stdout and the summary on stderr', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2013-01-01', '--format', 'table', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 overdue of 143 tasks');
  });
});

describe('cchc overdue errors', () => {
  it('rejects an --as-of that is not a YYYY-MM-DD day (exit 2)', async () => {
    for (const bad of ['2017-02-30', '1/9/2017', 'yesterday', '2017-9-1']) {
      const r = await cchc(['overdue', 'fixtures/', '--as-of', bad]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--as-of ${bad}`);
      expect(r.stderr).toContain('YYYY-MM-DD');
    }
  });

  it('a missing status file is a usage error (exit 2)', async () => {
    const r = await cchc(['overdue', 'fixtures/', '--status', 'fixtures/no-such-status.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cchc: --status fixtures/no-such-status.yaml: no such file\n');
  });

  it('malformed YAML in the status file is a usage error naming line and column (exit 2)', async () => {
    const path = tmpFile('bad.yaml', '121/KH-UBND:\n  1.3: done\n  1.4: [done\n  5.1: done\n');
    const r = await cchc(['overdue', 'fixtures/', '--status', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^cchc: --status ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:3: not valid YAML`),
    );
  });

  it('a status file that is a list, not a mapping, is a usage error', async () => {
    const path = tmpFile('list.yaml', '- 121/KH-UBND\n');
    const r = await cchc(['overdue', 'fixtures/', '--status', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':1:1: the status file must be a mapping');
  });

  it('warns about unknown document keys, task ids and statuses with the status file’s line', async () => {
    const path = tmpFile(
      'unknown.yaml',
      [
        '121/KH-UBND:',
        '  1.3: done',
        '  9.9: done',
        '  1.4: finished',
        '999/KH-UBND:',
        '  1.1: done',
        '',
      ].join('\n'),
    );
    const r = await cchc(['overdue', 'fixtures/', '--as-of', '2017-09-01', '--status', path, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${path}:3: warning: document 121/KH-UBND has no task "9.9" [STATUS_UNKNOWN_TASK]`,
    );
    expect(r.stderr).toContain(`${path}:4:8: warning: 121/KH-UBND 1.4: status "finished"`);
    expect(r.stderr).toMatch(new RegExp(`:5: warning: unknown document key "999/KH-UBND"`));
    // The valid entry still counts: 1.3 is done, 5.1 still late.
    expect(ids(json(r), '121/KH-UBND')).toEqual(['5.1']);
  });

  it('a missing input exits 3 after listing the others', async () => {
    const r = await cchc([
      'overdue',
      'fixtures/thai-nguyen-2017-kh-121.txt',
      'fixtures/nope.txt',
      '--as-of',
      '2017-09-01',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('nope.txt');
    expect(ids(json(r), '121/KH-UBND')).toEqual(['1.3', '5.1']);
    // An unreadable input outranks --fail-on-overdue.
    const failing = await cchc([
      'overdue',
      'fixtures/thai-nguyen-2017-kh-121.txt',
      'fixtures/nope.txt',
      '--as-of',
      '2017-09-01',
      '--fail-on-overdue',
    ]);
    expect(failing.code).toBe(3);
  });

  it('an unknown --format or --by is refused by the option parser (exit 2)', async () => {
    expect((await cchc(['overdue', 'fixtures/', '--format', 'xml'])).code).toBe(2);
    expect((await cchc(['overdue', 'fixtures/', '--by', 'province'])).code).toBe(2);
  });
});
