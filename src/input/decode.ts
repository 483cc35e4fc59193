/**
 * Bytes → NFC text, naming the encoding. Order (what worked on every buffer we tried, TOOLCHAIN.md):
 * binary signatures → byte-order mark → UTF-16 without BOM → binary by NUL/control share → strict
 * UTF-8 → the 8-bit Vietnamese encodings, each decoded and scored by its share of common words.
 * Never throws: bad input is a `{ ok: false }` result or a note.
 */
import { iconv } from './iconv.js';
import { decodeTcvn3, decodeVni } from './legacy-vietnamese.js';

export { encodeLegacy } from './legacy-vietnamese.js';

export type BinaryKind =
  | 'pdf'
  | 'zip'
  | 'docx'
  | 'xlsx'
  | 'doc'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'elf'
  | 'gzip'
  | 'binary';

export interface DecodeNote {
  code: 'ENCODING_DETECTED' | 'ENCODING_UNCERTAIN' | 'ENCODING_REPLACEMENT_CHARS';
  detail: string;
}

export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: string;
      confidence: number;
      bom: boolean;
      /** Whether composing the decoded text (NFC) changed it: the file held decomposed letters. */
      nfc: boolean;
      notes: DecodeNote[];
    }
  | { ok: false; binary: BinaryKind; message: string };

/** Names accepted by `options.encoding` (case-insensitive), and the names results use. */
export const SUPPORTED_ENCODINGS: readonly string[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'tcvn3',
  'vni',
  'viscii',
  'ascii',
];

/** Common spellings of the same names, accepted as well. */
const ENCODING_ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  cp1258: 'windows-1258',
  windows1258: 'windows-1258',
  tcvn: 'tcvn3',
  'tcvn-3': 'tcvn3',
  abc: 'tcvn3',
  'us-ascii': 'ascii',
};

type LegacyEncoding = 'windows-1258' | 'tcvn3' | 'vni' | 'viscii';

/**
 * The 8-bit candidates, in the order that breaks ties. Ties mean no Vietnamese word was found (text
 * without diacritics plus a few Windows-1252 quotes), and Windows-1258 keeps those quotes as they are.
 */
const LEGACY_DECODERS: Readonly<Record<LegacyEncoding, (bytes: Uint8Array) => string>> = {
  'windows-1258': (bytes) => iconv.decode(bytes, 'cp1258'),
  tcvn3: decodeTcvn3,
  vni: decodeVni,
  viscii: (bytes) => iconv.decode(bytes, 'viscii'),
};

const SNIFF_BYTES = 8 * 1024;
const SCORE_SAMPLE_BYTES = 64 * 1024;

// --- Binary signatures -------------------------------------------------------------------------

interface Signature {
  kind: BinaryKind;
  matches: (bytes: Uint8Array) => boolean;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Office Open XML packages are ZIPs whose entry names start with the application's folder. */
function zipKind(bytes: Uint8Array): BinaryKind {
  const buffer = asBuffer(bytes);
  if (buffer.includes('word/')) return 'docx';
  if (buffer.includes('xl/')) return 'xlsx';
  return 'zip';
}

const SIGNATURES: readonly Signature[] = [
  // `%PDF-1.7`; the spec lets junk precede it within the first 1024 bytes.
  { kind: 'pdf', matches: (b) => asBuffer(b.subarray(0, 1024)).includes('%PDF-') },
  // `PK\x03\x04` local file header; `PK\x05\x06` is an empty archive.
  {
    kind: 'zip',
    matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]),
  },
  // OLE2 compound file: Word 97–2003 `.doc` (and `.xls`, `.ppt`).
  { kind: 'doc', matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { kind: 'png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  // `GIF87a` / `GIF89a`
  { kind: 'gif', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  { kind: 'elf', matches: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { kind: 'gzip', matches: (b) => startsWith(b, [0x1f, 0x8b]) },
];

const BINARY_MESSAGES: Readonly<Record<BinaryKind, string>> = {
  pdf: 'this is a PDF, not plain text: convert it to text first, e.g. with `pdftotext -layout file.pdf`',
  docx: 'this is a Word document (.docx), not plain text: save it as "Plain Text (UTF-8)" in Word or convert it, e.g. with `pandoc -t plain file.docx`',
  xlsx: 'this is an Excel workbook (.xlsx), not plain text: export the sheet as text or CSV first',
  zip: 'this is a ZIP archive: extract it and pass the text files inside',
  doc: 'this is a Word 97–2003 document (.doc) or another old Office file: convert it to text first, e.g. with `antiword file.doc` or `libreoffice --headless --convert-to txt file.doc`',
  png: 'this is a PNG image: a scanned page needs OCR first, e.g. `tesseract page.png out -l vie`',
  jpeg: 'this is a JPEG image: a scanned page needs OCR first, e.g. `tesseract page.jpg out -l vie`',
  gif: 'this is a GIF image, not a text document',
  elf: 'this is an executable program (ELF), not a text document',
  gzip: 'this is gzip-compressed: decompress it first, e.g. with `gunzip`',
  binary:
    'this looks like binary data, not text; if it is text in an unusual encoding, name the encoding explicitly',
};

function binaryResult(kind: BinaryKind): DecodeResult {
  return { ok: false, binary: kind, message: BINARY_MESSAGES[kind] };
}

function sniffSignature(bytes: Uint8Array): BinaryKind | null {
  for (const signature of SIGNATURES) {
    if (signature.matches(bytes)) return signature.kind === 'zip' ? zipKind(bytes) : signature.kind;
  }
  return null;
}

/**
 * Control bytes that are letters in VISCII (0x02 = Ẳ) or TCVN VN1 (0x04 = Ừ): text in those
 * encodings has them, so they do not count as a sign of binary data.
 */
const LEGACY_LETTER_CONTROLS = new Set([
  0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1e,
]);

const NUL_BYTE = 1;
const CONTROL_BYTE = 2;
/** Per byte: a NUL, a control that no text has (not tab to CR, not a legacy letter), or neither. */
const BYTE_KIND = new Uint8Array(256);
BYTE_KIND[0] = NUL_BYTE;
for (let b = 1; b < 0x20; b++)
  if (!(b >= 0x09 && b <= 0x0d) && !LEGACY_LETTER_CONTROLS.has(b)) BYTE_KIND[b] = CONTROL_BYTE;
BYTE_KIND[0x7f] = CONTROL_BYTE;

/** NULs or other control bytes (not whitespace, not legacy letters) above a small share of the sample. */
export function looksBinary(sample: Uint8Array): boolean {
  let nuls = 0;
  let controls = 0;
  // An indexed loop over a table of the bytes that count (a `for...of` took ~80 µs per 8 KB sample).
  for (let i = 0; i < sample.length; i++) {
    const kind = BYTE_KIND[sample[i]!]!;
    if (kind === NUL_BYTE) nuls++;
    else if (kind === CONTROL_BYTE) controls++;
  }
  return nuls > sample.length * 0.002 || controls > sample.length * 0.03;
}

// --- UTF-16 and UTF-8 --------------------------------------------------------------------------

type Utf16 = 'utf-16le' | 'utf-16be';

function detectBom(bytes: Uint8Array): { encoding: 'utf-8' | Utf16; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: Vietnamese text is mostly ASCII and Latin-1 letters, so the high byte of most
 * code units is 0 — a NUL in every other byte, on the odd side for LE, the even side for BE.
 */
function detectUtf16WithoutBom(sample: Uint8Array): Utf16 | null {
  const units = Math.floor(sample.length / 2);
  if (units < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= units * 0.4 && evenNuls <= units * 0.05) return 'utf-16le';
  if (evenNuls >= units * 0.4 && oddNuls <= units * 0.05) return 'utf-16be';
  return null;
}

function decodeUnicode(bytes: Uint8Array, encoding: 'utf-8' | Utf16, fatal = false): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return decodeUnicode(bytes, 'utf-8', true);
  } catch {
    return null;
  }
}

// --- Scoring the 8-bit candidates --------------------------------------------------------------

/**
 * Frequent words of administrative-reform plans, with their diacritics: a right decoding finds about
 * one word in four here, a wrong one almost none (a wrong table turns `các` into `c¸c`, not another word).
 */
const COMMON_WORDS = new Set(
  (
    'của và các được trong thực hiện hành chính cải cách năm tỉnh công những với người để về việc đơn vị ' +
    'cơ sở nội vụ kế hoạch nhà nước quản lý thủ tục chức cán bộ xây dựng triển tổ huyện xã đẩy mạnh ' +
    'nâng chất lượng hiệu quả đánh giá kiểm phối hợp dân nhân ủy uỷ thành phố giải quyết định số ngày ' +
    'tháng có là một đã đến từ tại trên cấp ngành điện tử dịch phát tiếp thông văn bản pháp luật ' +
    'quy đề án trách nhiệm tài đào tạo bồi dưỡng kết tiêu chí nghị chỉ đạo đối tượng hồ sơ nhận trả ' +
    'hướng dẫn thời hoàn thiện thể chế mô hình cửa liên này sự lãnh hội đồng hòa hoà đổi mới rà soát ' +
    'phục tăng cường ứng dụng tuyên truyền báo cáo chủ trì quyền địa phương viên'
  ).split(' '),
);

interface Candidate {
  encoding: 'utf-8' | LegacyEncoding;
  score: number;
}

/** Share of the sample's words that are common Vietnamese words. */
function scoreVietnamese(text: string): number {
  let words = 0;
  let hits = 0;
  for (const match of text
    .normalize('NFC')
    .toLowerCase()
    .matchAll(/\p{L}+/gu)) {
    words++;
    if (COMMON_WORDS.has(match[0])) hits++;
  }
  return words === 0 ? 0 : hits / words;
}

/** The first 64 KB from just before the first byte ≥ 0x80, where the encodings start to differ. */
function scoringSample(bytes: Uint8Array): Uint8Array {
  const firstHigh = bytes.findIndex((b) => b >= 0x80);
  const start = Math.max(0, firstHigh - 1024);
  return bytes.subarray(start, start + SCORE_SAMPLE_BYTES);
}

function scoreCandidates(bytes: Uint8Array): Candidate[] {
  const sample = scoringSample(bytes);
  const candidates: Candidate[] = (Object.keys(LEGACY_DECODERS) as LegacyEncoding[]).map((encoding) => ({
    encoding,
    score: scoreVietnamese(LEGACY_DECODERS[encoding](sample)),
  }));
  // Mostly UTF-8 with a few broken bytes also fails the strict decode.
  candidates.push({ encoding: 'utf-8', score: scoreVietnamese(decodeUnicode(sample, 'utf-8')) });
  // Stable sort: ties keep the candidate order above.
  return candidates.sort((a, b) => b.score - a.score);
}

/** The right decoding scored about 0.25 on real plans, the wrong ones 0.05 or less. */
const CONFIDENT_SCORE = 0.15;
const LOW_SCORE = 0.05;

function confidenceOf(best: number, second: number): number {
  if (best === 0) return 0;
  const strength = Math.min(1, best / CONFIDENT_SCORE);
  const margin = 1 - second / best;
  return Math.round(strength * margin * 100) / 100;
}

function formatScore(score: number): string {
  return score.toFixed(3);
}

// --- Results -----------------------------------------------------------------------------------

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

function textResult(
  decoded: string,
  encoding: string,
  confidence: number,
  bom: boolean,
  notes: DecodeNote[],
  lossless = false,
): DecodeResult {
  // After a strict UTF-8 decode, a U+FFFD was in the file itself.
  const replacements = lossless ? 0 : countReplacements(decoded);
  if (replacements > 0) {
    notes.push({
      code: 'ENCODING_REPLACEMENT_CHARS',
      detail: `${replacements} byte sequence(s) invalid in ${encoding} were replaced with U+FFFD`,
    });
  }
  const text = decoded.normalize('NFC');
  return { ok: true, text, encoding, confidence, bom, nfc: text !== decoded, notes };
}

function decodeLegacyDetected(bytes: Uint8Array): DecodeResult {
  const [best, second] = scoreCandidates(bytes) as [Candidate, Candidate, ...Candidate[]];
  const confidence = confidenceOf(best.score, second.score);
  const notes: DecodeNote[] = [
    {
      code: 'ENCODING_DETECTED',
      detail: `${best.encoding} (common-word score ${formatScore(best.score)}, next ${second.encoding} ${formatScore(second.score)})`,
    },
  ];
  if (best.score < LOW_SCORE || second.score > best.score / 2) {
    notes.push({
      code: 'ENCODING_UNCERTAIN',
      detail:
        `not valid UTF-8, and no 8-bit Vietnamese encoding fits clearly: chose ${best.encoding} ` +
        `(score ${formatScore(best.score)}) over ${second.encoding} (${formatScore(second.score)}); ` +
        'name the encoding explicitly if the text looks wrong',
    });
  }
  const decoded =
    best.encoding === 'utf-8' ? decodeUnicode(bytes, 'utf-8') : LEGACY_DECODERS[best.encoding](bytes);
  return textResult(decoded, best.encoding, confidence, false, notes);
}

/** The canonical name of an encoding given by a user (`utf8`, `CP1258`, `abc`), or null when unknown. */
export function resolveEncodingName(name: string): string | null {
  const key = name.trim().toLowerCase();
  if (SUPPORTED_ENCODINGS.includes(key)) return key;
  return ENCODING_ALIASES[key] ?? null;
}

/** 7-bit text; any byte with the high bit set is invalid. */
function decodeAscii(bytes: Uint8Array): string {
  return asBuffer(bytes)
    .toString('latin1')
    .replace(/[\x80-\xff]/g, '\ufffd');
}

/** Decoding in an encoding the caller named: no scoring, but a BOM of the same family is still removed. */
function decodeAs(bytes: Uint8Array, encoding: string): DecodeResult {
  const bom = detectBom(bytes);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const hasBom = bom?.encoding === encoding;
    const body = hasBom ? bytes.subarray(bom.length) : bytes;
    return textResult(decodeUnicode(body, encoding), encoding, 1, hasBom, []);
  }
  if (encoding === 'ascii') return textResult(decodeAscii(bytes), encoding, 1, false, []);
  return textResult(LEGACY_DECODERS[encoding as LegacyEncoding](bytes), encoding, 1, false, []);
}

function detectAndDecode(bytes: Uint8Array, notes: DecodeNote[]): DecodeResult {
  if (bytes.length === 0) return textResult('', 'utf-8', 1, false, notes);

  const bom = detectBom(bytes);
  if (bom) {
    if (bom.encoding !== 'utf-8') {
      notes.push({ code: 'ENCODING_DETECTED', detail: `${bom.encoding} (byte-order mark)` });
    }
    return textResult(decodeUnicode(bytes.subarray(bom.length), bom.encoding), bom.encoding, 1, true, notes);
  }

  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = detectUtf16WithoutBom(sniffed);
  if (utf16) {
    notes.push({
      code: 'ENCODING_DETECTED',
      detail: `${utf16} without a byte-order mark (a NUL in every other byte)`,
    });
    return textResult(decodeUnicode(bytes, utf16), utf16, 0.9, false, notes);
  }
  if (looksBinary(sniffed)) return binaryResult('binary');

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    // Each byte became one code unit only if every byte was 7-bit.
    const encoding = utf8.length === bytes.length ? 'ascii' : 'utf-8';
    return textResult(utf8, encoding, 1, false, notes, true);
  }
  const legacy = decodeLegacyDetected(bytes);
  if (legacy.ok) legacy.notes.unshift(...notes);
  return legacy;
}

/**
 * Decodes a file's bytes. `options.encoding` (one of {@link SUPPORTED_ENCODINGS}) skips detection;
 * an unknown name is ignored with an `ENCODING_UNCERTAIN` note. Files with a known binary signature
 * (PDF, Office, images…) are refused either way.
 */
export function decodeBytes(bytes: Uint8Array, options: { encoding?: string } = {}): DecodeResult {
  const signature = sniffSignature(bytes);
  if (signature) return binaryResult(signature);

  const notes: DecodeNote[] = [];
  if (options.encoding !== undefined) {
    const encoding = resolveEncodingName(options.encoding);
    if (encoding) return decodeAs(bytes, encoding);
    notes.push({
      code: 'ENCODING_UNCERTAIN',
      detail: `unknown encoding "${options.encoding}" ignored (supported: ${SUPPORTED_ENCODINGS.join(', ')}); detected instead`,
    });
  }
  return detectAndDecode(bytes, notes);
}
