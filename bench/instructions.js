/**
 * How many instructions one warm `parseText` pass over the first MB of the benchmark corpus takes,
 * counted by valgrind's callgrind, whatever else the machine is doing. The count is not exact: one
 * build gave 207.3–208.6 M over five runs one day, and another 213.1 M twice and 223.2–223.7 M twice
 * on 2026-12-04 (also with `INSTRUCTIONS_FLAGS='--predictable --hash-seed=1'` in an address space
 * without randomisation): a count falls in one of two states about 5% apart, and two builds run at
 * the same time move further. Run one count at a time, and repeat it before trusting a difference
 * under 5%. Wall-clock A/B runs on this shared two-core machine move by 5–30% from run to run.
 *
 *   node bench/instructions.js                 # dist/ (run `npm run build` first)
 *   node bench/instructions.js old-dist dist   # several builds, compared with the first
 *   INSTRUCTIONS_COLD=1 node bench/instructions.js ...   # memos emptied before every plan (see run.js)
 *   INSTRUCTIONS_FLAGS='--predictable' node bench/instructions.js ...   # V8 flags for the counted process
 *
 * Each build is run twice under callgrind, with `node --single-threaded` (no concurrent compiler or
 * garbage-collector threads, whose work callgrind would count in whatever order they ran): 12 and 20
 * passes over the same plans. The difference, over 8, is one pass once the JIT has settled (on 1 MB,
 * optimisation goes on for about ten passes). Instructions are not time: a change that allocates less
 * or reads memory better may count the same, and `npm run bench` remains the measure of the targets.
 * Needs valgrind (on every machine of this kind); about two minutes per build.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SEED,
  ensureCorpus,
  MIN_BYTES,
  MIN_DOCS,
  ROOT,
  readFirstTexts,
  readManifest,
} from './corpus.js';

const SELF = fileURLToPath(import.meta.url);
const PASSES = [12, 20];
const BYTES = 1e6;

if (process.argv[2] === '--child') {
  // node bench/instructions.js --child <dist> <passes>: parse the first MB that many times.
  const [dist, passes] = [process.argv[3], Number(process.argv[4])];
  const { parseText } = await import(join(resolve(dist), 'index.js'));
  const texts = readFirstTexts(readManifest(), BYTES);
  // INSTRUCTIONS_COLD=1: the parser's memos emptied before every plan (a build without them has none to empty).
  const clear =
    process.env.INSTRUCTIONS_COLD === '1'
      ? ((await import(join(resolve(dist), 'text', 'memo.js')).catch(() => null))?.clearMemos ?? (() => {}))
      : () => {};
  for (let p = 0; p < passes; p++)
    for (const t of texts) {
      clear();
      parseText(t.text, { path: t.path, source: { bytes: t.bytes } });
    }
} else {
  const dists = process.argv.length > 2 ? process.argv.slice(2) : ['dist'];
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    process.stderr.write('instructions: valgrind is not installed\n');
    process.exit(1);
  }
  const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
  ensureCorpus({ seed, minBytes: MIN_BYTES, minDocs: MIN_DOCS, log: (l) => process.stderr.write(`${l}\n`) });
  const count = (dist, passes) => {
    const out = join(tmpdir(), `cchc-callgrind-${process.pid}-${passes}.out`);
    const run = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        // The JIT writes code and runs it: valgrind must look for code it has already translated.
        '--smc-check=all-non-file',
        `--callgrind-out-file=${out}`,
        process.execPath,
        '--single-threaded',
        ...(process.env.INSTRUCTIONS_FLAGS ?? '').split(' ').filter(Boolean),
        SELF,
        '--child',
        dist,
        String(passes),
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    const refs = /refs:\s+([\d,]+)/.exec(run.stderr ?? '');
    if (run.status !== 0 || !refs) throw new Error(`callgrind failed on ${dist}: ${run.stderr?.slice(-500)}`);
    return Number(refs[1].replaceAll(',', ''));
  };
  let first = null;
  for (const dist of dists) {
    const [a, b] = PASSES.map((p) => count(dist, p));
    const perPass = (b - a) / (PASSES[1] - PASSES[0]);
    first ??= perPass;
    const ratio = perPass / first;
    process.stdout.write(
      `${dist.padEnd(24)} ${(perPass / 1e6).toFixed(1).padStart(7)} M instructions per warm pass over 1 MB` +
        (dist === dists[0] ? '\n' : `  (${ratio.toFixed(3)} × ${dists[0]})\n`),
    );
  }
}
