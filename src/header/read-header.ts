/**
 * Document metadata, found by what each fact is rather than where it sits: headers vary widely
 * (two columns squashed into `|` rows, cells between lone `|` lines, tokens split across lines,
 * a website's metadata table first, the number only in an appendix caption).
 */
import type { LexiconData, ProvinceEntry } from '../lexicon/types.js';
import type { Message } from '../model/types.js';
import {
  FOLDS_SLOWLY,
  FOLDS_TO_NOTHING,
  FOLDS_TO_SPACE,
  fold,
  foldAtMost,
  foldedUnit,
  type TrieNode,
  trieOf,
} from '../text/fold.js';
import { BLANK, describeLines, isTrimmed, type LineInfo, PIPE } from '../text/line-info.js';
import type { LineLookup } from '../text/line-set.js';
import { allMatches } from '../text/matches.js';
import { findDate } from './dates.js';
import { DOC_NUMBER } from './legal-bases.js';

/** A document number at the start of a text (group 1), and anywhere in it. */
const NUMBER_AT_START = new RegExp(`^(${DOC_NUMBER.source})`, 'u');
const NUMBER_ANYWHERE = new RegExp(DOC_NUMBER.source, 'u');

export type DocumentType =
  | 'quyet-dinh'
  | 'ke-hoach'
  | 'chuong-trinh'
  | 'chi-thi'
  | 'de-an'
  | 'nghi-quyet'
  | 'cong-van'
  | 'thong-bao'
  | 'bao-cao'
  | 'other';

export type Provenance =
  | 'header'
  | 'website-metadata'
  | 'appendix-caption'
  | 'title'
  | 'signature'
  | 'body'
  | 'period';

export interface Signer {
  name: string | null;
  capacity: string | null;
  title: string | null;
  line: number;
}

export interface Approves {
  type: DocumentType;
  title: string;
  line: number;
  /** The appended document's own caption line (`(Ban hành kèm theo Quyết định số ...)`), when found. */
  captionLine: number | null;
}

export interface HeaderFacts {
  type: DocumentType;
  number: string | null;
  issuer: string | null;
  province: { name: string; slug: string } | null;
  issuedOn: string | null;
  place: string | null;
  title: string | null;
  period: { from: number; to: number } | null;
  signer: Signer | null;
  approves: Approves | null;
  provenance: Record<string, Provenance>;
  /** The line where the body starts (after the header block). */
  bodyStart: number;
  messages: Message[];
}

const TYPE_NAMES: [string, DocumentType][] = [
  ['quyet dinh', 'quyet-dinh'],
  ['ke hoach', 'ke-hoach'],
  ['chuong trinh', 'chuong-trinh'],
  ['chi thi', 'chi-thi'],
  ['de an', 'de-an'],
  ['nghi quyet', 'nghi-quyet'],
  ['cong van', 'cong-van'],
  ['thong bao', 'thong-bao'],
  ['bao cao', 'bao-cao'],
];

/** The type code inside a number: `158/QĐ-UBND` → quyet-dinh, `51/KH-UBND` → ke-hoach. */
export function typeFromNumber(number: string): DocumentType | null {
  const code = fold(number.replace(/^[^/]*\/(?:\d{4}\/)?/, '')).split(/[-–]/)[0] ?? '';
  const map: Record<string, DocumentType> = {
    qd: 'quyet-dinh',
    qdubnd: 'quyet-dinh',
    kh: 'ke-hoach',
    ctr: 'chuong-trinh',
    ct: 'chi-thi',
    da: 'de-an',
    nq: 'nghi-quyet',
    tb: 'thong-bao',
    bc: 'bao-cao',
  };
  if (map[code]) return map[code]!;
  if (code.startsWith('qd')) return 'quyet-dinh';
  return null;
}

function typeFromName(text: string): DocumentType | null {
  if (text.length > 40) return null; // `QUYẾT ĐỊNH`, `KẾ HOẠCH`: a type line is short
  const f = fold(text).replace(/[:.]$/, '').trim();
  for (const [name, type] of TYPE_NAMES) if (f === name) return type;
  return null;
}

function isUpper(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}/u.test(text);
}

const SITE_LABELS = [
  'Số hiệu',
  'Loại văn bản',
  'Nơi ban hành',
  'Người ký',
  'Ngày ban hành',
  'Ngày hiệu lực',
  'Ngày công báo',
  'Số công báo',
  'Lĩnh vực',
  'Tình trạng',
  'Ngày hết hiệu lực',
];

const SITE_LABEL = new RegExp(`(${SITE_LABELS.join('|')})\\s*:`, 'gu');

/** `Số hiệu: 51/KH-UBND Loại văn bản: Văn bản khác` → fields; `Đang cập nhật` is no value. */
export function readWebsiteMetadata(
  lines: string[],
  limit = 20,
): Map<string, { value: string; line: number }> {
  const fields = new Map<string, { value: string; line: number }>();
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    const line = lines[i]!;
    // Every label is followed by a colon.
    if (!line.includes(':')) continue;
    const found = allMatches(SITE_LABEL, line);
    for (let k = 0; k < found.length; k++) {
      const m = found[k]!;
      const end = k + 1 < found.length ? found[k + 1]!.index : line.length;
      const value = line
        .slice(m.index + m[0].length, end)
        .trim()
        .replace(/,$/, '');
      if (value && !/^đang cập nh[aậ]t/iu.test(value)) fields.set(m[1]!, { value, line: i + 1 });
    }
  }
  return fields;
}

/** The province named in `text` (`TỈNH HẬU GIANG`, `tỉnh Sơn La`, `Nơi ban hành: Tỉnh Hậu Giang`). */
export function findProvince(
  fullText: string,
  provinces: ProvinceEntry[],
  requirePrefix: boolean,
): ProvinceEntry | null {
  // A province is named in a header line or a caption, not deep in a paragraph: looking at the
  // first 2,000 characters keeps a huge one-line input from being folded again and again.
  const text = fullText.length > 2000 ? fullText.slice(0, 2000) : fullText;
  const folded = fold(text);
  const firstAt = requirePrefix ? prefixedOccurrences(folded, provinces) : null;
  let best: { entry: ProvinceEntry; length: number } | null = null;
  for (const { entry, pattern: p } of provincePatterns(provinces, requirePrefix)) {
    const at = firstAt ? (firstAt.get(p) ?? -1) : folded.indexOf(p);
    if (at === -1) continue;
    const after = folded.charAt(at + p.length);
    if (after && /[a-z0-9]/.test(after)) continue;
    if (p.length > (best?.length ?? 0)) best = { entry, length: p.length };
  }
  return best?.entry ?? null;
}

const PREFIXES = ['tinh ', 'thanh pho ', 'tp '];

/**
 * Where each prefixed spelling (`tinh son la`) first occurs in `folded`, as `indexOf` would find it:
 * every occurrence starts with an occurrence of its prefix, so only the few places a prefix occurs
 * are tried, and there only the spellings whose unit after the prefix is the one found there,
 * instead of searching the text once per spelling.
 */
function prefixedOccurrences(folded: string, provinces: ProvinceEntry[]): Map<string, number> {
  const first = new Map<string, number>();
  const index = prefixedIndex(provinces);
  for (const prefix of PREFIXES) {
    const byNext = index.get(prefix)!;
    for (let at = folded.indexOf(prefix); at !== -1; at = folded.indexOf(prefix, at + 1)) {
      // (A spelling that is its prefix alone, from an empty name, is listed under NaN: tried everywhere.)
      for (const next of [folded.charCodeAt(at + prefix.length), Number.NaN]) {
        for (const pattern of byNext.get(next) ?? []) {
          if (!first.has(pattern) && folded.startsWith(pattern, at)) first.set(pattern, at);
        }
      }
    }
  }
  return first;
}

/** The prefixed spellings by prefix, then by their unit after the prefix (NaN when there is none). */
const PREFIXED_INDEX = new WeakMap<ProvinceEntry[], Map<string, Map<number, string[]>>>();

function prefixedIndex(provinces: ProvinceEntry[]): Map<string, Map<number, string[]>> {
  let index = PREFIXED_INDEX.get(provinces);
  if (!index) {
    index = new Map(PREFIXES.map((prefix) => [prefix, new Map<number, string[]>()]));
    for (const { pattern } of provincePatterns(provinces, true)) {
      const prefix = PREFIXES.find((p) => pattern.startsWith(p))!;
      const next = pattern.length > prefix.length ? pattern.charCodeAt(prefix.length) : Number.NaN;
      const byNext = index.get(prefix)!;
      const list = byNext.get(next);
      if (list) list.push(pattern);
      else byNext.set(next, [pattern]);
    }
    PREFIXED_INDEX.set(provinces, index);
  }
  return index;
}

/** Every folded spelling of every province (`tinh son la`, `thanh pho ...`, `tp ...` when a prefix is required), built once per list. */
const PROVINCE_PATTERNS = new WeakMap<ProvinceEntry[], { entry: ProvinceEntry; pattern: string }[][]>();

function provincePatterns(
  provinces: ProvinceEntry[],
  requirePrefix: boolean,
): { entry: ProvinceEntry; pattern: string }[] {
  let both = PROVINCE_PATTERNS.get(provinces);
  if (!both) {
    const bare: { entry: ProvinceEntry; pattern: string }[] = [];
    const prefixed: { entry: ProvinceEntry; pattern: string }[] = [];
    for (const entry of provinces) {
      for (const spelling of [fold(entry.name), ...(entry.aliases ?? [])]) {
        bare.push({ entry, pattern: spelling });
        for (const prefix of PREFIXES) prefixed.push({ entry, pattern: prefix + spelling });
      }
    }
    both = [bare, prefixed];
    PROVINCE_PATTERNS.set(provinces, both);
  }
  return both[requirePrefix ? 1 : 0]!;
}

const CITY_SLUGS = new Set(['ha-noi', 'ho-chi-minh', 'hai-phong', 'da-nang', 'can-tho']);

function issuerName(organ: string, province: ProvinceEntry | null): string {
  if (!province) return organ;
  return `${organ} ${CITY_SLUGS.has(province.slug) ? 'thành phố' : 'tỉnh'} ${province.name}`;
}

const BODY_START =
  /^(?:[-–+]\s*)?(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|QUYẾT ĐỊNH\s*:|Điều 1\b|I\s*\.\s)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u;

function capacityOf(text: string): string | null {
  const m = /^(TM|KT|Q|TL|TUQ)\s*\.\s*(.+)$/u.exec(text.trim());
  if (!m) return null;
  const who = fold(m[2]!);
  const label =
    who === 'uy ban nhan dan' ? 'UBND' : who === 'hoi dong nhan dan' ? 'HĐND' : titleCase(m[2]!.trim());
  return `${m[1]!.toUpperCase()}. ${label}`;
}

const SIGNER_TITLES = [
  'pho chu tich',
  'chu tich',
  'pho giam doc',
  'giam doc',
  'pho chanh van phong',
  'chanh van phong',
  'truong ban',
  'pho truong ban',
  'bo truong',
  'thu truong',
];
const LONGEST_SIGNER_TITLE = Math.max(...SIGNER_TITLES.map((t) => t.length));

// Case spelled out rather than the `i` flag, which makes the engine try every position the slow way
// (`K` also stands for the Kelvin sign, as under `iu`); test/text.test.ts checks both agree.
export const SIGNER_HINT =
  /[Cc][Hh][UuỦủ]\p{M}*\s*[Tt][IiỊị]|[Gg][Ii][AaÁá]\p{M}*[Mm]\s*[DdĐđ]|[Tt][Rr][UuƯư]\p{M}*[OoỞở]|^\s*\|?\s*(?:[Tt][Mm]|[Kk\u212a][Tt]|[Qq]|[Tt][Ll]|[Tt][Uu][Qq])\s*\./u;

function titleCase(text: string): string {
  // Unicode has no Vietnamese casing rules: the root casing is the `vi` one, without a locale lookup per call.
  const lower = text.toLowerCase();
  // `PHÓ CHỦ TỊCH` → `Phó Chủ tịch`, `GIÁM ĐỐC` → `Giám đốc`: Vietnamese titles capitalise the rank words.
  return lower
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .replace(/(?<=\s)(chủ|ủy|uỷ|chánh|giám|trưởng)(?=\s|$)/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));
}

/** `Lữ Văn Hùng`, `NGUYỄN VĂN AN`: two to five words, each capitalised (or all in capitals), letters only. */
function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const allCaps = text === text.toUpperCase();
  return words.every((w) => {
    const first = w.charAt(0);
    if (first === first.toLowerCase() || !/^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+$/.test(w)) return false;
    const rest = w.slice(1);
    return allCaps ? rest === rest.toUpperCase() : rest === rest.toLowerCase();
  });
}

function isPersonName(text: string): boolean {
  const t = text.trim();
  if (!looksLikeName(t)) return false;
  const f = fold(t);
  return !SIGNER_TITLES.some((s) => f.includes(s)) && !/uy ban|nhan dan|noi nhan|luu|chu tich|ubnd/.test(f);
}

/** A cell that opens a signature block: a capacity (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`) or a rank alone (`CHỦ TỊCH`). */
function isSignerCell(cell: string): boolean {
  const first = firstVisible(cell);
  if ((first === 'T' || first === 'K' || first === 'Q') && capacityOf(cell) !== null) return true;
  // A rank is a short cell: a prose line is passed over after its first few letters.
  const folded = foldAtMost(cell, LONGEST_SIGNER_TITLE);
  return folded !== null && SIGNER_TITLES.includes(folded);
}

/** Whether any `|` cell of a line opens a signature block (its cells found in place, not split). */
export function opensSignature(line: string): boolean {
  for (let start = 0; ; ) {
    const end = line.indexOf('|', start);
    if (isSignerCell(end === -1 ? (start === 0 ? line : line.slice(start)) : line.slice(start, end)))
      return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/** The ranks' folds as a trie, walked over a line's units (`mayBeRank`). */
const RANK_TRIE = trieOf(SIGNER_TITLES);
/** The first units of the ranks' folds, as a table: the trie's first step without a map lookup. */
const RANK_FIRST = new Uint8Array(0x10000);
for (const unit of RANK_TRIE.next.keys()) RANK_FIRST[unit] = 1;

/**
 * Whether `line`, from its first visible unit `from`, may fold to a rank: its fold is a start of one
 * (or a unit folds to several, which is left to the whole test). Most lines differ from every rank
 * within a few units and are passed over there, instead of folded.
 */
function mayBeRank(line: string, from: number): boolean {
  // Most lines: a first unit that folds to one unit, and to none that a rank starts with.
  if (from < line.length) {
    const first = foldedUnit(line.charCodeAt(from));
    if (first >= 0 && RANK_FIRST[first] === 0) return false;
  }
  let node: TrieNode | undefined = RANK_TRIE;
  let space = false;
  for (let i = from; i < line.length; i++) {
    const unit = foldedUnit(line.charCodeAt(i));
    if (unit === FOLDS_TO_SPACE) {
      space = true;
      continue;
    }
    if (unit === FOLDS_TO_NOTHING) continue;
    if (unit === FOLDS_SLOWLY) return true;
    if (space) {
      node = node.next.get(0x20);
      if (node === undefined) return false;
      space = false;
    }
    node = node.next.get(unit);
    if (node === undefined) return false;
  }
  return true;
}

/**
 * Whether a cell whose first visible unit is `lead`, followed by `next` (NaN past its end), may be a
 * capacity: `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.` (`capacityOf`).
 */
function mayBeCapacity(lead: number, next: number): boolean {
  if (lead === 0x54) return next === 0x4d || next === 0x4c || next === 0x55;
  if (lead === 0x4b) return next === 0x54;
  return lead === 0x51 && (next === 0x2e || isTrimmed(next));
}

/**
 * Whether line `i` opens a signature block: one of its cells is a capacity or a rank
 * (`opensSignature`) and the hint finds it too. A line with no `|` is one cell: most prose lines are
 * passed over on their first units (`mayBeCapacity`, `mayBeRank`), found from the lines' description.
 */
export function opensSignatureAt(lines: readonly string[], i: number, info: LineInfo): boolean {
  const flags = info.flags[i]!;
  if ((flags & BLANK) !== 0) return false;
  const line = lines[i]!;
  if ((flags & PIPE) === 0) {
    const first = info.first[i]!;
    if (!mayBeCapacity(info.lead[i]!, line.charCodeAt(first + 1)) && !mayBeRank(line, first)) return false;
  }
  return opensSignature(line) && SIGNER_HINT.test(line);
}

/** The signature block: capacity (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`), title, name. */
function readSigner(lines: string[], skip: LineLookup, info: LineInfo): Signer | null {
  for (let i = 0; i < lines.length; i++) {
    // A signature block starts at a line with a capacity or rank cell.
    if (skip.has(i + 1) || !opensSignatureAt(lines, i, info)) continue;
    // Walk the block: capacity lines, then the title, then (after blanks) the name.
    let cap: string | null = null;
    let title: string | null = null;
    let j = i;
    for (; j < Math.min(lines.length, i + 4); j++) {
      const c = lines[j]!.split('|')
        .map((x) => x.trim())
        .find(isSignerCell);
      if (!c) break;
      const capacityHere = capacityOf(c);
      if (capacityHere) {
        cap = capacityHere;
        // `KT. CHỦ TỊCH` is both the capacity and, alone, the title it acts for.
      } else {
        title = titleCase(c);
      }
    }
    if (!title && cap) {
      const acting = cap.replace(/^\w+\.\s*/, '');
      if (SIGNER_TITLES.includes(fold(acting))) title = acting;
    }
    let name: string | null = null;
    for (let k = j; k < Math.min(lines.length, j + 7); k++) {
      const t = lines[k]!.replace(/\|/g, '').trim();
      if (t === '') continue;
      if (isPersonName(t)) {
        name = t;
        break;
      }
      if (/^nơi nhận/iu.test(t) || t.length > 40) break;
    }
    return { name, capacity: cap, title, line: i + 1 };
  }
  return null;
}

/** `… của UBND tỉnh Thái Nguyên)` → `UBND tỉnh Thái Nguyên` (string functions: no backtracking over spaces). */
function ofWhom(text: string): string | null {
  const at = text.search(/\bcủa\s/u);
  if (at === -1) return null;
  let rest = text.slice(at + 3).trim();
  if (rest.endsWith(')')) rest = rest.slice(0, -1).trimEnd();
  return rest === '' ? null : rest;
}

function periodOf(text: string): { from: number; to: number } | null {
  const f = fold(text);
  let m = /(?:giai doan|tu nam|nam)?\s*((?:19|20)\d{2})\s*(?:-|–|den|den nam)\s*((?:19|20)\d{2})/.exec(f);
  if (m && +m[2]! >= +m[1]!) return { from: +m[1]!, to: +m[2]! };
  m = /nam\s+((?:19|20)\d{2})/.exec(f);
  if (m) return { from: +m[1]!, to: +m[1]! };
  return null;
}

/** The first character of a line that `trim` keeps (`` for a blank line), without copying the line. */
export function firstVisible(line: string): string {
  const at = firstVisibleAt(line);
  return at === -1 ? '' : line[at]!;
}

/** Where the first character `trim` keeps is (-1 for a blank line): a loop asks for its code, without a string. */
function firstVisibleAt(line: string): number {
  for (let i = 0; i < line.length; i++) if (!isTrimmed(line.charCodeAt(i))) return i;
  return -1;
}

/**
 * Whether `next` can follow `lead` at the start of a caption (see `opensCaption`): `a`/`A` after
 * `B`/`b` (`Ban hành`), `è`/`È` after `k`, `K` or the Kelvin sign (`kèm`), anything after `(`.
 */
export function continuesCaption(lead: number, next: number): boolean {
  if (lead === 0x42 || lead === 0x62) return next === 0x61 || next === 0x41;
  if (lead === 0x4b || lead === 0x6b || lead === 0x212a) return next === 0xe8 || next === 0xc8;
  return true;
}

/** `(`, `B`, `b`, `K`, `k` and the Kelvin sign (which the `iu` flags also match as `k`). */
export function opensCaption(code: number): boolean {
  return code === 0x28 || code === 0x42 || code === 0x62 || code === 0x4b || code === 0x6b || code === 0x212a;
}

export function readHeader(
  lines: string[],
  lexicon: Pick<LexiconData, 'provinces'>,
  tableLines: LineLookup,
  info: LineInfo = describeLines(lines),
): HeaderFacts {
  const messages: Message[] = [];
  const provenance: Record<string, Provenance> = {};
  const empty = info.flags.every((f) => (f & BLANK) !== 0);
  const site = readWebsiteMetadata(lines);

  // The header block: up to the first body line (Căn cứ, Thực hiện, QUYẾT ĐỊNH:, I. ...), at most 60 lines.
  let bodyStart = Math.min(lines.length, 60) + 1;
  for (let i = 0; i < Math.min(lines.length, 60); i++) {
    const t = lines[i]!.trim();
    if (BODY_START.test(t) && i > 0) {
      bodyStart = i + 1;
      break;
    }
  }
  const headerLines = lines.slice(0, bodyStart - 1);

  // Number: after `Số:` at a line or cell start (on the same line or the next), never a cited number.
  let number: string | null = null;
  let numberLine = 0;
  for (let i = 0; i < lines.length && !number; i++) {
    // `Số:` starts the line, or a cell after a `|`.
    if (info.lead[i] !== 0x53 && (info.flags[i]! & PIPE) === 0) continue;
    if (tableLines.has(i + 1) || !lines[i]!.includes('Số')) continue;
    const cells = lines[i]!.split('|');
    for (const cell of cells) {
      const m = /^\s*Số\s*:\s*(.*)$/u.exec(cell);
      if (!m) continue;
      let candidate = m[1]!.trim();
      let k = i;
      while (candidate === '' && k + 1 < lines.length && k < i + 3) {
        k++;
        candidate = lines[k]!.replace(/^\s*\|?\s*/, '').trim();
      }
      const found = NUMBER_AT_START.exec(candidate);
      if (found) {
        number = found[1]!;
        numberLine = i + 1;
        provenance.number = 'header';
        break;
      }
    }
  }
  const siteNumber = site.get('Số hiệu')?.value.match(NUMBER_ANYWHERE)?.[0] ?? null;

  // Appendix captions: `(Ban hành kèm theo Kế hoạch số 121/KH-UBND, ngày 19/7/2017 của UBND tỉnh Thái Nguyên)`.
  const captions: {
    type: DocumentType | null;
    number: string | null;
    date: string | null;
    of: string | null;
    line: number;
  }[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A caption starts with `(`, `Ban` or `kèm` (K or the Kelvin sign, which the `iu` flags also match).
    if (info.first[i] === -1 || !opensCaption(info.lead[i]!)) continue;
    // After `B` comes the `a` of `Ban hành`, after `k` the `è` of `kèm` (a `(` is read on).
    if (!continuesCaption(info.lead[i]!, lines[i]!.charCodeAt(info.first[i]! + 1))) continue;
    const t = lines[i]!.trim();
    if (!/^\(?\s*(?:Ban hành\s+)?kèm theo\s/iu.test(t)) continue;
    let text = t;
    if (!/\)\s*$/.test(text) && i + 1 < lines.length) text += ` ${lines[i + 1]!.trim()}`;
    const m =
      /kèm theo\s+(Quyết định|Kế hoạch|Chương trình|Chỉ thị|Đề án|Nghị quyết)\s+(?:số\s*)?([^\s,]+)?/iu.exec(
        text,
      );
    if (!m) continue;
    const numberHere = m[2] ? (NUMBER_AT_START.exec(m[2])?.[1] ?? null) : null;
    const dateFound = findDate(text);
    const of = ofWhom(text);
    captions.push({
      type: typeFromName(m[1]!),
      number: numberHere,
      date: dateFound?.iso ?? null,
      of,
      line: i + 1,
    });
  }

  // Type: the number's code, else a type line in the header (`KẾ HOẠCH`, `QUYẾT` / `ĐỊNH`), else the site's.
  let type: DocumentType | null = null;
  let typeLine = 0;
  for (let i = 0; i < headerLines.length; i++) {
    const t = headerLines[i]!.trim();
    let found = typeFromName(t);
    if (!found && i + 1 < headerLines.length && isUpper(t) && t.split(/\s+/).length === 1) {
      found = typeFromName(`${t} ${headerLines[i + 1]!.trim()}`);
      if (found) i++;
    }
    if (found) {
      type = found;
      typeLine = i + 1;
      break;
    }
  }
  if (number) {
    const fromNumber = typeFromNumber(number);
    if (fromNumber) type = fromNumber;
  }
  if (!number) {
    const own = captions.find((c) => c.number && (!type || c.type === type));
    if (own?.number) {
      number = own.number;
      numberLine = own.line;
      provenance.number = 'appendix-caption';
      type ??= own.type;
    } else if (siteNumber) {
      number = siteNumber;
      provenance.number = 'website-metadata';
    }
  } else if (siteNumber && fold(siteNumber) !== fold(number)) {
    messages.push({
      code: 'METADATA_CONFLICT',
      severity: 'warning',
      message: `the website's metadata gives number ${siteNumber}, the document's header ${number}; using the header`,
      line: site.get('Số hiệu')!.line,
    });
  }
  if (!type && number) type = typeFromNumber(number);
  if (!type) {
    const siteType = site.get('Loại văn bản')?.value;
    if (siteType) type = typeFromName(siteType);
  }
  if (type) provenance.type = typeLine ? 'header' : (provenance.number ?? 'website-metadata');

  // Place and date: `Sơn La, ngày 22 tháng 01 năm 2014`, `Nam Định, ngày 30` / `tháng 12 năm 2020`.
  let place: string | null = null;
  let issuedOn: string | null = null;
  for (let i = 0; i < Math.min(lines.length, bodyStart + 5) && !issuedOn; i++) {
    if (!lines[i]!.includes('ngày')) continue;
    const cells = lines[i]!.split('|');
    for (const cell of cells) {
      const m = /^\s*([^,]{2,40}),\s*ngày\b(.*)$/u.exec(cell);
      if (!m || /\d/.test(m[1]!)) continue;
      let dateText = `ngày${m[2]!}`;
      let k = i;
      while (!findDate(dateText) && k + 1 < lines.length && k < i + 2) {
        k++;
        dateText += ` ${lines[k]!.replace(/\|/g, ' ').trim()}`;
      }
      const date = findDate(dateText);
      if (!date) continue;
      issuedOn = date.iso;
      if (!date.iso) {
        messages.push({
          code: 'DATE_INVALID',
          severity: 'warning',
          message: `"${date.raw}" is not a valid date`,
          line: i + 1,
        });
      }
      place = m[1]!.trim();
      // `Lào` / `Cai, ngày 05 tháng 01 năm 2019`: a place split over two lines.
      const prev = i > 0 ? lines[i - 1]!.trim() : '';
      if (place.split(/\s+/).length === 1 && /^\p{Lu}\p{Ll}+$/u.test(prev)) place = `${prev} ${place}`;
      provenance.issuedOn = 'header';
      provenance.place = 'header';
      break;
    }
  }
  const siteDate = site.get('Ngày ban hành');
  const siteIso = siteDate ? (findDate(siteDate.value)?.iso ?? null) : null;
  if (!issuedOn) {
    const caption = captions.find((c) => c.date && (!number || !c.number || fold(c.number) === fold(number)));
    if (caption?.date) {
      issuedOn = caption.date;
      provenance.issuedOn = 'appendix-caption';
    } else if (siteIso) {
      issuedOn = siteIso;
      provenance.issuedOn = 'website-metadata';
    }
  } else if (siteIso && siteIso !== issuedOn) {
    messages.push({
      code: 'METADATA_CONFLICT',
      severity: 'warning',
      message: `the website's metadata gives the date ${siteIso}, the document's header ${issuedOn}; using the header`,
      line: siteDate!.line,
    });
  }

  // Title: the lines after the type line (or the `VỀ VIỆC ...` line), in capitals.
  let title: string | null = null;
  const titleStart = typeLine
    ? typeLine
    : headerLines.findIndex((l) => /^(?:V\/v|VỀ VIỆC|Về việc)\b/u.test(l.trim())) + 1;
  if (titleStart > 0) {
    const parts: string[] = [];
    let i = typeLine ? titleStart : titleStart - 1;
    while (i < headerLines.length && headerLines[i]!.trim() === '') i++;
    for (; i < headerLines.length; i++) {
      const t = headerLines[i]!.trim();
      if (t === '' || /^\|$/.test(t)) {
        if (parts.length) break;
        continue;
      }
      if (/\p{Ll}/u.test(t) && !/^(?:V\/v|Về việc)/u.test(t)) break;
      // `CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH SƠN LA` — the enacting authority, not the title.
      if (parts.length && /^(?:chu tich|uy ban nhan dan|hoi dong nhan dan|giam doc)\b/.test(fold(t))) break;
      parts.push(t);
    }
    if (parts.length) {
      title = parts.join(' ');
      provenance.title = 'header';
    }
  }
  if (!title && site.size > 0) {
    const first = lines[0]?.trim();
    if (first) {
      title = first;
      provenance.title = 'website-metadata';
    }
  }

  // Province and issuer.
  let province: ProvinceEntry | null = null;
  province = findProvince(
    headerLines
      .slice(0, 12)
      .map((l) => l.slice(0, 300))
      .join(' | '),
    lexicon.provinces,
    true,
  );
  if (province) provenance.province = 'header';
  if (!province && place) {
    province = findProvince(place, lexicon.provinces, false);
    if (province) provenance.province = 'header';
  }
  const siteProvince = site.get('Nơi ban hành')
    ? findProvince(site.get('Nơi ban hành')!.value, lexicon.provinces, false)
    : null;
  if (!province && siteProvince) {
    province = siteProvince;
    provenance.province = 'website-metadata';
  } else if (province && siteProvince && siteProvince.slug !== province.slug) {
    messages.push({
      code: 'METADATA_CONFLICT',
      severity: 'warning',
      message: `the website's metadata names ${siteProvince.name}, the document ${province.name}; using the document`,
      line: site.get('Nơi ban hành')!.line,
    });
  }
  if (!province) {
    for (const c of captions) {
      if (c.of) province = findProvince(c.of, lexicon.provinces, true);
      if (province) {
        provenance.province = 'appendix-caption';
        break;
      }
    }
  }
  if (!province && title) {
    province = findProvince(title, lexicon.provinces, true);
    if (province) provenance.province = 'title';
  }

  let organ: string | null = null;
  for (const line of headerLines.slice(0, 12)) {
    const first = fold((line.split('|')[0] ?? '').slice(0, 100));
    if (/^u[yỷ] ban nhan dan\b/.test(first) || /^ubnd\b/.test(first)) organ = 'UBND';
    else if (/^(?:hoi dong nhan dan|hdnd)\b/.test(first)) organ = 'HĐND';
    else if (/^chu tich uy ban nhan dan\b/.test(first)) organ = 'UBND';
    if (organ) break;
  }
  let issuer: string | null = null;
  if (organ) {
    issuer = issuerName(organ, province);
    provenance.issuer = 'header';
  } else {
    const of = captions.find((c) => c.of)?.of;
    if (of) {
      const m = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch UBND|Chủ tịch Ủy ban nhân dân)\b/iu.exec(of);
      if (m) {
        issuer = issuerName('UBND', province);
        provenance.issuer = 'appendix-caption';
      }
    }
  }

  // Period: from the title, else from the approved plan's title, else the website title.
  let period = title ? periodOf(title) : null;
  if (period) provenance.period = 'title';

  // Signer.
  const signer = readSigner(lines, tableLines, info);
  if (signer) provenance.signer = 'signature';
  const siteSigner = site.get('Người ký')?.value ?? null;
  if (signer && !signer.name && siteSigner) {
    signer.name = siteSigner;
    provenance.signer = 'website-metadata';
  } else if (signer?.name && siteSigner && fold(siteSigner) !== fold(signer.name)) {
    messages.push({
      code: 'METADATA_CONFLICT',
      severity: 'warning',
      message: `the website's metadata names the signer ${siteSigner}, the signature ${signer.name}; using the signature`,
      line: site.get('Người ký')!.line,
    });
  }
  if (!signer && !empty) {
    messages.push({
      code: 'SIGNATURE_MISSING',
      severity: 'info',
      message: 'no signature block (capacity, title, name) was found',
      line: null,
    });
  }
  if (signer && !signer.name) {
    messages.push({
      code: 'SIGNER_NAME_MISSING',
      severity: 'info',
      message: 'the signature block has no name',
      line: signer.line,
    });
  }

  // A decision approving a plan: `Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch cải cách ...`.
  let approves: Approves | null = null;
  if (type === 'quyet-dinh') {
    for (let i = 0; i < lines.length; i++) {
      if (info.lead[i] !== 0x110) continue; // Đ
      const line = lines[i]!.trim();
      const m =
        /^Điều 1\s*[.:]\s*(?:Phê duyệt|Ban hành)\s+(?:kèm theo Quyết định này\s+)?(Kế hoạch|Chương trình|Đề án|Quy chế|Quy định)\s+/u.exec(
          line,
        );
      if (!m) continue;
      // The title runs to the end of the line, before a parenthesis and its closing `.` or `;`
      // (cut with string functions: a regex would backtrack over a run of spaces).
      let titleText = line.slice(m[0].length);
      const paren = titleText.indexOf('(');
      if (paren !== -1) titleText = titleText.slice(0, paren);
      titleText = titleText.trimEnd();
      if (titleText.endsWith('.') || titleText.endsWith(';')) titleText = titleText.slice(0, -1).trimEnd();
      if (titleText === '') continue;
      const appendedType = typeFromName(m[1]!) ?? 'other';
      const caption = captions.find((c) => c.line > i + 1);
      approves = {
        type: appendedType,
        title: `${m[1]} ${titleText}`,
        line: i + 1,
        captionLine: caption?.line ?? null,
      };
      break;
    }
    if (!period && approves) {
      period = periodOf(approves.title);
      if (period) provenance.period = 'body';
    }
  }
  if (!period && site.size > 0 && lines[0]) {
    period = periodOf(lines[0]);
    if (period) provenance.period = 'website-metadata';
  }

  if (!number && !empty) {
    messages.push({
      code: 'NUMBER_MISSING',
      severity: 'warning',
      message: 'no document number was found (no "Số:" line, website metadata or appendix caption)',
      line: null,
    });
  }
  if (!issuedOn && !empty) {
    messages.push({
      code: 'DATE_MISSING',
      severity: 'warning',
      message: 'no date of issue was found',
      line: numberLine || null,
    });
  }

  return {
    type: type ?? 'other',
    number,
    issuer,
    province: province ? { name: province.name, slug: province.slug } : null,
    issuedOn,
    place,
    title,
    period,
    signer,
    approves,
    provenance,
    bodyStart,
    messages,
  };
}
