/**
 * The legal bases a plan cites in its preamble: every `Căn cứ …`, `Thực hiện …`, `Xét đề nghị …`
 * paragraph, split into references with kind, number, date and issuer.
 *
 *   Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình ...
 *          ^kind      ^number     ^date                    ^issuer
 *
 * A kind word only starts a reference when a number or a date follows it; `ban hành Chương trình
 * tổng thể ...` inside a reference is its subject, not another reference.
 */

import { allMatches } from '../text/matches.js';
import { findDate } from './dates.js';

export interface LegalBasis {
  kind: string;
  number: string | null;
  /** For laws cited by name: `Luật Tổ chức HĐND và UBND`. */
  name: string | null;
  date: string | null;
  issuer: string | null;
  raw: string;
  line: number;
}

const KINDS = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị quyết',
  'Nghị định',
  'Quyết định',
  'Chỉ thị',
  'Thông tư',
  'Công văn',
  'Văn bản',
  'Kế hoạch',
  'Chương trình',
  'Thông báo',
  'Báo cáo',
  'Tờ trình',
  'Hướng dẫn',
  'Đề án',
  'Kết luận',
];
const KIND_RE = new RegExp(
  `(?<![A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF])(${KINDS.join('|')})(?![A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF])`,
  'gu',
);
/** `158/QĐ-UBND`, `30c/NQ-CP`, `45/2013/NQ-HĐND`, `27-NQ/TU`, `245/QĐUBND`, `09/TTr-SNV`. */
export const DOC_NUMBER =
  /\d{1,5}[a-zA-Z]?(?:\/\d{4})?\/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]{1,8}(?:[-–][A-Za-z\u00C0-\u024F\u1E00-\u1EFF\d]{1,12}){0,3}|\d{1,5}-[A-ZĐ]{1,5}\/[A-ZĐ]{1,8}/u;
const NUMBER_AFTER_KIND = new RegExp(`^\\s*(?:[sS]ố\\s*:?\\s*)?(${DOC_NUMBER.source})`, 'u');
const ISSUER =
  /^(?:[^;]{0,40}?)\bcủa\s+((?:[^;,(]|,(?!\s))+?)(?=\s+(?:về|ban hành|tại|trên|đối với|quy định|phê duyệt|hướng dẫn|giai đoạn|triển khai|thực hiện)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])|[;,(.]|$)/u;
const LAW_NAME =
  /^\s*([A-Za-z\u00C0-\u024F\u1E00-\u1EFF\d&]+(?:\s+[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\d&]+){0,11}?)(?=\s*[;,]|\s*$|\s+(?:ngày|số)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF]))/u;

const BASIS_OPENERS =
  /^(?:[-–+]\s*)?(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Theo|Triển khai|Thi hành)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u;

export function isBasisParagraph(text: string): boolean {
  return BASIS_OPENERS.test(text);
}

/** Read every reference in one preamble paragraph. `lineAt` maps an offset to its source line. */
export function readLegalBases(text: string, lineAt: (offset: number) => number): LegalBasis[] {
  const starts: { kind: string; index: number }[] = [];
  for (const m of allMatches(KIND_RE, text)) starts.push({ kind: m[1]!, index: m.index });
  const out: LegalBasis[] = [];
  // `Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 09/TTr-SNV` — the proposer issued the submission.
  const proposer = /^Xét đề nghị của\s+(.+?)\s+tại\s/u.exec(text)?.[1] ?? null;
  for (let i = 0; i < starts.length; i++) {
    const { kind, index } = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]!.index : text.length;
    // Each reference is read within its own stretch, up to the next kind word (and at most 400
    // characters): the patterns below then cost the length of one reference, not of the paragraph.
    const afterKind = text.slice(index + kind.length, Math.min(end, index + kind.length + 400));
    const numberMatch = NUMBER_AFTER_KIND.exec(afterKind);
    const number = numberMatch ? numberMatch[1]! : null;
    let name: string | null = null;
    let rest = numberMatch ? afterKind.slice(numberMatch[0].length) : afterKind;
    if (!number && (kind === 'Luật' || kind === 'Bộ luật' || kind === 'Pháp lệnh')) {
      const m = LAW_NAME.exec(afterKind);
      if (m) {
        name = `${kind} ${m[1]!.trim()}`;
        rest = afterKind.slice(m[0].length);
      }
    }
    // The reference's own text runs to the next reference or the end of its clause.
    const clauseEnd = rest.search(/;/);
    const own = clauseEnd === -1 ? rest : rest.slice(0, clauseEnd);
    const dateFound = findDate(own.slice(0, 60));
    if (!number && !(name && dateFound)) continue;
    const afterDate = dateFound ? own.slice(dateFound.index + dateFound.raw.length) : own;
    const issuerMatch = ISSUER.exec(afterDate);
    let issuer = issuerMatch ? issuerMatch[1]!.trim() : null;
    if (!issuer && proposer && /Tờ trình/u.test(kind)) issuer = proposer;
    const rawEnd = Math.min(end, index + kind.length + (afterKind.length - rest.length) + own.length);
    out.push({
      kind,
      number,
      name,
      date: dateFound?.iso ?? null,
      issuer,
      raw: text
        .slice(index, rawEnd)
        .trim()
        .replace(/[,;.]$/, ''),
      line: lineAt(index),
    });
  }
  return out;
}
