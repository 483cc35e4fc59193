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

import { isTrimmed } from '../text/normalize.js';
import { type ColumnKind, columnKindOf, type TableLexicon } from './cell-kinds.js';
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

/** `^\s*\|\s*$`: one `|` and blanks, told by a loop that stops at the first other character. */
export function isLonePipe(line: string): boolean {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x7c) {
      if (++pipes > 1) return false;
    } else if (!isTrimmed(c)) return false;
  }
  return pipes === 1;
}

/** Whether each line is a lone `|`, tested once per line (the L3 search asks up to four times). */
function lonePipes(lines: string[]): (i: number) => boolean {
  const known = new Uint8Array(lines.length + 4);
  return (i) => {
    if (i >= lines.length) return false;
    let k = known[i]!;
    if (k === 0) {
      k = isLonePipe(lines[i]!) ? 2 : 1;
      known[i] = k;
    }
    return k === 2;
  };
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
  isLonePipeAt: (i: number) => boolean,
): TableRegion | null {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('|') || isLonePipeAt(i)) continue;
    // Every cell but a last one cut by the wrap must name a column: a row whose first cell names
    // none (the table's body rows) is passed over without reading its other cells.
    const first = firstPipeCell(line);
    if (first?.more && columnKindOf(first.text, lexicon) === null) continue;
    let joined = '';
    let best: TableRegion | null = null;
    for (let span = 0; span < 3 && i + span < lines.length; span++) {
      const next = lines[i + span]!;
      if (span > 0 && (isLonePipeAt(i + span) || next.trim() === '')) break;
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
function findL2Header(lines: string[], from: number, lexicon: TableLexicon): TableRegion | null {
  for (let i = from; i < lines.length; i++) {
    const m = INDENT.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!;
    const kinds: ColumnKind[] = [];
    let j = i;
    while (j < lines.length && lines[j]!.startsWith(indent) && lines[j]!.trim() !== '') {
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
  isLonePipe: (i: number) => boolean = lonePipes(lines),
): TableRegion | null {
  for (let i = from; i < lines.length; i++) {
    // A header cell is followed by a lone `|` within three lines.
    if (!(isLonePipe(i + 1) || isLonePipe(i + 2) || isLonePipe(i + 3))) continue;
    if (isLonePipe(i) || lines[i]!.trim() === '') continue;
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
const TABLE_STOP = /^\s*(?:nơi nhận|phụ lục|tm\.|kt\.|mẫu|\* )/iu;
// The header block of another document (a second plan pasted after the first): capitals only, so a
// lead cell `Ủy ban nhân dân tỉnh` does not end a table.
const NEXT_DOCUMENT = /^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Số\s*:\s*\d)/u;

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

function endOfPipeTable(
  lines: string[],
  region: TableRegion,
  isSeparatorLine: (line: string, index: number) => boolean,
  limit: number,
): number {
  const maxGap = region.layout === 'L1' ? MAX_GAP_L1 : MAX_GAP_L3;
  let last = region.headerEnd; // 1-based
  let gap = 0;
  for (let i = region.headerEnd; i < limit; i++) {
    const line = lines[i]!;
    if (isSeparatorLine(line, i)) {
      last = i + 1;
      gap = 0;
      continue;
    }
    if (line.trim() === '') continue;
    if (TABLE_STOP.test(line) || NEXT_DOCUMENT.test(line)) break;
    gap++;
    if (gap > maxGap) break;
  }
  return last;
}

function endOfL2Table(lines: string[], region: TableRegion, limit: number): number {
  const indent = region.indent ?? '\t';
  let last = region.headerEnd;
  let afterBlank = false;
  for (let i = region.headerEnd; i < limit; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
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
    if (afterBlank || isHeadingLike(line) || TABLE_STOP.test(line) || NEXT_DOCUMENT.test(line)) break;
    last = i + 1;
  }
  return last;
}

/** Every task table in the document, in order, without overlaps. */
type Finder = (
  lines: string[],
  from: number,
  lexicon: TableLexicon,
  isLonePipe: (i: number) => boolean,
) => TableRegion | null;

/**
 * The next header of any layout at or after `from`. Each layout's search result is remembered and
 * reused while it still lies ahead, so finding every table of a long document scans it once per
 * layout, not once per table.
 */
function headerSearch(lines: string[], lexicon: TableLexicon, isLonePipe: (i: number) => boolean) {
  const finders: Finder[] = [findL1Header, findL2Header, findL3Header];
  const found: ({ from: number; region: TableRegion | null } | undefined)[] = [];
  return (from: number): TableRegion | null => {
    let best: TableRegion | null = null;
    finders.forEach((find, k) => {
      let memo = found[k];
      if (!memo || from < memo.from || (memo.region !== null && memo.region.headerStart - 1 < from)) {
        memo = { from, region: find(lines, from, lexicon, isLonePipe) };
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
export function findTables(lines: string[], lexicon: TableLexicon): TableRegion[] {
  const regions: TableRegion[] = [];
  const isLonePipe = lonePipes(lines);
  const nextHeader = headerSearch(lines, lexicon, isLonePipe);
  // The last line with content (1-based): a table reaching it runs to the end of the text.
  let lastContent = lines.length;
  while (lastContent > 0 && /^[\s|]*$/.test(lines[lastContent - 1]!)) lastContent--;
  let next = nextHeader(0);
  while (next) {
    const region = next;
    // The next header bounds this table: its rows are not searched past it.
    next = nextHeader(region.headerEnd);
    const limit = next ? next.headerStart - 1 : lines.length;
    if (region.layout === 'L1') region.endLine = endOfPipeTable(lines, region, (l) => l.includes('|'), limit);
    else if (region.layout === 'L3')
      region.endLine = endOfPipeTable(lines, region, (_, i) => isLonePipe(i), limit);
    else region.endLine = endOfL2Table(lines, region, limit);
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
