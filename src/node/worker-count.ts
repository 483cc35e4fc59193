/**
 * How many worker threads a batch uses. Apart from src/node/worker-pool.ts, so that deciding (most
 * runs parse a few files in-process) does not load node:worker_threads (3 ms of every start-up).
 */
import { availableParallelism } from 'node:os';

export function defaultWorkerCount(env: Record<string, string | undefined>): number {
  const fromEnv = Number(env.CCHC_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, availableParallelism());
}
