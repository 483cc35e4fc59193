/** A worker thread of the parse pool: read, decode and parse one file per message. */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { defaultLexicon, mergeLexicon } from '../lexicon/load.js';
import type { LexiconData } from '../lexicon/types.js';
import { InputError, parseBytes } from './parse-file.js';
import { TRANSFORMS } from './transforms.js';
import type { JobResult, ParseJob } from './worker-pool.js';

let lexicon: Promise<LexiconData> | null = null;

async function loadLexicon(file: string | null): Promise<LexiconData> {
  if (!file) return defaultLexicon();
  const { parse } = await import('yaml');
  return mergeLexicon(defaultLexicon(), parse(await readFile(file, 'utf8'))).lexicon;
}

// Jobs are answered in the order they came, one at a time; each file is read as soon as its job
// arrives, so reading the next file overlaps parsing this one.
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ParseJob) => {
  lexicon ??= loadLexicon((workerData as { lexiconFile: string | null }).lexiconFile);
  const read = readFile(job.path).then(
    (bytes) => ({ bytes }),
    (error: NodeJS.ErrnoException) => ({ error }),
  );
  // Sent as JSON text: cloning a string costs the worker less than cloning the objects, and the
  // main thread, which is mostly idle, parses it.
  chain = chain.then(async () => parentPort?.postMessage(JSON.stringify(await handle(job, await read))));
});

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
    return { ok: true, payload: transform(doc, job.options), warnings: doc.warnings, key: doc.document.key };
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
