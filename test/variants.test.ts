/**
 * The same plan as other tools deliver it — re-wrapped at 50, 60 and 100 columns, CRLF, NFD,
 * spaces for tabs, a BOM, sections shuffled — gives the same metadata, targets and tasks.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import type { CchcDocument } from '../src/model/document.js';
import { FIXTURE_FILES, readFixture } from './helpers/fixtures.js';
import { crlf, nfd, rewrap, shuffleChunks, tabsToSpaces, withBom } from './helpers/variants.js';

function metadata(doc: CchcDocument) {
  const d = doc.document;
  return {
    type: d.type,
    number: d.number,
    issuedOn: d.issuedOn,
    province: d.province,
    period: d.period,
    signer: d.signer && { name: d.signer.name, capacity: d.signer.capacity, title: d.signer.title },
    program: d.program,
    programFrom: d.provenance.program ?? null,
    legalBases: d.legalBases.map((b) => [b.kind, b.number, b.date].join(' ')),
  };
}

function targets(doc: CchcDocument) {
  return doc.targets.map((t) => [t.scope, t.value, t.unit, t.comparator, t.year, t.indicator].join(' '));
}

/** What a task is, independent of where it sits on the page. */
function taskContent(doc: CchcDocument) {
  return doc.tasks.map((t) =>
    [
      t.id,
      t.number,
      t.title,
      t.product,
      t.lead.join(';'),
      t.partners.join(';'),
      t.deadline?.raw,
      t.deadline?.due,
      t.funding,
      t.area,
      t.group,
    ].join(' | '),
  );
}

const sources = Object.fromEntries(FIXTURE_FILES.map((name) => [name, readFixture(name)]));
const originals = Object.fromEntries(
  FIXTURE_FILES.map((name) => [name, parseText(sources[name]!, { path: name })]),
);

const VARIANTS: [string, (text: string) => string][] = [
  ['CRLF line ends', crlf],
  ['NFD (decomposed) letters', nfd],
  ['a byte-order mark', withBom],
  ['spaces instead of tabs', tabsToSpaces],
  ['re-wrapped at 100 columns', (t) => rewrap(t, 100)],
  ['re-wrapped at 60 columns', (t) => rewrap(t, 60)],
  ['re-wrapped at 50 columns', (t) => rewrap(t, 50)],
  ['re-wrapped at 50 columns with CRLF and spaces for tabs', (t) => crlf(rewrap(tabsToSpaces(t), 50))],
];

describe.each(FIXTURE_FILES)('%s', (name) => {
  const original = originals[name]!;
  it.each(VARIANTS)('%s: same metadata, targets and tasks', (_label, variant) => {
    const doc = parseText(variant(sources[name]!), { path: name });
    expect(metadata(doc)).toEqual(metadata(original));
    expect(targets(doc)).toEqual(targets(original));
    expect(taskContent(doc)).toEqual(taskContent(original));
    expect(doc.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
});

describe('sections shuffled inside the task table', () => {
  const tabled = FIXTURE_FILES.filter((name) => originals[name]!.tables.length > 0);
  it.each(tabled)('%s: the same tasks come out, re-ordered', (name) => {
    const original = originals[name]!;
    const table = original.tables[0]!;
    const lines = sources[name]!.split('\n');
    // Chunks start at the table's section rows, or at its group rows when it has no sections.
    const headings = table.sections;
    const level = headings.some((s) => s.level === 1) ? 1 : 2;
    const starts = headings
      .filter((s) => s.level === level)
      .map((s) => {
        // An L2 row starts at its number cell, the line(s) above its title.
        let line = s.line;
        if (table.layout === 'L2') while (line > 1 && lines[line - 2]!.trim() !== '') line--;
        return line;
      });
    expect(starts.length).toBeGreaterThan(3);
    const bySection = (doc: CchcDocument) =>
      doc.tasks
        .map((t) =>
          [t.sectionTitle, t.group, t.number, t.title, t.lead.join(';'), t.deadline?.raw, t.funding].join(
            ' | ',
          ),
        )
        .sort();
    for (const seed of [1, 2, 3]) {
      const text = shuffleChunks(sources[name]!, starts, table.endLine, seed, table.layout === 'L2');
      expect(text).not.toBe(sources[name]);
      const doc = parseText(text, { path: name });
      expect(bySection(doc)).toEqual(bySection(original));
      expect(doc.tasks.map((t) => t.title)).not.toEqual(original.tasks.map((t) => t.title));
    }
  });
});
