/**
 * What two cores give this workload, whatever cchc's worker pool does: one share of the corpus read
 * and parsed by one process, one thread (`parseBytes`, as a worker does for each file), with no
 * messages, no pool and no main thread. bench/run.js runs the two halves one after the other and
 * then both at once; the ratio of the times is the speed-up two cores allow two independent parses.
 * A Node process alone on a machine also uses the other core (V8 compiles hot functions and
 * collects garbage on background threads); two at once share both cores, so the ratio is below 2
 * even when the cores do not slow each other (run with `node --single-threaded` to see that part).
 *
 *   node bench/ceiling.js <part> <parts>   # parse the files whose index % parts == part; prints JSON
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../dist/node/parse-file.js';
import { ROOT, readManifest } from './corpus.js';

const [part, parts] = [Number(process.argv[2]), Number(process.argv[3])];
const manifest = readManifest();
const files = manifest.files.filter((_, i) => i % parts === part);
const t0 = performance.now();
let tasks = 0;
let failed = 0;
for (const f of files) {
  try {
    tasks += parseBytes(readFileSync(join(ROOT, f.path)), { path: f.path }).tasks.length;
  } catch {
    failed++; // an input cchc refuses (not text): counted, as cchc export would report it
  }
}
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(`${JSON.stringify({ part, files: files.length, failed, tasks, seconds })}\n`);
