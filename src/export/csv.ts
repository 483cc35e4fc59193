/**
 * RFC 4180 CSV with a stable column order (csv-stringify does the quoting). `excel` adds a UTF-8
 * BOM, CRLF line ends, and neutralises cells that a spreadsheet would run as formulas (a cell
 * starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`).
 */
import { stringify } from 'csv-stringify/sync';
import { isTrimmed } from '../text/line-info.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvOptions {
  excel?: boolean;
  delimiter?: Delimiter;
  /** Write the header row (default true). */
  header?: boolean;
  /** Start with a UTF-8 BOM (default: with `excel`); off for the later pieces of a streamed file. */
  bom?: boolean;
}

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** Whether `/^\s|\s$/` matches: the first or last unit is one `trim` removes. */
export function hasEdgeBlank(value: string): boolean {
  return (
    value.length > 0 && (isTrimmed(value.charCodeAt(0)) || isTrimmed(value.charCodeAt(value.length - 1)))
  );
}

export function toCsv(
  rows: readonly Record<string, CsvValue>[],
  columns: readonly string[],
  options: CsvOptions = {},
): string {
  const excel = options.excel === true;
  return stringify(
    rows.map((row) => columns.map((c) => cell(row[c]))),
    {
      header: options.header !== false,
      columns: columns.map((c) => ({ key: String(columns.indexOf(c)), header: c })),
      delimiter: options.delimiter ?? ',',
      record_delimiter: excel ? '\r\n' : '\n',
      bom: options.bom ?? excel,
      escape_formulas: excel,
      // A cell with a blank at either end is quoted, so a spreadsheet keeps it (`quoted_match`
      // /^\s|\s$/ did the same, but its `\s$` tried every position of every cell).
      cast: { string: (value) => (hasEdgeBlank(value) ? { value, quoted: true } : value) },
    },
  );
}
