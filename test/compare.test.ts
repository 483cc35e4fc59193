/** compare() as a library: the fixtures side by side, and small made-up plans for the rules. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ComparisonRow,
  compare,
  comparisonTable,
  formatTarget,
  PERCENT_COLUMNS,
  transposeTable,
} from '../src/compare/compare.js';
import { parseText } from '../src/document/parse-text.js';
import { AREA_CODES, type AreaCode } from '../src/lexicon/types.js';
import type { CchcDocument, Task } from '../src/model/document.js';
import type { Target } from '../src/model/types.js';
import { FIXTURE_FILES, readFixture } from './helpers/fixtures.js';
import { madeUpDeadline, madeUpTask } from './helpers/made-up.js';

let fixtures: CchcDocument[];
beforeAll(() => {
  fixtures = FIXTURE_FILES.map((name) => parseText(readFixture(name), { path: `fixtures/${name}` }));
});

const byLabel = (rows: ComparisonRow[]) => Object.fromEntries(rows.map((r) => [r.label, r]));

describe('compare: the four fixtures', () => {
  it('gives one row per document, labelled by province and period, with the task counts', () => {
    const rows = byLabel(compare(fixtures).rows);
    expect(Object.keys(rows).sort()).toEqual([
      'Hậu Giang 2016–2020',
      'Nam Định 2021',
      'Sơn La 2014',
      'Thái Nguyên 2017',
    ]);
    expect(rows['Sơn La 2014']!.tasks).toBe(40);
    expect(rows['Thái Nguyên 2017']!.tasks).toBe(58);
    expect(rows['Hậu Giang 2016–2020']!.tasks).toBe(0);
    expect(rows['Nam Định 2021']!.tasks).toBe(45);
    expect(rows['Sơn La 2014']!.key).toBe('158/QĐ-UBND');
  });

  it('counts per area that add up to the total', () => {
    for (const row of compare(fixtures).rows) {
      expect(Object.keys(row.areas)).toEqual([...AREA_CODES]);
      expect(Object.values(row.areas).reduce((a, b) => a + b, 0)).toBe(row.tasks);
    }
    // Thái Nguyên's group 9 is about the PAR Index impact area (four tasks).
    expect(byLabel(compare(fixtures).rows)['Thái Nguyên 2017']!.areas.impact).toBe(4);
  });

  it('states the e-document target of Sơn La (60%, 2014) and Hậu Giang (90%, 2020)', () => {
    const rows = byLabel(compare(fixtures).rows);
    expect(rows['Sơn La 2014']!.targets['e-documents']).toMatchObject({
      value: 60,
      unit: '%',
      year: 2014,
      display: '60% (2014)',
    });
    // Hậu Giang states 90% three times (goals line 47, targets line 59, body line 135): the `Mục tiêu cụ thể` list wins.
    expect(rows['Hậu Giang 2016–2020']!.targets['e-documents']).toMatchObject({
      value: 90,
      year: 2020,
      scope: 'targets',
      line: 59,
      display: '90% (2020)',
    });
    expect(rows['Thái Nguyên 2017']!.targets['e-documents']!.display).toBe('>=80% (2017)');
    expect(rows['Nam Định 2021']!.targets['e-documents']).toBeNull();
  });

  it('shows only indicators some input states, in lexicon order', () => {
    const namDinh = compare(fixtures.filter((d) => d.document.key === '117/KH-UBND'));
    expect(namDinh.indicators).toEqual(['online-services']);
    const onlySonLa = compare(fixtures.filter((d) => d.document.key === '158/QĐ-UBND')).indicators;
    expect(onlySonLa).toEqual([
      'satisfaction-public-services',
      'satisfaction-admin',
      'e-documents',
      'email-use',
      'online-meetings',
      'one-stop',
      'job-positions',
      'portals',
    ]);
  });

  it('gives deadline shares and the busiest lead agencies', () => {
    const rows = byLabel(compare(fixtures).rows);
    const sonLa = rows['Sơn La 2014']!;
    // 39 of Sơn La's 40 tasks have a dated deadline; the first is `Thường xuyên`.
    expect(sonLa.percent).toEqual({ dated: 97.5, recurring: 2.5, openEnded: 0, perRegulation: 0 });
    expect(sonLa.leads[0]).toEqual({ agency: 'Sở Nội vụ', tasks: 19 });
    expect(sonLa.leads).toHaveLength(3);
    expect(rows['Hậu Giang 2016–2020']!.percent.dated).toBeNull();
    expect(rows['Hậu Giang 2016–2020']!.leads).toEqual([]);
  });

  it('chooses columns with indicators and areas, in the order asked', () => {
    const c = compare(fixtures, {
      indicators: ['one-stop', 'e-documents'],
      areas: ['procedures', 'direction'],
    });
    expect(c.indicators).toEqual(['one-stop', 'e-documents']);
    expect(Object.keys(c.rows[0]!.targets)).toEqual(['one-stop', 'e-documents']);
    expect(comparisonTable(c).columns).toEqual([
      'label',
      'key',
      'tasks',
      'procedures',
      'direction',
      ...Object.values(PERCENT_COLUMNS),
      'lead 1',
      'lead 2',
      'lead 3',
      'one-stop',
      'e-documents',
    ]);
  });
});

// --- made-up plans ---------------------------------------------------------------------------

const deadline = madeUpDeadline;

function task(area: AreaCode, lead: string[], d: Task['deadline'] = null, id = 'I.1'): Task {
  return madeUpTask({ id, area, lead, deadline: d });
}

function target(
  indicator: string,
  value: number,
  scope: Target['scope'],
  line: number,
  year: number | null = 2020,
): Target {
  return {
    text: '',
    raw: `${value}%`,
    line,
    section: null,
    scope,
    value,
    unit: '%',
    comparator: '=',
    year,
    yearInferred: false,
    indicator,
    subject: '',
    task: null,
  };
}

function plan(
  key: string,
  province: string | null,
  period: [number, number] | null,
  parts: { tasks?: Task[]; targets?: Target[]; issuedOn?: string } = {},
): CchcDocument {
  return {
    schemaVersion: '1.0',
    source: {
      path: null,
      sha256: null,
      bytes: 0,
      encoding: 'utf-8',
      normalized: false,
      normalizations: [],
      lines: 0,
    },
    document: {
      key,
      type: 'ke-hoach',
      number: key,
      issuer: null,
      province: province ? { name: province, slug: province.toLowerCase().replace(/ /g, '-') } : null,
      issuedOn: parts.issuedOn ?? null,
      place: null,
      title: null,
      period: period ? { from: period[0], to: period[1] } : null,
      signer: null,
      approves: null,
      program: null,
      legalBases: [],
      provenance: {},
    },
    sections: [],
    goals: [],
    targets: parts.targets ?? [],
    tasks: parts.tasks ?? [],
    commitments: [],
    tables: [],
    warnings: [],
  };
}

describe('compare: the rules', () => {
  it('chooses a target by scope (targets, goals, body), then by earliest line', () => {
    const doc = plan('1/KH-UBND', 'An Giang', [2020, 2020], {
      targets: [
        target('e-documents', 50, 'body', 3),
        target('e-documents', 70, 'goals', 40),
        target('e-documents', 80, 'goals', 20),
      ],
    });
    expect(compare([doc]).rows[0]!.targets['e-documents']!.value).toBe(80);
    doc.targets.push(target('e-documents', 95, 'targets', 99));
    expect(compare([doc]).rows[0]!.targets['e-documents']!.value).toBe(95);
  });

  it('by province: sums the tasks, and the latest plan wins per indicator, naming the plan', () => {
    const old = plan('10/KH-UBND', 'Bắc Ninh', [2019, 2019], {
      tasks: [task('procedures', ['Sở Tư pháp'])],
      targets: [target('e-documents', 50, 'targets', 5), target('one-stop', 100, 'targets', 6)],
    });
    const latest = plan('20/KH-UBND', 'Bắc Ninh', [2021, 2021], {
      tasks: [task('direction', ['Sở Nội vụ']), task('direction', ['Sở Nội vụ'])],
      targets: [target('e-documents', 90, 'body', 7)],
    });
    const other = plan('30/KH-UBND', 'Cà Mau', [2020, 2020]);
    const c = compare([latest, other, old], { by: 'province' });
    expect(c.rows.map((r) => r.label)).toEqual(['Bắc Ninh', 'Cà Mau']);
    const bacNinh = c.rows[0]!;
    expect(bacNinh.key).toBe('bắc-ninh');
    expect(bacNinh.documents).toEqual(['20/KH-UBND', '10/KH-UBND']);
    expect(bacNinh.period).toEqual({ from: 2019, to: 2021 });
    expect(bacNinh.tasks).toBe(3);
    expect(bacNinh.areas).toMatchObject({ direction: 2, procedures: 1 });
    // A body figure of the latest plan beats a listed target of an older one: the plan is what counts.
    expect(bacNinh.targets['e-documents']).toMatchObject({
      value: 90,
      document: '20/KH-UBND',
      display: '90% (2020) [20/KH-UBND]',
    });
    expect(bacNinh.targets['one-stop']).toMatchObject({ value: 100, document: '10/KH-UBND' });
    expect(bacNinh.leads).toEqual([
      { agency: 'Sở Nội vụ', tasks: 2 },
      { agency: 'Sở Tư pháp', tasks: 1 },
    ]);
    expect(comparisonTable(c).rows[0]!.plans).toEqual(['20/KH-UBND', '10/KH-UBND']);
  });

  it('orders plans of one province by period end, then start, then date of issue', () => {
    const a = plan('A', 'Huế', [2016, 2020], { targets: [target('training', 1, 'targets', 1)] });
    const b = plan('B', 'Huế', [2020, 2020], { targets: [target('training', 2, 'targets', 1)] });
    const c = plan('C', 'Huế', [2020, 2020], {
      issuedOn: '2020-03-01',
      targets: [target('training', 3, 'targets', 1)],
    });
    expect(compare([a, b, c], { by: 'province' }).rows[0]!.documents).toEqual(['C', 'B', 'A']);
    expect(compare([a, b, c], { by: 'province' }).rows[0]!.targets.training!.value).toBe(3);
  });

  it('keeps a plan without a province in a row of its own, labelled by its key', () => {
    const c = compare([plan('x-plan', null, null), plan('y-plan', null, [2022, 2022])], { by: 'province' });
    expect(c.rows.map((r) => r.label)).toEqual(['x-plan', 'y-plan']);
    expect(compare([plan('y-plan', null, [2022, 2022])]).rows[0]!.label).toBe('y-plan 2022');
  });

  it('makes labels unique with the document key', () => {
    const rows = compare([plan('1/KH', 'Lào Cai', [2019, 2019]), plan('2/KH', 'Lào Cai', [2019, 2019])]).rows;
    expect(rows.map((r) => r.label)).toEqual(['Lào Cai 2019 [1/KH]', 'Lào Cai 2019 [2/KH]']);
  });

  it('counts a lead agency once per task and breaks ties by first appearance', () => {
    const doc = plan('k', 'Yên Bái', [2020, 2020], {
      tasks: [
        task('other', ['Sở B', 'Sở B']),
        task('other', ['Sở A']),
        task('other', ['Sở C']),
        task('other', ['Sở D', 'Sở A']),
        task('other', ['Sở B']),
      ],
    });
    expect(compare([doc]).rows[0]!.leads).toEqual([
      { agency: 'Sở B', tasks: 2 },
      { agency: 'Sở A', tasks: 2 },
      { agency: 'Sở C', tasks: 1 },
    ]);
  });

  it('classifies deadlines: dated, recurring, open-ended, per-regulation', () => {
    const doc = plan('k', 'Yên Bái', [2020, 2020], {
      tasks: [
        task('other', [], deadline({ kind: 'quarter', due: '2020-03-31' })),
        task('other', [], deadline({ kind: 'recurring', recurring: true })),
        task('other', [], deadline({ kind: 'from', start: '2020-04-01' })),
        task('other', [], deadline({ kind: 'per-regulation' })),
        task('other', [], null),
        task('other', [], deadline({ kind: 'month', due: '2020-08-31' })),
        task('other', [], deadline({ kind: 'unknown' })),
        task('other', [], deadline({ kind: 'year', due: '2020-12-31' })),
      ],
    });
    expect(compare([doc]).rows[0]!.percent).toEqual({
      dated: 37.5,
      recurring: 12.5,
      openEnded: 12.5,
      perRegulation: 12.5,
    });
  });

  it('formats targets with comparator, unit and year', () => {
    expect(formatTarget({ value: 80, unit: '%', comparator: '>=', year: 2020 })).toBe('>=80% (2020)');
    expect(formatTarget({ value: 90, unit: '%', comparator: '=', year: 2020 })).toBe('90% (2020)');
    expect(formatTarget({ value: 3, unit: 'count', comparator: '>=', year: null })).toBe('>=3');
    expect(formatTarget({ value: 'C', unit: 'rank', comparator: '>=', year: 2017 })).toBe('>=C (2017)');
    expect(formatTarget({ value: 5, unit: '%', comparator: '<', year: 2025 })).toBe('<5% (2025)');
  });

  it('transposes: one row per measure, one column per label', () => {
    const c = compare([
      plan('1/KH', 'Lào Cai', [2019, 2019], { tasks: [task('apparatus', ['Sở Nội vụ'])] }),
      plan('2/KH', 'Sơn La', [2020, 2020]),
    ]);
    const t = transposeTable(comparisonTable(c));
    expect(t.columns).toEqual(['measure', 'Lào Cai 2019', 'Sơn La 2020']);
    expect(t.rows.find((r) => r.measure === 'tasks')).toEqual({
      measure: 'tasks',
      'Lào Cai 2019': 1,
      'Sơn La 2020': 0,
    });
    expect(t.rows.find((r) => r.measure === 'lead 1')).toEqual({
      measure: 'lead 1',
      'Lào Cai 2019': 'Sở Nội vụ (1)',
      'Sơn La 2020': null,
    });
    expect(t.rows.map((r) => r.measure)).toEqual(comparisonTable(c).columns.slice(1));
  });

  it('property: area counts add up, percentages stay within 0..100', () => {
    const deadlines = fc.constantFrom<Task['deadline']>(
      null,
      deadline({ kind: 'date', due: '2020-01-01' }),
      deadline({ kind: 'recurring', recurring: true }),
      deadline({ kind: 'from', start: '2020-01-01' }),
      deadline({ kind: 'per-regulation' }),
    );
    const tasks = fc.array(
      fc.tuple(fc.constantFrom(...AREA_CODES), fc.subarray(['Sở A', 'Sở B', 'Sở C', 'Sở D']), deadlines),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(fc.array(tasks, { minLength: 1, maxLength: 4 }), fc.boolean(), (docs, byProvince) => {
        const plans = docs.map((ts, i) =>
          plan(`${i}/KH`, i % 2 === 0 ? 'Tỉnh Chẵn' : 'Tỉnh Lẻ', [2020, 2020 + i], {
            tasks: ts.map(([a, l, d]) => task(a, l, d)),
          }),
        );
        const c = compare(plans, { by: byProvince ? 'province' : 'document' });
        expect(c.rows.reduce((n, r) => n + r.tasks, 0)).toBe(docs.flat().length);
        for (const r of c.rows) {
          expect(Object.values(r.areas).reduce((a, b) => a + b, 0)).toBe(r.tasks);
          for (const p of Object.values(r.percent)) {
            if (p === null) expect(r.tasks).toBe(0);
            else expect(p >= 0 && p <= 100).toBe(true);
          }
          expect(r.leads.length).toBeLessThanOrEqual(3);
        }
        expect(new Set(c.rows.map((r) => r.label)).size).toBe(c.rows.length);
      }),
    );
  });
});
