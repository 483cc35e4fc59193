/** The process entry: the only place that touches process.exitCode. */
import { nodeIo } from './io.js';
import { run } from './run.js';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const io = nodeIo();
  try {
    process.exitCode = await run(argv, io);
  } catch (error) {
    // A bug, not bad input: say so plainly, without a stack trace unless asked for.
    io.stderr.write(`cchc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.CCHC_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = 70;
  }
}
