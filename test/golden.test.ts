/**
 * Golden files: the whole document model of each fixture, checked by hand against the text.
 * `UPDATE=1 npx vitest run test/golden.test.ts` rewrites them; read the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import { FIXTURE_FILES, readFixture } from './helpers/fixtures.js';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');

describe('golden documents', () => {
  it.each(FIXTURE_FILES)('%s', (name) => {
    const doc = parseText(readFixture(name), { path: `fixtures/${name}` });
    const file = join(GOLDEN_DIR, name.replace(/\.txt$/, '.json'));
    const actual = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE === '1' || !existsSync(file)) {
      writeFileSync(file, actual);
      if (process.env.UPDATE !== '1')
        throw new Error(`${file} did not exist: written, review it and run again`);
    }
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('is deterministic: the same input gives the same bytes', () => {
    for (const name of FIXTURE_FILES) {
      const a = JSON.stringify(parseText(readFixture(name), { path: name }));
      const b = JSON.stringify(parseText(readFixture(name), { path: name }));
      expect(a).toBe(b);
    }
  });
});
