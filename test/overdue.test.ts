import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CchcDocument, Task, TaskDeadline } from '../src/model/document.js';
import { parseFile } from '../src/node/parse-file.js';
import {
  daysBetween,
  findOverdue,
  groupByLead,
  NO_LEAD,
  type OverdueBucket,
  type OverdueResult,
} from '../src/overdue/find-overdue.js';
import { isIsoDate, parseStatusFile, readStatusValue, type StatusFile } from '../src/overdue/status-file.js';
import { madeUpDeadline, madeUpTask } from './helpers/made-up.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SAMPLE_STATUS = readFileSync(fixture('status-sample.yaml'), 'utf8');

let sonLa: CchcDocument; // 158/QĐ-UBND, 40 tasks, all due in 2014 except one `Thường xuyên`
let thaiNguyen: CchcDocument; // 121/KH-UBND, 58 tasks, 2017
let hauGiang: CchcDocument; // 51/KH-UBND, no task table
let namDinh: CchcDocument; // 117/KH-UBND, 45 tasks, 2021
let all: CchcDocument[];

beforeAll(async () => {
  sonLa = await parseFile(fixture('son-la-2014-qd-158.txt'));
  thaiNguyen = await parseFile(fixture('thai-nguyen-2017-kh-121.txt'));
  hauGiang = await parseFile(fixture('hau-giang-2016-kh-51.txt'));
  namDinh = await parseFile(fixture('nam-dinh-2021-kh-117.txt'));
  all = [sonLa, thaiNguyen, hauGiang, namDinh];
});

const BUCKETS: OverdueBucket[] = [
  'overdue',
  'notYetDue',
  'done',
  'doneLate',
  'dropped',
  'openEnded',
  'recurring',
  'perRegulation',
  'noDate',
];

const idsOf = (result: OverdueResult, key: string) =>
  result.rows.filter((r) => r.document === key).map((r) => r.id);

async function statusOf(text: string): Promise<StatusFile> {
  const { status, problems } = await parseStatusFile(text);
  expect(problems).toEqual([]);
  return status;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('findOverdue on the fixtures', () => {
  it('lists, as of 2017-09-01, Thái Nguyên’s August tasks, Sơn La’s dated 2014 tasks, and nothing of Nam Định', () => {
    const result = findOverdue(all, { asOf: '2017-09-01' });
    // 1.3 and 5.1 are `Tháng 8/2017`; 1.4, 5.2 (`Tháng 9/2017`) and 8.6 (`Quý III/2017`) end in September.
    expect(idsOf(result, '121/KH-UBND').sort()).toEqual(['1.3', '5.1']);
    // Every Sơn La task has a 2014 date except I.1 (`Thường xuyên`).
    const sonLaDated = sonLa.tasks.filter((t) => t.deadline?.kind !== 'recurring').map((t) => t.id);
    expect(sonLaDated).toHaveLength(39);
    expect(idsOf(result, '158/QĐ-UBND').sort()).toEqual(sonLaDated.sort());
    expect(idsOf(result, '158/QĐ-UBND')).not.toContain('I.1');
    expect(idsOf(result, '117/KH-UBND')).toEqual([]);
    expect(result.rows.some((r) => /thường xuyên/i.test(r.deadline))).toBe(false);
    expect(result.summary.overdue).toBe(41);
    expect(result.rows).toHaveLength(41);
    expect(result.problems).toEqual([]);
  });

  it('gives each row its document, province, lead, due date, days late and source line', () => {
    const result = findOverdue([thaiNguyen], { asOf: '2017-09-01' });
    const row = result.rows.find((r) => r.id === '1.3')!;
    expect(row).toMatchObject({
      document: '121/KH-UBND',
      province: 'Thái Nguyên',
      kind: 'task',
      area: 'direction',
      lead: ['Sở Nội vụ'],
      due: '2017-08-31',
      daysLate: 1,
      status: 'open',
      note: null,
      deadline: 'Tháng 8/2017',
      line: 210,
    });
    expect(row.title).toMatch(/^Tham mưu kiểm tra CCHC/);
  });

  it('sorts most late first, then by document key, then by position in the document', () => {
    const { rows } = findOverdue(all, { asOf: '2021-07-01' });
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(a.daysLate).toBeGreaterThanOrEqual(b.daysLate);
      if (a.daysLate === b.daysLate && a.document === b.document) expect(a.ordinal).toBeLessThan(b.ordinal);
    }
    // Sơn La's Quý I 2014 tasks (due 2014-03-31) are the latest: 2014-03-31 → 2021-07-01.
    expect(rows[0]).toMatchObject({ document: '158/QĐ-UBND', id: 'I.2', due: '2014-03-31', daysLate: 2649 });
  });

  it('counts per fixture as of 2021-07-01: 39 Sơn La, 21 Thái Nguyên, 5 Nam Định (the Quý I 2021 tasks)', () => {
    const result = findOverdue(all, { asOf: '2021-07-01' });
    expect(idsOf(result, '158/QĐ-UBND')).toHaveLength(39);
    expect(idsOf(result, '121/KH-UBND')).toHaveLength(21);
    expect(idsOf(result, '51/KH-UBND')).toHaveLength(0);
    expect(idsOf(result, '117/KH-UBND').sort()).toEqual(['I.1.1', 'I.1.2', 'I.3.1', 'VI#2.1.2', 'VI#2.1.3']);
    // Thái Nguyên's `Năm 2017-2018` task (8.4) is due 2018-12-31: late in 2021, not in 2017.
    expect(idsOf(result, '121/KH-UBND')).toContain('8.4');
    expect(idsOf(findOverdue(all, { asOf: '2017-09-01' }), '121/KH-UBND')).not.toContain('8.4');
  });

  it('never lists open-ended, recurring or per-regulation tasks, and counts them', () => {
    const far = findOverdue(all, { asOf: '2099-01-01' });
    const kindOf = (key: string, id: string) =>
      all.find((d) => d.document.key === key)!.tasks.find((t) => t.id === id)!.deadline?.kind;
    const kinds = new Set(far.rows.map((r) => kindOf(r.document, r.id)));
    expect(kinds.size).toBeGreaterThan(3);
    expect(kinds.has('from')).toBe(false);
    expect(kinds.has('recurring')).toBe(false);
    expect(kinds.has('per-regulation')).toBe(false);
    // Nam Định: `Năm 2021 và những năm tiếp theo` twice; `Thường xuyên`/`Hàng năm` 8; `Theo quy định/hướng dẫn của Bộ Nội vụ` 2.
    const nd = findOverdue([namDinh], { asOf: '2099-01-01' }).summary;
    expect(nd).toMatchObject({
      tasks: 45,
      overdue: 33,
      openEnded: 2,
      recurring: 8,
      perRegulation: 2,
      noDate: 0,
    });
    const tn = findOverdue([thaiNguyen], { asOf: '2017-09-01' }).summary;
    expect(tn).toMatchObject({
      tasks: 58,
      overdue: 2,
      notYetDue: 19,
      recurring: 26,
      perRegulation: 11,
      openEnded: 0,
    });
  });

  it('judges a task due on the as-of day as not yet late', () => {
    expect(idsOf(findOverdue([thaiNguyen], { asOf: '2017-08-31' }), '121/KH-UBND')).toEqual([]);
    expect(idsOf(findOverdue([thaiNguyen], { asOf: '2017-09-01' }), '121/KH-UBND')).toHaveLength(2);
  });

  it('refuses an as-of date that is not a calendar day', () => {
    expect(() => findOverdue(all, { asOf: '2017-02-30' })).toThrow(RangeError);
    expect(() => findOverdue(all, { asOf: '1/9/2017' })).toThrow(RangeError);
  });
});

describe('findOverdue filters', () => {
  it('--lead matches lead agencies ignoring accents and case', () => {
    const unfiltered = findOverdue(all, { asOf: '2017-09-01' });
    const byLead = findOverdue(all, { asOf: '2017-09-01', lead: 'noi vu' });
    expect(byLead.rows.length).toBeGreaterThan(0);
    expect(byLead.rows.length).toBeLessThan(unfiltered.rows.length);
    for (const r of byLead.rows) expect(r.lead).toContain('Sở Nội vụ');
    expect(byLead.rows.map((r) => r.id)).toEqual(
      unfiltered.rows.filter((r) => r.lead.includes('Sở Nội vụ')).map((r) => r.id),
    );
    expect(findOverdue(all, { asOf: '2017-09-01', lead: 'SỞ NỘI VỤ' }).rows).toEqual(byLead.rows);
    // The summary describes the filtered tasks only.
    expect(byLead.summary.tasks).toBeLessThan(unfiltered.summary.tasks);
    expect(findOverdue(all, { asOf: '2017-09-01', lead: 'no such agency' }).summary.tasks).toBe(0);
  });

  it('--area keeps the tasks of one reform area', () => {
    const result = findOverdue(all, { asOf: '2017-09-01', area: 'procedures' });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(new Set(result.rows.map((r) => r.area))).toEqual(new Set(['procedures']));
    expect(idsOf(result, '158/QĐ-UBND').sort()).toEqual([
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.7',
      'II.8',
    ]);
  });

  it('checks the deadlines stated in the prose only when asked, as commitment@L<line>', () => {
    expect(findOverdue([thaiNguyen], { asOf: '2017-09-01' }).rows.some((r) => r.kind === 'commitment')).toBe(
      false,
    );
    const result = findOverdue([thaiNguyen, sonLa], { asOf: '2017-09-01', includeCommitments: true });
    // "... gửi về UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày 30/7/2017." (line 167)
    const tn = result.rows.find((r) => r.id === 'commitment@L167')!;
    expect(tn).toMatchObject({ kind: 'commitment', due: '2017-07-30', daysLate: 33, line: 167 });
    expect(tn.lead).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã']);
    // The other Thái Nguyên commitments are due 2017-09-30 and 2017-12-31.
    expect(result.rows.filter((r) => r.kind === 'commitment' && r.document === '121/KH-UBND')).toHaveLength(
      1,
    );
    expect(idsOf(result, '158/QĐ-UBND')).toEqual(
      expect.arrayContaining(['commitment@L52', 'commitment@L56']),
    );
    expect(result.summary.commitments).toBe(6);
    // A commitment takes the area of its prose section: `II.5 Xây dựng ... đội ngũ` → civil-service.
    const staffing = findOverdue([thaiNguyen], {
      asOf: '2017-10-01',
      includeCommitments: true,
      area: 'civil-service',
    });
    expect(staffing.rows.map((r) => r.id)).toContain('commitment@L55');
  });
});

describe('findOverdue with a status file', () => {
  it('drops the tasks marked done or dropped and counts done late apart', async () => {
    const status = await statusOf(SAMPLE_STATUS);
    const result = findOverdue(all, { asOf: '2017-09-01', status });
    expect(result.problems).toEqual([]);
    // 1.3 done; 5.1 done on 2017-09-15, after its August due date.
    expect(idsOf(result, '121/KH-UBND')).toEqual([]);
    const sonLaIds = idsOf(result, '158/QĐ-UBND');
    for (const id of ['I.2', 'I.3', 'II.2', 'VIII.1']) expect(sonLaIds).not.toContain(id);
    expect(sonLaIds).toHaveLength(35);
    expect(result.summary).toMatchObject({
      overdue: 35,
      // 1.3, I.2 (done 2014-03-20, due 2014-03-31), I.3, I.1.1 (done 2021-03-26, due 2021-03-31)
      done: 4,
      // 5.1 (2017-09-15 > 2017-08-31), VIII.1 (2014-05-05 > 2014-03-31)
      doneLate: 2,
      dropped: 2,
      inProgress: 3,
    });
  });

  it('keeps an in-progress task on the list with its status and note', async () => {
    const status = await statusOf(SAMPLE_STATUS);
    const result = findOverdue(all, { asOf: '2021-07-01', status });
    expect(idsOf(result, '117/KH-UBND').sort()).toEqual(['I.1.2', 'I.3.1', 'VI#2.1.3']);
    expect(result.rows.find((r) => r.id === 'I.1.2')!.status).toBe('in-progress');
    expect(result.rows.find((r) => r.id === '8.6')).toMatchObject({
      status: 'in-progress',
      note: 'Dự thảo đã gửi Sở Tư pháp thẩm định',
    });
    expect(result.rows.find((r) => r.id === 'I.3.1')!.status).toBe('open');
  });

  it('reports unknown document keys and task ids with the status file’s line', async () => {
    const text = '121/KH-UBND:\n  1.3: done\n  9.9: done\n999/KH-UBND:\n  1.1: done\n';
    const result = findOverdue(all, { asOf: '2017-09-01', status: await statusOf(text) });
    expect(result.problems.map((p) => [p.code, p.line, p.severity])).toEqual([
      ['STATUS_UNKNOWN_TASK', 3, 'warning'],
      ['STATUS_UNKNOWN_DOCUMENT', 4, 'warning'],
    ]);
    expect(result.problems[0]!.message).toContain('"9.9"');
    expect(result.problems[1]!.message).toContain('999/KH-UBND');
    // The known entry still applies.
    expect(idsOf(result, '121/KH-UBND')).toEqual(['5.1']);
  });

  it('matches document keys without accents and task ids without case', async () => {
    const status = await statusOf('158/qd-ubnd:\n  viii.2: done\n');
    const result = findOverdue([sonLa], { asOf: '2017-09-01', status });
    expect(result.problems).toEqual([]);
    expect(idsOf(result, '158/QĐ-UBND')).not.toContain('VIII.2');
    expect(result.summary.done).toBe(1);
  });
});

/** A document with hand-made deadlines, for the cases the fixtures do not have. */
function docWith(deadlines: (Partial<TaskDeadline> | null)[], lead: string[][] = []): CchcDocument {
  const tasks = deadlines.map(
    (d, i): Task =>
      madeUpTask({
        id: `T.${i + 1}`,
        ordinal: i + 1,
        number: String(i + 1),
        section: 'T',
        title: `task ${i + 1}`,
        lead: lead[i] ?? ['Sở Nội vụ'],
        deadline: d && madeUpDeadline({ line: i + 1, ...d }),
        line: i + 1,
      }),
  );
  return {
    document: { key: 'TEST', province: null },
    source: { path: null },
    sections: [],
    tasks,
    commitments: [],
  } as unknown as CchcDocument;
}

describe('findOverdue buckets', () => {
  const doc = () =>
    docWith([
      { kind: 'date', due: '2020-01-01' }, // T.1 late
      { kind: 'unknown', due: null }, // T.2 no date
      null, // T.3 no deadline cell at all
      { kind: 'multi-year', start: '2019-01-01', due: '2021-12-31' }, // T.4 judged by its last year
      { kind: 'from', start: '2019-01-01' }, // T.5
      { kind: 'recurring', recurring: true }, // T.6
      { kind: 'per-regulation' }, // T.7
      { kind: 'month', start: '2020-06-01', due: '2020-06-30' }, // T.8
    ]);

  it('puts each task in exactly one bucket', () => {
    const { summary, rows } = findOverdue([doc()], { asOf: '2021-01-01' });
    expect(rows.map((r) => r.id)).toEqual(['T.1', 'T.8']);
    expect(summary).toMatchObject({
      tasks: 8,
      overdue: 2,
      noDate: 2,
      notYetDue: 1,
      openEnded: 1,
      recurring: 1,
      perRegulation: 1,
    });
  });

  it('lets the status win over the deadline: dropped, done, done late', async () => {
    const status = await statusOf(
      'TEST:\n  T.1: dropped\n  T.8: { status: done, doneOn: 2020-07-02 }\n  T.4: { doneOn: 2021-06-01 }\n  T.6: in-progress\n',
    );
    const { summary, rows } = findOverdue([doc()], { asOf: '2021-01-01', status });
    expect(rows).toEqual([]);
    // T.4 is done (its span ends 2021-12-31); T.8 was finished two days after June.
    expect(summary).toMatchObject({
      dropped: 1,
      doneLate: 1,
      done: 1,
      notYetDue: 0,
      recurring: 1,
      inProgress: 1,
    });
  });

  it('counts a done task without a date, or done on its due day, as done on time', async () => {
    const status = await statusOf('TEST:\n  T.1: done\n  T.8: { status: done, doneOn: 2020-06-30 }\n');
    const { summary } = findOverdue([doc()], { asOf: '2021-01-01', status });
    expect(summary).toMatchObject({ done: 2, doneLate: 0, overdue: 0 });
  });

  it('groups rows by lead agency, a task with two leads under both, busiest first', () => {
    const d = docWith(
      [{ due: '2020-01-01' }, { due: '2020-02-01' }, { due: '2020-03-01' }],
      [['Sở Tài chính', 'Sở Nội vụ'], ['Sở Nội vụ'], []],
    );
    const groups = groupByLead(findOverdue([d], { asOf: '2021-01-01' }).rows);
    expect(groups.map((g) => [g.lead, g.rows.map((r) => r.id)])).toEqual([
      ['Sở Nội vụ', ['T.1', 'T.2']],
      [NO_LEAD, ['T.3']],
      ['Sở Tài chính', ['T.1']],
    ]);
  });

  it('buckets always add up to the tasks checked, and every row is before the as-of day', () => {
    const day = fc
      .date({
        min: new Date('2010-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.boolean(), (asOf, includeCommitments) => {
        const { summary, rows } = findOverdue(all, { asOf, includeCommitments });
        const total = BUCKETS.reduce((n, b) => n + summary[b], 0);
        expect(total).toBe(summary.tasks + summary.commitments);
        expect(rows).toHaveLength(summary.overdue);
        for (const r of rows) {
          expect(r.due < asOf).toBe(true);
          expect(r.daysLate).toBe(daysBetween(r.due, asOf));
          expect(r.daysLate).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days across leap years', () => {
    expect(daysBetween('2017-08-31', '2017-09-01')).toBe(1);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2014-03-31', '2017-09-01')).toBe(1250);
    expect(daysBetween('2017-09-01', '2017-08-31')).toBe(-1);
  });
});

describe('parseStatusFile', () => {
  it('reads the sample status file with the line of every entry', async () => {
    const { status, problems } = await parseStatusFile(SAMPLE_STATUS);
    expect(problems).toEqual([]);
    expect(status.documents.map((d) => [d.key, d.line])).toEqual([
      ['121/KH-UBND', lineOf(SAMPLE_STATUS, '121/KH-UBND:')],
      ['158/QĐ-UBND', lineOf(SAMPLE_STATUS, '158/QĐ-UBND:')],
      ['117/KH-UBND', lineOf(SAMPLE_STATUS, '117/KH-UBND:')],
    ]);
    const tn = status.documents[0]!.tasks;
    expect(tn.map((t) => t.task)).toEqual(['1.3', '5.1', '1.4', '8.6', 'commitment@L167']);
    expect(tn[1]).toEqual({
      task: '5.1',
      status: 'done',
      doneOn: '2017-09-15',
      note: 'Bản mô tả công việc đã phê duyệt ở 12/19 sở',
      line: lineOf(SAMPLE_STATUS, '  5.1:'),
    });
    expect(status.documents[1]!.tasks.find((t) => t.task === 'I.2')).toMatchObject({
      status: 'done',
      doneOn: '2014-03-20',
    });
  });

  it('keeps task ids as text: `1.10` is not the number 1.1', async () => {
    const { status } = await parseStatusFile('X:\n  1.10: done\n  1.1: dropped\n  2: in progress\n');
    expect(status.documents[0]!.tasks.map((t) => [t.task, t.status])).toEqual([
      ['1.10', 'done'],
      ['1.1', 'dropped'],
      ['2', 'in-progress'],
    ]);
  });

  it('warns, with the line, about a status that is not done, in-progress or dropped', async () => {
    const { status, problems } = await parseStatusFile('X:\n  1.1: done\n  1.2: finished\n  1.3:\n');
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['STATUS_VALUE_INVALID', 'warning', 3],
      ['STATUS_VALUE_INVALID', 'warning', 4],
    ]);
    expect(problems[0]!.message).toContain('"finished"');
    expect(status.documents[0]!.tasks.map((t) => t.task)).toEqual(['1.1']);
  });

  it('checks the object form: doneOn must be a date, unknown fields are reported, doneOn alone means done', async () => {
    const text = [
      'X:',
      '  a: { status: done, doneOn: 2017-02-30 }',
      '  b: { status: done, by: Lan }',
      '  c: { doneOn: 2017-05-01 }',
      '  d: { status: in-progress, doneOn: 2017-05-01 }',
      '  e: { note: chưa rõ }',
      '  f: [done]',
    ].join('\n');
    const { status, problems } = await parseStatusFile(text);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['STATUS_DATE_INVALID', 2],
      ['STATUS_FIELD_UNKNOWN', 3],
      ['STATUS_DONE_ON_IGNORED', 5],
      ['STATUS_VALUE_INVALID', 6],
      ['STATUS_VALUE_INVALID', 7],
    ]);
    expect(status.documents[0]!.tasks.map((t) => [t.task, t.status, t.doneOn])).toEqual([
      ['a', 'done', null],
      ['b', 'done', null],
      ['c', 'done', '2017-05-01'],
      ['d', 'in-progress', null],
    ]);
  });

  it('reports malformed YAML as an error with line and column', async () => {
    const { problems } = await parseStatusFile('121/KH-UBND:\n  1.3: [done\n  1.4: done\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'STATUS_YAML_INVALID', severity: 'error', line: 3, column: 3 });
    const dup = await parseStatusFile('X:\n  1.1: done\n  1.1: dropped\n');
    expect(dup.problems[0]).toMatchObject({ code: 'STATUS_YAML_INVALID', severity: 'error', line: 3 });
  });

  it('refuses a file that is not a mapping, accepts an empty one', async () => {
    expect((await parseStatusFile('- 1.1: done\n')).problems[0]).toMatchObject({
      code: 'STATUS_NOT_A_MAPPING',
      severity: 'error',
      line: 1,
    });
    expect(await parseStatusFile('')).toEqual({ status: { documents: [] }, problems: [] });
    expect(await parseStatusFile('# nothing yet\n')).toEqual({ status: { documents: [] }, problems: [] });
    const flat = await parseStatusFile('121/KH-UBND: done\n');
    expect(flat.problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ['STATUS_TASKS_NOT_A_MAPPING', 'warning', 1],
    ]);
  });

  it('never throws, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom('a', '1', '.', ':', ' ', '\n', '-', '{', '}', '[', ']', '"', '#', 'done'),
        }),
        async (text) => {
          const { problems } = await parseStatusFile(text);
          for (const p of problems) expect(typeof p.message).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('status values and dates', () => {
  it('reads the three statuses in any case and spacing, nothing else', () => {
    expect(
      ['done', 'Done', ' DROPPED ', 'in-progress', 'in progress', 'In_Progress'].map(readStatusValue),
    ).toEqual(['done', 'done', 'dropped', 'in-progress', 'in-progress', 'in-progress']);
    expect(['', 'finished', 'hoàn thành', 'in--progress x'].map(readStatusValue)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('accepts real calendar days only', () => {
    expect(['2017-09-01', '2016-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2017-02-29', '2017-13-01', '2017-9-1', '01/09/2017', '2017-09-01T00:00'].map(isIsoDate)).toEqual(
      [false, false, false, false, false],
    );
  });
});
