/**
 * Inputs → documents, for every command. A file that cannot be read is reported on stderr with
 * its name and skipped; the others are still processed, and the exit code says so (3).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { resolveEncodingName, SUPPORTED_ENCODINGS } from '../input/decode.js';
import { defaultLexicon, mergeLexicon } from '../lexicon/load.js';
import type { LexiconData } from '../lexicon/types.js';
import type { CchcDocument } from '../model/document.js';
import type { Message } from '../model/types.js';
import { InputError, parseBytes, readInput } from '../node/parse-file.js';
import { defaultWorkerCount } from '../node/worker-count.js';
import type { JobResult, ParseJob } from '../node/worker-pool.js';
import { expandInputs } from './inputs.js';
import type { CliIo } from './io.js';
import { chalkFor } from './style.js';

export class UsageError extends Error {}

export interface LoadOptions {
  lexicon?: string;
  encoding?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export interface Loaded {
  documents: CchcDocument[];
  /** Inputs that could not be read or decoded. */
  failed: number;
}

export async function loadLexicon(io: CliIo, file: string | undefined): Promise<LexiconData> {
  if (!file) return defaultLexicon();
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--lexicon ${file}: no such file`);
  }
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new UsageError(
      `--lexicon ${file}${pos ? `:${pos.line}:${pos.col}` : ''}: ${e.message.split('\n')[0]}`,
    );
  }
  const { lexicon, unknownKeys } = mergeLexicon(defaultLexicon(), doc.toJS());
  if (unknownKeys.length > 0)
    io.stderr.write(`cchc: --lexicon ${file}: ignored unknown keys: ${unknownKeys.join(', ')}\n`);
  return lexicon;
}

export function reportMessages(io: CliIo, doc: CchcDocument, options: LoadOptions) {
  if (options.quiet) return;
  const chalk = chalkFor(io, io.stderr);
  const where = doc.source.path ?? '-';
  const shown = doc.warnings.filter((w) => w.severity !== 'info' || options.verbose);
  for (const w of shown) writeMessage(io, chalk, where, w);
}

function writeMessage(io: CliIo, chalk: ReturnType<typeof chalkFor>, where: string, w: Message) {
  const sev =
    w.severity === 'error'
      ? chalk.red('error')
      : w.severity === 'warning'
        ? chalk.yellow('warning')
        : chalk.dim('info');
  io.stderr.write(
    `${where}${w.line ? `:${w.line}` : ''}: ${sev}: ${w.message} ${chalk.dim(`[${w.code}]`)}\n`,
  );
}

export interface StreamItem<T> {
  payload: T;
  /** The document key, unique in the batch (a repeated number gets `#2`). */
  key: string;
  /** The document's own key before de-duplication, to patch rows made in a worker. */
  originalKey: string;
  path: string;
}

/** Batches smaller than this are parsed in-process: starting workers would cost more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/**
 * Parse every input and hand each result to `onItem` in input order, without holding the batch:
 * on several cores files are parsed in worker threads (`CCHC_WORKERS`, default all cores), each
 * reduced by `transform` where it was parsed. Unreadable inputs are reported and counted.
 */
export async function streamDocuments<T>(
  io: CliIo,
  patterns: string[],
  options: LoadOptions,
  transform: string,
  onItem: (item: StreamItem<T>) => void | Promise<void>,
  transformOptions?: unknown,
): Promise<{ count: number; failed: number }> {
  if (patterns.length === 0)
    throw new UsageError('no inputs given: name files, directories, globs or - for standard input');
  if (options.encoding !== undefined && resolveEncodingName(options.encoding) === null) {
    throw new UsageError(
      `--encoding ${options.encoding}: unknown encoding; use one of ${SUPPORTED_ENCODINGS.join(', ')}`,
    );
  }
  const lexicon = await loadLexicon(io, options.lexicon);
  const inputs = await expandInputs(patterns, io.cwd);
  const keys = new Map<string, number>();
  let failed = 0;
  let count = 0;
  const fail = (message: string) => {
    failed++;
    io.stderr.write(`cchc: ${message}\n`);
  };
  const deliver = async (payload: unknown, originalKey: string, path: string, warnings: Message[]) => {
    if (!options.quiet) reportWarnings(io, path, warnings, options);
    const n = (keys.get(originalKey) ?? 0) + 1;
    keys.set(originalKey, n);
    const key = n === 1 ? originalKey : `${originalKey}#${n}`;
    if (n > 1)
      io.stderr.write(
        `cchc: ${path}: document key ${originalKey} is already used by another input; using ${key}\n`,
      );
    count++;
    await onItem({ payload: payload as T, key, originalKey, path });
  };
  const parseOptions = { lexicon, ...(options.encoding ? { encoding: options.encoding } : {}) };
  // The whole document (TRANSFORMS.document) needs nothing loaded; the others bring the export
  // tables and the CSV writer, which `parse` and `overdue` do not need to start.
  const transformFn =
    transform === 'document'
      ? (doc: CchcDocument) => doc
      : await import('../node/transforms.js').then(
          ({ TRANSFORMS }) => TRANSFORMS[transform] ?? TRANSFORMS.document!,
        );
  const reduce = (doc: CchcDocument) => transformFn(doc, transformOptions);
  const files = inputs.filter((i) => i.kind === 'file').length;
  const progress = (await import('./progress.js')).startProgress(io, inputs.length);
  const workers = defaultWorkerCount(io.env);
  const pool =
    workers > 1 && files >= MIN_FILES_FOR_WORKERS ? await makePool(workers, io, options.lexicon) : null;
  try {
    // Keep a window of jobs running ahead of the one being delivered: enough to keep every worker
    // busy when one document is slow (three times what the workers hold), few enough that finished
    // results waiting for their turn do not pile up in memory.
    const jobs: (Promise<JobResult> | null)[] = new Array(inputs.length).fill(null);
    const window = workers * 12;
    let started = 0;
    const startUpTo = (limit: number) => {
      for (; started < Math.min(limit, inputs.length); started++) {
        const input = inputs[started]!;
        if (input.kind !== 'file' || !pool) continue;
        const job: ParseJob = {
          path: absolute(io, input.path),
          transform,
          // What reportWarnings prints, and no more.
          warnings: options.quiet ? 'none' : options.verbose ? 'all' : 'shown',
        };
        if (options.encoding) job.encoding = options.encoding;
        if (transformOptions !== undefined) job.options = transformOptions;
        jobs[started] = pool.run(job);
      }
    };
    // Without workers, the next file is read while this one is parsed: a read waits on the disk and
    // the thread pool (with 2,565 plans, 15% of a one-thread run was spent waiting). A read that
    // fails rejects its own promise, which is awaited (and reported) in its turn.
    const reads: (Promise<Uint8Array> | null)[] = new Array(inputs.length).fill(null);
    const readAhead = (k: number) => {
      const input = inputs[k];
      if (pool || !input || input.kind !== 'file' || reads[k]) return;
      reads[k] = readInput(absolute(io, input.path));
      reads[k].catch(() => {}); // handled when awaited; not an unhandled rejection meanwhile
    };
    for (let i = 0; i < inputs.length; i++) {
      startUpTo(i + window);
      readAhead(i);
      readAhead(i + 1);
      const input = inputs[i]!;
      progress.tick(input.kind === 'stdin' ? '-' : input.path);
      if (input.kind === 'missing') {
        fail(`${input.path}: ${input.reason}`);
        continue;
      }
      try {
        if (input.kind === 'stdin') {
          const doc = parseBytes(await io.readStdin(), { ...parseOptions, path: '-' });
          await deliver(reduce(doc), doc.document.key, '-', doc.warnings);
          continue;
        }
        const pending = jobs[i];
        jobs[i] = null;
        if (pending) {
          const result = await pending;
          if (!result.ok)
            fail(
              result.message.startsWith(result.path)
                ? result.message.replace(result.path, input.path)
                : `${input.path}: ${result.message}`,
            );
          else
            await deliver(
              withPath(result.payload, input.path),
              result.key,
              input.path,
              result.warnings as Message[],
            );
          continue;
        }
        const read = reads[i]!;
        reads[i] = null;
        const doc = parseBytes(await read, { ...parseOptions, path: absolute(io, input.path) });
        doc.source.path = input.path;
        await deliver(reduce(doc), doc.document.key, input.path, doc.warnings);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        const shown = input.kind === 'file' ? input.path : '-';
        fail(
          error.message.includes(error.path)
            ? error.message.replace(error.path, shown)
            : `${shown}: ${error.message}`,
        );
      }
    }
  } finally {
    progress.done();
    await pool?.close();
  }
  return { count, failed };
}

function absolute(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}

/** A document from a worker carries the absolute path it was read from; show the one the user gave. */
function withPath(payload: unknown, path: string): unknown {
  const doc = payload as Partial<CchcDocument> | null;
  if (doc && typeof doc === 'object' && doc.source && typeof doc.source === 'object') doc.source.path = path;
  return payload;
}

async function makePool(size: number, io: CliIo, lexiconFile: string | undefined) {
  const { ParsePool } = await import('../node/worker-pool.js');
  return new ParsePool(size, lexiconFile ? absolute(io, lexiconFile) : null);
}

function reportWarnings(io: CliIo, path: string, warnings: Message[], options: LoadOptions) {
  const chalk = chalkFor(io, io.stderr);
  for (const w of warnings) if (w.severity !== 'info' || options.verbose) writeMessage(io, chalk, path, w);
}

/** Every document of the inputs, in order (for commands that need them all at once). */
export async function loadDocuments(io: CliIo, patterns: string[], options: LoadOptions): Promise<Loaded> {
  const documents: CchcDocument[] = [];
  const { failed } = await streamDocuments<CchcDocument>(io, patterns, options, 'document', (item) => {
    item.payload.document.key = item.key;
    documents.push(item.payload);
  });
  return { documents, failed };
}
