import type { CliIo } from '../io.js';
import { type LoadOptions, loadDocuments } from '../load.js';
import { writeJson, writeNdjson, writeYaml } from '../render.js';

export interface ParseCommandOptions extends LoadOptions {
  strict?: boolean;
  ndjson?: boolean;
  pretty?: boolean;
  format?: string;
}

export async function parseCommand(
  io: CliIo,
  inputs: string[],
  options: ParseCommandOptions,
): Promise<number> {
  const { documents, failed } = await loadDocuments(io, inputs, options);
  const format = options.ndjson ? 'ndjson' : (options.format ?? 'json');
  const single = documents.length === 1 && inputs.length === 1 && !/[*?[\]{}]/.test(inputs[0]!);
  if (format === 'ndjson') writeNdjson(io, documents);
  else if (format === 'yaml') await writeYaml(io, single ? documents[0] : documents);
  else if (documents.length > 0 || !single)
    writeJson(io, single ? documents[0] : documents, options.pretty ?? io.stdout.isTTY === true);
  if (failed > 0) return 3;
  if (options.strict && documents.some((d) => d.warnings.some((w) => w.severity === 'error'))) return 1;
  return 0;
}
