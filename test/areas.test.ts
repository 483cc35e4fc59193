import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../src/lexicon/load.js';
import type { AreaCode, AreaEntry } from '../src/lexicon/types.js';
import { areaOfFolded } from '../src/segment/sections.js';

/** The definition `areaOfFolded` keeps: every keyword tested with `includes`, the longest first found wins. */
function byIncludes(folded: string, areas: Record<AreaCode, AreaEntry>): AreaCode | null {
  let best: { area: AreaCode; length: number } | null = null;
  for (const [area, entry] of Object.entries(areas) as [AreaCode, AreaEntry][]) {
    for (const keyword of entry.keywords) {
      if (keyword.length > (best?.length ?? 0) && folded.includes(keyword))
        best = { area, length: keyword.length };
    }
  }
  return best?.area ?? null;
}

const lexiconAreas = defaultLexicon().areas;
const keywords = Object.values(lexiconAreas).flatMap((e) => e.keywords);

// Overlapping keywords, one in two areas, ties of length, an empty one and regex signs.
const tangled = {
  direction: { label: 'a', keywords: ['ab', 'bc d', '', 'x.y'] },
  institutions: { label: 'b', keywords: ['abc', 'bcd', 'ab', '(z)'] },
  procedures: { label: 'c', keywords: ['cd', 'b', 'abc', 'x|y'] },
  apparatus: { label: 'd', keywords: [] },
} as unknown as Record<AreaCode, AreaEntry>;

/** Texts made of keywords, pieces of them and other letters, so that keywords overlap and nest. */
const textFrom = (words: string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...words),
        fc.constantFrom(...words).map((w) => w.slice(1)),
        fc.constantFrom(...words).map((w) => w.slice(0, -1)),
        fc.constantFrom(
          ' ',
          ', ',
          'a',
          'b',
          'c',
          'd',
          'x',
          'y',
          '.',
          '|',
          '(',
          'z',
          ')',
          'đ',
          '\ud83d\ude00',
        ),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

describe('areaOfFolded', () => {
  it('finds what testing every keyword with includes finds (the default lexicon)', () => {
    fc.assert(
      fc.property(textFrom(keywords), (text) => {
        expect(areaOfFolded(text, lexiconAreas)).toBe(byIncludes(text, lexiconAreas));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds what testing every keyword with includes finds (overlaps, ties, regex signs)', () => {
    fc.assert(
      fc.property(textFrom(['ab', 'bc d', 'x.y', 'abc', 'bcd', '(z)', 'cd', 'x|y', 'xzy']), (text) => {
        expect(areaOfFolded(text, tangled)).toBe(byIncludes(text, tangled));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the first area among keywords of the same length, and none from an empty lexicon', () => {
    expect(areaOfFolded('zz abc zz', tangled)).toBe('institutions');
    expect(areaOfFolded('bcd', tangled)).toBe('institutions');
    expect(areaOfFolded('xay x.y', tangled)).toBe('direction');
    expect(areaOfFolded('xay', tangled)).toBeNull();
    expect(areaOfFolded('cai cach the che va thu tuc hanh chinh', lexiconAreas)).toBe(
      byIncludes('cai cach the che va thu tuc hanh chinh', lexiconAreas),
    );
    expect(areaOfFolded('anything', {} as Record<AreaCode, AreaEntry>)).toBeNull();
  });
});
