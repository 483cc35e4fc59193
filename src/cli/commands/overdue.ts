import type { CliIo } from '../io.js';

export async function overdueCommand(io: CliIo, _inputs: string[], _options: Record<string, unknown>): Promise<number> {
  io.stderr.write('cchc: the overdue command is not available yet\n');
  return 2;
}
