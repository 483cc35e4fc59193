/**
 * Task tables of the four seed plans: counts from the corpus fact sheet, and the tricky rows by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import type { CchcDocument, Task } from '../src/model/document.js';
import { FIXTURES, readFixture } from './helpers/fixtures.js';

const docs = Object.fromEntries(
  Object.entries(FIXTURES).map(([k, name]) => [k, parseText(readFixture(name), { path: name })]),
) as Record<keyof typeof FIXTURES, CchcDocument>;

function task(doc: CchcDocument, id: string): Task {
  const t = doc.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}; ids: ${doc.tasks.map((x) => x.id).join(' ')}`);
  return t;
}

describe('task-row counts (corpus README)', () => {
  it.each([
    ['sonLa', 40, 'L1'],
    ['thaiNguyen', 58, 'L2'],
    ['hauGiang', 0, null],
    ['namDinh', 45, 'L3'],
  ] as const)('%s has %i tasks (layout %s)', (key, count, layout) => {
    const doc = docs[key];
    expect(doc.tasks).toHaveLength(count);
    expect(doc.tables.map((t) => t.layout)).toEqual(layout ? [layout] : []);
    expect(new Set(doc.tasks.map((t) => t.id)).size).toBe(count);
    expect(doc.tasks.map((t) => t.ordinal)).toEqual(doc.tasks.map((_, i) => i + 1));
  });

  it('every task has a deadline that is read (not unknown)', () => {
    for (const doc of Object.values(docs)) {
      for (const t of doc.tasks) expect([t.id, t.deadline?.kind]).not.toEqual([t.id, 'unknown']);
      for (const t of doc.tasks) expect(t.deadline).not.toBeNull();
    }
  });

  it('every task has a lead agency and a reform area', () => {
    for (const doc of Object.values(docs)) {
      for (const t of doc.tasks) {
        expect(t.lead.length, t.id).toBeGreaterThan(0);
        expect(t.area, t.id).not.toBe('other');
      }
    }
  });
});

describe('Sơn La 158/QĐ-UBND (L1 pipe rows)', () => {
  const doc = docs.sonLa;
  it('reads the sections, including `VII. | ...` and `VIII | ...` with the numeral in its own cell', () => {
    const sections = doc.tables[0]!.sections.filter((s) => s.level === 1);
    expect(sections.map((s) => [s.key, s.area])).toEqual([
      ['I', 'institutions'],
      ['II', 'procedures'],
      ['III', 'apparatus'],
      ['IV', 'civil-service'],
      ['V', 'public-finance'],
      ['VI', 'e-government'],
      ['VII', 'direction'],
      ['VIII', 'direction'],
    ]);
    expect(sections[6]!.title).toBe('CÔNG TÁC TUYÊN TRUYỀN, KIỂM TRA CẢI CÁCH HÀNH CHÍNH');
    expect(sections[7]!.line).toBe(143);
  });

  it('reads a whole row into its fields', () => {
    expect(task(doc, 'I.2')).toMatchObject({
      number: '2',
      title: 'Ban hành Chương trình xây dựng Quyết định, Chỉ thị của UBND tỉnh năm 2014.',
      product: 'Quyết định',
      lead: ['Sở Tư pháp'],
      partners: ['Các sở, ban, ngành', 'UBND cấp huyện'],
      leadRaw: 'Sở Tư pháp',
      partnersRaw: 'Các sở, ban, ngành; UBND cấp huyện',
      deadline: { raw: 'Quý I năm 2014', kind: 'quarter', start: '2014-01-01', due: '2014-03-31' },
      section: 'I',
      area: 'institutions',
      line: 87,
    });
  });

  it('reads the VII and VIII rows', () => {
    expect(task(doc, 'VII.1').lead).toEqual(['Sở Thông tin và Truyền thông']);
    expect(task(doc, 'VII.1').leadRaw).toBe('Sở Thông tin truyền thông');
    expect(task(doc, 'VIII.1').deadline).toMatchObject({
      raw: 'Quý Inăm 2014',
      kind: 'quarter',
      due: '2014-03-31',
    });
    expect(task(doc, 'VIII.3').area).toBe('direction');
  });

  it('keeps the website lists of related documents out of the tasks', () => {
    expect(doc.tasks.some((t) => /Quyết định 3241\/QĐ-UBND/.test(t.title))).toBe(false);
    expect(doc.tables[0]!.endLine).toBe(148);
  });
});

describe('Thái Nguyên 121/KH-UBND (L2 one cell per line)', () => {
  const doc = docs.thaiNguyen;
  it('reads the nine group rows as groups with their areas, not as tasks', () => {
    const groups = doc.tables[0]!.sections.filter((s) => s.level === 2);
    expect(groups.map((g) => [g.numeral, g.area])).toEqual([
      ['1', 'direction'],
      ['2', 'institutions'],
      ['3', 'procedures'],
      ['4', 'apparatus'],
      ['5', 'civil-service'],
      ['6', 'public-finance'],
      ['7', 'e-government'],
      ['8', 'procedures'],
      ['9', 'impact'],
    ]);
    expect(doc.tasks.some((t) => t.title === 'Công tác chỉ đạo, điều hành')).toBe(false);
  });

  it('reads task rows under their group', () => {
    expect(task(doc, '1.3')).toMatchObject({
      title: 'Tham mưu kiểm tra CCHC tại các cơ quan, đơn vị.',
      group: '1. Công tác chỉ đạo, điều hành',
      lead: ['Sở Nội vụ'],
      deadline: { raw: 'Tháng 8/2017', kind: 'month', start: '2017-08-01', due: '2017-08-31' },
    });
    expect(task(doc, '4.3').lead).toEqual([
      'Sở Nội vụ',
      'Sở Kế hoạch và Đầu tư',
      'Sở Tài chính',
      'Sở Tài nguyên và Môi trường',
      'Sở Xây dựng',
    ]);
    expect(task(doc, '8.4').deadline).toMatchObject({
      raw: 'Năm 2017-2018',
      kind: 'range',
      due: '2018-12-31',
    });
  });

  it('stops before the report templates (BÁO CÁO, PHỤ LỤC 2, MẪU BÁO CÁO)', () => {
    expect(doc.tables[0]!.endLine).toBe(592);
    expect(doc.tasks.some((t) => /BÁO CÁO|Tổng số hồ sơ/.test(t.title))).toBe(false);
  });
});

describe('Nam Định 117/KH-UBND (L3 cells between lone | lines, hard-wrapped)', () => {
  const doc = docs.namDinh;
  it('splits the merged cell `1.1. … 1.2. …` into two tasks with their own cells', () => {
    expect(task(doc, 'I.1.1')).toMatchObject({
      title: 'Xây dựng Kế hoạch kiểm tra, rà soát văn bản QPPL.',
      leadRaw: 'Sở Tư pháp',
      partnersRaw: 'Các Sở, ban, ngành, UBND cấp huyện',
      funding: 'Kinh phí thường xuyên',
      line: 471,
    });
    expect(task(doc, 'I.1.2')).toMatchObject({
      title: 'Rà soát danh mục văn bản QPPL hết hiệu lực năm 2020.',
      leadRaw: 'Sở Tư pháp',
      partnersRaw: 'Cơ quan có liên quan',
      deadline: { raw: 'Quý 1-Năm 2021', kind: 'quarter', due: '2021-03-31' },
      line: 472,
    });
  });

  it('keeps the row without a funding cell as one task, with a warning', () => {
    const t = task(doc, 'IV.3.2');
    expect(t.title).toBe('Mở các lớp bồi dưỡng kỹ năng, kiến thức chuyên môn nghiệp vụ cho CB, CC, VC');
    expect(t.funding).toBeNull();
    expect(t.deadline?.raw).toBe('Năm 2021');
    const funding = doc.warnings.filter((w) => w.code === 'TASK_FUNDING_MISSING');
    expect(funding.map((w) => w.line)).toEqual([748]);
  });

  it('reads unnumbered task cells as tasks, and an unnumbered heading as a group', () => {
    expect(task(doc, 'IV.4.u1').title).toMatch(/^Triển khai các nội dung về luân chuyển/);
    expect(task(doc, 'IV.5.u1').title).toBe('Đánh giá, phân loại cán bộ, công chức, viên chức');
    expect(task(doc, 'IV.5.u1').deadline).toMatchObject({ raw: 'Quý IV Năm 2021', due: '2021-12-31' });
    expect(doc.tables[0]!.sections.some((s) => s.title === 'Đánh giá, chấm điểm Chỉ số CCHC năm 2020')).toBe(
      true,
    );
  });

  it('disambiguates repeated section numerals and keeps continuations in one section', () => {
    const tableSections = doc.tables[0]!.sections.filter((s) => s.level === 1);
    expect(tableSections.map((s) => s.key)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'V#2',
      'VI',
      'VI#2',
      'VII',
    ]);
    expect(task(doc, 'II.1.4').section).toBe('II');
    expect(task(doc, 'V.1').area).toBe('public-finance');
    expect(task(doc, 'V#2.1').area).toBe('e-government');
    expect(task(doc, 'V#2.1.1').title).toBe('Nâng cấp, mở rộng hệ thống Hội nghị trực tuyến của tỉnh');
  });

  it('gives tasks under `VI. Chỉ số CCHC` and `VII. Các nhiệm vụ khác` the direction area', () => {
    expect(task(doc, 'VI#2.1.1').area).toBe('direction');
    expect(task(doc, 'VII.1.2').area).toBe('direction');
  });

  it('expands `VP UBND tỉnh và các sở: ...` wrapped over two lines', () => {
    expect(task(doc, 'VI#2.1.1').partners).toEqual([
      'Văn phòng UBND tỉnh',
      'Sở Tư pháp',
      'Sở Tài chính',
      'Sở Kế hoạch và Đầu tư',
      'Sở Thông tin và Truyền thông',
      'Sở Khoa học và Công nghệ',
    ]);
  });
});

describe('followingNumber', () => {
  it('is the number with its last part one more, as splitting at the dots and joining again gives it', async () => {
    const { followingNumber } = await import('../src/table/assemble-rows.js');
    const definition = (number: string) => {
      const parts = number.split('.');
      parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
      return parts.join('.');
    };
    expect(followingNumber('1.1')).toBe('1.2');
    expect(followingNumber('9')).toBe('10');
    expect(followingNumber('2.3.9')).toBe('2.3.10');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.'), maxLength: 9 }), (n) => {
        expect(followingNumber(n)).toBe(definition(n));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});
