/**
 * Pathological inputs (issue 6): does `parseText` take time proportional to the size of its input?
 *
 * Each case builds an input at three sizes (n, 2n, 4n), parses it, and prints the time per MB.
 * A linear parser keeps ms/MB flat; a case whose ms/MB grows by more than 1.5× per doubling (the
 * geometric mean of n → 2n and 2n → 4n, so one noisy step does not decide) is flagged
 * (`SUPERLINEAR`), and a size that does not finish within the time limit is flagged (`TIMEOUT`) —
 * quadratic or worse. Some cases are the hostile inputs the issue lists; the others are
 * built against one regular expression or loop in `src/` each (named in the `target` column), to
 * check it for catastrophic backtracking or re-scanning.
 *
 * A report, not a test: it exits 0 whatever it finds (`--check` exits 1 when a case is flagged).
 * Every case runs in its own worker thread, so a case that never ends is stopped at its time limit
 * and the others still run. Needs `npm run build` first (it imports `dist/`).
 *
 *   node bench/pathological.js                  # every case
 *   node bench/pathological.js pipe whitespace  # only cases whose name contains one of the words
 *   node bench/pathological.js --list           # the cases and what each one targets
 *   node bench/pathological.js --json           # the rows as JSON on stdout
 *   PATHO_SCALE=0.25 node bench/pathological.js # smaller inputs (CI smoke run); 4 = larger
 *   PATHO_TIMEOUT_MS=20000 ...                  # time limit per size (default 60 s)
 *
 * MB is 10^6 bytes of UTF-8 input. The time is the best of a few runs (at least 3, or 1 s of runs),
 * each with the parser's memos emptied first (src/text/memo.ts), so that each run is a first parse.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { rng } from './corpus.js';

const MB = 1e6;
const GROWTH_LIMIT = 1.5;
const ROOT = new URL('../', import.meta.url);

function fixture(name) {
  return readFileSync(new URL(`fixtures/${name}`, ROOT), 'utf8');
}

const SON_LA = 'son-la-2014-qd-158.txt'; // L1, 40 tasks
const THAI_NGUYEN = 'thai-nguyen-2017-kh-121.txt'; // L2, 58 tasks
const HAU_GIANG = 'hau-giang-2016-kh-51.txt'; // no task table
const NAM_DINH = 'nam-dinh-2021-kh-117.txt'; // L3, 45 tasks

/** Lines `from`..`to` (1-based, inclusive) of a fixture. */
function fixtureLines(name, from, to) {
  return fixture(name)
    .split('\n')
    .slice(from - 1, to);
}

const repeat = (lines, n) => Array.from({ length: n }, () => lines).flat();

// The three table layouts, cut from the fixtures: header lines and body lines.
const L1_HEADER = () => fixtureLines(SON_LA, 80, 80);
const L1_BODY = () => fixtureLines(SON_LA, 81, 148);
const L2_HEADER = () => fixtureLines(THAI_NGUYEN, 186, 190);
const L2_BODY = () => fixtureLines(THAI_NGUYEN, 191, 592);
const L3_HEADER = () => fixtureLines(NAM_DINH, 453, 466);
const L3_BODY = () => fixtureLines(NAM_DINH, 467, 1044);

/** A short L2 header, as Thái Nguyên 121 prints it (one cell per indented line). */
const L2_MINI_HEADER = [
  '\tSố TT',
  '\tNội dung công việc',
  '\tCơ quan chủ trì',
  '\tCơ quan phối hợp',
  '\tThời gian hoàn thành chậm nhất',
  '',
];

/**
 * The cases. `make(n)` builds the input at scale n (its size grows in proportion to n); `n` is the
 * smallest scale. `target` names what the case exercises in `src/`.
 */
export const CASES = [
  // --- The hostile inputs of issue 6 ---------------------------------------------------------
  {
    name: 'repeated-fixtures',
    what: 'the four fixtures concatenated k times (the 50 MB file at 4n)',
    target: 'whole pipeline; findTables re-scans (src/table/find-tables.ts:232)',
    n: 100,
    make: (n) => {
      const unit = [SON_LA, THAI_NGUYEN, HAU_GIANG, NAM_DINH].map(fixture).join('\n');
      return Array.from({ length: n }, () => unit).join('\n');
    },
  },
  {
    name: 'repeated-L1-fixture',
    what: 'Sơn La 158 (one L1 table, no L2/L3) repeated: the 50 MB file of one layout',
    target:
      'findTables: findL2Header/findL3Header scan to the end of the text for every table (src/table/find-tables.ts:232)',
    n: 300,
    make: (n) => Array.from({ length: n }, () => fixture(SON_LA)).join('\n'),
  },
  {
    name: 'pipe-one-line',
    what: 'one line of n `|`',
    target: 'findL1Header/pipeCells (src/table/find-tables.ts:48), readSigner split',
    n: 1_000_000,
    make: (n) => '|'.repeat(n),
  },
  {
    name: 'pipe-lines',
    what: 'n lines of `|`',
    target: 'findL3Header, buildBlocks, readSigner',
    n: 500_000,
    make: (n) => Array.from({ length: n }, () => '|').join('\n'),
  },
  {
    name: 'pipe-lines-in-L3-table',
    what: 'an L3 header, then n lines of `|` (every cell empty)',
    target: 'readPipeCells, RowAssembler.feed, nextMeaningful lookahead (src/table/assemble-rows.ts:367)',
    n: 200_000,
    make: (n) => [...L3_HEADER(), ...Array.from({ length: n }, () => '|')].join('\n'),
  },
  {
    name: 'section-numerals-prose',
    what: '`I. CẢI CÁCH THỂ CHẾ` × n as prose headings',
    target: 'classify/ROMAN_HEADING (src/segment/blocks.ts:26), indexSections, KeyRegistry',
    n: 20_000,
    make: (n) => Array.from({ length: n }, () => 'I. CẢI CÁCH THỂ CHẾ').join('\n'),
  },
  {
    name: 'section-numerals-L1',
    what: 'an L1 header, then `I. CẢI CÁCH THỂ CHẾ |` × n',
    target: 'sectionHeading (src/table/cell-kinds.ts:23), buildTasks SECTION_REPEATED lookup',
    n: 20_000,
    make: (n) => [...L1_HEADER(), ...Array.from({ length: n }, () => 'I. CẢI CÁCH THỂ CHẾ |')].join('\n'),
  },
  {
    name: 'section-numerals-distinct-L1',
    what: 'an L1 header, then n sections with the same numeral and different titles',
    target: 'buildTasks `seen` list per numeral (src/document/build-tasks.ts:87)',
    n: 5_000,
    make: (n) =>
      [...L1_HEADER(), ...Array.from({ length: n }, (_, i) => `I. CẢI CÁCH THỂ CHẾ SỐ ${i} |`)].join('\n'),
  },
  {
    name: 'no-tables',
    what: 'Hậu Giang 51 (no task table) repeated',
    target: 'prose pipeline: blocks, sections, targets, commitments',
    n: 20,
    make: (n) => Array.from({ length: n }, () => fixture(HAU_GIANG)).join('\n'),
  },
  {
    name: 'headerless-rows',
    what: 'the L1 rows of Sơn La 158 without their header, repeated',
    target: 'findL1Header scanning every pipe line (src/table/find-tables.ts:56)',
    n: 100,
    make: (n) => repeat(L1_BODY(), n).join('\n'),
  },
  {
    name: 'table-cut-mid-row',
    what: 'an L1 header, n rows, the last row cut in its title',
    target: 'endOfPipeTable, readPipeCells flush',
    n: 100,
    make: (n) => {
      const text = [...L1_HEADER(), ...repeat(L1_BODY(), n)].join('\n');
      return text.slice(0, text.length - 200);
    },
  },
  {
    name: 'empty-cells-L1',
    what: 'an L1 header, then n rows `k |  |  |  |  |  |`',
    target: 'assignPositionally / splitRows (src/table/assemble-rows.ts:398)',
    n: 50_000,
    make: (n) =>
      [...L1_HEADER(), ...Array.from({ length: n }, (_, i) => `${(i % 999) + 1} |  |  |  |  |  |`)].join(
        '\n',
      ),
  },
  {
    name: 'empty-cells-L2',
    what: 'an L2 header, then n rows of indented blank cells',
    target: 'readIndentedCells, endOfL2Table',
    n: 30_000,
    make: (n) =>
      [...L2_MINI_HEADER, ...repeat([`\t1`, '\t\u00a0', '\t\u00a0', '\t\u00a0', '\t\u00a0', ''], n)].join(
        '\n',
      ),
  },
  {
    name: 'mixed-layouts',
    what: 'an L1, an L2 and an L3 table (from the fixtures), repeated',
    target: 'findTables: three header finders from each table end (src/table/find-tables.ts:232)',
    n: 20,
    make: (n) =>
      repeat(
        [
          ...L1_HEADER(),
          ...L1_BODY(),
          '',
          '',
          ...L2_HEADER(),
          ...L2_BODY(),
          '',
          ...L3_HEADER(),
          ...L3_BODY(),
          '',
        ],
        n,
      ).join('\n'),
  },
  {
    name: 'many-L1-tables',
    what: 'n small L1 tables (header + 3 rows) and nothing else',
    target:
      'findTables: findL2Header/findL3Header scan to the end for every table (src/table/find-tables.ts:232)',
    n: 2_000,
    make: (n) => repeat(['', ...L1_HEADER(), ...fixtureLines(SON_LA, 146, 148), ''], n).join('\n'),
  },
  {
    name: 'binary-looking',
    what: 'pseudo-random bytes read as Latin-1 (control characters, high bytes, no line structure)',
    target: 'normalizeText CONTROL/SPACE_LIKE (src/text/normalize.ts:18), every line reader',
    n: 1_000_000,
    make: (n) => {
      const random = rng(0xb1a5);
      let s = '';
      const chunk = [];
      for (let i = 0; i < n; i++) {
        chunk.push(Math.floor(random() * 256));
        if (chunk.length === 8192) {
          s += String.fromCharCode(...chunk);
          chunk.length = 0;
        }
      }
      return s + String.fromCharCode(...chunk);
    },
  },
  {
    name: 'combining-marks-run',
    what: 'one run of n combining marks of mixed classes with no base letter',
    target:
      'String.prototype.normalize (NFC in src/text/normalize.ts:38, NFD in src/text/fold.ts:54): canonical reordering of a long run',
    n: 10_000,
    make: (n) => '\u0300\u0323\u0301\u0309\u0303'.repeat(Math.ceil(n / 5)).slice(0, n),
  },
  {
    name: 'binary-utf8-garbage',
    what: 'pseudo-random code points (any plane, incl. lone surrogates and combining marks), few newlines',
    target: 'fold, foldWithOffsets, NFC',
    n: 300_000,
    make: (n) => {
      const random = rng(0x5eed);
      const parts = [];
      for (let i = 0; i < n; i++) {
        const r = random();
        if (r < 0.01) parts.push('\n');
        else if (r < 0.3) parts.push(String.fromCharCode(0x300 + Math.floor(random() * 0x70)));
        else if (r < 0.35) parts.push(String.fromCharCode(0xd800 + Math.floor(random() * 0x800)));
        else parts.push(String.fromCodePoint(Math.floor(random() * 0x10ffff) & ~0x800));
      }
      return parts.join('');
    },
  },

  // --- Built against single regexes and loops (the audit) ------------------------------------
  {
    name: 'wrapped-prose-no-period',
    what: 'n hard-wrapped lines of ~80 columns, no sentence end: one growing paragraph',
    target:
      'buildBlocks proseCont: endsSentence/endsSentence(prev.text) on the growing block text, a rope flattened by each read (src/segment/blocks.ts:83, 149)',
    n: 4_000,
    make: (n) =>
      Array.from(
        { length: n },
        () => 'cải cách hành chính nhà nước trên địa bàn tỉnh tiếp tục được triển khai đồng bộ',
      ).join('\n'),
  },
  {
    name: 'wrapped-prose-targets',
    what: 'one wrapped paragraph of n lines, each with a target `đạt 80%`',
    target: 'readTargets on one block + lineOfOffset per target (src/segment/blocks.ts:32)',
    n: 2_000,
    make: (n) =>
      Array.from(
        { length: n },
        () => 'tỷ lệ hồ sơ giải quyết đúng hạn của các cơ quan đạt 80% và tiếp tục',
      ).join('\n'),
  },
  {
    name: 'heading-comma-chain',
    what: '`I. MỤC TIÊU,` then n short capitalised lines ending with a comma',
    target:
      'buildBlocks headingCont `/,$/.test(prev.body)` and isAllCaps(prev.body) on the growing heading (src/segment/blocks.ts:139, 143)',
    n: 5_000,
    make: (n) => ['I. MỤC TIÊU,', ...Array.from({ length: n }, () => 'YÊU CẦU VÀ NHIỆM VỤ,')].join('\n'),
  },
  {
    name: 'long-word',
    what: 'one line of n letters, no spaces',
    target: 'isPersonName (src/header/read-header.ts:227), fold, every `.+`/`\\S.*` pattern',
    n: 1_000_000,
    make: (n) => 'A'.repeat(n),
  },
  {
    name: 'long-line-of-words',
    what: 'one line of n/5 capitalised words',
    target: 'NAME, isHeadingLine, ROMAN_HEADING_NO_DOT, readSigner',
    n: 1_000_000,
    make: (n) => 'Ab Cd '.repeat(Math.floor(n / 6)),
  },
  {
    name: 'whitespace-run-caption',
    what: '`(Ban hành kèm theo Quyết định của x` + n spaces + `y`',
    target: 'caption `/\\bcủa\\s+(.+?)\\)?\\s*$/u` (src/header/read-header.ts:359)',
    n: 10_000,
    make: (n) => `(Ban hành kèm theo Quyết định số 1/QĐ-UBND của x${' '.repeat(n)}y`,
  },
  {
    name: 'caption-many-cua',
    what: '`kèm theo Quyết định ` + `của ` × n',
    target: 'caption `/\\bcủa\\s+(.+?)\\)?\\s*$/u` tried from every `của` (src/header/read-header.ts:359)',
    n: 20_000,
    make: (n) => `(Ban hành kèm theo Quyết định ${'của '.repeat(n)}x`,
  },
  {
    name: 'whitespace-run-approves',
    what: 'a decision whose `Điều 1. Phê duyệt Kế hoạch x` line has n spaces before its last word',
    target:
      'approves `(.+?)\\s*[.;]?\\s*(?:\\(.*)?$` — two `\\s*` around an optional (src/header/read-header.ts:604)',
    n: 1_000,
    make: (n) => `QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Kế hoạch x${' '.repeat(n)}y`,
  },
  {
    name: 'legal-basis-many-kinds',
    what: 'one `Căn cứ` paragraph naming `Luật` n times, no `;`',
    target:
      'readLegalBases: `rest.search(/;/)` and LAW_NAME from every kind word (src/header/legal-bases.ts:89)',
    n: 20_000,
    make: (n) => `Căn cứ ${'Luật Tổ chức chính quyền địa phương, '.repeat(n)}`,
  },
  {
    name: 'legal-basis-issuer-whitespace',
    what: '`Căn cứ Nghị định số 61/2018/NĐ-CP của x` + n spaces + `y`',
    target: 'ISSUER `((?:[^;,(]|,(?!\\s))+?)(?=\\s+(?:về|…)…)` (src/header/legal-bases.ts:54)',
    n: 10_000,
    make: (n) => `Căn cứ Nghị định số 61/2018/NĐ-CP của Chính phủ x${' '.repeat(n)}y`,
  },
  {
    name: 'numeric-date-whitespace',
    what: '`1/1` + n spaces, many times',
    target: 'NUMERIC_DATE `\\s*` between parts (src/header/dates.ts:14)',
    n: 2_000,
    make: (n) => Array.from({ length: 100 }, () => `Số: 1 / 1${' '.repeat(n)}/ 2014`).join('\n'),
  },
  {
    name: 'L2-lead-whitespace',
    what: 'an L2 row whose lead cell is `Sở Nội vụ` + n spaces + `x`',
    target: 'LEAD_WITH_PARTNER `/\\s+phối hợp với\\s+/iu` (src/document/build-tasks.ts:205)',
    n: 20_000,
    make: (n) =>
      [
        ...L2_MINI_HEADER,
        '\t1',
        '\tRà soát thủ tục hành chính',
        `\tSở Nội vụ${' '.repeat(n)}x`,
        '\tCác sở',
        '\tNăm 2017',
        '',
      ].join('\n'),
  },
  {
    name: 'merged-tasks-L2-cell',
    what: 'one L2 task cell continued over n lines `1.k. Xây dựng kế hoạch.`',
    target: 'splitMergedTasks + lineAt per split task (src/table/assemble-rows.ts:78, read-cells.ts:25)',
    n: 5_000,
    make: (n) =>
      [
        ...L2_MINI_HEADER,
        '\t1',
        '\t1.1. Xây dựng kế hoạch.',
        ...Array.from({ length: n }, (_, i) => `1.${i + 2}. Xây dựng kế hoạch.`),
        '\tSở Nội vụ',
        '\tCác sở',
        '\tNăm 2017',
        '',
      ].join('\n'),
  },
  {
    name: 'merged-tasks-L3-cell',
    what: 'one L3 cell holding n numbered tasks `1.k. Xây dựng kế hoạch.` on one line',
    target: 'splitMergedTasks: a search per split (src/table/assemble-rows.ts:78)',
    n: 5_000,
    make: (n) =>
      [
        ...L3_HEADER(),
        'I. Cải cách thể chế',
        '|',
        Array.from({ length: n }, (_, i) => `1.${i + 1}. Xây dựng kế hoạch.`).join(' '),
        '|',
        'Sở Tư pháp',
        '|',
        'Các Sở',
        '|',
        'Năm 2021',
        '|',
        'Kinh phí thường xuyên',
        '|',
      ].join('\n'),
  },
  {
    name: 'L1-number-line-whitespace',
    what: 'a wrapped L1 cell whose last line is `1` + n spaces + `x`',
    target:
      'NUMBER_ONLY_LINE `^\\s*\\d…\\s*\\.?\\s*$` — two `\\s*` around an optional (src/table/read-cells.ts:31)',
    n: 10_000,
    make: (n) =>
      [...L1_HEADER(), '1 | Rà soát thủ tục hành chính', `1${' '.repeat(n)}x | Sở Nội vụ | Năm 2014 |`].join(
        '\n',
      ),
  },
  {
    name: 'tcvn3-long-line',
    what: 'bytes decoded as TCVN3 (`decodeBytes`, encoding tcvn3): one line of n high bytes, then `a`',
    target:
      'LINE_WITHOUT_ASCII_LOWER `^[^a-z\\n]*[^\\x00-\\x7f][^a-z\\n]*$` (src/input/legacy-vietnamese.ts:299)',
    n: 5_000,
    bytes: { encoding: 'tcvn3' },
    make: (n) => Uint8Array.from({ length: n + 1 }, (_, i) => (i === n ? 0x61 : 0xb5)),
  },
  {
    name: 'long-agency-cell',
    what: 'an L1 row whose lead cell lists n agencies joined by `và`',
    target: 'splitAgencies: unknownEnd/agencyFollows/matchKnown (src/interpret/agencies.ts:217)',
    n: 20_000,
    make: (n) =>
      [
        ...L1_HEADER(),
        `1 | Rà soát thủ tục | Báo cáo | ${Array.from({ length: n }, (_, i) => `Sở Nội vụ ${i} và Phòng Nội vụ`).join(' và ')} | Các sở | Năm 2014 |`,
      ].join('\n'),
  },
  {
    name: 'deadline-triggers',
    what: 'one prose line: `hoàn thành trước ` × n',
    target: 'findDeadlinePhrase TRIGGER + sticky forms per trigger (src/interpret/deadline.ts:424, 445)',
    n: 50_000,
    make: (n) => `Các cơ quan ${'hoàn thành trước trong quý '.repeat(n)}.`,
  },
  {
    name: 'many-targets-one-clause',
    what: 'one clause with n figures `đạt 80%`',
    target: 'readTargets: figures, placeSubjects, afterLastOpener (src/interpret/targets.ts:429)',
    n: 20_000,
    make: (n) => `- ${'bảo đảm tỷ lệ hồ sơ đạt 80% '.repeat(n)}.`,
  },
  {
    name: 'many-counts-coordinated',
    what: 'one clause `ít nhất 03 đơn vị và 08 sở, ` × n',
    target: 'readCounts/isCoordinated, nearestYear',
    n: 20_000,
    make: (n) => `Đến năm 2020 có ${'ít nhất 03 đơn vị và 08 sở, '.repeat(n)}.`,
  },
  {
    name: 'website-metadata-labels',
    what: 'one line of n website labels `Số hiệu: x`',
    target: 'readWebsiteMetadata label regex and slices (src/header/read-header.ts:126)',
    n: 50_000,
    make: (n) => 'Số hiệu: 51/KH-UBND '.repeat(n),
  },
  {
    name: 'signature-cells',
    what: 'n lines of `| KT. CHỦ TỊCH |` cells with long names',
    target: 'readSigner: capacity/title per cell, name lookahead',
    n: 50_000,
    make: (n) => Array.from({ length: n }, () => '| Nơi nhận | KT. CHỦ TỊCH |').join('\n'),
  },
];

// ---------------------------------------------------------------------------------------------
// Worker: builds one case's inputs and times them.

async function runInWorker({ name, sizes }) {
  const { decodeBytes, parseText } = await import('../dist/index.js');
  const { clearMemos } = await import('../dist/text/memo.js');
  const spec = CASES.find((c) => c.name === name);
  // A case of bytes is decoded first (with the encoding it names) and the decoding is timed too.
  const parse = spec.bytes
    ? (input) => {
        const decoded = decodeBytes(input, spec.bytes);
        return parseText(decoded.ok ? decoded.text : '', { path: name });
      }
    : (input) => parseText(input, { path: name });
  const sizeOf = (input) => (typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length);
  // Warm the JIT on a real plan, so the first size does not pay for compilation.
  const warm = fixture(SON_LA);
  for (let i = 0; i < 5; i++) parseText(warm);
  parse(spec.make(Math.max(1, Math.floor(sizes[0] / 16))));
  for (const n of sizes) {
    const text = spec.make(n);
    const bytes = sizeOf(text);
    const times = [];
    let tasks = 0;
    const started = performance.now();
    while (times.length < 3 || (performance.now() - started < 1000 && times.length < 20)) {
      // Every run starts with the parser's memos empty, as a first parse does: otherwise a small input
      // finds all its short texts remembered from the run before, and a large one (more distinct texts
      // than a memo keeps) few, and the time per MB seems to grow with the size.
      clearMemos();
      const t0 = performance.now();
      const doc = parse(text);
      times.push(performance.now() - t0);
      tasks = doc.tasks.length;
      if (times[times.length - 1] > 2000) break; // one run of a slow size is enough
    }
    parentPort.postMessage({ n, bytes, ms: Math.min(...times), runs: times.length, tasks });
  }
}

if (!isMainThread) {
  await runInWorker(workerData);
}

// ---------------------------------------------------------------------------------------------
// Main thread: one worker per case, a time limit per size, the table.

function timeCase(spec, scale, timeoutMs) {
  const base = Math.max(1, Math.round(spec.n * scale));
  const sizes = [base, base * 2, base * 4];
  return new Promise((resolve) => {
    const results = [];
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { name: spec.name, sizes },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        worker.terminate();
        finish(`TIMEOUT (> ${timeoutMs / 1000} s at n=${sizes[results.length]})`);
      }, timeoutMs);
    };
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ spec, sizes, results, error });
    };
    worker.on('message', (row) => {
      results.push(row);
      if (results.length === sizes.length) {
        worker.terminate();
        finish(null);
      } else arm();
    });
    worker.on('error', (e) => finish(`ERROR ${e?.message ?? e}`));
    worker.on('exit', () => finish(results.length === sizes.length ? null : 'worker exited early'));
    arm();
  });
}

/**
 * The growth of ms/MB per doubling: each step's, and their geometric mean (n → 4n), which is what is
 * judged — one noisy step (a GC pause, a busy machine) does not flag a case, a quadratic one (2× per
 * doubling) always is.
 */
function verdictOf(results, error) {
  const perMb = results.map((r) => r.ms / (r.bytes / MB));
  const growth = perMb.slice(1).map((v, i) => v / perMb[i]);
  const mean =
    perMb.length >= 2 ? (perMb[perMb.length - 1] / perMb[0]) ** (1 / (perMb.length - 1)) : Number.NaN;
  // Below ~5 ms a run is timer noise; such a case cannot be judged by ratios.
  const measurable = results.some((r) => r.ms >= 5);
  const superlinear = measurable && mean > GROWTH_LIMIT;
  return { perMb, growth, mean, flag: error ? 'TIMEOUT' : superlinear ? 'SUPERLINEAR' : 'ok' };
}

/** `0.42`, `0.0021`: enough digits to tell the sizes of small inputs apart. */
function mb(bytes) {
  const v = bytes / MB;
  return v >= 1 ? v.toFixed(1) : v.toPrecision(2);
}

function pad(s, n, right = false) {
  const str = String(s);
  return right ? str.padStart(n) : str.padEnd(n);
}

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const filters = args.filter((a) => !a.startsWith('--'));
  if (flags.has('--list')) {
    for (const c of CASES) console.log(`${c.name}\n  ${c.what}\n  target: ${c.target}`);
    return 0;
  }
  const scale = Number(process.env.PATHO_SCALE ?? 1);
  const timeoutMs = Number(process.env.PATHO_TIMEOUT_MS ?? 60_000);
  const selected = CASES.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f)));
  const log = (line) => process.stderr.write(`${line}\n`);
  log(
    `pathological inputs: ${selected.length} cases, sizes n/2n/4n, scale ${scale}, limit ${timeoutMs / 1000} s per size`,
  );
  log(
    `${pad('case', 30)} ${pad('MB n/2n/4n', 22)} ${pad('ms n/2n/4n', 26)} ${pad('ms/MB n/2n/4n', 26)} ${pad('growth', 12)} ${pad('mean', 7)} verdict`,
  );
  const rows = [];
  for (const spec of selected) {
    const { sizes, results, error } = await timeCase(spec, scale, timeoutMs);
    const { perMb, growth, mean, flag } = verdictOf(results, error);
    const fmt = (xs, d) => xs.map((x) => x.toFixed(d)).join(' / ');
    log(
      `${pad(spec.name, 30)} ${pad(results.map((r) => mb(r.bytes)).join(' / '), 22)} ${pad(
        fmt(
          results.map((r) => r.ms),
          0,
        ),
        26,
      )} ${pad(
        fmt(perMb, 0),
        26,
      )} ${pad(growth.map((g) => `${g.toFixed(2)}×`).join(' '), 12)} ${pad(Number.isFinite(mean) ? `${mean.toFixed(2)}×` : '—', 7)} ${flag}${error ? ` ${error}` : ''}`,
    );
    rows.push({
      case: spec.name,
      what: spec.what,
      target: spec.target,
      sizes,
      results,
      msPerMb: perMb,
      growth,
      meanGrowth: mean,
      verdict: flag,
      error,
    });
  }
  const flagged = rows.filter((r) => r.verdict !== 'ok');
  log(
    flagged.length === 0
      ? 'every case ran in time proportional to its size'
      : `${flagged.length} case(s) grow faster than their input: ${flagged.map((r) => r.case).join(', ')}`,
  );
  if (flags.has('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return flags.has('--check') && flagged.length > 0 ? 1 : 0;
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
