/**
 * Write a file so that readers see the old content or the new, never half of it: the data goes to
 * a temporary file in the same directory (a rename across file systems is not atomic), is flushed
 * to disk, and is then renamed over the target. An export killed half-way leaves the previous
 * `tasks.csv` intact and at worst a `.tasks.csv.*.tmp` file behind.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A file written in pieces and put in place only when complete (`commit`), or not at all (`abort`). */
export interface AtomicFile {
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openAtomic(path: string): Promise<AtomicFile> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return {
    // writeFile on a handle writes from where the last write ended, and all of it (write may be short).
    write: async (chunk) => {
      await handle.writeFile(chunk);
    },
    commit: async () => {
      await handle.sync();
      await close();
      await rename(temp, path);
    },
    abort: async () => {
      await close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}
