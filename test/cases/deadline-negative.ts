import type { DeadlineContext } from '../../src/model/types.js';

/** Text that must read as `unknown` (start and due null), and why. */
export interface NegativeDeadlineCase {
  raw: string;
  context?: DeadlineContext;
  why: string;
}

export const NEGATIVE_DEADLINE_CASES: NegativeDeadlineCase[] = [
  { raw: '', why: 'empty cell' },
  { raw: '\u00a0', why: 'an L2 empty cell holds a no-break space' },
  { raw: '   \t ', why: 'only spaces' },
  { raw: 'Sở Nội vụ', why: 'an agency, not a time' },
  { raw: 'Kinh phí thường xuyên', why: 'a funding cell that contains "thường xuyên"' },
  { raw: 'Kinh phí CCHC', why: 'a funding cell' },
  {
    raw: 'Rà soát, đánh giá mức độ thực hiện Kế hoạch CCHC năm 2017; kết quả chỉ số CCHC năm 2016.',
    why: 'prose that mentions years',
  },
  { raw: 'Hoàn thành', why: 'a lead word with nothing after it' },
  { raw: 'Trong', why: 'a lead word with nothing after it' },
  { raw: 'Theo', why: 'half of "Theo quy định"' },
  { raw: 'Hàng', why: 'half of "Hàng năm"' },
  { raw: '100%', why: 'a percentage' },
  { raw: '100', why: 'a number that is not a year' },
  { raw: '12345', why: 'five digits are not a year' },
  { raw: '2.5', why: 'a decimal, not a day and month' },
  { raw: '1.000.000', why: 'a thousands-separated number' },
  { raw: 'Năm 3000', why: 'outside the plausible years' },
  { raw: 'Năm 201', why: 'three digits are not a year' },
  { raw: 'Quý V', why: 'there are four quarters' },
  { raw: 'Quý V năm 2017', why: 'there are four quarters' },
  { raw: 'Quý 5/2017', why: 'there are four quarters' },
  { raw: 'Quý 0/2017', why: 'there are four quarters' },
  { raw: 'Quý', why: 'no quarter named' },
  { raw: 'Quý I năm 201', why: 'the year is cut short' },
  { raw: 'tháng 13/2017', why: 'there are twelve months' },
  { raw: 'Tháng 0/2017', why: 'there is no month 0' },
  { raw: '13/2017', why: 'there are twelve months' },
  { raw: '32/1/2017', why: 'no month has 32 days' },
  { raw: '31/02/2017', why: 'February has no 31st' },
  { raw: '29/02/2017', why: '2017 is not a leap year' },
  { raw: '29/2/1900', why: '1900 is not a leap year' },
  { raw: '31/4/2017', why: 'April has 30 days' },
  { raw: '0/1/2017', why: 'there is no day 0' },
  { raw: '31/12/17', why: 'a two-digit year is not read' },
  { raw: '30/6/2017/2018', why: 'too many parts' },
  { raw: 'Năm 2018-2017', why: 'a range that runs backwards' },
  { raw: 'trước Quý III/2017', why: '"before a quarter" is ambiguous: before it starts, or by its end?' },
  { raw: 'chậm nhất 10 giờ ngày thứ Sáu', why: 'a weekday and hour, no date' },
  { raw: 'Nghị quyết số 21/NQ-CP', why: 'a document number' },
  { raw: '6 tháng', why: 'a duration, not a period of the year' },
  { raw: 'x'.repeat(5000), why: 'huge garbage' },
];

/** Sentences with no deadline phrase in them. */
export const NEGATIVE_PHRASE_CASES: { sentence: string; why: string }[] = [
  { sentence: '', why: 'empty' },
  {
    sentence:
      '- Định kỳ báo cáo tiến độ thực hiện Kế hoạch này cùng với Báo cáo CCHC; hằng tuần báo cáo qua địa chỉ Email: cchc@thainguyen.gov.vn chậm nhất 10 giờ ngày thứ Sáu',
    why: 'chậm nhất + an hour and weekday',
  },
  {
    sentence:
      '- Thời gian báo cáo: Các Sở, ban, ngành, UBND cấp huyện gửi báo cáo về Sở Nội vụ trước 10 giờ thứ 6 tuần cuối của tháng',
    why: 'trước + an hour',
  },
  {
    sentence:
      '- Thực hiện phân cấp theo Nghị quyết số 21/NQ-CP ngày 21/3/2016 của Chính phủ về các lĩnh vực: Quản lý công vụ',
    why: 'a date that dates a document, with no deadline word',
  },
  {
    sentence: '- Tập trung hoàn thành kế hoạch đào tạo, bồi dưỡng năm 2017.',
    why: 'the year names the plan',
  },
  {
    sentence:
      '- Tập trung hoàn thành kế hoạch tinh giản biên chế trong năm đảm bảo 100% số người dự kiến tinh giản',
    why: 'trong năm with no year',
  },
  {
    sentence:
      'đảm bảo hoàn thành 100% các nhiệm vụ, đẩy nhanh triển khai việc xây dựng kiến trúc chính quyền điện tử',
    why: 'hoàn thành + a percentage',
  },
  {
    sentence: 'Báo cáo kết quả đánh giá Chỉ số CCHC trong năm 2016 của tỉnh',
    why: 'bare trong + a year is descriptive',
  },
  { sentence: 'Tổ chức trong tháng tới', why: 'trong tháng with no month number' },
  { sentence: 'Trình trước Quý III/2017', why: 'trước + a period is ambiguous' },
  { sentence: 'Ban hành trước ngày 31/02/2017', why: 'not a real day' },
  { sentence: 'Hoàn thành trong 2.5 năm', why: 'a duration' },
  { sentence: 'Căn cứ Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng', why: 'a document date' },
];
