/**
 * Headers in the wild (SPEC §2): tokens split across lines, two-column headers squashed into `|`
 * rows, a website's metadata table first, paywall lines, lists of other documents' numbers, PDF
 * copies that lost their hyphens, spelling variants. Each fact is found by what it is.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';

const BODY = `
I. MỤC TIÊU
1. Mục tiêu cụ thể
- 90% văn bản được trao đổi dưới dạng điện tử.
II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Rà soát thủ tục hành chính.
`;

interface HeaderCase {
  name: string;
  text: string;
  expected: Partial<{
    type: string;
    number: string | null;
    issuedOn: string | null;
    place: string | null;
    province: string | null;
    issuer: string | null;
    period: { from: number; to: number } | null;
    title: string | null;
  }>;
  warnings?: string[];
}

const CASES: HeaderCase[] = [
  {
    name: 'tokens split across lines (Số: / number, Lào / Cai, QUYẾT / ĐỊNH)',
    text: `ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số:
112/KH-UBND
Lào
Cai, ngày 05 tháng 01 năm 2019
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LÀO CAI NĂM 2019
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;${BODY}`,
    expected: {
      type: 'ke-hoach',
      number: '112/KH-UBND',
      issuedOn: '2019-01-05',
      place: 'Lào Cai',
      province: 'Lào Cai',
      issuer: 'UBND tỉnh Lào Cai',
      period: { from: 2019, to: 2019 },
      title: 'CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH LÀO CAI NĂM 2019',
    },
  },
  {
    name: 'QUYẾT / ĐỊNH split, squashed `|` rows, a PDF number without its hyphen',
    text: `UBND TỈNH YÊN BÁI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 245/QĐUBND | Yên Bái, ngày 14 tháng 02 năm 2018
QUYẾT
ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2018
Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ;${BODY}`,
    expected: {
      type: 'quyet-dinh',
      number: '245/QĐUBND',
      issuedOn: '2018-02-14',
      place: 'Yên Bái',
      province: 'Yên Bái',
      issuer: 'UBND tỉnh Yên Bái',
      period: { from: 2018, to: 2018 },
    },
  },
  {
    name: 'website metadata (dd-mm-yyyy, Đang cập nhật), a paywall line, related documents, then the header',
    text: `Kế hoạch 20/KH-UBND năm 2020 cải cách hành chính tỉnh Quảng Ninh
Số hiệu: 20/KH-UBND Loại văn bản: Kế hoạch
Nơi ban hành: Tỉnh Quảng Ninh Người ký: Nguyễn Văn Thắng
Ngày ban hành: 15-01-2020 Ngày hiệu lực: Đang cập nhật
Ngày công báo: Đang cập nhật Số công báo: Đang cập nhật
Bạn phải đăng nhập hoặc đăng ký Thành viên TVPL Pro để sử dụng được đầy đủ các tiện ích gia tăng
Văn bản liên quan: Quyết định 1234/QĐ-UBND năm 2019; Kế hoạch 99/KH-UBND năm 2018
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
Số: 20/KH-UBND
Quảng Ninh, ngày 15 tháng 01 năm 2020
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH TỈNH QUẢNG NINH NĂM 2020${BODY}`,
    expected: {
      type: 'ke-hoach',
      number: '20/KH-UBND',
      issuedOn: '2020-01-15',
      province: 'Quảng Ninh',
      period: { from: 2020, to: 2020 },
    },
    warnings: [],
  },
  {
    name: 'website metadata that disagrees with the document is reported',
    text: `Số hiệu: 21/KH-UBND Loại văn bản: Kế hoạch
Nơi ban hành: Tỉnh Quảng Ninh Người ký: Nguyễn Văn Thắng
Ngày ban hành: 16/01/2020 Ngày hiệu lực: Đang cập nhật
ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
Số: 20/KH-UBND
Quảng Ninh, ngày 15 tháng 01 năm 2020
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH TỈNH QUẢNG NINH NĂM 2020${BODY}`,
    expected: { number: '20/KH-UBND', issuedOn: '2020-01-15' },
    warnings: ['METADATA_CONFLICT', 'METADATA_CONFLICT'],
  },
  {
    name: 'only the website metadata knows the number and date',
    text: `Số hiệu: 33/KH-UBND Loại văn bản: Kế hoạch
Nơi ban hành: Tỉnh Bến Tre Người ký: Cao Văn Trọng
Ngày ban hành: 03/03/2021 Ngày hiệu lực: Đang cập nhật
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NĂM 2021${BODY}`,
    expected: { number: '33/KH-UBND', issuedOn: '2021-03-03', province: 'Bến Tre', type: 'ke-hoach' },
  },
  {
    name: 'a Chương trình of the HĐND written HDND, with old tone placement (HOÀ, UỶ)',
    text: `HDND TỈNH THANH HOÁ | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 05/CTr-HĐND | Thanh Hoá, ngày 10 tháng 3 năm 2016
CHƯƠNG TRÌNH
GIÁM SÁT CÔNG TÁC CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2016 - 2020${BODY}`,
    expected: {
      type: 'chuong-trinh',
      number: '05/CTr-HĐND',
      issuedOn: '2016-03-10',
      province: 'Thanh Hóa',
      issuer: 'HĐND tỉnh Thanh Hóa',
      period: { from: 2016, to: 2020 },
    },
  },
  {
    name: 'a number cited in the preamble is not the document number',
    text: `ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NĂM 2019
Căn cứ Quyết định số 225/QĐ-TTg ngày 04 tháng 02 năm 2016 của Thủ tướng Chính phủ;
Xét đề nghị của Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 02 tháng 01 năm 2019,${BODY}`,
    expected: {
      number: null,
      issuedOn: null,
      type: 'ke-hoach',
      province: 'Ninh Bình',
      period: { from: 2019, to: 2019 },
    },
    warnings: ['NUMBER_MISSING', 'DATE_MISSING'],
  },
  {
    name: 'an impossible date is reported, not invented',
    text: `ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
Số: 7/KH-UBND
Hà Nam, ngày 31 tháng 02 năm 2019
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NĂM 2019${BODY}`,
    expected: { number: '7/KH-UBND', issuedOn: null, province: 'Hà Nam' },
    warnings: ['DATE_INVALID', 'DATE_MISSING'],
  },
  {
    name: 'the number and date only in the appendix caption',
    text: ` KẾ HOẠCH
NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH TỈNH PHÚ THỌ NĂM 2018${BODY}
 DANH MỤC
(Ban hành kèm theo Kế hoạch số 88/KH-UBND, ngày 02/4/2018 của UBND tỉnh Phú Thọ)`,
    expected: {
      number: '88/KH-UBND',
      issuedOn: '2018-04-02',
      province: 'Phú Thọ',
      issuer: 'UBND tỉnh Phú Thọ',
    },
  },
];

describe('header facts', () => {
  it.each(CASES)('$name', ({ text, expected, warnings }) => {
    const doc = parseText(text);
    const d = doc.document;
    const got = {
      type: d.type,
      number: d.number,
      issuedOn: d.issuedOn,
      place: d.place,
      province: d.province?.name ?? null,
      issuer: d.issuer,
      period: d.period,
      title: d.title,
    };
    expect(got).toMatchObject(expected);
    if (warnings) {
      const codes = doc.warnings
        .filter((w) =>
          ['METADATA_CONFLICT', 'NUMBER_MISSING', 'DATE_MISSING', 'DATE_INVALID'].includes(w.code),
        )
        .map((w) => w.code)
        .sort();
      expect(codes).toEqual([...warnings].sort());
    }
  });
});

describe('the signature block', () => {
  it.each([
    [
      'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nLữ Văn Hùng',
      { name: 'Lữ Văn Hùng', capacity: 'TM. UBND', title: 'Chủ tịch' },
    ],
    [
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Lê Đoài',
      { name: 'Trần Lê Đoài', capacity: 'KT. Chủ tịch', title: 'Phó Chủ tịch' },
    ],
    ['Nơi nhận: | CHỦ TỊCH |', { name: null, capacity: null, title: 'Chủ tịch' }],
    [
      'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNGUYỄN VĂN AN',
      { name: 'NGUYỄN VĂN AN', capacity: 'KT. Chủ tịch', title: 'Phó Chủ tịch' },
    ],
  ])('%j', (block, expected) => {
    const doc = parseText(`ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 1/KH-UBND\n${BODY}\n${block}\n`);
    expect(doc.document.signer).toMatchObject(expected);
  });

  it('finds no signer in a document without a signature (and not a template’s)', () => {
    const doc = parseText(`KẾ HOẠCH\n${BODY}\nLãnh đạo cơ quan, đơn vị\n(ký tên, đóng dấu)\n`);
    expect(doc.document.signer).toBeNull();
  });
});

describe('legal bases', () => {
  it.each([
    [
      'Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;',
      [{ kind: 'Luật', number: null, name: 'Luật Tổ chức HĐND và UBND', date: '2003-11-26', issuer: null }],
    ],
    [
      'Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020;',
      [{ kind: 'Nghị quyết', number: '30c/NQ-CP', date: '2011-11-08', issuer: 'Chính phủ' }],
    ],
    [
      'Thực hiện Nghị quyết số 27-NQ/TU ngày 07 tháng 01 năm 2008 của Ban Chấp hành Đảng bộ tỉnh về tăng cường sự lãnh đạo;',
      [{ kind: 'Nghị quyết', number: '27-NQ/TU', date: '2008-01-07', issuer: 'Ban Chấp hành Đảng bộ tỉnh' }],
    ],
    [
      'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 09/TTr-SNV ngày 06 tháng 01 năm 2014,',
      [{ kind: 'Tờ trình', number: '09/TTr-SNV', date: '2014-01-06', issuer: 'Giám đốc Sở Nội vụ' }],
    ],
    [
      'Thực hiện Công văn số 6459/BNV-CCHC ngày 07/12/2020 của Bộ Nội vụ về việc hướng dẫn; Kế hoạch số 91/KH-UBND ngày 25/9/2018 về việc ban hành Kế hoạch nâng cao Chỉ số CCHC;',
      [
        { kind: 'Công văn', number: '6459/BNV-CCHC', date: '2020-12-07', issuer: 'Bộ Nội vụ' },
        { kind: 'Kế hoạch', number: '91/KH-UBND', date: '2018-09-25', issuer: null },
      ],
    ],
    [
      'Căn cứ Quyết định số 1819/QĐ-TTg 26/10/2015 của Thủ tướng Chính phủ;',
      [{ number: '1819/QĐ-TTg', date: '2015-10-26', issuer: 'Thủ tướng Chính phủ' }],
    ],
    // Negative: a kind word without a number or date is the subject of a reference, not one.
    ['Căn cứ tình hình thực tế, UBND tỉnh ban hành Kế hoạch cải cách hành chính năm 2021 như sau:', []],
    ['Thực hiện chỉ đạo của Chủ tịch UBND tỉnh về Chương trình tổng thể cải cách hành chính;', []],
  ])('%s', (line, expected) => {
    const doc = parseText(`KẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH NĂM 2021\n${line}\n${BODY}`);
    expect(doc.document.legalBases).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(doc.document.legalBases[i]).toMatchObject(e);
  });
});
