/**
 * Parse many files on all cores: a small pool of worker threads, each reading and parsing one file
 * at a time, results handed back in input order. Workers can reduce a document before sending it
 * back (`transform`), so a batch command keeps only what it needs and memory stays flat.
 */
import { Worker } from 'node:worker_threads';

export interface ParseJob {
  path: string;
  encoding?: string;
  /** Name of a registered transform (src/node/transforms.ts); `document` returns the whole document. */
  transform: string;
  /** Options for the transform (structured-cloneable). */
  options?: unknown;
  /**
   * Which warnings to send back: all of them, those shown without `--verbose` (not `info`), or none
   * (`--quiet`). The ones the main thread would not print do not cross between threads. Default `all`.
   */
  warnings?: 'all' | 'shown' | 'none';
}

export type JobResult =
  | { ok: true; payload: unknown; warnings: unknown[]; key: string }
  | { ok: false; code: string; path: string; message: string };

interface Pending {
  resolve: (r: JobResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Jobs given to a worker ahead of time: it reads the next files while it parses this one, and has
 * work left while the main thread is busy (with two, workers waited for jobs ~7% of a run).
 */
const PER_WORKER = 4;

export class ParsePool {
  private readonly workers: { worker: Worker; pending: Pending[] }[] = [];
  private readonly queue: { job: ParseJob; pending: Pending }[] = [];

  constructor(size: number, lexiconFile: string | null) {
    // Compiled, the worker is dist/node/parse-worker.js, found from dist/node/ or from the CLI
    // bundle in dist/cli/; run from source (tests), it is the built one.
    const here = import.meta.url;
    const url = here.endsWith('.ts')
      ? new URL('../../dist/node/parse-worker.js', here)
      : new URL('../node/parse-worker.js', here);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, {
        workerData: { lexiconFile },
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
      const slot = { worker, pending: [] as Pending[] };
      // A worker answers its jobs in the order it was given them.
      // JSON text, or (for a result made of a few strings) the result itself.
      worker.on('message', (message: string | JobResult) => {
        slot.pending
          .shift()
          ?.resolve(typeof message === 'string' ? (JSON.parse(message) as JobResult) : message);
        this.pump();
      });
      worker.on('error', (error) => {
        for (const pending of slot.pending.splice(0)) pending.reject(error);
      });
      this.workers.push(slot);
    }
  }

  run(job: ParseJob): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, pending: { resolve, reject } });
      this.pump();
    });
  }

  private pump() {
    for (let round = 0; round < PER_WORKER; round++) {
      for (const slot of this.workers) {
        if (slot.pending.length > round) continue;
        const next = this.queue.shift();
        if (!next) return;
        slot.pending.push(next.pending);
        slot.worker.postMessage(next.job);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
