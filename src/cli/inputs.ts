/**
 * Inputs as users give them: files, directories (every `.txt` below, sorted), quoted globs
 * expanded by fast-glob (sorted), and `-` for standard input. Missing inputs are reported, not
 * fatal: the others are still processed.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';

export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'stdin' }
  | { kind: 'missing'; path: string; reason: string };

const GLOB_MAGIC = /[*?[\]{}!]/;

export async function expandInputs(patterns: string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const push = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ kind: 'file', path });
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const abs = isAbsolute(pattern) ? pattern : join(cwd, pattern);
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) {
      push(pattern);
      continue;
    }
    const fg = (await import('fast-glob')).default;
    if (info?.isDirectory()) {
      const found = await fg('**/*.txt', { cwd: abs, onlyFiles: true, dot: false });
      found.sort();
      if (found.length === 0)
        out.push({ kind: 'missing', path: pattern, reason: 'is a directory with no .txt files' });
      for (const f of found) push(relativeTo(cwd, join(abs, f), pattern));
      continue;
    }
    if (GLOB_MAGIC.test(pattern)) {
      const found = await fg(pattern, { cwd, onlyFiles: true });
      found.sort();
      if (found.length === 0) out.push({ kind: 'missing', path: pattern, reason: 'matches no files' });
      for (const f of found) push(f);
      continue;
    }
    out.push({ kind: 'missing', path: pattern, reason: 'no such file or directory' });
  }
  return out;
}

function relativeTo(cwd: string, abs: string, original: string): string {
  return isAbsolute(original) ? abs : relative(cwd, abs) || abs;
}
