/** The export tables as a library: row builders, their documented columns, CSV round trips, atomic writes. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import { type CsvValue, toCsv } from '../src/export/csv.js';
import {
  COMMITMENT_COLUMNS,
  commitmentRows,
  DOCUMENT_COLUMNS,
  documentRows,
  EXPORT_TABLES,
  GOAL_COLUMNS,
  goalRows,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  targetRows,
  taskRows,
} from '../src/export/tables.js';
import { writeFileAtomic } from '../src/export/write-atomic.js';
import type { CchcDocument } from '../src/model/document.js';
import { FIXTURE_FILES, readFixture } from './helpers/fixtures.js';

let docs: CchcDocument[];
beforeAll(() => {
  docs = FIXTURE_FILES.map((name) => parseText(readFixture(name), { path: `fixtures/${name}` }));
});

/** What a CSV reader gets back for a cell: text, lists `; `-joined, empty for null. */
function asCsvText(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join('; ') : String(v);
}

describe('export tables', () => {
  it('have the documented columns, in order, and nothing else', () => {
    const builders = { documentRows, taskRows, targetRows, goalRows, commitmentRows };
    const columns = [DOCUMENT_COLUMNS, TASK_COLUMNS, TARGET_COLUMNS, GOAL_COLUMNS, COMMITMENT_COLUMNS];
    Object.values(builders).forEach((build, i) => {
      const rows = build(docs);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual([...columns[i]!].sort());
    });
    expect(Object.keys(EXPORT_TABLES)).toEqual(['documents', 'tasks', 'targets', 'goals', 'commitments']);
    // The join keys lead every table.
    for (const { columns: c } of Object.values(EXPORT_TABLES)) expect(c[0]).toBe('doc_key');
    expect(TASK_COLUMNS[1]).toBe('task_id');
  });

  it('has one row per document, task, target, goal and commitment', () => {
    expect(documentRows(docs)).toHaveLength(4);
    expect(taskRows(docs)).toHaveLength(40 + 58 + 0 + 45);
    expect(targetRows(docs)).toHaveLength(docs.reduce((n, d) => n + d.targets.length, 0));
    expect(goalRows(docs)).toHaveLength(docs.reduce((n, d) => n + d.goals.length, 0));
    expect(commitmentRows(docs)).toHaveLength(docs.reduce((n, d) => n + d.commitments.length, 0));
  });

  it('keeps task ids unique within a document, so doc_key + task_id is a key', () => {
    const keys = taskRows(docs).map((r) => `${r.doc_key} ${r.task_id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('flattens a task: lists, ISO dates, booleans', () => {
    const sonLa = taskRows(docs).filter((r) => r.doc_key === '158/QĐ-UBND');
    const second = sonLa.find((r) =>
      String(r.title).startsWith('Ban hành Chương trình xây dựng Quyết định, Chỉ thị'),
    )!;
    expect(second).toMatchObject({
      lead: ['Sở Tư pháp'],
      deadline_raw: 'Quý I năm 2014',
      deadline_kind: 'quarter',
      deadline_start: '2014-01-01',
      deadline_due: '2014-03-31',
      deadline_recurring: false,
      area: 'institutions',
      product: 'Quyết định',
    });
    const doc = documentRows(docs).find((r) => r.doc_key === '158/QĐ-UBND')!;
    expect(doc).toMatchObject({
      province: 'Sơn La',
      issued_on: '2014-01-22',
      period_from: 2014,
      period_to: 2014,
      tasks: 40,
      type: 'quyet-dinh',
    });
    expect(doc.legal_bases).toContain('30c/NQ-CP');
  });

  it('numbers targets, goals and commitments from 1 within each document', () => {
    for (const rows of [targetRows(docs), goalRows(docs), commitmentRows(docs)]) {
      const byDoc = new Map<unknown, number[]>();
      for (const r of rows)
        byDoc.set(r.doc_key, [...(byDoc.get(r.doc_key) ?? []), Number(Object.values(r)[1])]);
      for (const numbers of byDoc.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it.each(Object.entries(EXPORT_TABLES))(
    '%s: CSV read back by csv-parse gives the rows',
    (_name, { columns, rows }) => {
      const data = rows(docs);
      for (const delimiter of [',', ';', '\t'] as const) {
        const parsed = parse(toCsv(data, columns, { delimiter }), {
          columns: true,
          delimiter,
          relax_quotes: false,
        }) as Record<string, string>[];
        expect(parsed).toEqual(data.map((r) => Object.fromEntries(columns.map((c) => [c, asCsvText(r[c])]))));
      }
    },
  );
});

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-atomic-'));
    const file = join(dir, 'tasks.csv');
    await writeFileAtomic(file, 'a,b\n1,2\n');
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'Sở Nội vụ\n');
    expect(readFileSync(file, 'utf8')).toBe('Sở Nội vụ\n');
    expect(readdirSync(dir)).toEqual(['tasks.csv']);
  });

  it('fails without touching anything when the directory does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-atomic-'));
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x')).rejects.toThrow();
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('leaves the old file whole when the rename cannot happen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-atomic-'));
    // A directory where the file should go: the temporary file is written, the rename fails.
    const target = join(dir, 'goals.csv');
    writeFileSync(join(dir, 'keep.csv'), 'old');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['goals.csv', 'keep.csv']);
  });
});

describe('toCsv quoting', () => {
  it('quotes exactly the cells that csv-stringify quotes for /^\\s|\\s$/, with and without excel', async () => {
    const fc = (await import('fast-check')).default;
    const { stringify } = await import('csv-stringify/sync');
    const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '=', '-', '"', ',', '\n', 'Sở Nội vụ', 'a');
    const value = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 4 })
      .map((p) => p.join(''));
    const columns = ['a', 'b', 'c'];
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 4 }), fc.boolean(), (rows, excel) => {
        const expected = stringify(rows, {
          header: true,
          columns: columns.map((c, i) => ({ key: String(i), header: c })),
          delimiter: ',',
          record_delimiter: excel ? '\r\n' : '\n',
          bom: excel,
          escape_formulas: excel,
          quoted_match: /^\s|\s$/,
        });
        const records = rows.map(([a, b, c]) => ({ a, b, c }));
        expect(toCsv(records, columns, { excel })).toBe(expected);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});
