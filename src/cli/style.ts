/**
 * The one place colour is decided: on for a TTY, off when piped, `NO_COLOR` turns it off (chalk
 * itself ignores NO_COLOR), `FORCE_COLOR` turns it on.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIo, OutStream } from './io.js';

export function colourEnabled(io: CliIo, stream: OutStream): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (force === '0' || force === 'false') return false;
  return stream.isTTY === true;
}

export function chalkFor(io: CliIo, stream: OutStream): ChalkInstance {
  return new Chalk({ level: colourEnabled(io, stream) ? 1 : 0 });
}
