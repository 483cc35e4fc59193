/**
 * Reads the body of a table region into cells, each with the source lines it came from.
 *
 * L1 and L3 are the same stream once lines are joined: cells are separated by `|`, inline (L1) or on
 * lines of their own (L3). A cell that wraps over several lines is joined with single spaces.
 * L2 cells are the indented lines; a line that is not indented continues the cell above; a blank
 * line ends a row.
 */

import { BLANK, isTrimmed, type LineInfo, PIPE, UNSQUASHED } from '../text/line-info.js';
import { squashSpaces } from '../text/normalize.js';
import type { TableRegion } from './find-tables.js';

export interface Cell {
  /** The cell text, wrapped lines joined with a space, trimmed. Empty for an empty cell. */
  text: string;
  /** 1-based line where the text starts (for an empty cell, the line of its separator). */
  line: number;
  /** Every non-blank source line that holds part of this cell's text. */
  lines: number[];
  /** True for the first cell of an explicit row (L2 after a blank line; L1 the first cell on a line). */
  rowStart: boolean;
  /**
   * Where each source line's text begins in `text`, to give a line to a task split out of the cell;
   * empty for a cell of one line (all of it is on `line`).
   */
  starts: { offset: number; line: number }[];
}

/** The source line of a character offset in a cell's text. */
export function lineAt(cell: Cell, offset: number): number {
  let line = cell.line;
  for (const s of cell.starts) if (s.offset <= offset) line = s.line;
  return line;
}

const NUMBER_ONLY = /^\d{1,3}(?:\.\d{1,3}){0,4}\.?$/;
const isNumberOnlyLine = (text: string) => NUMBER_ONLY.test(text.trim());

/**
 * `squashSpaces(text)` for a text cut from line `line` (1-based): a line whose description says it has
 * no blank to squash gives a cut that needs trimming only.
 */
function squashedCut(text: string, line: number, info: LineInfo): string {
  return (info.flags[line - 1]! & UNSQUASHED) === 0 ? text.trim() : squashSpaces(text);
}

/** The `starts` of a cell of one line: `lineAt` gives its `line` for any offset (shared: frozen). */
const ONE_LINE = Object.freeze([]) as unknown as Cell['starts'];

/**
 * The parts of the cell being read (segments of lines between `|`), kept apart: no object per part.
 * The first `count` entries are the cell's (the arrays are reused, not emptied).
 */
interface Parts {
  texts: string[];
  lines: number[];
  count: number;
}

function addPart(parts: Parts, text: string, line: number): void {
  parts.texts[parts.count] = text;
  parts.lines[parts.count] = line;
  parts.count++;
}

/** A cell from parts `from` to `to` (exclusive) of `parts`. */
function pushCell(
  cells: Cell[],
  parts: Parts,
  from: number,
  to: number,
  fallbackLine: number,
  rowStart: boolean,
  info: LineInfo,
) {
  if (to - from === 1) {
    // Most cells are one segment of one line (squashing or trimming a part never leaves it empty).
    const line = parts.lines[from]!;
    cells.push({
      text: squashedCut(parts.texts[from]!, line, info),
      line,
      lines: [line],
      rowStart,
      starts: ONE_LINE,
    });
    return;
  }
  let text = '';
  let line = 0;
  const starts: { offset: number; line: number }[] = [];
  const lines: number[] = [];
  for (let k = from; k < to; k++) {
    const partLine = parts.lines[k]!;
    const squashed = squashedCut(parts.texts[k]!, partLine, info);
    if (text) text += ' ';
    starts.push({ offset: text.length, line: partLine });
    text += squashed;
    if (line === 0) line = partLine;
    // Parts come in line order: a line seen before is the last one.
    if (lines[lines.length - 1] !== partLine) lines.push(partLine);
  }
  cells.push({ text, line: line || fallbackLine, lines, rowStart, starts });
}

/** Whether `text.slice(start, end)` is empty once trimmed, without cutting it out. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isTrimmed(text.charCodeAt(i))) return false;
  return true;
}

/** L1/L3: split the joined body on `|`. */
function readPipeCells(lines: string[], region: TableRegion, info: LineInfo): Cell[] {
  const cells: Cell[] = [];
  // Only parts with visible text are kept.
  const parts: Parts = { texts: [], lines: [], count: 0 };
  let beginsLine = false;
  let separatorLine = region.headerEnd + 1;
  const flush = () => {
    // A wrapped L1 row whose trailing `|` is missing leaves the next row's number on the last line
    // of this cell (`Quý I năm 2014` / `2`): split it off so that it starts its own row.
    const count = parts.count;
    if (region.layout === 'L1' && count > 1 && isNumberOnlyLine(parts.texts[count - 1]!)) {
      pushCell(cells, parts, 0, count - 1, separatorLine, beginsLine, info);
      pushCell(cells, parts, count - 1, count, separatorLine, true, info);
    } else {
      pushCell(cells, parts, 0, count, separatorLine, beginsLine, info);
    }
    parts.count = 0;
    beginsLine = false;
  };
  for (let i = region.headerEnd; i < region.endLine; i++) {
    // The line's `|`-separated segments, found in place (most L3 lines have no `|`, or are one).
    const line = lines[i]!;
    const flags = info.flags[i]!;
    // A line with no `|` is one segment; a blank one adds nothing.
    if ((flags & PIPE) === 0) {
      if ((flags & BLANK) === 0) {
        if (parts.count === 0) beginsLine = true;
        addPart(parts, line, i + 1);
      }
      continue;
    }
    let start = 0;
    for (let s = 0; ; s++) {
      let end = line.indexOf('|', start);
      const last = end === -1;
      if (last) end = line.length;
      if (s > 0) {
        flush();
        separatorLine = i + 1;
      }
      if (!isBlank(line, start, end)) {
        if (parts.count === 0) beginsLine = s === 0;
        addPart(parts, line.slice(start, end), i + 1);
      }
      if (last) break;
      start = end + 1;
    }
  }
  if (parts.count > 0) flush();
  return cells;
}

/** L2: indented lines are cells, unindented lines continue them, blank lines end rows. */
function readIndentedCells(lines: string[], region: TableRegion, info: LineInfo): Cell[] {
  const indent = region.indent ?? '\t';
  const cells: Cell[] = [];
  let rowStart = true;
  for (let i = region.headerEnd; i < region.endLine; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if ((info.flags[i]! & BLANK) !== 0) {
      if (line.startsWith(indent) && !rowStart) {
        // An indented blank line is an empty cell (001 writes them as a tab and a no-break space).
        cells.push({ text: '', line: lineNo, lines: [], rowStart: false, starts: [] });
      } else {
        rowStart = true;
      }
      continue;
    }
    if (line.startsWith(indent) || cells.length === 0) {
      cells.push({
        text: squashedCut(line, lineNo, info),
        line: lineNo,
        lines: [lineNo],
        rowStart,
        starts: [{ offset: 0, line: lineNo }],
      });
      rowStart = false;
    } else {
      const cell = cells[cells.length - 1]!;
      if (cell.text) cell.text += ' ';
      cell.starts.push({ offset: cell.text.length, line: lineNo });
      cell.text += squashedCut(line, lineNo, info);
      if (cell.lines.length === 0) cell.line = lineNo;
      cell.lines.push(lineNo);
    }
  }
  return cells;
}

/** The cells of a table region; `info` describes `lines` (`describeLines`). */
export function readCells(lines: string[], region: TableRegion, info: LineInfo): Cell[] {
  return region.layout === 'L2' ? readIndentedCells(lines, region, info) : readPipeCells(lines, region, info);
}
