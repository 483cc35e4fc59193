/**
 * Cells → sections, groups and tasks.
 *
 * Rows are assembled by recognising what each cell is — a section heading, a group heading, a task,
 * an agency list, a deadline, a funding source — not by counting cells, because real tables skip
 * cells, merge two tasks into one cell (004: `1.1. … 1.2. …` followed by two sets of lead / partners
 * / time / funding) and put headings in cells of their own. Where a layout marks its rows (L1 line
 * rows, L2 blank lines) and a row has exactly one cell per column, the position decides.
 */
import type { Message } from '../model/types.js';
import { LineSet } from '../text/line-set.js';
import {
  type ColumnKind,
  isAgencyLike,
  isDeadlineLike,
  isFundingLike,
  isProductLike,
  isValueLike,
  numberedItem,
  numberOnly,
  romanOnly,
  sectionHeading,
  type TableLexicon,
} from './cell-kinds.js';
import type { TableRegion } from './find-tables.js';
import { type Cell, lineAt } from './read-cells.js';

export type ValueSlot = 'product' | 'lead' | 'partners' | 'deadline' | 'funding' | 'notes';

export interface SourceText {
  text: string;
  line: number;
}

export interface RawTask {
  type: 'task';
  number: string | null;
  title: string;
  /** The row's first line (its number cell, or the title when unnumbered). */
  line: number;
  /** The line where the title text starts. */
  titleLine: number;
  values: Partial<Record<ValueSlot, SourceText>>;
  /** True when this task was split out of a cell holding several numbered tasks. */
  splitFromMergedCell: boolean;
}

export interface RawHeading {
  type: 'section' | 'group';
  numeral: string | null;
  title: string;
  line: number;
}

export type TableEvent = RawTask | RawHeading;

export interface AssembledTable {
  events: TableEvent[];
  messages: Message[];
  /** Source lines whose text landed in a field, a heading or a warning (the region's lines, up to its end). */
  accounted: LineSet;
}

const VALUE_SLOTS: readonly ValueSlot[] = ['product', 'lead', 'partners', 'deadline', 'funding', 'notes'];

function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function isValueSlot(kind: ColumnKind): kind is ValueSlot {
  return (VALUE_SLOTS as readonly string[]).includes(kind);
}

/**
 * `1.1. Xây dựng Kế hoạch kiểm tra, rà soát văn bản QPPL. 1.2. Rà soát danh mục ...` → two tasks.
 * Only the next number in sequence (1.1 → 1.2) at a sentence boundary splits, so a cited
 * `Nghị định 61/2018` or `mức độ 3.4` never does.
 */
function splitMergedTasks(number: string, text: string): { number: string; text: string; offset: number }[] {
  const out: { number: string; text: string; offset: number }[] = [];
  let currentNumber = number;
  let rest = text;
  let restOffset = 0;
  let currentOffset = 0;
  for (;;) {
    const nextNumber = followingNumber(currentNumber);
    const m = findNextNumber(rest, nextNumber);
    if (!m) break;
    out.push({ number: currentNumber, text: rest.slice(0, m.index + 1).trim(), offset: currentOffset });
    currentOffset = restOffset + m.index + 1 + (m[0].length - m[0].slice(1).trimStart().length - 1);
    rest = rest.slice(m.index + m[0].length);
    restOffset += m.index + m[0].length;
    currentNumber = nextNumber;
  }
  out.push({ number: currentNumber, text: rest.trim(), offset: currentOffset });
  return out;
}

/** The number after `number` at its last level: `1.1` → `1.2`, `3` → `4`. */
export function followingNumber(number: string): string {
  const dot = number.lastIndexOf('.');
  return `${number.slice(0, dot + 1)}${Number(number.slice(dot + 1)) + 1}`;
}

/**
 * `. 1.2. Rà soát` in a merged cell: the next number at a sentence boundary, followed by a capital.
 * Found with indexOf rather than a regular expression built for each cell.
 */
function findNextNumber(text: string, number: string): { index: number; 0: string } | null {
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    let start = at - 1;
    while (start >= 0 && /\s/.test(text[start]!)) start--;
    if (start < 0 || start === at - 1 || !'.;:'.includes(text[start]!)) continue;
    let end = at + number.length;
    if (text[end] === '.') end++;
    const spaceStart = end;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    const next = text[end];
    if (
      end === spaceStart ||
      next === undefined ||
      next === next.toLowerCase() ||
      next !== next.toUpperCase()
    )
      continue;
    return { index: start, 0: text.slice(start, end) };
  }
  return null;
}

class RowAssembler {
  readonly events: TableEvent[] = [];
  readonly messages: Message[] = [];
  readonly accounted: LineSet;
  private current: { task: RawTask; pos: number } | null = null;
  private queue: RawTask[] = [];
  private pendingNumber: { text: string; cell: Cell } | null = null;
  private pendingRoman: { numeral: string; cell: Cell } | null = null;
  private readonly slots: ValueSlot[];

  constructor(
    columns: ColumnKind[],
    readonly lexicon: TableLexicon,
    lastLine: number,
  ) {
    this.accounted = new LineSet(lastLine);
    const taskIndex = columns.indexOf('task');
    this.slots = columns.slice(taskIndex + 1).filter(isValueSlot);
  }

  private account(cell: Cell) {
    for (const line of cell.lines) this.accounted.add(line);
  }

  private warn(code: Message['code'], message: string, line: number | null, text?: string) {
    const m: Message = { code, severity: code === 'TABLE_LINE_UNREAD' ? 'error' : 'warning', message, line };
    if (text !== undefined) m.text = text;
    this.messages.push(m);
  }

  private compatible(slot: ValueSlot, text: string): boolean {
    const lx = this.lexicon;
    switch (slot) {
      case 'deadline':
        return isDeadlineLike(text);
      case 'funding':
        return isFundingLike(text, lx);
      case 'product':
        return isProductLike(text, lx) && !isAgencyLike(text, lx);
      case 'lead':
      case 'partners':
        return isAgencyLike(text, lx) && !isDeadlineLike(text) && !isFundingLike(text, lx);
      case 'notes':
        return !numberedItem(text) && !sectionHeading(text);
    }
  }

  /** Try to place a value cell in the open task, skipping slots the row left out. */
  private tryAssign(cell: Cell): boolean {
    if (!this.current) return false;
    const { task } = this.current;
    for (let q = this.current.pos; q < this.slots.length; q++) {
      const slot = this.slots[q]!;
      if (this.compatible(slot, cell.text)) {
        // A header that names a column twice gives two slots of one kind: keep both cells.
        const held = task.values[slot];
        task.values[slot] = held
          ? { text: `${held.text}; ${cell.text}`, line: held.line }
          : { text: cell.text, line: cell.line };
        this.current.pos = q + 1;
        this.account(cell);
        return true;
      }
    }
    return false;
  }

  /** Close the open task: report what it lacks. */
  closeTask() {
    if (!this.current) return;
    const { task } = this.current;
    const missing = this.slots.filter((s) => s !== 'product' && s !== 'notes' && !task.values[s]);
    const label = `${task.number ? `${task.number} ` : ''}${short(task.title)}`;
    if (missing.includes('funding')) {
      this.warn('TASK_FUNDING_MISSING', `task "${label}" has no funding cell`, task.line);
    }
    const others = missing.filter((s) => s !== 'funding');
    if (others.length > 0) {
      this.warn('TABLE_ROW_INCOMPLETE', `task "${label}" has no ${others.join(', ')} cell`, task.line);
    }
    this.current = null;
  }

  /** The end of an explicit row (L1 line row, L2 blank line): nothing carries over. */
  endRow() {
    this.closeTask();
    for (const task of this.queue)
      this.warn('TABLE_ROW_INCOMPLETE', `task "${short(task.title)}" has no cells of its own`, task.line);
    this.queue = [];
    this.flushPending();
  }

  private flushPending() {
    if (this.pendingNumber) {
      const { cell } = this.pendingNumber;
      this.warn(
        'TABLE_CELL_UNEXPECTED',
        `a number with no task after it: "${cell.text}"`,
        cell.line,
        cell.text,
      );
      this.account(cell);
      this.pendingNumber = null;
    }
    if (this.pendingRoman) {
      this.events.push({
        type: 'section',
        numeral: this.pendingRoman.numeral,
        title: '',
        line: this.pendingRoman.cell.line,
      });
      this.account(this.pendingRoman.cell);
      this.pendingRoman = null;
    }
  }

  private startTask(number: string | null, title: string, cell: Cell) {
    this.closeTask();
    this.queue = [];
    const parts = number ? splitMergedTasks(number, title) : [{ number: null, text: title, offset: 0 }];
    const titleOffset = cell.text.length - title.length;
    const tasks: RawTask[] = parts.map((p) => ({
      type: 'task',
      number: p.number,
      title: p.text,
      line: lineAt(cell, titleOffset + p.offset),
      titleLine: lineAt(cell, titleOffset + p.offset),
      values: {},
      splitFromMergedCell: parts.length > 1,
    }));
    for (const t of tasks) this.events.push(t);
    this.current = { task: tasks[0]!, pos: 0 };
    this.queue = tasks.slice(1);
    this.account(cell);
  }

  /**
   * Feed one cell. `lookahead` yields the next meaningful cells (within the row for explicit
   * layouts), to tell a task (followed by its agency/deadline cells) from a group heading (followed
   * by more tasks).
   */
  feed(cell: Cell, lookahead: () => Cell | undefined) {
    const text = cell.text;
    if (text === '') return;
    if (text.charCodeAt(0) === 0x28 && /^\(\d{1,2}\)$/.test(text)) {
      // A column number (`(1)`) outside the header row: a footnote mark or a stray cell, quoted.
      this.warn(
        'TABLE_CELL_UNEXPECTED',
        `a column number in the body of the table: "${text}"`,
        cell.line,
        text,
      );
      this.account(cell);
      return;
    }

    // A value for the open task, or for the next task split from a merged cell.
    if (this.tryAssign(cell)) return;
    if (this.queue.length > 0 && isValueLike(text, this.lexicon)) {
      this.closeTask();
      this.current = { task: this.queue.shift()!, pos: 0 };
      if (this.tryAssign(cell)) return;
    }
    if (this.current && this.current.pos >= this.slots.length && isAgencyLike(text, this.lexicon)) {
      // One agency cell more than the row has columns for: quoted, not made into a heading.
      this.warn(
        'TABLE_CELL_UNEXPECTED',
        `a cell after the last column of task "${short(this.current.task.title)}": "${text}"`,
        cell.line,
        text,
      );
      this.account(cell);
      return;
    }

    const roman = romanOnly(text);
    if (roman) {
      this.closeTask();
      this.flushPending();
      this.pendingRoman = { numeral: roman, cell };
      return;
    }
    if (this.pendingRoman) {
      // `VII.` | `CÔNG TÁC TUYÊN TRUYỀN, KIỂM TRA CẢI CÁCH HÀNH CHÍNH`
      const { numeral, cell: numeralCell } = this.pendingRoman;
      this.pendingRoman = null;
      this.events.push({ type: 'section', numeral, title: text, line: numeralCell.line });
      this.account(numeralCell);
      this.account(cell);
      return;
    }
    const section = sectionHeading(text);
    if (section && !this.pendingNumber) {
      this.closeTask();
      this.events.push({ type: 'section', numeral: section.numeral, title: section.title, line: cell.line });
      this.account(cell);
      return;
    }
    const number = numberOnly(text);
    if (number) {
      this.closeTask();
      this.flushPending();
      this.pendingNumber = { text: number, cell };
      return;
    }

    // An item: a task or a group heading. Its number is printed in the cell or in the cell before.
    let itemNumber: string | null = null;
    let itemText = text;
    if (this.pendingNumber) {
      itemNumber = this.pendingNumber.text;
      this.account(this.pendingNumber.cell);
      this.pendingNumber = null;
    } else {
      const numbered = numberedItem(text);
      if (numbered) {
        itemNumber = numbered.number;
        itemText = numbered.text;
      }
    }
    const next = lookahead();
    const isTask = next !== undefined && isValueLike(next.text, this.lexicon);
    if (isTask) {
      this.startTask(itemNumber, itemText, cell);
      return;
    }
    this.closeTask();
    if (next === undefined && this.current === null && itemNumber?.includes('.')) {
      // `2.3 Task text` with no cells at all: still a task (with a warning), not a heading.
      this.startTask(itemNumber, itemText, cell);
      return;
    }
    this.events.push({ type: 'group', numeral: itemNumber, title: itemText, line: cell.line });
    this.account(cell);
  }

  finish() {
    this.endRow();
  }
}

/** The next cell worth looking at: not empty, and not a bare number (the number belongs to the cell after it). */
function nextMeaningful(cells: Cell[], from: number, end: number): Cell | undefined {
  for (let j = from; j < end; j++) {
    const cell = cells[j]!;
    if (cell.text === '' || numberOnly(cell.text)) continue;
    return cell;
  }
  return undefined;
}

function splitRows(cells: Cell[], region: TableRegion): Cell[][] | null {
  if (region.layout === 'L3') return null;
  const rows: Cell[][] = [];
  const hasNumberColumn = region.columns[0] === 'number';
  for (const cell of cells) {
    const startsRow =
      rows.length === 0 ||
      (region.layout === 'L2'
        ? cell.rowStart
        : hasNumberColumn
          ? cell.text !== '' &&
            (numberOnly(cell.text) !== null ||
              romanOnly(cell.text) !== null ||
              sectionHeading(cell.text) !== null)
          : cell.rowStart);
    if (startsRow) rows.push([cell]);
    else rows[rows.length - 1]!.push(cell);
  }
  return rows;
}

/** Assign a row with exactly one cell per column by position. Returns false when it does not fit. */
function assignPositionally(
  row: Cell[],
  columns: ColumnKind[],
  asm: RowAssembler,
  events: TableEvent[],
): boolean {
  const trimmed = [...row];
  while (trimmed.length > columns.length && trimmed[trimmed.length - 1]!.text === '') trimmed.pop();
  if (trimmed.length !== columns.length) return false;
  const at = (kind: ColumnKind) => trimmed[columns.indexOf(kind)];
  const numberCell = columns.includes('number') ? at('number') : undefined;
  const taskCell = at('task');
  if (!taskCell || taskCell.text === '') return false;
  if (numberCell && numberCell.text !== '' && !numberOnly(numberCell.text)) return false;
  // A second number column (`STT | STT | ...`) with something in it: read the row cell by cell, so
  // that its text lands in a field or a warning rather than nowhere.
  if (columns.some((kind, i) => kind === 'number' && trimmed[i] !== numberCell && trimmed[i]!.text !== ''))
    return false;
  if (sectionHeading(taskCell.text) && (!numberCell || numberCell.text === '')) return false;
  // The cells do not sit under their columns (a column named twice, a cell left out): an agency or
  // a deadline where the title should be. Read the row cell by cell instead.
  if (
    isValueLike(taskCell.text, asm.lexicon) &&
    trimmed.some(
      (c) => c !== numberCell && c !== taskCell && c.text !== '' && !isValueLike(c.text, asm.lexicon),
    )
  )
    return false;
  const valueCells = columns
    .map((kind, i) => ({ kind, cell: trimmed[i]! }))
    .filter((v) => isValueSlot(v.kind));
  const number = numberCell && numberCell.text !== '' ? numberOnly(numberCell.text) : null;
  const accountCell = (cell: Cell) => {
    for (const line of cell.lines) asm.accounted.add(line);
  };
  // A group column (`Nhiệm vụ` | `Nhiệm vụ cụ thể`): a filled group cell heads the tasks after it.
  const groupCell = columns.includes('group') ? at('group') : undefined;
  if (groupCell && groupCell.text !== '') {
    const numbered = numberedItem(groupCell.text);
    events.push({
      type: 'group',
      numeral: numbered?.number ?? null,
      title: numbered?.text ?? groupCell.text,
      line: groupCell.line,
    });
  }
  if (valueCells.every((v) => v.cell.text === '')) {
    // `1` | `Công tác chỉ đạo, điều hành` | (empty cells) — a group row (001).
    events.push({ type: 'group', numeral: number, title: taskCell.text, line: taskCell.line });
    for (const c of trimmed) accountCell(c);
    return true;
  }
  const task: RawTask = {
    type: 'task',
    number,
    title: taskCell.text,
    line: numberCell && numberCell.text !== '' ? Math.min(numberCell.line, taskCell.line) : taskCell.line,
    titleLine: taskCell.line,
    values: {},
    splitFromMergedCell: false,
  };
  for (const { kind, cell } of valueCells) {
    if (cell.text === '') continue;
    // A header that names a column twice (`Cơ quan chủ trì` | `Cơ quan chủ trì`): keep both cells.
    const held = task.values[kind as ValueSlot];
    task.values[kind as ValueSlot] = held
      ? { text: `${held.text}; ${cell.text}`, line: held.line }
      : { text: cell.text, line: cell.line };
  }
  events.push(task);
  for (const c of trimmed) accountCell(c);
  return true;
}

export function assembleRows(cells: Cell[], region: TableRegion, lexicon: TableLexicon): AssembledTable {
  const asm = new RowAssembler(region.columns, lexicon, region.endLine);
  const rows = splitRows(cells, region);
  if (rows === null) {
    for (let i = 0; i < cells.length; i++) {
      asm.feed(cells[i]!, () => nextMeaningful(cells, i + 1, cells.length));
    }
  } else {
    for (const row of rows) {
      asm.endRow();
      if (assignPositionally(row, region.columns, asm, asm.events)) {
        const last = asm.events[asm.events.length - 1];
        if (last?.type === 'task') warnMissingPositional(last, region.columns, asm.messages);
        continue;
      }
      for (let i = 0; i < row.length; i++) {
        asm.feed(row[i]!, () => nextMeaningful(row, i + 1, row.length));
      }
    }
  }
  asm.finish();
  if (region.endsDocument) markCutRow(asm.events, asm.messages);
  return { events: asm.events, messages: asm.messages, accounted: asm.accounted };
}

/**
 * A table that runs to the end of the text and stops in the middle of a row (a truncated copy):
 * its last row has a number and a title but no cells, and would read as a group heading. It is a
 * task, and the warning says the table was cut off.
 */
function markCutRow(events: TableEvent[], messages: Message[]) {
  const last = events[events.length - 1];
  if (!last) return;
  if (last.type === 'group' && last.numeral !== null && !/^[IVX]+$/.test(last.numeral)) {
    events[events.length - 1] = {
      type: 'task',
      number: last.numeral,
      title: last.title,
      line: last.line,
      titleLine: last.line,
      values: {},
      splitFromMergedCell: false,
    };
  } else if (last.type !== 'task' || (last.values.lead && last.values.deadline)) {
    return;
  }
  messages.push({
    code: 'TABLE_TRUNCATED',
    severity: 'warning',
    message: `the table ends in the middle of a row at the end of the text: "${short(last.title)}" is incomplete`,
    line: last.line,
  });
}

function warnMissingPositional(task: RawTask, columns: ColumnKind[], messages: Message[]) {
  const missing = columns.filter(
    (c) => (c === 'lead' || c === 'deadline' || c === 'funding') && !task.values[c],
  );
  if (missing.length === 0) return;
  const label = `${task.number ? `${task.number} ` : ''}${short(task.title)}`;
  if (missing.includes('funding')) {
    messages.push({
      code: 'TASK_FUNDING_MISSING',
      severity: 'warning',
      message: `task "${label}" has no funding cell`,
      line: task.line,
    });
  }
  const others = missing.filter((c) => c !== 'funding');
  if (others.length > 0) {
    messages.push({
      code: 'TABLE_ROW_INCOMPLETE',
      severity: 'warning',
      message: `task "${label}" has no ${others.join(', ')} cell`,
      line: task.line,
    });
  }
}
