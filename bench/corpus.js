/**
 * The benchmark corpus: ≥ 100 MiB and ≥ 2,000 plans made from the four fixtures, seeded so that the
 * same seed always gives the same bytes. Each plan is a variant, not a copy:
 *
 * - its task table is re-laid (L1 `STT | … |` rows, L2 one tab-indented cell per line, L3 cells
 *   between `|` lines) where the source table can be cut into rows: L1 and L2 go to any layout;
 *   Nam Định's L3 has no row boundaries in the text, so it stays L3;
 * - tabs become 2–4 spaces in some plans, L2 cell marks included;
 * - the prose's long paragraph lines (and the cells of a table re-laid as L3) are re-wrapped at
 *   50–100 columns, the way Nam Định's plan is;
 * - numbered sections (`1. …`, `2. …` under one `II. …`) are shuffled;
 * - every year from 1990 to 2035 is shifted by the same −3…+6 years (issue dates, periods, deadlines,
 *   legal bases alike), the plan's own number is replaced by one unique in the corpus (it is the
 *   document key, and `cchc` renames duplicate keys with a warning), and the numbers of the documents
 *   it cites are redrawn;
 * - a quarter of the files get CRLF line ends.
 *
 * The tables' rows, cells and deadlines are kept, so a variant should have the task count of its
 * fixture; `verifySample` checks that on a sample.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const HERE = new URL('.', import.meta.url).pathname;
export const ROOT = join(HERE, '..');
export const FIXTURES_DIR = join(ROOT, 'fixtures');
export const CORPUS_DIR = join(HERE, 'corpus');

/** The fixtures and their own document numbers (the key a variant must change). */
export const FIXTURES = [
  { file: 'son-la-2014-qd-158.txt', number: '158/QĐ-UBND', slug: 'son-la' },
  { file: 'thai-nguyen-2017-kh-121.txt', number: '121/KH-UBND', slug: 'thai-nguyen' },
  { file: 'hau-giang-2016-kh-51.txt', number: '51/KH-UBND', slug: 'hau-giang' },
  { file: 'nam-dinh-2021-kh-117.txt', number: '117/KH-UBND', slug: 'nam-dinh' },
];

/** The default seed, and the corpus's least size: 100 MiB (> 100 MB either way) and 2,000 files. */
export const DEFAULT_SEED = 20260607;
export const MIN_BYTES = 100 * 2 ** 20;
export const MIN_DOCS = 2000;

/** Bump when the generator changes, so a cached corpus is rebuilt. */
const GENERATOR_VERSION = 4;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  next.shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return next;
}

// ---------------------------------------------------------------------------------------------
// Where the task table is. Found with the layouts' own marks, not with the parser under test, so
// the corpus does not change when the parser does.

const L1_HEADER = /^(?:STT|Số TT|TT)\s*\|/u;
const L2_HEADER = /^\t(?:STT|Số TT|TT)\s*$/u;
const PIPE_ONLY = /^[\s|]*$/;

/** `{ layout, start, end }` (inclusive line indexes) or null when the plan has no task table. */
export function findTable(lines) {
  const l1 = lines.findIndex((l) => L1_HEADER.test(l));
  if (l1 >= 0) {
    let end = l1;
    while (end + 1 < lines.length && lines[end + 1].includes('|')) end++;
    return { layout: 'L1', start: l1, end };
  }
  const l2 = lines.findIndex((l) => L2_HEADER.test(l));
  if (l2 >= 0) {
    let end = l2;
    for (let i = l2 + 1; i < lines.length; i++) {
      if (lines[i].startsWith('\t')) end = i;
      else if (lines[i].trim() !== '') break;
    }
    return { layout: 'L2', start: l2, end };
  }
  // L3: at least four one-line cells in a row, each followed by a `|` line; runs to the end.
  for (let i = 0; i + 7 < lines.length; i++) {
    let ok = true;
    for (let k = 0; k < 4 && ok; k++) ok = lines[i + 2 * k] !== '|' && lines[i + 2 * k + 1] === '|';
    if (ok) return { layout: 'L3', start: i, end: lines.length - 1 };
  }
  return null;
}

/** The table's rows as cell lists. L1: one row per line; L2: rows between blank lines. */
function readRows(lines, layout) {
  const rows = [];
  if (layout === 'L1') {
    for (const line of lines) {
      if (PIPE_ONLY.test(line)) continue; // the `| |` filler lines under a section row
      const cells = line.split('|').map((c) => c.trim());
      while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      rows.push(cells);
    }
    return rows;
  }
  let row = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (row.length > 0) rows.push(row);
      row = [];
    } else if (line.startsWith('\t')) {
      row.push(blank(line.slice(1)));
    } else if (row.length > 0) {
      row[row.length - 1] = `${row[row.length - 1]} ${line.trim()}`.trim();
    } else row.push(line.trim());
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** An empty cell is written as a no-break space in L2 (` `). */
function blank(cell) {
  return cell.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
}

function writeRows(rows, layout) {
  if (layout === 'L1') return rows.map((cells) => `${cells.join(' | ')} |`);
  if (layout === 'L2') return rows.flatMap((cells) => [...cells.map((c) => `\t${c || '\u00a0'}`), '']);
  // L3: every cell, then a `|` line; an empty cell stays an empty line.
  return rows.flatMap((cells) => cells.flatMap((c) => [c, '|']));
}

/** Which layouts a table can be re-laid into (checked against the parser: same task count). */
export const RELAYOUTS = { L1: ['L1', 'L2', 'L3'], L2: ['L2', 'L1', 'L3'], L3: ['L3'] };

// ---------------------------------------------------------------------------------------------
// Prose.

const ROMAN_HEADING = /^[IVX]{1,5}\.\s+\S/u;
const ARABIC_HEADING = /^\d{1,2}\.\s+\S/u;

/** Shuffle the numbered sections under each `I.`/`II.` heading (all but the last, whose end is unclear). */
function shuffleSections(lines, random) {
  const romans = [];
  lines.forEach((l, i) => {
    if (ROMAN_HEADING.test(l)) romans.push(i);
  });
  romans.push(lines.length);
  const out = lines.slice(0, romans[0]);
  let moved = 0;
  for (let r = 0; r + 1 < romans.length; r++) {
    const span = lines.slice(romans[r], romans[r + 1]);
    const heads = [];
    span.forEach((l, i) => {
      if (ARABIC_HEADING.test(l)) heads.push(i);
    });
    if (heads.length < 3) {
      out.push(...span);
      continue;
    }
    const blocks = [];
    for (let k = 0; k + 1 < heads.length; k++) blocks.push(span.slice(heads[k], heads[k + 1]));
    const shuffled = random.shuffle(blocks);
    moved += shuffled.filter((b, k) => b !== blocks[k]).length;
    out.push(...span.slice(0, heads[0]), ...shuffled.flat(), ...span.slice(heads[heads.length - 1]));
  }
  return { lines: out, moved };
}

// A wrapped line must not start with what reads as a list item or heading (`2. `, `a) `, `- `).
const LOOKS_LIKE_ITEM = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.|[a-zđ]\)|[-+•*–])(?:\s|$)/u;

/** Long paragraph lines (over 100 characters) broken at `width` columns, on spaces. */
function rewrap(lines, width) {
  const out = [];
  for (const line of lines) {
    if (line.length <= 100 || line.includes('|') || line.includes('\t')) {
      out.push(line);
      continue;
    }
    const words = line.split(' ');
    let current = '';
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const joined = current === '' ? word : `${current} ${word}`;
      if (current !== '' && joined.length > width && !LOOKS_LIKE_ITEM.test(words.slice(i).join(' '))) {
        out.push(current);
        current = word;
      } else current = joined;
    }
    out.push(current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers and years.

const YEAR = /(?<![\d:])(199\d|20[0-3]\d)(?!\d)/g;
// A cited document's number: `4361/QĐ-BNV`, `17/2013/QĐ-UBND`; not `30c/NQ-CP` (no digit run
// before the slash) and not `76/NQ-CP` (the programme is read from it).
const CITED_NUMBER =
  /(?<![\p{L}\d/.,-])(\d{1,4})(?=\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-z]{0,5}(?:-[A-ZĐ]{1,6})?(?![\p{L}\d]))/gu;

function shiftYears(text, delta) {
  return text.replace(YEAR, (y) => String(Number(y) + delta));
}

function redrawCitedNumbers(text, random) {
  return text.replace(CITED_NUMBER, (n, _d, offset) => {
    if (text.startsWith('76/NQ-CP', offset)) return n;
    return String(random.int(1, n.length >= 3 ? 9999 : 99));
  });
}

// ---------------------------------------------------------------------------------------------

/**
 * One variant of `source` (a fixture's text). `number` is the plan's new number (unique in the
 * corpus). Returns the text and what was done to it.
 */
export function makeVariant(source, fixture, number, random) {
  const done = [];
  const lines = source.split('\n');
  const table = findTable(lines);
  let before = table ? lines.slice(0, table.start) : lines;
  let rows = table ? lines.slice(table.start, table.end + 1) : [];
  let after = table ? lines.slice(table.end + 1) : [];

  let layout = table?.layout;
  if (table) {
    layout = random.pick(RELAYOUTS[table.layout]);
    if (layout !== table.layout) {
      rows = writeRows(readRows(rows, table.layout), layout);
      done.push(`${table.layout}->${layout}`);
    }
  }
  if (random.chance(0.7)) {
    const shuffled = shuffleSections(before, random);
    before = shuffled.lines;
    if (shuffled.moved > 0) done.push(`shuffled ${shuffled.moved} sections`);
  }
  // Only prose written one paragraph per line is re-wrapped (Nam Định is already hard-wrapped).
  const longest = before.reduce((m, l) => Math.max(m, l.length), 0);
  if (longest > 200 && random.chance(0.6)) {
    const width = random.int(50, 100);
    before = rewrap(before, width);
    after = rewrap(after, width);
    // L3 cells may span lines (Nam Định's do); L1 rows and L2 cells may not.
    if (layout === 'L3' && layout !== table?.layout) rows = rewrap(rows, width);
    done.push(`wrapped at ${width}`);
  }
  let text = [...before, ...rows, ...after].join('\n');
  // Tabs become 2–4 spaces, inside the table too: an L2 cell line still reads as one (a single
  // space does not: the parser then finds no table — a limit noted in the benchmark report).
  if (text.includes('\t') && random.chance(0.3)) {
    text = text.replaceAll('\t', ' '.repeat(random.int(2, 4)));
    done.push('tabs->spaces');
  }

  const placeholder = '\u0000NUMBER\u0000';
  text = text.replaceAll(fixture.number, placeholder);
  text = redrawCitedNumbers(text, random);
  const delta = random.pick([-3, -2, -1, 1, 2, 3, 4, 5, 6]);
  text = shiftYears(text, delta);
  text = text.replaceAll(placeholder, number);
  done.push(`years ${delta > 0 ? '+' : ''}${delta}`, `number ${number}`);
  if (random.chance(0.25)) {
    text = text.replace(/\r?\n/g, '\r\n');
    done.push('CRLF');
  }
  return { text, done };
}

// ---------------------------------------------------------------------------------------------

/**
 * Build the corpus under `dir` unless the manifest there says it was built from the same seed,
 * size, fixtures and generator. Returns the manifest: `{ seed, totalBytes, files: [{ path, bytes,
 * fixture, done }] }` (paths relative to the repository root), in generation order — the fixtures
 * interleave, so any prefix is a fair subset.
 */
export function ensureCorpus({ seed, minBytes, minDocs, dir = CORPUS_DIR, log = () => {} }) {
  const sources = FIXTURES.map((f) => {
    const text = readFileSync(join(FIXTURES_DIR, f.file), 'utf8');
    if (!text.includes(f.number)) throw new Error(`${f.file} does not contain its number ${f.number}`);
    return text;
  });
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ GENERATOR_VERSION, seed, minBytes, minDocs }))
    .update(readFileSync(new URL(import.meta.url)))
    .update(sources.join('\u0000'))
    .digest('hex');
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.fingerprint === fingerprint) {
      log(
        `corpus: reusing ${manifest.files.length} files, ${mb(manifest.totalBytes)} MB (same seed and generator)`,
      );
      return manifest;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const random = rng(seed);
  // Unique document numbers: a shuffled range, so keys never collide.
  const numbers = random.shuffle(Array.from({ length: 9999 }, (_, i) => i + 1));
  const files = [];
  let totalBytes = 0;
  const started = performance.now();
  for (let i = 0; totalBytes < minBytes || files.length < minDocs; i++) {
    const f = i % FIXTURES.length;
    const fixture = FIXTURES[f];
    const suffix = fixture.number.slice(fixture.number.indexOf('/'));
    const { text, done } = makeVariant(sources[f], fixture, `${numbers[i]}${suffix}`, random);
    const bytes = Buffer.from(text, 'utf8');
    // A folder per hundred files, as an archive of plans would be split.
    const folder = join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    const abs = join(folder, `${String(i).padStart(5, '0')}-${fixture.slug}.txt`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(abs, bytes);
    const rel = relative(ROOT, abs);
    files.push({ path: rel, bytes: bytes.length, fixture: fixture.file, done });
    totalBytes += bytes.length;
  }
  const manifest = { fingerprint, seed, totalBytes, files };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  log(
    `corpus: wrote ${files.length} files, ${mb(totalBytes)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return manifest;
}

/**
 * Parse `count` files chosen by the seed and compare each one's task count with its fixture's.
 * "Sensible" = within ±10% of the fixture's count (exactly 0 for a plan without a table).
 */
/** The manifest `ensureCorpus` wrote: for a bench script's child process, once its parent made sure of the corpus. */
export function readManifest(dir = CORPUS_DIR) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

/**
 * The corpus plans in manifest order up to `budget` bytes (the first one past it included no more),
 * read and decoded: `{ text, path, bytes }`, as `parseBytes` would give them to `parseText`.
 */
export function readFirstTexts(manifest, budget) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const texts = [];
  let bytes = 0;
  for (const f of manifest.files) {
    if (bytes >= budget) break;
    const buffer = readFileSync(join(ROOT, f.path));
    texts.push({ text: decoder.decode(buffer), path: f.path, bytes: buffer.length });
    bytes += f.bytes;
  }
  return texts;
}

/** The first files in order up to `budget` bytes (the first one past it included, no more). */
export function firstFiles(files, budget) {
  const out = [];
  let bytes = 0;
  for (const f of files) {
    if (bytes >= budget) break;
    out.push(f);
    bytes += f.bytes;
  }
  return out;
}

/**
 * Each file (a manifest entry) read and decoded just before its parse, and only `parseText` timed:
 * the parse finds its text fresh in the cache, as a batch gives it. (Decoding a whole budget first
 * made the same parse 37 instead of 24 ms/MB.) `before` runs outside the clock before each parse.
 * Gives the parse time in ms, the bytes and the task rows.
 */
export function timeParses(files, parseText, { before = () => {} } = {}) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let ms = 0;
  let bytes = 0;
  let tasks = 0;
  for (const f of files) {
    const buffer = readFileSync(join(ROOT, f.path));
    const text = decoder.decode(buffer);
    before();
    const t0 = performance.now();
    // As parseBytes calls it: the file's size is known from the read, not measured again.
    tasks += parseText(text, { path: f.path, source: { bytes: buffer.length } }).tasks.length;
    ms += performance.now() - t0;
    bytes += buffer.length;
  }
  return { ms, bytes, tasks };
}

export function verifySample(manifest, parseText, { seed, count }) {
  const random = rng(seed ^ 0x5eed);
  const expected = new Map(
    FIXTURES.map((f) => [f.file, parseText(readFileSync(join(FIXTURES_DIR, f.file), 'utf8')).tasks.length]),
  );
  const picked = random.shuffle(manifest.files).slice(0, count);
  const results = picked.map((file) => {
    const doc = parseText(readFileSync(join(ROOT, file.path), 'utf8'), { path: file.path });
    const want = expected.get(file.fixture);
    const got = doc.tasks.length;
    const ok = want === 0 ? got === 0 : Math.abs(got - want) <= Math.max(1, Math.round(want * 0.1));
    return { path: file.path, fixture: file.fixture, done: file.done, want, got, ok };
  });
  return { expected, results, ok: results.filter((r) => r.ok).length };
}

export function mb(bytes) {
  return (bytes / 1e6).toFixed(1);
}
