/**
 * `cchc export`: the parsed plans as CSV tables. `--out DIR` writes every table (each file
 * atomically, so an interrupted run never leaves half a CSV); `--table NAME` writes one to stdout.
 * The columns are documented in src/export/tables.ts.
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { type Delimiter, toCsv } from '../../export/csv.js';
import { EXPORT_TABLES, type ExportTableName } from '../../export/tables.js';
import { writeFileAtomic } from '../../export/write-atomic.js';
import type { CliIo } from '../io.js';
import { type LoadOptions, loadDocuments, UsageError } from '../load.js';

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
  const { documents, failed } = await loadDocuments(io, inputs, options);
  if (options.table !== undefined) {
    const { columns, rows } = EXPORT_TABLES[options.table];
    io.stdout.write(toCsv(rows(documents), columns, csvOptions));
    return failed > 0 ? 3 : 0;
  }
  const out = options.out!;
  if (documents.length === 0 && failed > 0) {
    // Keep the last good export rather than replace it with empty tables.
    io.stderr.write(`cchc: no input could be read; nothing written to ${out}\n`);
    return 3;
  }
  const dir = isAbsolute(out) ? out : join(io.cwd, out);
  await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--out ${out}: cannot create the directory (${error.code ?? error.message})`);
  });
  const written: string[] = [];
  for (const [name, { columns, rows }] of Object.entries(EXPORT_TABLES)) {
    const data = rows(documents);
    await writeFileAtomic(join(dir, `${name}.csv`), toCsv(data, columns, csvOptions));
    written.push(`${name}.csv (${data.length} ${data.length === 1 ? 'row' : 'rows'})`);
  }
  if (!options.quiet) io.stderr.write(`cchc: wrote ${written.join(', ')} to ${out}\n`);
  return failed > 0 ? 3 : 0;
}

function delimiterOf(option: ExportCommandOptions['delimiter']): Delimiter {
  return option === 'tab' ? '\t' : (option ?? ',');
}
