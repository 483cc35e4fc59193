/**
 * One pathological case timed on its first parse only: `node bench/first-pass.js <case> [n ...]`.
 * bench/pathological.js parses each input several times, and the parser's bounded caches (folds and
 * areas of short texts, 20,000 entries each) hold all of a small input's distinct lines across those
 * passes and little of a large one's: a case of many distinct short lines then seems to grow. Here
 * the JIT is warmed on the same case with other numbers, and the input is parsed once.
 *
 *   node bench/first-pass.js section-numerals-distinct-L1 10000 20000 40000
 *
 * Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseText } from '../dist/index.js';
import { CASES } from './pathological.js';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const one = args[0] === '--one';
const [name, ...sizes] = one ? args.slice(1) : args;
const spec = CASES.find((c) => c.name === name);
if (!spec) {
  process.stderr.write(`first-pass: no case ${name}; see node bench/pathological.js --list\n`);
  process.exit(2);
}
if (!one) {
  // Each size in a process of its own, so that no size finds another's lines in the caches.
  const ns = sizes.length > 0 ? sizes.map(Number) : [spec.n, spec.n * 2, spec.n * 4];
  for (const n of ns)
    process.stdout.write(
      execFileSync(process.execPath, [SELF, '--one', name, String(n)], { encoding: 'utf8' }),
    );
} else {
  const n = Number(sizes[0]);
  // Other digits in every number: the warm-up shares none of the timed input's distinct lines.
  const warm = spec.make(n).replace(/\d+/g, (d) => `9${d}`);
  parseText(warm);
  parseText(warm);
  const text = spec.make(n);
  const t0 = performance.now();
  parseText(text);
  const ms = performance.now() - t0;
  process.stdout.write(
    `${name} n=${n}: ${(text.length / 1e6).toFixed(2)} M units, ${ms.toFixed(0)} ms, ${(ms / (text.length / 1e6)).toFixed(0)} ms per M units\n`,
  );
}
