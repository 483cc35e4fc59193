import type { CliIo } from '../../src/cli/io.js';

export interface FakeIo extends CliIo {
  out(): string;
  err(): string;
}

/** A CliIo that captures stdout/stderr, with a fixed clock and a chosen environment. */
export function fakeIo(
  options: {
    cwd?: string;
    stdin?: string | Uint8Array;
    tty?: boolean;
    columns?: number;
    env?: Record<string, string>;
    now?: string;
  } = {},
): FakeIo {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (s: string) => (out += s),
      isTTY: options.tty ?? false,
      columns: options.columns ?? 100,
    },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
    readStdin: async () =>
      typeof options.stdin === 'string'
        ? new TextEncoder().encode(options.stdin)
        : (options.stdin ?? new Uint8Array()),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => new Date(options.now ?? '2026-01-01T00:00:00Z'),
    out: () => out,
    err: () => err,
  };
}
