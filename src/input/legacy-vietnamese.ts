/**
 * The two 8-bit Vietnamese font encodings that no library decodes as they are used in real documents:
 *
 * - **TCVN3 ("ABC", the `.VnTime` fonts)**, TCVN 5712:1993 VN3. It has room for the 67 lowercase
 *   letters (`á`, `ặ`, `đ`…) in 0xA8–0xFE but for only seven capitals (Ă Â Ê Ô Ơ Ư Đ, 0xA1–0xA7). Writers set the
 *   other capitals in the companion `.VnTimeH` font, which draws the *lowercase* bytes as capitals, so a
 *   plain-text export of `QUYẾT ĐỊNH` reads `QUYếT ĐịNH` (bytes `QUY\xd5T \xa7\xdeNH`).
 *   iconv-lite's `tcvn` codec is TCVN 5712 VN1, the superset: the same bytes for every letter ABC has,
 *   plus the capitals ABC lacks on C0 control bytes (0x04 = Ừ), on 0x80–0x9F and on ABC's spare slots.
 *   We decode with VN1 (so VN1 files work too) and then restore `.VnTimeH` capitals; we encode
 *   as ABC does, writing capitals it lacks with their lowercase byte.
 * - **VNI Windows (the `VNI-Times` fonts)**: a Windows-1252 byte stream where a Vietnamese letter is a
 *   base letter followed by one Latin-1 byte that the font draws as the marks (`cải` = `ca` + `û` + `i`),
 *   a few letters have a byte of their own (`ơ` = `ô`, `ư` = `ö`, `đ` = `ñ`, `ị` = `ò`), and those take
 *   marks too (`ườ` = `ö` + `ô` + `ø`).
 */
import { iconv } from './iconv.js';

/** Tone marks in the column order of the tables below: none, huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** The twelve vowel letters in the row order of the tables below. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

/** ABC bytes of each vowel (rows) with each tone (columns); ASCII vowels keep their byte. */
const TCVN3_VOWEL_BYTES: readonly (readonly number[])[] = [
  [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9], // a à ả ã á ạ
  [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6], // ă ằ ẳ ẵ ắ ặ
  [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb], // â ầ ẩ ẫ ấ ậ
  [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1], // e è ẻ ẽ é ẹ
  [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6], // ê ề ể ễ ế ệ
  [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde], // i ì ỉ ĩ í ị
  [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4], // o ò ỏ õ ó ọ
  [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9], // ô ồ ổ ỗ ố ộ
  [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee], // ơ ờ ở ỡ ớ ợ
  [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4], // u ù ủ ũ ú ụ
  [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9], // ư ừ ử ữ ứ ự
  [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe], // y ỳ ỷ ỹ ý ỵ
];

/** The letters ABC has besides the toned vowels: đ and the seven capitals. */
const TCVN3_OTHER_BYTES: readonly (readonly [string, number])[] = [
  ['đ', 0xae],
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

/**
 * Punctuation that ABC has no byte for (its 0x80–0x9F hold VN1 capitals, not Windows-1252 quotes),
 * written the way typists did. Anything else outside the table becomes `?`.
 */
const TCVN3_PUNCTUATION: Readonly<Record<string, string>> = {
  '\u00a0': '\u00a0',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
};

/**
 * VNI spellings, as Windows-1252 text, of each vowel (rows) with each tone (columns). Capitals are the
 * same spellings upper-cased (`Ả` = `AÛ`, `Ị` = `Ò`).
 */
const VNI_VOWEL_SPELLINGS: readonly (readonly string[])[] = [
  ['a', 'aø', 'aû', 'aõ', 'aù', 'aï'],
  ['aê', 'aè', 'aú', 'aü', 'aé', 'aë'],
  ['aâ', 'aà', 'aå', 'aã', 'aá', 'aä'],
  ['e', 'eø', 'eû', 'eõ', 'eù', 'eï'],
  ['eâ', 'eà', 'eå', 'eã', 'eá', 'eä'],
  ['i', 'ì', 'æ', 'ó', 'í', 'ò'],
  ['o', 'oø', 'oû', 'oõ', 'où', 'oï'],
  ['oâ', 'oà', 'oå', 'oã', 'oá', 'oä'],
  ['ô', 'ôø', 'ôû', 'ôõ', 'ôù', 'ôï'],
  ['u', 'uø', 'uû', 'uõ', 'uù', 'uï'],
  ['ö', 'öø', 'öû', 'öõ', 'öù', 'öï'],
  ['y', 'yø', 'yû', 'yõ', 'yù', 'î'],
];

const VNI_OTHER_SPELLINGS: readonly (readonly [string, string])[] = [['đ', 'ñ']];

function letter(vowel: number, tone: number): string {
  return (VOWELS[vowel]! + TONES[tone]!).normalize('NFC');
}

function isAsciiLetter(text: string): boolean {
  return /^[A-Za-z]$/.test(text);
}

/** The 256 characters a byte decodes to in a single-byte encoding known to iconv-lite. */
function singleByteTable(encoding: 'tcvn' | 'cp1252'): string[] {
  const all = new Uint8Array(256);
  for (let b = 0; b < 256; b++) all[b] = b;
  return [...iconv.decode(all, encoding)];
}

function buildTcvn3Encoder(): Map<string, number> {
  const map = new Map<string, number>();
  TCVN3_VOWEL_BYTES.forEach((row, v) => {
    row.forEach((byte, t) => {
      map.set(letter(v, t), byte);
    });
  });
  for (const [ch, byte] of TCVN3_OTHER_BYTES) map.set(ch, byte);
  return map;
}

/** Lowercase letters and the seven capitals from our table; VN1 (iconv-lite `tcvn`) for every other byte. */
function buildTcvn3Decoder(encoder: Map<string, number>): Uint16Array {
  const vn1 = singleByteTable('tcvn');
  const table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = vn1[b]!.charCodeAt(0);
  for (const [ch, byte] of encoder) table[byte] = ch.charCodeAt(0);
  return table;
}

function buildVniEncoder(): Map<string, string> {
  const map = new Map<string, string>();
  VNI_VOWEL_SPELLINGS.forEach((row, v) => {
    row.forEach((spelling, t) => {
      const lower = letter(v, t);
      if (isAsciiLetter(lower)) return;
      map.set(lower, spelling);
      map.set(lower.toUpperCase(), spelling.toUpperCase());
    });
  });
  for (const [ch, spelling] of VNI_OTHER_SPELLINGS) {
    map.set(ch, spelling);
    map.set(ch.toUpperCase(), spelling.toUpperCase());
  }
  return map;
}

interface VniDecoder {
  /** Code unit for each byte read alone: Windows-1252, except the letters with a byte of their own. */
  single: Uint16Array;
  /** Code unit for a base byte (high 8 bits) followed by a mark byte, or 0 when they do not combine. */
  pair: Uint16Array;
}

/**
 * Inverse of the VNI encoder. A base letter gives the case of the result and its mark byte may be of
 * either case (`Uû` and `UÛ` both read `Ủ`): typists mixed the two mark fonts.
 */
function buildVniDecoder(encoder: Map<string, string>, cp1252: readonly string[]): VniDecoder {
  const single = new Uint16Array(cp1252.map((ch) => ch.charCodeAt(0)));
  const pair = new Uint16Array(256 * 256);
  for (const [ch, spelling] of encoder) {
    const code = ch.charCodeAt(0);
    if (spelling.length === 1) {
      single[spelling.charCodeAt(0)] = code;
      continue;
    }
    const base = spelling.charCodeAt(0);
    pair[base * 256 + spelling[1]!.toLowerCase().charCodeAt(0)] = code;
    pair[base * 256 + spelling[1]!.toUpperCase().charCodeAt(0)] = code;
  }
  return { single, pair };
}

// The tables are built on first use: most inputs are UTF-8, and a command should start fast.
let tables:
  | {
      tcvn3Encoder: Map<string, number>;
      tcvn3Decoder: Uint16Array;
      vniEncoder: Map<string, string>;
      vniDecoder: VniDecoder;
    }
  | undefined;

function getTables() {
  if (!tables) {
    const tcvn3Encoder = buildTcvn3Encoder();
    const vniEncoder = buildVniEncoder();
    tables = {
      tcvn3Encoder,
      tcvn3Decoder: buildTcvn3Decoder(tcvn3Encoder),
      vniEncoder,
      vniDecoder: buildVniDecoder(vniEncoder, singleByteTable('cp1252')),
    };
  }
  return tables;
}

// --- Decoding ------------------------------------------------------------------------------------

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** UTF-16 code units → string; Buffer's `ucs2` is several times faster than `TextDecoder` here. */
function unitsToString(units: Uint16Array): string {
  const buffer = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  if (!LITTLE_ENDIAN) buffer.swap16();
  return buffer.toString('ucs2');
}

/** Decodes with a 256-entry table of UTF-16 code units. */
function decodeWithTable(bytes: Uint8Array, table: Uint16Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = table[bytes[i]!]!;
  return unitsToString(units);
}

/** TCVN3 (ABC) or TCVN 5712 VN1 bytes → text, with `.VnTimeH` capitals restored. Not normalised. */
export function decodeTcvn3(bytes: Uint8Array): string {
  return restoreVnTimeHCapitals(decodeWithTable(bytes, getTables().tcvn3Decoder));
}

/** VNI Windows bytes → text with precomposed letters. */
export function decodeVni(bytes: Uint8Array): string {
  const { single, pair } = getTables().vniDecoder;
  const units = new Uint16Array(bytes.length);
  let length = 0;
  // The previous byte while it can still take a mark; -1 once a mark has been attached.
  let previous = -1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const combined = previous < 0 ? 0 : pair[previous * 256 + byte]!;
    if (combined !== 0) {
      units[length - 1] = combined;
      previous = -1;
    } else {
      units[length++] = single[byte]!;
      previous = byte;
    }
  }
  return unitsToString(units.subarray(0, length));
}

// --- Restoring .VnTimeH capitals -----------------------------------------------------------------

const LetterClass = {
  None: 0,
  AsciiLower: 1,
  OtherLower: 2,
  Capital: 3,
  /** Part of a word but neither case: combining marks (VN1 has five), letters without case. */
  Caseless: 4,
} as const;

let letterClasses: Uint8Array | undefined;

/** Class of every BMP code unit, built on first use. */
function classes(): Uint8Array {
  if (letterClasses) return letterClasses;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    if (code >= 0x61 && code <= 0x7a) table[code] = LetterClass.AsciiLower;
    else if (/\p{Ll}/u.test(ch)) table[code] = LetterClass.OtherLower;
    else if (/[\p{Lu}\p{Lt}]/u.test(ch)) table[code] = LetterClass.Capital;
    else if (/[\p{L}\p{M}]/u.test(ch)) table[code] = LetterClass.Caseless;
  }
  letterClasses = table;
  return table;
}

/** What a word is made of. */
class WordShape {
  asciiLower = false;
  otherLower = false;
  capitals = 0;
  capitalAfterLower = false;

  constructor(text: string, start = 0, end = text.length) {
    const table = classes();
    for (let i = start; i < end; i++) {
      const letterClass = table[text.charCodeAt(i)]!;
      if (letterClass === LetterClass.AsciiLower) this.asciiLower = true;
      else if (letterClass === LetterClass.OtherLower) this.otherLower = true;
      else if (letterClass === LetterClass.Capital) {
        this.capitals++;
        if (this.asciiLower || this.otherLower) this.capitalAfterLower = true;
      }
    }
  }

  /** `Uỷ`, `QUYếT`: a capital, and a lowercase letter that may be a `.VnTimeH` capital; no ASCII lowercase. */
  get isCandidate(): boolean {
    return this.otherLower && !this.asciiLower && this.capitals > 0;
  }

  /**
   * Only a word set in `.VnTimeH` looks like this: a candidate with two capitals (`QUYếT`, `ĐịNH`)
   * or a capital after a lowercase letter (`áN` in `ĐỀ ÁN`, which no writer types).
   */
  get isVnTimeH(): boolean {
    return this.isCandidate && (this.capitals >= 2 || this.capitalAfterLower);
  }
}

/** A line with a non-ASCII letter and no ASCII lowercase one: headings, `Uỷ BAN NHÂN DÂN`. */
/**
 * Two capitals then a lowercase Vietnamese letter (`HOạCH`), or a lowercase one then a capital (`ĐịNH`):
 * every `.VnTimeH` word has one or the other. Plain ranges over-approximate both sets (they are
 * checked afterwards) because large character classes make a regex over 100 MB several times slower.
 */
const VNTIMEH_HINT =
  /[A-Z\u00c0-\u00dd\u0102\u0110\u0128\u0168\u01a0\u01af]{2}[\u00e0-\u00fd\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea0-\u1ef9]|[\u00e0-\u00fd\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea0-\u1ef9][A-Z\u00c0-\u00dd\u0102\u0110\u0128\u0168\u01a0\u01af]/g;
const WORD = /[\p{L}\p{M}]+/gu;
/** Cells of a two-column header are separated by `|`, tabs or runs of spaces. */
const CELL_SEPARATOR = /(\||\t| {2,})/;
/** A whitespace-separated token that is an all-caps word (`BAN`, `NHÂN,`), not a code (`158/QĐ-UBND`). */
const ALL_CAPS_TOKEN = /^\p{Lu}{2,}[,.:;]?$/u;

/**
 * Restores capitals that ABC text wrote in the `.VnTimeH` font (see the file comment). A cell of a
 * line (split at `|`, tabs and runs of spaces) with no ASCII lowercase letter is upper-cased whole
 * when it holds a `.VnTimeH` word, or a candidate and two all-caps words (`UỶ BAN NHÂN DÂN` arrives
 * as `Uỷ BAN NHÂN DÂN`) — which also recovers short words (`VỀ` in `VỀ VIỆC`, `Ở`); elsewhere
 * `.VnTimeH` words are upper-cased alone. What stays lowercase: a capital that starts a mixed-case
 * word (`Ủy ban` reads `ủy ban`) and capitals in a cell without that evidence (`VỀ` alone on a line
 * reads `Về`, while `Số: 158/QĐ-UBND` keeps its `Số`).
 */
export function restoreVnTimeHCapitals(text: string): string {
  const lines = linesToRestore(text);
  if (lines.size === 0) return text;
  const parts: string[] = [];
  let done = 0;
  for (const start of [...lines.keys()].sort((x, y) => x - y)) {
    const end = lines.get(start)!;
    parts.push(text.slice(done, start), restoreLine(text.slice(start, end)));
    done = end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** Start → end offsets of the lines {@link restoreLine} may change, found with two fast regexes. */
function linesToRestore(text: string): Map<number, number> {
  const lines = new Map<number, number>();
  // Lines with no ASCII lower-case letter and at least one non-ASCII character (one pass, no regex:
  // a pattern with two overlapping stars backtracks over a long line).
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let lower = false;
    let nonAscii = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) {
        lower = true;
        break;
      }
      if (c > 0x7f) nonAscii = true;
    }
    if (!lower && nonAscii) lines.set(start, end);
    start = end + 1;
  }
  const table = classes();
  const hint = new RegExp(VNTIMEH_HINT);
  for (let match = hint.exec(text); match; match = hint.exec(text)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start > 0 && table[text.charCodeAt(start - 1)] !== LetterClass.None) start--;
    while (end < text.length && table[text.charCodeAt(end)] !== LetterClass.None) end++;
    hint.lastIndex = end;
    if (!new WordShape(text, start, end).isVnTimeH) continue;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline;
    lines.set(lineStart, lineEnd);
    hint.lastIndex = lineEnd;
  }
  return lines;
}

function restoreLine(line: string): string {
  // Odd indexes hold the separators.
  const cells = line.split(CELL_SEPARATOR);
  for (let i = 0; i < cells.length; i += 2) cells[i] = restoreCell(cells[i]!);
  return cells.join('');
}

function restoreCell(cell: string): string {
  const shapes = (cell.match(WORD) ?? []).map((word) => new WordShape(word));
  const hasVnTimeHWord = shapes.some((shape) => shape.isVnTimeH);
  if (!/[a-z]/.test(cell)) {
    const hasCandidate = shapes.some((shape) => shape.isCandidate);
    const allCapsTokens = cell.split(/\s+/).filter((token) => ALL_CAPS_TOKEN.test(token)).length;
    return hasVnTimeHWord || (hasCandidate && allCapsTokens >= 2) ? cell.toUpperCase() : cell;
  }
  if (!hasVnTimeHWord) return cell;
  return cell.replace(WORD, (word) => (new WordShape(word).isVnTimeH ? word.toUpperCase() : word));
}

// --- Encoding ------------------------------------------------------------------------------------

/**
 * What each BMP code unit encodes to: up to three bytes packed low byte first, the count in the top
 * byte; 0 for characters the encoding lacks (written `?`).
 */
type UnitTable = Uint32Array;

function packBytes(bytes: readonly number[]): number {
  return ((bytes.length << 24) | bytes.reduce((packed, byte, i) => packed | (byte << (8 * i)), 0)) >>> 0;
}

function latin1Bytes(text: string): number[] {
  return [...text].map((ch) => ch.charCodeAt(0));
}

function buildTcvn3Units(): UnitTable {
  const table = new Uint32Array(0x10000);
  for (let code = 0; code < 0x80; code++) table[code] = packBytes([code]);
  for (const [ch, replacement] of Object.entries(TCVN3_PUNCTUATION)) {
    table[ch.charCodeAt(0)] = packBytes(latin1Bytes(replacement));
  }
  for (const [ch, byte] of getTables().tcvn3Encoder) {
    table[ch.charCodeAt(0)] = packBytes([byte]);
    // A capital ABC lacks takes its lowercase byte (`.VnTimeH`); the seven it has keep their own.
    const upper = ch.toUpperCase().charCodeAt(0);
    if (table[upper] === 0) table[upper] = packBytes([byte]);
  }
  return table;
}

function buildVniUnits(): UnitTable {
  const table = new Uint32Array(0x10000);
  singleByteTable('cp1252').forEach((ch, byte) => {
    if (ch !== '\ufffd') table[ch.charCodeAt(0)] = packBytes([byte]);
  });
  for (const [ch, spelling] of getTables().vniEncoder)
    table[ch.charCodeAt(0)] = packBytes(latin1Bytes(spelling));
  return table;
}

let tcvn3Units: UnitTable | undefined;
let vniUnits: UnitTable | undefined;

const QUESTION_MARK = packBytes([0x3f]);

/** Encodes NFC text with a unit table; a surrogate pair (never in the tables) becomes one `?`. */
function encodeWithUnits(text: string, table: UnitTable): Uint8Array {
  const nfc = text.normalize('NFC');
  const packed = new Uint32Array(nfc.length);
  let count = 0;
  let total = 0;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && (nfc.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    const value = table[code] || QUESTION_MARK;
    packed[count++] = value;
    total += value >>> 24;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const value = packed[i]!;
    const length = value >>> 24;
    for (let k = 0; k < length; k++) out[at++] = (value >>> (8 * k)) & 0xff;
  }
  return out;
}

/**
 * Text → ABC bytes. Capitals ABC lacks are written with their lowercase byte (the `.VnTimeH`
 * convention, undone on decoding by {@link restoreVnTimeHCapitals}); quotes and dashes become ASCII;
 * other characters outside the table become `?`.
 */
export function encodeTcvn3(text: string): Uint8Array {
  tcvn3Units ??= buildTcvn3Units();
  return encodeWithUnits(text, tcvn3Units);
}

/** Text → VNI Windows bytes; characters that Windows-1252 lacks become `?`. */
export function encodeVni(text: string): Uint8Array {
  vniUnits ??= buildVniUnits();
  return encodeWithUnits(text, vniUnits);
}

/** Generates legacy-encoded input (tests and the benchmark use it). */
export function encodeLegacy(text: string, encoding: 'tcvn3' | 'vni'): Uint8Array {
  return encoding === 'tcvn3' ? encodeTcvn3(text) : encodeVni(text);
}
