/**
 * `cchc export`: the parsed plans as CSV tables. `--out DIR` writes every table (each file
 * atomically, so an interrupted run never leaves half a CSV); `--table NAME` writes one to stdout.
 * The columns are documented in src/export/tables.ts.
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { type Delimiter, toCsv } from '../../export/csv.js';
import { EXPORT_TABLES, type ExportTableName } from '../../export/tables.js';
import { type AtomicFile, openAtomic } from '../../export/write-atomic.js';
import { type ExportChunks, KEY_MARK, PATH_MARK } from '../../node/transforms.js';
import type { CliIo } from '../io.js';
import { type LoadOptions, streamDocuments, UsageError } from '../load.js';

export interface ExportCommandOptions extends LoadOptions {
  out?: string;
  table?: ExportTableName;
  excel?: boolean;
  delimiter?: ',' | ';' | 'tab';
}

export async function exportCommand(
  io: CliIo,
  inputs: string[],
  options: ExportCommandOptions,
): Promise<number> {
  if (options.out === undefined && options.table === undefined) {
    throw new UsageError(
      'export needs --out DIR (every table as a file) or --table NAME (one table to stdout)',
    );
  }
  if (options.out !== undefined && options.table !== undefined) {
    throw new UsageError(
      '--out and --table cannot be used together: --out writes every table, --table one to stdout',
    );
  }
  const csvOptions = { excel: options.excel === true, delimiter: delimiterOf(options.delimiter) };
  const names =
    options.table !== undefined ? [options.table] : (Object.keys(EXPORT_TABLES) as ExportTableName[]);
  // Every table is written as the documents arrive (one header, then each document's rows), so an
  // export of thousands of plans holds one document at a time.
  const sinks = new Map<ExportTableName, Sink>();
  let files: { name: ExportTableName; file: AtomicFile }[] = [];
  const out = options.out;
  if (out !== undefined) {
    const dir = isAbsolute(out) ? out : join(io.cwd, out);
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--out ${out}: cannot create the directory (${error.code ?? error.message})`);
    });
    files = await Promise.all(
      names.map(async (name) => ({ name, file: await openAtomic(join(dir, `${name}.csv`)) })),
    );
    for (const { name, file } of files) sinks.set(name, new Sink({ bytes: (c) => file.write(c) }));
  } else {
    for (const name of names) sinks.set(name, new Sink({ text: async (c) => void io.stdout.write(c) }));
  }
  let result: { count: number; failed: number };
  try {
    for (const name of names) {
      await sinks.get(name)!.write(toCsv([], EXPORT_TABLES[name].columns, csvOptions));
    }
    // Each document's rows arrive as CSV made on a worker, with marks where its key and path go:
    // the key is unique in the batch only once all earlier inputs are known, and the path shown is
    // the one the user gave.
    const field = (value: string) =>
      toCsv([{ v: value }], ['v'], { ...csvOptions, header: false, bom: false }).replace(/\r?\n$/, '');
    result = await streamDocuments<ExportChunks>(
      io,
      inputs,
      options,
      'export',
      async (item) => {
        const key = field(item.key);
        const path = field(item.path);
        for (const name of names) {
          const chunk = item.payload.csv[name];
          if (chunk === '') continue;
          const sink = sinks.get(name)!;
          sink.rows += item.payload.rows[name];
          await sink.write(chunk.replaceAll(KEY_MARK, key).replaceAll(PATH_MARK, path));
        }
      },
      csvOptions,
    );
    for (const sink of sinks.values()) await sink.flush();
  } catch (error) {
    await Promise.all(files.map(({ file }) => file.abort()));
    throw error;
  }
  if (out !== undefined) {
    if (result.count === 0 && result.failed > 0) {
      // Keep the last good export rather than replace it with empty tables.
      await Promise.all(files.map(({ file }) => file.abort()));
      io.stderr.write(`cchc: no input could be read; nothing written to ${out}\n`);
      return 3;
    }
    for (const { file } of files) await file.commit();
    if (!options.quiet) {
      const written = names.map((n) => {
        const rows = sinks.get(n)!.rows;
        return `${n}.csv (${rows} ${rows === 1 ? 'row' : 'rows'})`;
      });
      io.stderr.write(`cchc: wrote ${written.join(', ')} to ${out}\n`);
    }
  }
  return result.failed > 0 ? 3 : 0;
}

/**
 * A table's output, written in pieces of ~64 KB: one write per document and table would make an
 * export wait on the disk thousands of times. To a file, a piece's parts are encoded to UTF-8 one by
 * one and the bytes joined (the main thread's share of an export over 2,565 plans: joining the
 * strings first took twice as long).
 */
class Sink {
  rows = 0;
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly out:
      | { bytes: (chunk: Uint8Array) => Promise<void> }
      | { text: (chunk: string) => Promise<void> },
  ) {}

  async write(chunk: string): Promise<void> {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    if ('bytes' in this.out) await this.out.bytes(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))));
    else await this.out.text(parts.join(''));
  }
}

function delimiterOf(option: ExportCommandOptions['delimiter']): Delimiter {
  return option === 'tab' ? '\t' : (option ?? ',');
}
