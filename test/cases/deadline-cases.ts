import type { Deadline, DeadlineContext } from '../../src/model/types.js';

/** A deadline as written and what it must mean (SPEC §4). `recurring` and `yearInferred` default to false. */
export interface DeadlineCase
  extends Pick<Deadline, 'raw' | 'kind' | 'start' | 'due' | 'occurrences'>,
    Partial<Pick<Deadline, 'recurring' | 'yearInferred'>> {
  context?: DeadlineContext;
}

/** The plans' periods: 000 Sơn La 2014, 001 Thái Nguyên 2017, 004 Nam Định 2021, 003 Hậu Giang 2016–2020. */
const SON_LA: DeadlineContext = { periodFrom: 2014, periodTo: 2014 };
const THAI_NGUYEN: DeadlineContext = { periodFrom: 2017, periodTo: 2017 };
const NAM_DINH: DeadlineContext = { periodFrom: 2021, periodTo: 2021 };
const HAU_GIANG: DeadlineContext = { periodFrom: 2016, periodTo: 2020 };

const RECURRING = { kind: 'recurring', start: null, due: null, recurring: true } as const;
const PER_REGULATION = { kind: 'per-regulation', start: null, due: null } as const;

/** Every distinct deadline cell of the fixtures, as written, with its plan's period. */
export const FIXTURE_DEADLINE_CASES: DeadlineCase[] = [
  // 000 Sơn La (L1, last cell of each task row)
  { raw: 'Thường xuyên', context: SON_LA, ...RECURRING },
  { raw: 'Quý I năm 2014', context: SON_LA, kind: 'quarter', start: '2014-01-01', due: '2014-03-31' },
  { raw: 'Quý Inăm 2014', context: SON_LA, kind: 'quarter', start: '2014-01-01', due: '2014-03-31' },
  { raw: 'Quý I + II năm 2014', context: SON_LA, kind: 'quarter', start: '2014-01-01', due: '2014-06-30' },
  { raw: 'Năm 2014', context: SON_LA, kind: 'year', start: '2014-01-01', due: '2014-12-31' },
  // 001 Thái Nguyên (L2, fifth cell)
  { raw: 'Thường xuyên', context: THAI_NGUYEN, ...RECURRING },
  { raw: 'Theo quy định', context: THAI_NGUYEN, ...PER_REGULATION },
  { raw: 'Theo kế hoạch', context: THAI_NGUYEN, ...PER_REGULATION },
  { raw: 'Tháng 8/2017', context: THAI_NGUYEN, kind: 'month', start: '2017-08-01', due: '2017-08-31' },
  { raw: 'Tháng 9/2017', context: THAI_NGUYEN, kind: 'month', start: '2017-09-01', due: '2017-09-30' },
  { raw: 'Tháng 11/2017', context: THAI_NGUYEN, kind: 'month', start: '2017-11-01', due: '2017-11-30' },
  { raw: '31/12/2017', context: THAI_NGUYEN, kind: 'date', start: null, due: '2017-12-31' },
  { raw: 'Năm 2017-2018', context: THAI_NGUYEN, kind: 'range', start: '2017-01-01', due: '2018-12-31' },
  { raw: 'Quý III/2017', context: THAI_NGUYEN, kind: 'quarter', start: '2017-07-01', due: '2017-09-30' },
  // 004 Nam Định (L3, the `Thời gian thực hiện` cell)
  { raw: 'Quý 1-Năm 2021', context: NAM_DINH, kind: 'quarter', start: '2021-01-01', due: '2021-03-31' },
  { raw: 'Quý I -Năm 2021', context: NAM_DINH, kind: 'quarter', start: '2021-01-01', due: '2021-03-31' },
  { raw: 'Quý I năm 2021', context: NAM_DINH, kind: 'quarter', start: '2021-01-01', due: '2021-03-31' },
  { raw: 'Quý IV Năm 2021', context: NAM_DINH, kind: 'quarter', start: '2021-10-01', due: '2021-12-31' },
  { raw: 'Năm 2021', context: NAM_DINH, kind: 'year', start: '2021-01-01', due: '2021-12-31' },
  { raw: 'Năm 2021 và những năm tiếp theo', context: NAM_DINH, kind: 'from', start: '2021-01-01', due: null },
  {
    raw: 'Năm 2021 và những năm tiếp theo(Theo lộ trình của Trung ương)',
    context: NAM_DINH,
    kind: 'from',
    start: '2021-01-01',
    due: null,
  },
  { raw: 'Hàng năm (Theo lộ trình của Trung ương)', context: NAM_DINH, ...RECURRING },
  { raw: 'Thường xuyên', context: NAM_DINH, ...RECURRING },
  { raw: 'Theo quy định của Bộ Nội vụ', context: NAM_DINH, ...PER_REGULATION },
  { raw: 'Theo hướng dẫn của Bộ Nội vụ', context: NAM_DINH, ...PER_REGULATION },
];

/** Deadlines stated in the fixtures' prose (as findDeadlinePhrase returns them). */
export const PROSE_DEADLINE_CASES: DeadlineCase[] = [
  { raw: 'Hoàn thành trước ngày 20 ngày 02 năm 2014', kind: 'date', start: null, due: '2014-02-20' },
  { raw: 'Hoàn thành trước ngày 28 tháng 02 năm 2014', kind: 'date', start: null, due: '2014-02-28' },
  { raw: 'chậm nhất ngày 31/12/2017', kind: 'date', start: null, due: '2017-12-31' },
  { raw: 'trong quý III năm 2017', kind: 'quarter', start: '2017-07-01', due: '2017-09-30' },
];

/** The phrasings of SPEC §4 and the brief, and their obvious relatives. */
export const PHRASING_CASES: DeadlineCase[] = [
  // days
  { raw: 'trước 30/6/2021', kind: 'date', start: null, due: '2021-06-30' },
  { raw: 'chậm nhất ngày 30/7/2017', kind: 'date', start: null, due: '2017-07-30' },
  { raw: 'trước ngày 28 tháng 02 năm 2014', kind: 'date', start: null, due: '2014-02-28' },
  { raw: 'ngày 20 ngày 02 năm 2014', kind: 'date', start: null, due: '2014-02-20' },
  { raw: 'Ngày 15 tháng 3 năm 2017', kind: 'date', start: null, due: '2017-03-15' },
  { raw: '29/02/2016', kind: 'date', start: null, due: '2016-02-29' },
  { raw: '29/2/2000', kind: 'date', start: null, due: '2000-02-29' },
  { raw: '30.6.2017', kind: 'date', start: null, due: '2017-06-30' },
  { raw: '1-7-2017', kind: 'date', start: null, due: '2017-07-01' },
  { raw: '31 / 12 / 2017', kind: 'date', start: null, due: '2017-12-31' },
  { raw: '30/6', context: THAI_NGUYEN, kind: 'date', start: null, due: '2017-06-30', yearInferred: true },
  { raw: 'trước 30/6', context: NAM_DINH, kind: 'date', start: null, due: '2021-06-30', yearInferred: true },
  {
    raw: 'Ngày 31 tháng 12',
    context: SON_LA,
    kind: 'date',
    start: null,
    due: '2014-12-31',
    yearInferred: true,
  },
  { raw: '30/6', context: HAU_GIANG, kind: 'date', start: null, due: null },
  { raw: '30/6', kind: 'date', start: null, due: null },
  // months
  { raw: 'Tháng 09/2017', kind: 'month', start: '2017-09-01', due: '2017-09-30' },
  { raw: 'tháng 8 năm 2017', kind: 'month', start: '2017-08-01', due: '2017-08-31' },
  { raw: 'Tháng 2/2016', kind: 'month', start: '2016-02-01', due: '2016-02-29' },
  { raw: 'Tháng 2/2017', kind: 'month', start: '2017-02-01', due: '2017-02-28' },
  { raw: 'Tháng 12-2017', kind: 'month', start: '2017-12-01', due: '2017-12-31' },
  { raw: '09/2017', kind: 'month', start: '2017-09-01', due: '2017-09-30' },
  {
    raw: 'Tháng 9',
    context: THAI_NGUYEN,
    kind: 'month',
    start: '2017-09-01',
    due: '2017-09-30',
    yearInferred: true,
  },
  { raw: 'tháng 10 và tháng 11 năm 2019', kind: 'month', start: '2019-10-01', due: '2019-11-30' },
  { raw: 'Tháng 10, 11/2019', kind: 'month', start: '2019-10-01', due: '2019-11-30' },
  { raw: 'tháng 10 đến tháng 12 năm 2019', kind: 'month', start: '2019-10-01', due: '2019-12-31' },
  { raw: 'Trong tháng 9/2017', kind: 'month', start: '2017-09-01', due: '2017-09-30' },
  // quarters
  { raw: 'Quý I/2012', kind: 'quarter', start: '2012-01-01', due: '2012-03-31' },
  { raw: 'Quý 2/2017', kind: 'quarter', start: '2017-04-01', due: '2017-06-30' },
  { raw: 'quý II năm 2017', kind: 'quarter', start: '2017-04-01', due: '2017-06-30' },
  { raw: 'QUÝ III NĂM 2017', kind: 'quarter', start: '2017-07-01', due: '2017-09-30' },
  { raw: 'Quý 4 năm 2020', kind: 'quarter', start: '2020-10-01', due: '2020-12-31' },
  { raw: 'Quý I, II/2014', kind: 'quarter', start: '2014-01-01', due: '2014-06-30' },
  { raw: 'Quý I+II năm 2014', kind: 'quarter', start: '2014-01-01', due: '2014-06-30' },
  { raw: 'Quý II - III năm 2018', kind: 'quarter', start: '2018-04-01', due: '2018-09-30' },
  {
    raw: 'quý I và quý II',
    context: SON_LA,
    kind: 'quarter',
    start: '2014-01-01',
    due: '2014-06-30',
    yearInferred: true,
  },
  {
    raw: 'Quý I',
    context: SON_LA,
    kind: 'quarter',
    start: '2014-01-01',
    due: '2014-03-31',
    yearInferred: true,
  },
  {
    raw: 'Quý IV',
    context: NAM_DINH,
    kind: 'quarter',
    start: '2021-10-01',
    due: '2021-12-31',
    yearInferred: true,
  },
  { raw: 'Quý I', context: HAU_GIANG, kind: 'quarter', start: null, due: null },
  { raw: 'Trong quý III năm 2017', kind: 'quarter', start: '2017-07-01', due: '2017-09-30' },
  { raw: 'Đầu năm 2018', kind: 'quarter', start: '2018-01-01', due: '2018-03-31' },
  { raw: 'cuối năm 2018', kind: 'quarter', start: '2018-10-01', due: '2018-12-31' },
  {
    raw: 'Cuối năm',
    context: THAI_NGUYEN,
    kind: 'quarter',
    start: '2017-10-01',
    due: '2017-12-31',
    yearInferred: true,
  },
  // halves
  { raw: '6 tháng đầu năm 2017', kind: 'half', start: '2017-01-01', due: '2017-06-30' },
  { raw: '6 tháng cuối năm 2017', kind: 'half', start: '2017-07-01', due: '2017-12-31' },
  {
    raw: '6 tháng cuối năm',
    context: THAI_NGUYEN,
    kind: 'half',
    start: '2017-07-01',
    due: '2017-12-31',
    yearInferred: true,
  },
  { raw: 'Sáu tháng đầu năm 2020', kind: 'half', start: '2020-01-01', due: '2020-06-30' },
  // years
  { raw: 'năm 2021', kind: 'year', start: '2021-01-01', due: '2021-12-31' },
  { raw: 'Năm 2014.', kind: 'year', start: '2014-01-01', due: '2014-12-31' },
  { raw: '2018', kind: 'year', start: '2018-01-01', due: '2018-12-31' },
  { raw: 'Trong năm 2017', kind: 'year', start: '2017-01-01', due: '2017-12-31' },
  {
    raw: 'Trong năm',
    context: THAI_NGUYEN,
    kind: 'year',
    start: '2017-01-01',
    due: '2017-12-31',
    yearInferred: true,
  },
  // ranges
  { raw: '2016 - 2020', kind: 'range', start: '2016-01-01', due: '2020-12-31' },
  { raw: 'Giai đoạn 2016 - 2020', kind: 'range', start: '2016-01-01', due: '2020-12-31' },
  { raw: 'giai đoạn 2021-2025', kind: 'range', start: '2021-01-01', due: '2025-12-31' },
  { raw: 'Từ năm 2016 đến năm 2020', kind: 'range', start: '2016-01-01', due: '2020-12-31' },
  { raw: 'Năm 2017 – 2018', kind: 'range', start: '2017-01-01', due: '2018-12-31' },
  // multi-year
  {
    raw: 'Năm 2013, 2014, 2015',
    kind: 'multi-year',
    start: '2013-01-01',
    due: '2015-12-31',
    occurrences: [
      { start: '2013-01-01', due: '2013-12-31' },
      { start: '2014-01-01', due: '2014-12-31' },
      { start: '2015-01-01', due: '2015-12-31' },
    ],
  },
  {
    raw: 'Năm 2017 và năm 2018',
    kind: 'multi-year',
    start: '2017-01-01',
    due: '2018-12-31',
    occurrences: [
      { start: '2017-01-01', due: '2017-12-31' },
      { start: '2018-01-01', due: '2018-12-31' },
    ],
  },
  // open-ended
  { raw: 'Từ Quý II/2012', kind: 'from', start: '2012-04-01', due: null },
  { raw: 'Từ tháng 9/2017', kind: 'from', start: '2017-09-01', due: null },
  { raw: 'Từ năm 2021 trở đi', kind: 'from', start: '2021-01-01', due: null },
  {
    raw: 'Từ quý II',
    context: THAI_NGUYEN,
    kind: 'from',
    start: '2017-04-01',
    due: null,
    yearInferred: true,
  },
  // recurring
  { raw: 'Hàng năm', ...RECURRING },
  { raw: 'Hằng năm', ...RECURRING },
  { raw: 'hằng quý', ...RECURRING },
  { raw: 'Hàng tháng', ...RECURRING },
  { raw: 'Định kỳ 6 tháng', ...RECURRING },
  { raw: 'Định kỳ hằng năm', ...RECURRING },
  { raw: 'THƯỜNG XUYÊN', ...RECURRING },
  { raw: 'Thường xuyên, liên tục', ...RECURRING },
  // per regulation
  { raw: 'Theo quy định', ...PER_REGULATION },
  { raw: 'theo kế hoạch của UBND tỉnh', ...PER_REGULATION },
  { raw: 'Theo lộ trình của Trung ương', ...PER_REGULATION },
  { raw: '(Theo lộ trình của Trung ương)', ...PER_REGULATION },
];

export const DEADLINE_CASES: DeadlineCase[] = [
  ...FIXTURE_DEADLINE_CASES,
  ...PROSE_DEADLINE_CASES,
  ...PHRASING_CASES,
];
