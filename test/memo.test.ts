import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import { clearMemos, memo } from '../src/text/memo.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const plans = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, FIXTURES), 'utf8') }));

describe('memos', () => {
  it('clearMemos empties every registered memo', () => {
    const a = memo(new Map([['x', 1]]));
    const b = memo(new Set(['y']));
    clearMemos();
    expect(a.size).toBe(0);
    expect(b.size).toBe(0);
  });

  it('a plan reads the same with the memos full, emptied, or filled by other plans first', () => {
    expect(plans.length).toBeGreaterThanOrEqual(4);
    const parse = (p: (typeof plans)[number]) => parseText(p.text, { path: p.name });
    clearMemos();
    const cold = plans.map((p) => {
      clearMemos();
      return parse(p);
    });
    // Every plan read after all the others (the memos hold their cells), twice, in reverse order.
    for (const p of plans) parse(p);
    const warm = [...plans].reverse().map(parse).reverse();
    expect(warm).toEqual(cold);
  });
});
