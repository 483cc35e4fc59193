/**
 * Inputs → documents, for every command. A file that cannot be read is reported on stderr with
 * its name and skipped; the others are still processed, and the exit code says so (3).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { defaultLexicon, mergeLexicon } from '../lexicon/load.js';
import type { LexiconData } from '../lexicon/types.js';
import type { CchcDocument } from '../model/document.js';
import type { Message } from '../model/types.js';
import { InputError, parseBytes, parseFile } from '../node/parse-file.js';
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

export async function loadDocuments(io: CliIo, patterns: string[], options: LoadOptions): Promise<Loaded> {
  if (patterns.length === 0)
    throw new UsageError('no inputs given: name files, directories, globs or - for standard input');
  const lexicon = await loadLexicon(io, options.lexicon);
  const inputs = await expandInputs(patterns, io.cwd);
  const documents: CchcDocument[] = [];
  let failed = 0;
  const parseOptions = { lexicon, ...(options.encoding ? { encoding: options.encoding } : {}) };
  for (const input of inputs) {
    try {
      if (input.kind === 'missing')
        throw new InputError('NOT_FOUND', input.path, `${input.path}: ${input.reason}`);
      const doc =
        input.kind === 'stdin'
          ? parseBytes(await io.readStdin(), { ...parseOptions, path: '-' })
          : await parseFile(isAbsolute(input.path) ? input.path : join(io.cwd, input.path), parseOptions);
      if (input.kind === 'file') doc.source.path = input.path;
      documents.push(doc);
      reportMessages(io, doc, options);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      const shown =
        error.path && !error.message.startsWith(error.path)
          ? `${error.path}: ${error.message}`
          : error.message;
      io.stderr.write(`cchc: ${shown}\n`);
    }
  }
  disambiguateKeys(io, documents);
  return { documents, failed };
}

/** Two inputs with the same document number get `key#2`, with a warning: keys must be unique in a batch. */
function disambiguateKeys(io: CliIo, documents: CchcDocument[]) {
  const seen = new Map<string, number>();
  for (const doc of documents) {
    const base = doc.document.key;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n > 1) {
      doc.document.key = `${base}#${n}`;
      io.stderr.write(
        `cchc: ${doc.source.path}: document key ${base} is already used by another input; using ${doc.document.key}\n`,
      );
    }
  }
}
