/** `cchc parse` in-process through run(argv, io), and one smoke test of the built binary. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { fakeIo } from './helpers/io.js';

const ROOT = join(import.meta.dirname, '..');
const SON_LA = 'fixtures/son-la-2014-qd-158.txt';

async function cchc(args: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const io = fakeIo({ cwd: ROOT, ...options });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('cchc parse', () => {
  it('prints one document as JSON for one file', async () => {
    const r = await cchc(['parse', SON_LA]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.document.number).toBe('158/QĐ-UBND');
    expect(doc.tasks).toHaveLength(40);
    expect(r.out.trim().split('\n')).toHaveLength(1); // compact when piped
  });

  it('pretty-prints on a terminal and with --pretty', async () => {
    expect((await cchc(['parse', SON_LA], { tty: true })).out.split('\n').length).toBeGreaterThan(100);
    expect((await cchc(['parse', SON_LA, '--pretty'])).out.split('\n').length).toBeGreaterThan(100);
  });

  it('prints an array for a directory, sorted by path', async () => {
    const r = await cchc(['parse', 'fixtures/']);
    const docs = JSON.parse(r.out);
    expect(docs.map((d: { source: { path: string } }) => d.source.path)).toEqual([
      'fixtures/hau-giang-2016-kh-51.txt',
      'fixtures/nam-dinh-2021-kh-117.txt',
      'fixtures/son-la-2014-qd-158.txt',
      'fixtures/thai-nguyen-2017-kh-121.txt',
    ]);
    expect(docs.map((d: { tasks: unknown[] }) => d.tasks.length)).toEqual([0, 45, 40, 58]);
  });

  it('expands a quoted glob itself, and writes NDJSON', async () => {
    const r = await cchc(['parse', 'fixtures/*-kh-*.txt', '--ndjson']);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).document.key)).toEqual([
      '51/KH-UBND',
      '117/KH-UBND',
      '121/KH-UBND',
    ]);
  });

  it('reads standard input with -', async () => {
    const r = await cchc(['parse', '-'], {
      stdin: 'ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 7/KH-UBND\nHà Nam, ngày 3 tháng 3 năm 2019\n',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).document).toMatchObject({ number: '7/KH-UBND', issuedOn: '2019-03-03' });
  });

  it('writes YAML with --format yaml', async () => {
    const r = await cchc(['parse', SON_LA, '--format', 'yaml']);
    expect(r.out).toMatch(/^schemaVersion: "?1\.0"?/m);
    expect(r.out).toMatch(/number: 158\/QĐ-UBND/);
  });

  it('reports a missing file by name, parses the others, and exits 3', async () => {
    const r = await cchc(['parse', 'fixtures/nope.txt', SON_LA]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/fixtures\/nope\.txt: no such file/);
    expect(JSON.parse(r.out)).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  // /proc/self/mem is a file that stat reports and a read refuses (EIO); read while the file before
  // it is parsed (the next file is read ahead), its error is reported in its turn.
  it.skipIf(process.platform !== 'linux')(
    'reports a file that cannot be read in its turn, parses the ones around it, and exits 3',
    async () => {
      const NAM_DINH = 'fixtures/nam-dinh-2021-kh-117.txt';
      const r = await cchc(['parse', SON_LA, '/proc/self/mem', NAM_DINH, '--ndjson']);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^cchc: \/proc\/self\/mem: cannot be read \(EIO\)$/m);
      // Warnings of the first plan come before the error, those of the last after it.
      const lines = r.err.split('\n');
      const at = lines.findIndex((l) => l.includes('/proc/self/mem'));
      expect(lines.slice(0, at).every((l) => !l.includes(NAM_DINH))).toBe(true);
      expect(lines.slice(at + 1).every((l) => !l.includes(SON_LA))).toBe(true);
      const docs = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(docs.map((d) => d.source.path)).toEqual([SON_LA, NAM_DINH]);
    },
  );

  it('refuses binary files by what they are, exit 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    writeFileSync(join(dir, 'scan.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'));
    writeFileSync(
      join(dir, 'page.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const r = await cchc(['parse', join(dir, 'scan.pdf'), join(dir, 'page.png')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/scan\.pdf: .*PDF.*pdftotext/);
    expect(r.err).toMatch(/page\.png: .*PNG/);
  });

  it('gives an empty file and non-plan prose a document with warnings, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'prose.txt'),
      'Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ Hoàn Kiếm và ăn kem Tràng Tiền.\n',
    );
    const r = await cchc(['parse', join(dir, 'empty.txt'), join(dir, 'prose.txt')]);
    expect(r.code).toBe(0);
    const [empty, prose] = JSON.parse(r.out);
    expect(empty.warnings.map((w: { code: string }) => w.code)).toContain('EMPTY_DOCUMENT');
    expect(prose.warnings.map((w: { code: string }) => w.code)).toContain('NOT_A_PLAN');
    expect(r.err).toMatch(/empty\.txt: warning: the document is empty/);
  });

  it('--strict exits 1 when an input has an error-severity warning, 0 otherwise', async () => {
    expect((await cchc(['parse', 'fixtures/', '--strict', '--quiet'])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    // A table whose last row has a line no cell can hold: reported as an error.
    writeFileSync(
      join(dir, 'broken.txt'),
      'STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n1 | Rà soát văn bản | Sở Tư pháp | Quý I năm 2020 |\n2 | Ban hành kế hoạch | Sở Nội vụ | Năm 2020 | Sở Tài chính | (ghi chú) | thêm |\n',
    );
    const r = await cchc(['parse', join(dir, 'broken.txt'), '--strict']);
    const doc = JSON.parse(r.out);
    const errors = doc.warnings.filter((w: { severity: string }) => w.severity === 'error');
    expect(r.code).toBe(errors.length > 0 ? 1 : 0);
  });

  it('--lexicon extends the vocabulary; a bad lexicon is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    writeFileSync(
      join(dir, 'lex.yaml'),
      'agencies:\n  - name: Sở Thông tin và Truyền thông\n    aliases: [Sở TT-TT]\n',
    );
    const plan =
      'STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n1 | Nâng cấp cổng | Sở TT-TT | Năm 2020 |\n';
    writeFileSync(join(dir, 'plan.txt'), plan);
    const r = await cchc(['parse', join(dir, 'plan.txt'), '--lexicon', join(dir, 'lex.yaml')]);
    expect(JSON.parse(r.out).tasks[0].lead).toEqual(['Sở Thông tin và Truyền thông']);
    writeFileSync(join(dir, 'bad.yaml'), 'agencies: [\n');
    const bad = await cchc(['parse', join(dir, 'plan.txt'), '--lexicon', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.yaml:\d+:\d+/);
  });
});

describe('parsing on worker threads', () => {
  it('gives the same documents, in the same order, as one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    for (let i = 0; i < 10; i++) {
      for (const name of ['son-la-2014-qd-158.txt', 'nam-dinh-2021-kh-117.txt']) {
        writeFileSync(join(dir, `${i}-${name}`), readFileSync(join(ROOT, 'fixtures', name)));
      }
    }
    const one = await cchc(['parse', dir, '--ndjson', '--quiet'], { env: { CCHC_WORKERS: '1' } });
    const two = await cchc(['parse', dir, '--ndjson', '--quiet'], { env: { CCHC_WORKERS: '2' } });
    expect(two.code).toBe(0);
    expect(two.out.trim().split('\n')).toHaveLength(20);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
  });
});

describe('cchc', () => {
  it('--help and parse --help show examples; --version prints the version', async () => {
    const help = await cchc(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Examples:/);
    const parseHelp = await cchc(['parse', '--help']);
    expect(parseHelp.out).toMatch(/Examples:\n {2}cchc parse/);
    const v = await cchc(['--version']);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on usage errors: no arguments, unknown option, unknown command, bad choice', async () => {
    expect((await cchc([])).code).toBe(2);
    expect((await cchc(['parse', SON_LA, '--bogus'])).code).toBe(2);
    expect((await cchc(['frobnicate'])).code).toBe(2);
    expect((await cchc(['parse', SON_LA, '--format', 'xml'])).code).toBe(2);
    expect((await cchc(['parse'])).code).toBe(2);
  });

  it('colours messages only on a terminal, never with NO_COLOR', async () => {
    const missing = ['parse', SON_LA, '--verbose'];
    expect((await cchc(missing)).err).not.toMatch(/\u001b\[/);
    expect((await cchc(missing, { env: { FORCE_COLOR: '1' } })).err).toMatch(/\u001b\[/);
    expect((await cchc(missing, { tty: true, env: { NO_COLOR: '1' } })).err).not.toMatch(/\u001b\[/);
  });
});

describe('the built binary (smoke test)', () => {
  it('runs bin/cchc.js end to end', () => {
    const out = execFileSync('node', [join(ROOT, 'bin/cchc.js'), 'parse', SON_LA], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out).tasks).toHaveLength(40);
    const missing = spawnSync('node', [join(ROOT, 'bin/cchc.js'), 'parse', 'nope.txt'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/nope\.txt/);
  });

  it('answers --version and -V before loading the bundle, as the CLI does', async () => {
    for (const flag of ['--version', '-V']) {
      // In-process, commander answers (bin/cchc.js answers alone on the line before loading it).
      const inProcess = await cchc([flag]);
      expect(inProcess.code).toBe(0);
      const r = spawnSync('node', [join(ROOT, 'bin/cchc.js'), flag], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CCHC_DEBUG_STARTUP: '1' },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(inProcess.out);
      // Nothing else was loaded: bin/cchc.js reports the bundle only when it loads it.
      expect(r.stderr).toBe('');
    }
    // With anything else on the line the bundle is loaded, and commander answers as in-process.
    const other = spawnSync('node', [join(ROOT, 'bin/cchc.js'), '--version', 'extra'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CCHC_DEBUG_STARTUP: '1' },
    });
    const otherInProcess = await cchc(['--version', 'extra']);
    expect([other.status, other.stdout]).toEqual([otherInProcess.code, otherInProcess.out]);
    expect(other.stderr).toMatch(/code cache accepted/);
  });

  it('loads the libraries bundled apart (YAML, globs, tables, CSV) as the modules do', async () => {
    // scripts/bundle-cli.js puts yaml, fast-glob, cli-table3 and csv-stringify in dist/cli/vendor/.
    for (const args of [
      ['parse', SON_LA, '--format', 'yaml', '--quiet'],
      ['parse', 'fixtures/*.txt', '--ndjson', '--quiet'],
      [
        'overdue',
        'fixtures/',
        '--as-of',
        '2017-09-01',
        '--status',
        'fixtures/status-sample.yaml',
        '--format',
        'csv',
      ],
    ]) {
      const bin = spawnSync('node', [join(ROOT, 'bin/cchc.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
      const inProcess = await cchc(args);
      expect([bin.status, bin.stdout], args.join(' ')).toEqual([inProcess.code, inProcess.out]);
      expect(bin.stdout.length).toBeGreaterThan(100);
    }
    // A table's width depends on the terminal, so only its frame and a row are checked.
    const table = spawnSync(
      'node',
      [join(ROOT, 'bin/cchc.js'), 'compare', 'fixtures/', '--format', 'table'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^┌─+┬[\s\S]*│ Sơn La 2014 +│ 158\/QĐ-UBND │ 40 /m);
  });

  it('starts from the bundle with a code cache V8 accepts, and answers as the modules do', async () => {
    // `npm run build` bundles the CLI and stores V8's code for it (scripts/bundle-cli.js).
    const env = { ...process.env, CCHC_DEBUG_STARTUP: '1', CCHC_WORKERS: '2' };
    const parsed = spawnSync('node', [join(ROOT, 'bin/cchc.js'), 'parse', SON_LA, '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(parsed.stderr).toMatch(/bundle .*cchc\.cjs, code cache accepted/);
    expect(parsed.stdout).toBe((await cchc(['parse', SON_LA, '--quiet'])).out);
    // Workers are found from the bundle too.
    const compared = spawnSync(
      'node',
      [join(ROOT, 'bin/cchc.js'), 'compare', 'fixtures/', '--format', 'json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env,
      },
    );
    expect(compared.status).toBe(0);
    expect(JSON.parse(compared.stdout)).toEqual(
      JSON.parse((await cchc(['compare', 'fixtures/', '--format', 'json'])).out),
    );
  });
});

describe('--encoding', () => {
  it('reads a file in the encoding named, and refuses an unknown name with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
    const { encodeLegacy } = await import('../src/input/decode.js');
    writeFileSync(join(dir, 'vni.txt'), encodeLegacy(readFileSync(join(ROOT, SON_LA), 'utf8'), 'vni'));
    const r = await cchc(['parse', join(dir, 'vni.txt'), '--encoding', 'VNI', '--quiet']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.source.encoding).toBe('vni');
    expect(doc.tasks).toHaveLength(40);
    const bad = await cchc(['parse', SON_LA, '--encoding', 'klingon']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--encoding klingon: unknown encoding; use one of utf-8/);
  });
});
