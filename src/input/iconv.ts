/**
 * iconv-lite, loaded the first time a non-UTF-8 input needs it (it costs ~10 ms at start-up, and
 * most inputs are UTF-8). `createRequire` keeps the call synchronous: decoding is not async.
 */
import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');

let loaded: Iconv | undefined;

function load(): Iconv {
  loaded ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return loaded;
}

export const iconv = {
  decode: (bytes: Uint8Array, encoding: string): string => load().decode(bytes as Buffer, encoding),
  encode: (text: string, encoding: string): Uint8Array => load().encode(text, encoding),
};
