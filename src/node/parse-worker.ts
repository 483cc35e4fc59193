/** A worker thread of the parse pool: read, decode and parse one file per message. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultLexicon, mergeLexicon } from '../lexicon/load.js';
import type { LexiconData } from '../lexicon/types.js';
import { InputError, parseBytes } from './parse-file.js';
import { TRANSFORMS } from './transforms.js';
import type { JobResult, ParseJob } from './worker-pool.js';

let lexicon: Promise<LexiconData> | null = null;

/** Transforms whose result is sent as it is (structured clone), not as JSON text. */
const SENT_AS_IS = new Set(['export']);

async function loadLexicon(file: string | null): Promise<LexiconData> {
  if (!file) return defaultLexicon();
  const { parse } = await import('yaml');
  return mergeLexicon(defaultLexicon(), parse(await readFile(file, 'utf8'))).lexicon;
}

// Jobs are answered in the order they came, one at a time. A worker has nothing else to do while
// it reads a file: it reads it at once (a promise-based read cost ~0.3 ms of this thread per file
// in open, stat and close, several times a synchronous one).
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ParseJob) => {
  lexicon ??= loadLexicon((workerData as { lexiconFile: string | null }).lexiconFile);
  // A document (or its reduced graph for compare) is sent as JSON text: cloning one string costs the
  // worker less than cloning the objects, and the main thread, which is mostly idle, parses it. The
  // export transform's result is a few strings already (CSV): sent as it is, it is not escaped into
  // JSON and parsed back.
  chain = chain.then(async () => {
    const result = await handle(job, readNow(job.path));
    parentPort?.postMessage(SENT_AS_IS.has(job.transform) ? result : JSON.stringify(result));
  });
});

function readNow(path: string): { bytes: Uint8Array } | { error: NodeJS.ErrnoException } {
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

async function handle(
  job: ParseJob,
  read: { bytes: Uint8Array } | { error: NodeJS.ErrnoException },
): Promise<JobResult> {
  try {
    if ('error' in read) {
      const code = read.error.code;
      throw new InputError(
        code === 'ENOENT' ? 'NOT_FOUND' : 'NOT_READABLE',
        job.path,
        `${job.path}: cannot be read (${code})`,
      );
    }
    const doc = parseBytes(read.bytes, {
      path: job.path,
      lexicon: await lexicon!,
      ...(job.encoding ? { encoding: job.encoding } : {}),
    });
    const transform = TRANSFORMS[job.transform] ?? TRANSFORMS.document!;
    const warnings =
      job.warnings === 'none'
        ? []
        : job.warnings === 'shown'
          ? doc.warnings.filter((w) => w.severity !== 'info')
          : doc.warnings;
    return { ok: true, payload: transform(doc, job.options), warnings, key: doc.document.key };
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, code: error.code, path: error.path, message: error.message };
    return {
      ok: false,
      code: 'INTERNAL',
      path: job.path,
      message: `${job.path}: internal error: ${String(error)}`,
    };
  }
}
