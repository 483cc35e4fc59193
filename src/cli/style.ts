/**
 * The one place colour is decided: on for a TTY, off when piped, `NO_COLOR` turns it off (chalk
 * itself ignores NO_COLOR), `FORCE_COLOR` turns it on. chalk is loaded only when some output is in
 * colour (`prepareColour`), so a piped run — CI, scripts — does not pay for it at start-up.
 */
import type { ChalkInstance } from 'chalk';
import type { CliIo, OutStream } from './io.js';

export function colourEnabled(io: CliIo, stream: OutStream): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (force === '0' || force === 'false') return false;
  return stream.isTTY === true;
}

let chalkModule: typeof import('chalk') | undefined;

/** Load chalk if stdout or stderr will be coloured. Call once before writing. */
export async function prepareColour(io: CliIo): Promise<void> {
  if (!chalkModule && (colourEnabled(io, io.stdout) || colourEnabled(io, io.stderr))) {
    chalkModule = await import('chalk');
  }
}

// Colour off: every style is the identity, chained or not (`plain.bold.red('x') === 'x'`).
const plain: ChalkInstance = new Proxy((() => undefined) as unknown as ChalkInstance, {
  get: (_target, prop) => (prop === 'level' ? 0 : plain),
  apply: (_target, _this, args: unknown[]) => args.map(String).join(' '),
});

export function chalkFor(io: CliIo, stream: OutStream): ChalkInstance {
  if (!colourEnabled(io, stream) || !chalkModule) return plain;
  return new chalkModule.Chalk({ level: 1 });
}
