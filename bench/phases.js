/**
 * Time per stage of `parseText`: `node bench/phases.js [MB]` (default 20) replays the pipeline of
 * src/document/parse-text.ts stage by stage over the first MB of the benchmark corpus (one thread,
 * after a warm-up) and prints each stage's share. A development aid next to bench/profile.js:
 * it imports dist/, so run `npm run build` first. If the pipeline changes, change the replay too;
 * the last line checks that the replay's task count equals parseText's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, ensureCorpus, MIN_BYTES, MIN_DOCS, ROOT } from './corpus.js';

const dist = (p) => import(join(ROOT, 'dist', p));
const { parseText } = await dist('index.js');
const { normalizeText } = await dist('text/normalize.js');
const { readTables } = await dist('table/read-tables.js');
const { buildBlocks, isHardWrapped } = await dist('segment/blocks.js');
const { indexSections } = await dist('segment/sections.js');
const { readHeader } = await dist('header/read-header.js');
const { readTargets } = await dist('interpret/targets.js');
const { findDeadlinePhrase } = await dist('interpret/deadline.js');
const { buildTasks } = await dist('document/build-tasks.js');
const { defaultLexicon } = await dist('lexicon/load.js');

const mb = Number(process.argv[2] ?? 20);
ensureCorpus({
  seed: DEFAULT_SEED,
  minBytes: MIN_BYTES,
  minDocs: MIN_DOCS,
  log: (l) => process.stderr.write(`${l}\n`),
});
const manifest = JSON.parse(readFileSync(join(ROOT, 'bench', 'corpus', 'manifest.json'), 'utf8'));
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const texts = [];
let bytes = 0;
for (const f of manifest.files) {
  if (bytes >= mb * 1e6) break;
  texts.push(decoder.decode(readFileSync(join(ROOT, f.path))));
  bytes += f.bytes;
}
const lexicon = defaultLexicon();
const times = new Map();
function timed(name, fn) {
  const t0 = performance.now();
  const r = fn();
  times.set(name, (times.get(name) ?? 0) + performance.now() - t0);
  return r;
}
function replay(text) {
  const { lines } = timed('normalizeText', () => normalizeText(text));
  const tables = timed('readTables', () => readTables(lines, lexicon));
  const blocks = timed('buildBlocks', () => buildBlocks(lines, tables.tableLines, isHardWrapped(lines)));
  timed('indexSections', () => indexSections(blocks, lexicon.areas));
  const header = timed('readHeader', () => readHeader(lines, lexicon, tables.tableLines));
  timed('readTargets (prose)', () => {
    for (const b of blocks) if (b.kind !== 'heading') readTargets(b.text, lexicon.indicators);
  });
  timed('findDeadlinePhrase (prose)', () => {
    for (const b of blocks) if (b.kind !== 'heading') findDeadlinePhrase(b.text);
  });
  const deadlineContext = { periodFrom: header.period?.from ?? null, periodTo: header.period?.to ?? null };
  const built = timed('buildTasks', () =>
    buildTasks(tables.tables, { lexicon, deadlineContext, periodEnd: header.period?.to ?? null }),
  );
  return built.tasks.length;
}
for (const t of texts.slice(0, 50)) {
  replay(t);
  parseText(t);
}
times.clear();
let tasks = 0;
const t0 = performance.now();
for (const t of texts) tasks += replay(t);
const replayMs = performance.now() - t0;
const t1 = performance.now();
let direct = 0;
for (const t of texts) direct += parseText(t).tasks.length;
const directMs = performance.now() - t1;
console.log(`${texts.length} plans, ${(bytes / 1e6).toFixed(1)} MB`);
for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1])) {
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / replayMs).toFixed(1).padStart(5)}%`,
  );
}
console.log(
  `${'replay'.padEnd(28)} ${replayMs.toFixed(0).padStart(6)} ms  ${(bytes / 1e3 / replayMs).toFixed(1)} MB/s`,
);
console.log(
  `${'parseText'.padEnd(28)} ${directMs.toFixed(0).padStart(6)} ms  ${(bytes / 1e3 / directMs).toFixed(1)} MB/s`,
);
console.log(
  `tasks: replay ${tasks}, parseText ${direct}${tasks === direct ? '' : '  ← the replay is out of date'}`,
);
