/**
 * `cchc compare` and `cchc export` in-process through run(argv, io), and the progress bar.
 * Golden outputs live in test/golden/compare/; `UPDATE=1 npx vitest run test/cli-compare-export.test.ts`
 * rewrites them — read the diff against the documents before committing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderBar, startProgress } from '../src/cli/progress.js';
import { run } from '../src/cli/run.js';
import type { CsvValue } from '../src/export/csv.js';
import { EXPORT_TABLES, taskRows } from '../src/export/tables.js';
import { parseFile } from '../src/node/parse-file.js';
import { FIXTURE_FILES } from './helpers/fixtures.js';
import { fakeIo } from './helpers/io.js';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN = join(import.meta.dirname, 'golden', 'compare');
const FORMULAS = 'test/data/formula-cells-2022.txt';

async function cchc(args: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const io = fakeIo({ cwd: ROOT, ...options });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

function golden(name: string, actual: string): string {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    writeFileSync(file, actual);
    if (process.env.UPDATE !== '1')
      throw new Error(`${file} did not exist: written, review it and run again`);
  }
  return readFileSync(file, 'utf8');
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('cchc compare', () => {
  it('sets the four fixtures side by side (JSON when piped)', async () => {
    const r = await cchc(['compare', 'fixtures/', '--quiet']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as {
      label: string;
      tasks: number;
      areas: Record<string, number>;
      targets: Record<string, { value: number; year: number } | null>;
    }[];
    expect(Object.fromEntries(rows.map((x) => [x.label, x.tasks]))).toEqual({
      'Sơn La 2014': 40,
      'Thái Nguyên 2017': 58,
      'Hậu Giang 2016–2020': 0,
      'Nam Định 2021': 45,
    });
    for (const row of rows) expect(Object.values(row.areas).reduce((a, b) => a + b, 0)).toBe(row.tasks);
    const target = (label: string) => rows.find((x) => x.label === label)!.targets['e-documents'];
    expect(target('Sơn La 2014')).toMatchObject({ value: 60, year: 2014 });
    expect(target('Hậu Giang 2016–2020')).toMatchObject({ value: 90, year: 2020 });
  });

  it('json output matches the golden file', async () => {
    const r = await cchc(['compare', 'fixtures/', '--quiet', '--format', 'json']);
    const expected = golden('fixtures.json', `${JSON.stringify(JSON.parse(r.out), null, 2)}\n`);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(expected));
  });

  it('csv output matches the golden file, and csv-parse reads it', async () => {
    const r = await cchc(['compare', 'fixtures/', '--quiet', '--format', 'csv']);
    expect(r.out).toBe(golden('fixtures.csv', r.out));
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.label, x.tasks, x['e-documents']])).toEqual([
      ['Hậu Giang 2016–2020', '0', '90% (2020)'],
      ['Nam Định 2021', '45', ''],
      ['Sơn La 2014', '40', '60% (2014)'],
      ['Thái Nguyên 2017', '58', '>=80% (2017)'],
    ]);
  });

  it('table output (not a terminal, 100 columns) matches the golden file', async () => {
    const r = await cchc(['compare', 'fixtures/', '--quiet', '--format', 'table'], { columns: 100 });
    expect(r.out).toBe(golden('fixtures.table.txt', r.out));
    for (const line of r.out.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(r.out).not.toMatch(/\x1b\[/);
  });

  it('fits a 60-column terminal: no line wider than 60, tone marks intact (NFC)', async () => {
    const r = await cchc(['compare', 'fixtures/', '--quiet'], { tty: true, columns: 60 });
    expect(r.code).toBe(0);
    const text = stripAnsi(r.out);
    expect(text).toContain('┌'); // a table, the default on a terminal
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(text).toBe(text.normalize('NFC'));
    for (const word of [
      'Sơn La',
      'Thái Nguyên',
      'Nam Định',
      'Hậu Giang',
      'Sở Nội vụ (19)',
      '60% (2014)',
      '90% (2020)',
    ]) {
      expect(text).toContain(word);
    }
    // Every cell of a wrapped table still begins in the first panel's label column.
    expect(text.match(/Sơn La 2014/g)!.length).toBeGreaterThan(1);
  });

  it('--by province names the plan each target came from', async () => {
    const r = await cchc([
      'compare',
      'fixtures/',
      '--quiet',
      '--by',
      'province',
      '--format',
      'csv',
      '--indicators',
      'e-documents',
    ]);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.label, x.key, x.plans, x['e-documents']])).toEqual([
      ['Hậu Giang', 'hau-giang', '51/KH-UBND', '90% (2020) [51/KH-UBND]'],
      ['Nam Định', 'nam-dinh', '117/KH-UBND', ''],
      ['Sơn La', 'son-la', '158/QĐ-UBND', '60% (2014) [158/QĐ-UBND]'],
      ['Thái Nguyên', 'thai-nguyen', '121/KH-UBND', '>=80% (2017) [121/KH-UBND]'],
    ]);
  });

  it('--areas and --indicators choose the columns; --transpose swaps rows and columns', async () => {
    const args = [
      'compare',
      'fixtures/',
      '--quiet',
      '--areas',
      'procedures,e-government',
      '--indicators',
      'one-stop',
    ];
    const r = await cchc([...args, '--format', 'csv']);
    expect(r.out.split('\n')[0]).toBe(
      'label,key,tasks,procedures,e-government,dated %,recurring %,open-ended %,per-regulation %,lead 1,lead 2,lead 3,one-stop',
    );
    const t = await cchc([...args, '--format', 'csv', '--transpose']);
    const rows = parse(t.out, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'measure',
      'Hậu Giang 2016–2020',
      'Nam Định 2021',
      'Sơn La 2014',
      'Thái Nguyên 2017',
    ]);
    expect(rows.find((x) => x.measure === 'procedures')).toEqual({
      measure: 'procedures',
      'Hậu Giang 2016–2020': '0',
      'Nam Định 2021': '8',
      'Sơn La 2014': '8',
      'Thái Nguyên 2017': '15',
    });
    const json = JSON.parse((await cchc([...args, '--transpose', '--format', 'json'])).out);
    expect(json.find((x: { measure: string }) => x.measure === 'one-stop')['Sơn La 2014']).toBe(
      '100% (2014)',
    );
  });

  it('ndjson gives one row per line; markdown and yaml render', async () => {
    const nd = (await cchc(['compare', 'fixtures/', '-q', '--format', 'ndjson'])).out.trim().split('\n');
    expect(nd.map((l) => JSON.parse(l).tasks)).toEqual([0, 45, 40, 58]);
    const md = (
      await cchc(['compare', 'fixtures/', '-q', '--format', 'markdown', '--indicators', 'e-documents'])
    ).out;
    expect(md).toContain('| Sơn La 2014 | 158/QĐ-UBND | 40 |');
    const yaml = (await cchc(['compare', 'fixtures/', '-q', '--format', 'yaml'])).out;
    expect(yaml).toContain('label: Sơn La 2014');
  });

  it('rejects unknown area and indicator codes with exit 2, naming the valid ones', async () => {
    const a = await cchc(['compare', 'fixtures/', '--areas', 'procedures,tax']);
    expect(a.code).toBe(2);
    expect(a.err).toContain("unknown 'tax'");
    expect(a.err).toContain('e-government');
    expect(a.out).toBe('');
    const i = await cchc(['compare', 'fixtures/', '--indicators', 'e-docs']);
    expect(i.code).toBe(2);
    expect(i.err).toContain("unknown 'e-docs'");
    expect(i.err).toContain('e-documents');
  });

  it('reports an unreadable input, compares the rest, exits 3', async () => {
    const r = await cchc([
      'compare',
      'fixtures/son-la-2014-qd-158.txt',
      'fixtures/nope.txt',
      '-q',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('nope.txt');
    expect(parse(r.out, { columns: true })).toHaveLength(1);
  });
});

describe('cchc export', () => {
  // As the CLI reads them: the directory's files in sorted order, each path relative to the project.
  const docs = () =>
    Promise.all(
      [...FIXTURE_FILES].sort().map(async (name) => {
        const doc = await parseFile(join(ROOT, 'fixtures', name));
        doc.source.path = `fixtures/${name}`;
        return doc;
      }),
    );
  const asText = (v: CsvValue) =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);

  it('--out writes the five tables; csv-parse reads back exactly the library rows', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cchc-export-')), 'new', 'dir');
    const r = await cchc(['export', 'fixtures/', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'commitments.csv',
      'documents.csv',
      'goals.csv',
      'targets.csv',
      'tasks.csv',
    ]);
    const parsed = await docs();
    for (const [name, { columns, rows }] of Object.entries(EXPORT_TABLES)) {
      const read = parse(readFileSync(join(out, `${name}.csv`), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      expect(Object.keys(read[0] ?? {})).toEqual([...columns]);
      expect(read).toEqual(
        rows(parsed).map((row) => Object.fromEntries(columns.map((c) => [c, asText(row[c])]))),
      );
    }
    const tasks = parse(readFileSync(join(out, 'tasks.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(tasks).toHaveLength(143);
    const task = tasks.find((t) => t.doc_key === '117/KH-UBND' && t.task_id === 'I.1.1')!;
    expect(task.title).toBe('Xây dựng Kế hoạch kiểm tra, rà soát văn bản QPPL.');
    expect(task.partners).toBe('Các sở, ban, ngành; UBND cấp huyện');
    expect(task.deadline_due).toBe('2021-03-31');
    const documents = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(documents.map((d) => d.doc_key)).toEqual([
      '51/KH-UBND',
      '117/KH-UBND',
      '158/QĐ-UBND',
      '121/KH-UBND',
    ]);
    expect(new Set(tasks.map((t) => t.doc_key))).toEqual(
      new Set(['117/KH-UBND', '158/QĐ-UBND', '121/KH-UBND']),
    );
  });

  it('says what it wrote on stderr unless --quiet', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-export-'));
    const r = await cchc(['export', 'fixtures/son-la-2014-qd-158.txt', '--out', out]);
    expect(r.err).toContain('tasks.csv (40 rows)');
    expect(r.out).toBe('');
  });

  it('--table writes one table to stdout, the same bytes as the file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-export-'));
    await cchc(['export', 'fixtures/', '--out', out, '-q']);
    const r = await cchc(['export', 'fixtures/', '--table', 'tasks', '-q']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(out, 'tasks.csv'), 'utf8'));
    expect(parse(r.out, { columns: true })).toHaveLength(taskRows(await docs()).length);
  });

  it('needs exactly one of --out and --table (exit 2)', async () => {
    const neither = await cchc(['export', 'fixtures/']);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('--out DIR');
    const both = await cchc(['export', 'fixtures/', '--out', 'x', '--table', 'tasks']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('cannot be used together');
    const unknown = await cchc(['export', 'fixtures/', '--table', 'people']);
    expect(unknown.code).toBe(2);
  });

  it('--excel: BOM, CRLF, and cells a spreadsheet would run as formulas are neutralised', async () => {
    const r = await cchc(['export', FORMULAS, '--table', 'tasks', '--excel', '-q']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFFdoc_key,task_id,')).toBe(true);
    expect(r.out.split('\r\n')).toHaveLength(6); // header, four tasks, and the end
    const rows = parse(r.out, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((x) => x.title)).toEqual([
      `'=HYPERLINK("http://example.invalid/x","bấm vào đây")`,
      `'+84 912 345 678 gọi đường dây nóng`,
      `'-1 thủ tục hành chính mỗi năm`,
      `'@x tiếp nhận hồ sơ trực tuyến`,
    ]);
    for (const line of r.out.split('\r\n').slice(1)) expect(line).not.toMatch(/(^|,)"?[=+\-@]/);
    // Without --excel the text is kept as written.
    const plain = parse((await cchc(['export', FORMULAS, '--table', 'tasks', '-q'])).out, {
      columns: true,
    }) as Record<string, string>[];
    expect(plain[2]!.title).toBe('-1 thủ tục hành chính mỗi năm');
  });

  it('--delimiter ; and tab', async () => {
    const semi = await cchc(['export', FORMULAS, '--table', 'tasks', '--delimiter', ';', '-q']);
    expect(semi.out.split('\n')[0]).toMatch(/^doc_key;task_id;ordinal;/);
    expect(
      (parse(semi.out, { columns: true, delimiter: ';' }) as Record<string, string>[])[0]!.partners,
    ).toBe('Các sở, ban, ngành');
    const tab = await cchc(['export', FORMULAS, '--table', 'goals', '--delimiter', 'tab', '-q']);
    expect(tab.out.split('\n')[0]).toBe('doc_key\tgoal_no\tkind\tsection\ttext\tline');
  });

  it('skips an unreadable input, exports the rest, exits 3', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-export-'));
    const r = await cchc([
      'export',
      'fixtures/nam-dinh-2021-kh-117.txt',
      'fixtures/missing.txt',
      '--out',
      out,
      '-q',
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('missing.txt');
    expect(parse(readFileSync(join(out, 'tasks.csv'), 'utf8'), { columns: true })).toHaveLength(45);
  });

  it('writes nothing when no input could be read', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cchc-export-'));
    writeFileSync(join(out, 'tasks.csv'), 'kept');
    const r = await cchc(['export', 'fixtures/missing.txt', '--out', out]);
    expect(r.code).toBe(3);
    expect(readFileSync(join(out, 'tasks.csv'), 'utf8')).toBe('kept');
  });
});

describe('progress bar', () => {
  function terminal(tty: boolean) {
    const io = fakeIo({ tty });
    (io.stderr as { columns?: number }).columns = 60;
    return io;
  }

  it('draws nothing when stderr is not a terminal', () => {
    const io = terminal(false);
    let now = 0;
    const p = startProgress(io, 10, { clock: () => now });
    now = 5000;
    for (let i = 0; i < 10; i++) p.tick('a.txt');
    p.done();
    expect(io.err()).toBe('');
  });

  it('appears only after the delay, puts messages above the bar, and clears itself', () => {
    const io = terminal(true);
    const original = io.stderr;
    let now = 0;
    const p = startProgress(io, 4, { clock: () => now });
    p.tick('plans/a.txt');
    now = 500;
    p.tick('plans/b.txt');
    expect(io.err()).toBe(''); // a quick batch prints nothing
    now = 1200;
    p.tick('plans/c.txt');
    expect(io.err()).toContain('3/4 plans/c.txt');
    io.stderr.write('plans/c.txt:12: warning: something\n');
    expect(io.err()).toMatch(/\r\x1b\[Kplans\/c\.txt:12: warning: something\n\r\x1b\[K\[#+-*\] 3\/4/);
    p.done();
    expect(io.err().endsWith('\r\x1b[K')).toBe(true);
    expect(io.stderr).toBe(original);
  });

  it('keeps the bar on one line, shortening a long name from the left', () => {
    const line = renderBar(7, 340, 'plans/very/long/directory/name/thua-thien-hue-2019-kh-12.txt', 60);
    expect([...line].length).toBe(59); // the last column left free: writing there wraps some terminals
    expect(line).toMatch(/^\[#*-+\] 7\/340 …[a-z-]+-2019-kh-12\.txt$/);
    expect(renderBar(340, 340, '', 40)).toMatch(/^\[#+\] 340\/340$/);
  });
});

describe('batches on worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-batch-'));
  for (let i = 0; i < 5; i++) {
    for (const name of FIXTURE_FILES)
      writeFileSync(join(dir, `${i}-${name}`), readFileSync(join(ROOT, 'fixtures', name)));
  }

  it('export writes the same files with two workers as with one', async () => {
    const one = mkdtempSync(join(tmpdir(), 'cchc-out1-'));
    const two = mkdtempSync(join(tmpdir(), 'cchc-out2-'));
    const a = await cchc(['export', dir, '--out', one, '--quiet'], { env: { CCHC_WORKERS: '1' } });
    const b = await cchc(['export', dir, '--out', two, '--quiet'], { env: { CCHC_WORKERS: '2' } });
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const name of Object.keys(EXPORT_TABLES)) {
      expect(readFileSync(join(two, `${name}.csv`), 'utf8')).toBe(
        readFileSync(join(one, `${name}.csv`), 'utf8'),
      );
    }
    const tasks = parse(readFileSync(join(two, 'tasks.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(tasks).toHaveLength(5 * 143);
    // Repeated document numbers are made unique (`121/KH-UBND#2` ...), also in rows built on a worker:
    // three plans with tasks, five copies each.
    expect(new Set(tasks.map((t) => t.doc_key)).size).toBe(15);
    expect(tasks.some((t) => t.doc_key === '121/KH-UBND#5')).toBe(true);
  });

  it('compare gives the same rows with two workers as with one', async () => {
    const a = await cchc(['compare', dir, '--format', 'json', '--quiet'], { env: { CCHC_WORKERS: '1' } });
    const b = await cchc(['compare', dir, '--format', 'json', '--quiet'], { env: { CCHC_WORKERS: '2' } });
    expect(b.out).toBe(a.out);
    expect(JSON.parse(b.out)).toHaveLength(20);
  });

  it('prints the messages one thread prints, with two workers (which send back only the warnings shown)', async () => {
    const lines: Record<string, number> = {};
    for (const flags of [[], ['--verbose'], ['--quiet']]) {
      const a = await cchc(['compare', dir, '--format', 'json', ...flags], { env: { CCHC_WORKERS: '1' } });
      const b = await cchc(['compare', dir, '--format', 'json', ...flags], { env: { CCHC_WORKERS: '2' } });
      expect(b.err).toBe(a.err);
      lines[flags.join() || 'default'] = b.err.split('\n').length;
    }
    // `--verbose` adds the info messages, `--quiet` leaves only the notes on repeated keys.
    expect(lines['--verbose']).toBeGreaterThan(lines.default!);
    expect(lines.default).toBeGreaterThan(lines['--quiet']!);
  });
});
