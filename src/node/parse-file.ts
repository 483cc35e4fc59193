/**
 * The file-reading layer: bytes → text (with encoding detection) → document. The only part of the
 * library that touches the file system.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type ParseOptions, parseText } from '../document/parse-text.js';
import { decodeBytes } from '../input/decode.js';
import type { CchcDocument } from '../model/document.js';
import { severityOf } from '../model/messages.js';
import type { Message } from '../model/types.js';

export type InputErrorCode = 'NOT_FOUND' | 'NOT_READABLE' | 'NOT_TEXT' | 'IS_DIRECTORY';

/** A file that cannot be parsed at all (missing, unreadable, binary). The CLI reports it and exits 3. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ParseBytesOptions extends Omit<ParseOptions, 'source' | 'messages'> {
  /** Force an encoding instead of detecting it (`windows-1258`, `tcvn3`, `vni`, ...). */
  encoding?: string;
}

/** Parse raw bytes: decode (detecting the encoding), hash, then `parseText`. */
export function parseBytes(bytes: Uint8Array, options: ParseBytesOptions = {}): CchcDocument {
  const path = options.path ?? '-';
  const decoded = decodeBytes(bytes, options.encoding ? { encoding: options.encoding } : {});
  if (!decoded.ok) throw new InputError('NOT_TEXT', path, decoded.message);
  const messages: Message[] = decoded.notes.map((n) => ({
    code: n.code,
    severity: severityOf(n.code),
    message: n.detail,
    line: null,
  }));
  return parseText(decoded.text, {
    ...options,
    source: {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      encoding: decoded.encoding,
    },
    messages,
    // What decoding already did, which the text no longer shows.
    normalizations: [...(decoded.bom ? (['bom'] as const) : []), ...(decoded.nfc ? (['nfc'] as const) : [])],
  });
}

export async function parseFile(path: string, options: ParseBytesOptions = {}): Promise<CchcDocument> {
  return parseBytes(await readInput(path), { ...options, path });
}

/** A file's bytes, or the InputError saying why it cannot be read. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('NOT_FOUND', path, `${path}: no such file`);
    if (code === 'EISDIR') throw new InputError('IS_DIRECTORY', path, `${path}: is a directory`);
    throw new InputError('NOT_READABLE', path, `${path}: cannot be read (${code ?? String(error)})`);
  }
}
