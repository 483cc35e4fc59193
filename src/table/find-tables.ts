/**
 * Finds task tables by their header row, in the three layouts seen in real plans:
 *
 * - L1 pipe rows (000):      `STT | Nhiệm vụ cụ thể | Sản phẩm | Cơ quan chủ trì | ... |`
 * - L2 one cell per line (001): `\tSố TT` / `\tNội dung công việc` / ... each on its own indented line
 * - L3 cells between lone `|` lines (004): `Nhiệm vụ` / `|` / `Nhiệm vụ cụ thể` / `|` / ...
 *
 * A header is a run of at least three cells naming distinct columns, one of them the task column
 * and one the lead agency or the deadline. The header can be anywhere: after the decision, in an
 * appendix, or after the signature.
 */

import {
  BLANK,
  describeLines,
  isTrimmed,
  type LineInfo,
  LONE_PIPE,
  PIPE,
  SEPARATORS,
} from '../text/line-info.js';
import { type ColumnKind, columnKindOf, startsNoColumn, type TableLexicon } from './cell-kinds.js';
import { isBlank } from './read-cells.js';

export type Layout = 'L1' | 'L2' | 'L3';

export interface TableRegion {
  layout: Layout;
  /** 1-based, inclusive. */
  headerStart: number;
  headerEnd: number;
  endLine: number;
  columns: ColumnKind[];
  /** L2: the indentation that starts a cell line (a tab, or the spaces that replaced it). */
  indent?: string;
  /** The same header printed again right after the previous table (a page break): one table, continued. */
  continues?: boolean;
  /** Nothing but blank lines after the table: a last row cut short was cut by the end of the text. */
  endsDocument?: boolean;
}

/** Whether line i (0-based) is a lone `|`, from the lines' description (false past the end). */
function lonePipes(info: LineInfo): (i: number) => boolean {
  const flags = info.flags;
  return (i) => i < flags.length && (flags[i]! & LONE_PIPE) !== 0;
}
const MIN_COLUMNS = 3;

function isHeader(kinds: (ColumnKind | null)[]): kinds is ColumnKind[] {
  if (kinds.length < MIN_COLUMNS || kinds.some((k) => k === null)) return false;
  const set = new Set(kinds);
  return set.has('task') && (set.has('lead') || set.has('deadline')) && set.size >= MIN_COLUMNS;
}

/** When two columns read as `task` (004: `Nhiệm vụ` then `Nhiệm vụ cụ thể`), the first holds group headings. */
function resolveColumns(kinds: ColumnKind[]): ColumnKind[] {
  const firstTask = kinds.indexOf('task');
  const lastTask = kinds.lastIndexOf('task');
  if (firstTask === lastTask) return kinds;
  return kinds.map((k, i) => (k === 'task' && i !== lastTask ? 'group' : k));
}

function pipeCells(text: string): string[] {
  return text
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The first non-empty cell of a pipe row, and whether another follows it (found in place). */
function firstPipeCell(line: string): { text: string; more: boolean } | null {
  let start = 0;
  while (start <= line.length) {
    let end = line.indexOf('|', start);
    if (end === -1) end = line.length;
    if (!isBlank(line, start, end)) {
      let more = false;
      for (let i = end + 1; i < line.length && !more; i++) {
        const c = line.charCodeAt(i);
        more = c !== 0x7c && !isTrimmed(c);
      }
      return { text: line.slice(start, end).trim(), more };
    }
    start = end + 1;
  }
  return null;
}

/** L1: a line of pipe-separated header cells, possibly wrapped over up to three lines. */
function findL1Header(
  lines: string[],
  from: number,
  lexicon: TableLexicon,
  info: LineInfo,
): TableRegion | null {
  const flags = info.flags;
  for (let i = from; i < lines.length; i++) {
    if ((flags[i]! & (PIPE | LONE_PIPE)) !== PIPE) continue;
    const line = lines[i]!;
    // Every cell but a last one cut by the wrap must name a column: a row whose first cell names
    // none (the table's body rows) is passed over without reading its other cells.
    const first = firstPipeCell(line);
    if (first?.more && columnKindOf(first.text, lexicon) === null) continue;
    let joined = '';
    let best: TableRegion | null = null;
    for (let span = 0; span < 3 && i + span < lines.length; span++) {
      const next = lines[i + span]!;
      if (span > 0 && (flags[i + span]! & (LONE_PIPE | BLANK)) !== 0) break;
      joined += (span > 0 ? ' ' : '') + next;
      const cells = pipeCells(joined);
      const kinds = cells.map((c) => columnKindOf(c, lexicon));
      // The longest run of lines that still reads as one header wins (`... | Cơ quan chủ trì |` /
      // `Cơ quan phối hợp | Thời gian hoàn thành |` is one header split by the wrap).
      if (isHeader(kinds)) {
        best = {
          layout: 'L1',
          headerStart: i + 1,
          headerEnd: i + span + 1,
          endLine: 0,
          columns: resolveColumns(kinds),
        };
        continue;
      }
      // A cell cut by the wrap (`Cơ quan chủ` / `trì`) may only be the last one; read on.
      if (kinds.slice(0, -1).some((k) => k === null)) break;
    }
    if (best) return best;
  }
  return null;
}

const INDENT = /^(\t+| {2,})\S/;

/** L2: consecutive indented lines, each one header cell. */
function findL2Header(
  lines: string[],
  from: number,
  lexicon: TableLexicon,
  info: LineInfo,
): TableRegion | null {
  const { flags, first } = info;
  for (let i = from; i < lines.length; i++) {
    // An indented line has blanks before its text, and a header's first line names a column.
    if (first[i]! <= 0 || startsNoColumn(lines[i]!, lexicon)) continue;
    const m = INDENT.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!;
    const kinds: ColumnKind[] = [];
    let j = i;
    while (j < lines.length && (flags[j]! & BLANK) === 0 && lines[j]!.startsWith(indent)) {
      const kind = columnKindOf(lines[j]!.trim(), lexicon);
      if (!kind) break;
      kinds.push(kind);
      j++;
    }
    if (isHeader(kinds)) {
      return {
        layout: 'L2',
        headerStart: i + 1,
        headerEnd: j,
        endLine: 0,
        columns: resolveColumns(kinds),
        indent,
      };
    }
  }
  return null;
}

/** L3: header cells (each possibly wrapped over two lines) separated by lone `|` lines. */
function findL3Header(
  lines: string[],
  from: number,
  lexicon: TableLexicon,
  info: LineInfo,
): TableRegion | null {
  const isLonePipe = lonePipes(info);
  for (let i = from; i < lines.length; i++) {
    // A header cell is followed by a lone `|` within three lines.
    if (!(isLonePipe(i + 1) || isLonePipe(i + 2) || isLonePipe(i + 3))) continue;
    if ((info.flags[i]! & (LONE_PIPE | BLANK)) !== 0) continue;
    // A body cell (a task, an agency) starts with no column's first word: told from its first line,
    // before the cell's lines are joined.
    if (startsNoColumn(lines[i]!, lexicon)) continue;
    const kinds: ColumnKind[] = [];
    let j = i;
    let lastPipe = -1;
    while (j < lines.length) {
      // Read one cell: up to three non-pipe lines.
      let cell = '';
      let k = j;
      while (k < lines.length && !isLonePipe(k) && k - j < 3) {
        cell += (cell ? ' ' : '') + lines[k]!.trim();
        k++;
        // Longer than any column name (a task's text, between the pipes of a table's body): no header.
        if (cell.length > 80) break;
      }
      if (k >= lines.length || !isLonePipe(k)) break;
      const kind = columnKindOf(cell, lexicon);
      if (!kind) break;
      kinds.push(kind);
      lastPipe = k;
      j = k + 1;
    }
    if (isHeader(kinds)) {
      return {
        layout: 'L3',
        headerStart: i + 1,
        headerEnd: lastPipe + 1,
        endLine: 0,
        columns: resolveColumns(kinds),
      };
    }
  }
  return null;
}

// A line that cannot continue a table: the appendix or signature blocks that follow it.
export const TABLE_STOP = /^\s*(?:nơi nhận|phụ lục|tm\.|kt\.|mẫu|\* )/iu;
// The header block of another document (a second plan pasted after the first): capitals only, so a
// lead cell `Ủy ban nhân dân tỉnh` does not end a table.
export const NEXT_DOCUMENT =
  /^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Số\s*:\s*\d)/u;

/**
 * Whether a line whose first visible units are `lead` and `next` (NaN past the end) may match
 * `TABLE_STOP` or `NEXT_DOCUMENT`: each alternative's first two units, in the cases the flags match
 * (`nơi`, `phụ`, `tm.`, `kt.` with the Kelvin sign, `mẫu`, `* `; `ỦY`, `UỶ`, `CỘNG`, `Số`). Most lines of
 * a table (`Sở Nội vụ`, `Thường xuyên`, `Kinh phí`) are not run through either regex.
 */
export function mayEndTable(lead: number, next: number): boolean {
  switch (lead) {
    case 0x4e: // N: nơi nhận
    case 0x6e:
      return next === 0x1a1 || next === 0x1a0;
    case 0x50: // P: phụ lục
    case 0x70:
      return next === 0x68 || next === 0x48;
    case 0x54: // T: tm.
    case 0x74:
      return next === 0x6d || next === 0x4d;
    case 0x4b: // K: kt.
    case 0x6b:
    case 0x212a:
      return next === 0x74 || next === 0x54;
    case 0x4d: // M: mẫu
    case 0x6d:
      return next === 0x1eab || next === 0x1eaa;
    case 0x2a: // `* `
      return next === 0x20;
    case 0x1ee6: // ỦY
      return next === 0x59;
    case 0x55: // UỶ
      return next === 0x1ef6;
    case 0x43: // CỘNG
      return next === 0x1ed8;
    case 0x53: // Số
      return next === 0x1ed1;
    default:
      return false;
  }
}

/** `mayEndTable` of line `i` (0-based), from its description. */
function mayEndTableAt(lines: readonly string[], i: number, info: LineInfo): boolean {
  return mayEndTable(info.lead[i]!, lines[i]!.charCodeAt(info.first[i]! + 1));
}

/** `BÁO CÁO`, `PHỤ LỤC 2`: a capitalised line of two or more words (a lone `(TTHC)` is not one). */
function isHeadingLike(line: string): boolean {
  const letters = line.replace(/[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/gu, '');
  const words = line
    .trim()
    .split(/\s+/)
    .filter((w) => /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(w));
  return words.length >= 2 && letters.length >= 5 && letters === letters.toUpperCase();
}

/** How far a table may go without a separator before it is over (a wrapped cell spans fewer lines). */
const MAX_GAP_L1 = 12;
const MAX_GAP_L3 = 25;

function endOfPipeTable(lines: string[], region: TableRegion, info: LineInfo, limit: number): number {
  const maxGap = region.layout === 'L1' ? MAX_GAP_L1 : MAX_GAP_L3;
  // A row's line: in L1 any line with a `|`, in L3 a lone `|`.
  const separator = region.layout === 'L1' ? PIPE : LONE_PIPE;
  const flags = info.flags;
  let last = region.headerEnd; // 1-based
  let gap = 0;
  for (let i = region.headerEnd; i < limit; i++) {
    if ((flags[i]! & separator) !== 0) {
      last = i + 1;
      gap = 0;
      continue;
    }
    if ((flags[i]! & BLANK) !== 0) continue;
    const line = lines[i]!;
    if (mayEndTableAt(lines, i, info) && (TABLE_STOP.test(line) || NEXT_DOCUMENT.test(line))) break;
    gap++;
    if (gap > maxGap) break;
  }
  return last;
}

function endOfL2Table(lines: string[], region: TableRegion, info: LineInfo, limit: number): number {
  const indent = region.indent ?? '\t';
  let last = region.headerEnd;
  let afterBlank = false;
  for (let i = region.headerEnd; i < limit; i++) {
    const line = lines[i]!;
    if ((info.flags[i]! & BLANK) !== 0) {
      afterBlank = true;
      continue;
    }
    if (line.startsWith(indent)) {
      last = i + 1;
      afterBlank = false;
      continue;
    }
    // A line that is not indented continues the cell above (a re-wrapped cell), unless a blank
    // line came first or it reads as the heading of what follows (001: ` BÁO CÁO`).
    if (
      afterBlank ||
      isHeadingLike(line) ||
      (mayEndTableAt(lines, i, info) && (TABLE_STOP.test(line) || NEXT_DOCUMENT.test(line)))
    )
      break;
    last = i + 1;
  }
  return last;
}

/** Every task table in the document, in order, without overlaps. */
type Finder = (lines: string[], from: number, lexicon: TableLexicon, info: LineInfo) => TableRegion | null;

/**
 * The next header of any layout at or after `from`. Each layout's search result is remembered and
 * reused while it still lies ahead, so finding every table of a long document scans it once per
 * layout, not once per table.
 */
function headerSearch(lines: string[], lexicon: TableLexicon, info: LineInfo) {
  const finders: Finder[] = [findL1Header, findL2Header, findL3Header];
  const found: ({ from: number; region: TableRegion | null } | undefined)[] = [];
  return (from: number): TableRegion | null => {
    let best: TableRegion | null = null;
    finders.forEach((find, k) => {
      let memo = found[k];
      if (!memo || from < memo.from || (memo.region !== null && memo.region.headerStart - 1 < from)) {
        memo = { from, region: find(lines, from, lexicon, info) };
        found[k] = memo;
      }
      const region = memo.region;
      if (region && (!best || region.headerStart < best.headerStart)) best = region;
    });
    // A copy: the caller sets the region's end and flags.
    return best ? { ...(best as TableRegion) } : null;
  };
}

/**
 * Every task table in the document, in order, without overlaps. A table ends where its rows stop,
 * or where the next header row begins — another table, or the same header printed again after a
 * page break (the reader then continues the first table; see `continues`).
 */
export function findTables(
  lines: string[],
  lexicon: TableLexicon,
  info: LineInfo = describeLines(lines),
): TableRegion[] {
  const regions: TableRegion[] = [];
  const nextHeader = headerSearch(lines, lexicon, info);
  // The last line with content (1-based): a table reaching it runs to the end of the text.
  let lastContent = lines.length;
  while (lastContent > 0 && (info.flags[lastContent - 1]! & SEPARATORS) !== 0) lastContent--;
  let next = nextHeader(0);
  while (next) {
    const region = next;
    // The next header bounds this table: its rows are not searched past it.
    next = nextHeader(region.headerEnd);
    const limit = next ? next.headerStart - 1 : lines.length;
    region.endLine =
      region.layout === 'L2'
        ? endOfL2Table(lines, region, info, limit)
        : endOfPipeTable(lines, region, info, limit);
    region.endLine = Math.min(Math.max(region.endLine, region.headerEnd), Math.max(limit, region.headerEnd));
    const previous = regions[regions.length - 1];
    region.continues =
      previous !== undefined &&
      previous.layout === region.layout &&
      previous.columns.join() === region.columns.join() &&
      previous.endLine + 1 === region.headerStart;
    region.endsDocument = region.endLine >= lastContent;
    regions.push(region);
  }
  return regions;
}
