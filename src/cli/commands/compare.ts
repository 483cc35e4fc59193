import type { CliIo } from '../io.js';

export async function compareCommand(io: CliIo, _inputs: string[], _options: Record<string, unknown>): Promise<number> {
  io.stderr.write('cchc: the compare command is not available yet\n');
  return 2;
}
