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

parentPort?.on('message', async (job: ParseJob) => {
  lexicon ??= loadLexicon((workerData as { lexiconFile: string | null }).lexiconFile);
  let result: JobResult;
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(job.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT' ? 'NOT_FOUND' : 'NOT_READABLE',
        job.path,
        `${job.path}: cannot be read (${code})`,
      );
    }
    const doc = parseBytes(bytes, {
      path: job.path,
      lexicon: await lexicon,
      ...(job.encoding ? { encoding: job.encoding } : {}),
    });
    const transform = TRANSFORMS[job.transform] ?? TRANSFORMS.document!;
    result = {
      ok: true,
      payload: transform(doc, job.options),
      warnings: doc.warnings,
      key: doc.document.key,
    };
  } catch (error) {
    if (error instanceof InputError)
      result = { ok: false, code: error.code, path: error.path, message: error.message };
    else
      result = {
        ok: false,
        code: 'INTERNAL',
        path: job.path,
        message: `${job.path}: internal error: ${String(error)}`,
      };
  }
  parentPort?.postMessage(result);
});
