import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeadlinePhrase, parseDeadline } from '../src/interpret/deadline.js';
import type { Deadline, DeadlineContext } from '../src/model/types.js';
import { DEADLINE_CASES } from './cases/deadline-cases.js';

/** Words and marks deadlines are made of, so random text reaches deep into the matchers. */
const VOCABULARY = [
  'Quý',
  'quý',
  'I',
  'II',
  'III',
  'IV',
  'V',
  'Inăm',
  'năm',
  'Năm',
  'tháng',
  'Tháng',
  'ngày',
  'Từ',
  'trước',
  'chậm nhất',
  'Hoàn thành',
  'trong',
  'và',
  'những năm tiếp theo',
  'Hàng',
  'Thường xuyên',
  'Theo quy định',
  'Giai đoạn',
  '6 tháng',
  'đầu',
  'cuối',
  'Định kỳ',
  '(',
  ')',
  '/',
  '-',
  '+',
  ',',
  '.',
  ' ',
  '\u00a0',
  '0',
  '1',
  '2',
  '4',
  '6',
  '9',
  '12',
  '13',
  '28',
  '29',
  '30',
  '31',
  '32',
  '2014',
  '2016',
  '2017',
  '2020',
  '1899',
  '2101',
];
const deadlineLike = fc
  .tuple(fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }), fc.constantFrom('', ' '))
  .map(([words, joiner]) => words.join(joiner));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  deadlineLike,
  fc.string({ unit: fc.constantFrom(...VOCABULARY) }),
);

const anyContext: fc.Arbitrary<DeadlineContext | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    periodFrom: fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 3000 })),
    periodTo: fc.oneof(fc.constant(null), fc.integer({ min: -10, max: 3000 })),
  }),
  fc.integer({ min: 1990, max: 2030 }).map((year) => ({ periodFrom: year, periodTo: year })),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isWellFormed(result: Deadline): void {
  for (const date of [result.start, result.due]) {
    if (date !== null) {
      expect(date).toMatch(ISO_DATE);
      // a real calendar day: Date would roll 2017-02-31 over into March
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
  }
  if (result.start !== null && result.due !== null) expect(result.due >= result.start).toBe(true);
  if (result.kind === 'unknown')
    expect([result.start, result.due, result.recurring]).toEqual([null, null, false]);
  if (result.recurring) expect(result.due).toBeNull();
}

describe('parseDeadline properties', () => {
  it('never throws, and returns a well-formed deadline with due >= start', () => {
    fc.assert(
      fc.property(anyText, anyContext, (text, context) => {
        const result = parseDeadline(text, context);
        expect(result.raw).toBe(text.trim());
        isWellFormed(result);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a text again in each context as new, and gives a copy the caller may change', () => {
    // `Quý I` read once for a one-year plan: a plan of another year, or of several, reads it anew.
    expect(parseDeadline('Quý I', { periodFrom: 2017, periodTo: 2017 }).due).toBe('2017-03-31');
    expect(parseDeadline('Quý I', { periodFrom: 2020, periodTo: 2020 }).due).toBe('2020-03-31');
    expect(parseDeadline('Quý I', { periodFrom: 2016, periodTo: 2020 }).due).toBeNull();
    expect(parseDeadline('Quý I').due).toBeNull();
    const first = parseDeadline('Năm 2013, 2014, 2015');
    const kept = structuredClone(first);
    first.kind = 'unknown';
    first.occurrences![0]!.due = 'changed';
    expect(parseDeadline('Năm 2013, 2014, 2015')).toEqual(kept);
    // Text that differs only at its edges keeps its own raw.
    expect(parseDeadline(' Năm 2014 ').raw).toBe('Năm 2014');
  });

  it('gives what it read uncached, field for field and in that order, and with a line as a spread would', async () => {
    const { deadlineAt, parseDeadlineUncached } = await import('../src/interpret/deadline.js');
    fc.assert(
      fc.property(anyText, anyContext, fc.nat(), (text, context, line) => {
        parseDeadline(text, context);
        const again = parseDeadline(text, context);
        const fresh = parseDeadlineUncached(text, context);
        // JSON keeps the order of fields, which the output files show.
        expect(JSON.stringify(again)).toBe(JSON.stringify(fresh));
        expect(JSON.stringify(deadlineAt(again, line))).toBe(JSON.stringify({ ...fresh, line }));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    // A reading with occurrences (the random texts seldom make one).
    const years = parseDeadline('Năm 2013, 2014, 2015');
    expect(JSON.stringify(deadlineAt(years, 7))).toBe(JSON.stringify({ ...years, line: 7 }));
  });

  it('does not throw on values that are not strings (untyped callers)', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(parseDeadline(value as unknown as string).kind).toBe('unknown');
      expect(findDeadlinePhrase(value as unknown as string)).toBeNull();
    }
  });

  /** Ways of writing the same deadline: decomposed accents, odd spaces, another case. */
  interface Variant {
    nfd: boolean;
    spaces: string[];
    edges: string;
    casing: 'upper' | 'lower' | 'mixed' | 'same';
    mixedSeed: boolean[];
  }
  const variants: fc.Arbitrary<Variant> = fc.record({
    nfd: fc.boolean(),
    spaces: fc.array(fc.constantFrom(' ', '  ', '\u00a0', ' \u00a0 ', '\t'), { minLength: 1, maxLength: 8 }),
    edges: fc.constantFrom('', ' ', '\u00a0', '  \t'),
    casing: fc.constantFrom('upper' as const, 'lower' as const, 'mixed' as const, 'same' as const),
    mixedSeed: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
  });

  function rewrite(raw: string, v: Variant): string {
    let i = 0;
    let out = raw.replace(/ /g, () => v.spaces[i++ % v.spaces.length] ?? ' ');
    if (v.casing === 'upper') out = out.toUpperCase();
    else if (v.casing === 'lower') out = out.toLowerCase();
    else if (v.casing === 'mixed') {
      out = [...out]
        .map((char, j) => (v.mixedSeed[j % v.mixedSeed.length] ? char.toUpperCase() : char.toLowerCase()))
        .join('');
    }
    if (v.nfd) out = out.normalize('NFD');
    return v.edges + out + v.edges;
  }

  it('reads the same deadline whatever its normalisation, spacing or case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEADLINE_CASES), variants, (c, v) => {
        const expected = parseDeadline(c.raw, c.context);
        const written = rewrite(c.raw, v);
        const result = parseDeadline(written, c.context);
        expect({
          kind: result.kind,
          start: result.start,
          due: result.due,
          recurring: result.recurring,
        }).toEqual({
          kind: expected.kind,
          start: expected.start,
          due: expected.due,
          recurring: expected.recurring,
        });
        expect(result.yearInferred).toBe(expected.yearInferred);
        expect(result.raw).toBe(written.trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findDeadlinePhrase properties', () => {
  it('never throws; what it finds is a slice of the sentence that parses', () => {
    const sentence = fc.oneof(
      anyText,
      fc
        .tuple(anyText, fc.constantFrom(...DEADLINE_CASES), anyText)
        .map(([a, c, b]) => `${a} hoàn thành ${c.raw} ${b}`),
    );
    fc.assert(
      fc.property(sentence, (text) => {
        const found = findDeadlinePhrase(text);
        if (found === null) return;
        expect(text.slice(found.index, found.index + found.raw.length)).toBe(found.raw);
        expect(parseDeadline(found.raw).kind).not.toBe('unknown');
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on long adversarial input (linear-time regexes)', () => {
    const inputs = [
      'trước 31/02/2017 '.repeat(20_000),
      'trong quý V, '.repeat(20_000),
      'chậm nhất ngày 1'.repeat(20_000),
      `hoàn thành ${'1/'.repeat(50_000)}`,
      `trong tháng ${'1, '.repeat(50_000)}`,
      `${' '.repeat(100_000)}x`,
      `Quý ${'I + '.repeat(50_000)}`,
    ];
    const started = performance.now();
    for (const input of inputs) {
      findDeadlinePhrase(input);
      parseDeadline(input);
      parseDeadline(input.slice(0, 1000));
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
