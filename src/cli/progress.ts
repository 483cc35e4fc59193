/**
 * A progress bar on stderr for long batches: `[#########-----------] 120/340 plans/ha-noi-2019.txt`.
 *
 * Drawn only when stderr is a terminal, and only once a batch has run for a second, so that a
 * quick run (or one piped into a log file) prints nothing extra. While the bar is up, other
 * messages written to `io.stderr` (a parser warning about one input) are printed above it rather
 * than glued to its end: the bar is wiped, the message written, and the bar drawn again.
 */
import type { CliIo, OutStream } from './io.js';

export interface Progress {
  /** One more input is being read; `name` is shown next to the count. */
  tick(name?: string): void;
  /** Wipe the bar and give `io.stderr` back. Safe to call twice. */
  done(): void;
}

export interface ProgressOptions {
  /** Milliseconds before the bar first appears (default 1000). */
  delayMs?: number;
  /** Milliseconds between redraws (default 100). */
  intervalMs?: number;
  /** A monotonic clock in milliseconds (tests pass a fake one). */
  clock?: () => number;
}

const NO_PROGRESS: Progress = { tick() {}, done() {} };
const CLEAR_LINE = '\r\x1b[K';

export function startProgress(io: CliIo, total: number, options: ProgressOptions = {}): Progress {
  if (io.stderr.isTTY !== true || total < 2) return NO_PROGRESS;
  const clock = options.clock ?? (() => performance.now());
  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 100;
  const started = clock();
  const terminal: OutStream = io.stderr;
  let count = 0;
  let name = '';
  let shown = false;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;

  const draw = () => {
    terminal.write(CLEAR_LINE + renderBar(count, total, name, terminal.columns ?? 80));
    shown = true;
    lastDraw = clock();
  };
  // Messages go above the bar: wipe it, write, redraw.
  io.stderr = {
    isTTY: terminal.isTTY,
    columns: terminal.columns,
    write(chunk: string) {
      if (!shown) return terminal.write(chunk);
      terminal.write(CLEAR_LINE);
      const result = terminal.write(chunk);
      draw();
      return result;
    },
  };

  return {
    tick(next?: string) {
      if (finished) return;
      count = Math.min(count + 1, total);
      name = next ?? '';
      const now = clock();
      if (now - started >= delay && now - lastDraw >= interval) draw();
    },
    done() {
      if (finished) return;
      finished = true;
      io.stderr = terminal;
      if (shown) terminal.write(CLEAR_LINE);
    },
  };
}

/** One line, never wider than the terminal (a wrapped bar would scroll a new line at every redraw). */
export function renderBar(count: number, total: number, name: string, columns: number): string {
  const counter = `${count}/${total}`;
  // The bar gives way first: about thirty columns are kept for the name.
  const barWidth = Math.max(10, Math.min(30, columns - counter.length - 34));
  const filled = total > 0 ? Math.round((count / total) * barWidth) : 0;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${counter}`;
  const room = columns - 1 - bar.length - 1;
  if (room < 4 || name === '') return bar.slice(0, Math.max(0, columns - 1));
  const chars = [...name.normalize('NFC')];
  // Keep the end of a long path: the file name tells more than the directories above it.
  const shownName = chars.length <= room ? name : `…${chars.slice(chars.length - room + 1).join('')}`;
  return `${bar} ${shownName}`;
}
