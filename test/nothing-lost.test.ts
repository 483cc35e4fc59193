/**
 * Nothing is lost: every word on every non-blank line inside a task table reappears in the output —
 * in a task field, a section or group heading, the header row, or a warning that quotes it.
 *
 * This check is independent of the parser's own bookkeeping: it compares the words of the source
 * lines with the words of the output fields, as multisets.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import { FIXTURE_FILES, readFixture } from './helpers/fixtures.js';
import { unaccountedWords } from './helpers/nothing-lost.js';
import { crlf, nfd, rewrap, tabsToSpaces } from './helpers/variants.js';

const VARIANTS: [string, (t: string) => string][] = [
  ['as received', (t) => t],
  ['CRLF', crlf],
  ['NFD', nfd],
  ['spaces for tabs', tabsToSpaces],
  ['re-wrapped at 50', (t) => rewrap(t, 50)],
  ['re-wrapped at 100', (t) => rewrap(t, 100)],
];

describe.each(FIXTURE_FILES)('%s', (name) => {
  it.each(VARIANTS)('%s: every table line is accounted for', (_label, variant) => {
    const text = variant(readFixture(name));
    const doc = parseText(text, { path: name });
    expect(unaccountedWords(text, doc)).toEqual([]);
    expect(doc.warnings.filter((w) => w.code === 'TABLE_LINE_UNREAD')).toEqual([]);
    for (const t of doc.tables) expect(t.linesAccounted).toBe(1);
  });
});

describe('the check itself', () => {
  it('notices a table line that lands nowhere', () => {
    const text = readFixture('son-la-2014-qd-158.txt');
    const doc = parseText(text, { path: 'x' });
    // Drop one task from the output: its words are now unaccounted for.
    const damaged = { ...doc, tasks: doc.tasks.filter((t) => t.id !== 'II.3') };
    expect(unaccountedWords(text, damaged).length).toBeGreaterThan(10);
  });

  it('accounts for a stray cell inside a table without changing the tasks', () => {
    const original = parseText(readFixture('nam-dinh-2021-kh-117.txt'), { path: 'x' });
    const lines = readFixture('nam-dinh-2021-kh-117.txt').split('\n');
    // After the complete row of task I.3.1 (its funding cell ends at line 539).
    lines.splice(539, 0, 'ghi chú lạc trong bảng', '|');
    const text = lines.join('\n');
    const doc = parseText(text, { path: 'x' });
    expect(unaccountedWords(text, doc)).toEqual([]);
    expect(doc.tasks.map((t) => [t.title, t.leadRaw, t.deadline?.raw])).toEqual(
      original.tasks.map((t) => [t.title, t.leadRaw, t.deadline?.raw]),
    );
  });
});
