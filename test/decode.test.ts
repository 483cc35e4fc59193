import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type DecodeResult, decodeBytes, encodeLegacy, SUPPORTED_ENCODINGS } from '../src/input/decode.js';
import { restoreVnTimeHCapitals } from '../src/input/legacy-vietnamese.js';

// The 67 lowercase Vietnamese letters outside ASCII: 12 vowels × 5 tone marks, then the 6 bare
// vowels that are not ASCII (ă â ê ô ơ ư), then đ. With their capitals: 134.
const TONED_LOWER =
  'àảãáạ' +
  'ằẳẵắặ' +
  'ầẩẫấậ' +
  'èẻẽéẹ' +
  'ềểễếệ' +
  'ìỉĩíị' +
  'òỏõóọ' +
  'ồổỗốộ' +
  'ờởỡớợ' +
  'ùủũúụ' +
  'ừửữứự' +
  'ỳỷỹýỵ';
const LOWER = [...TONED_LOWER, ...'ăâêôơư', 'đ'];
const LETTERS = [...LOWER, ...LOWER.map((ch) => ch.toUpperCase())];
/** The capitals the ABC (TCVN3) font encoding has a byte for; the others are written with `.VnTimeH`. */
const TCVN3_CAPITALS = new Set([...'ĂÂĐÊÔƠƯ']);

function ok(result: DecodeResult): Extract<DecodeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected text, got ${result.binary}: ${result.message}`);
  return result;
}

function bytesOf(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  return Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );
}

/** Windows-1258 as Word writes it: a precomposed base where the code page has one, then the tone mark. */
function encodeWindows1258(text: string): Uint8Array {
  const tone = /[\u0300\u0301\u0303\u0309\u0323]/;
  const parts: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'cp1258');
    if (ch === '?' || direct.length !== 1 || direct[0] !== 0x3f) {
      parts.push(direct);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const mark = nfd.match(tone)?.[0] ?? '';
    parts.push(iconv.encode(nfd.replace(tone, '').normalize('NFC') + mark, 'cp1258'));
  }
  return Buffer.concat(parts);
}

/** What survives an encoding that writes `?` for the characters it lacks (iconv-lite's behaviour). */
function representable(text: string, encoding: string): string {
  return [...text].map((ch) => iconv.decode(iconv.encode(ch, encoding), encoding)).join('');
}

/** Punctuation the ABC encoding lacks, as encodeLegacy writes it. */
function tcvn3Punctuation(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/…/g, '...');
}

const FIXTURES = readdirSync('fixtures')
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(`fixtures/${name}`, 'utf8') }));

describe('the letter inventory', () => {
  it('has 134 distinct precomposed letters', () => {
    expect(LETTERS).toHaveLength(134);
    expect(new Set(LETTERS).size).toBe(134);
    for (const ch of LETTERS) expect(ch.normalize('NFC')).toHaveLength(1);
  });
});

describe('VNI', () => {
  it.each(LETTERS)('round-trips %s', (letter) => {
    const bytes = encodeLegacy(`x${letter}x`, 'vni');
    expect(ok(decodeBytes(bytes, { encoding: 'vni' })).text).toBe(`x${letter}x`);
  });

  it('writes a base letter and a mark byte', () => {
    // `cải cách` is `ca` + `û` + `i c` + `aù` + `ch`; `ườ` is `ö` + `ô` + `ø`.
    expect(Buffer.from(encodeLegacy('cải cách', 'vni')).toString('latin1')).toBe('caûi caùch');
    expect(Buffer.from(encodeLegacy('người', 'vni')).toString('latin1')).toBe('ngöôøi');
    expect(Buffer.from(encodeLegacy('ĐỊNH', 'vni')).toString('latin1')).toBe('ÑÒNH');
  });

  it('reads a capital base with a lowercase mark byte', () => {
    expect(ok(decodeBytes(bytesOf('Uûy ban'), { encoding: 'vni' })).text).toBe('Ủy ban');
  });

  it('round-trips any text made of Vietnamese letters and ASCII', () => {
    const alphabet = fc.constantFrom(...LETTERS, ...'anhgiou ,.-:;()/0123456789AEIOUY');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(ok(decodeBytes(encodeLegacy(text, 'vni'), { encoding: 'vni' })).text).toBe(text);
      }),
    );
  });
});

describe('TCVN3 (ABC)', () => {
  it.each(LETTERS)('round-trips %s, or its lowercase when ABC has no byte for it', (letter) => {
    const decoded = ok(decodeBytes(encodeLegacy(letter, 'tcvn3'), { encoding: 'tcvn3' })).text;
    const lowercaseOnly = letter !== letter.toLowerCase() && !TCVN3_CAPITALS.has(letter);
    expect(decoded).toBe(lowercaseOnly ? letter.toLowerCase() : letter);
  });

  it.each(LETTERS.filter((ch) => ch !== ch.toLowerCase()))(
    'restores %s inside an all-caps word (.VnTimeH)',
    (capital) => {
      const text = `QUY${capital}T ĐỊNH`;
      expect(ok(decodeBytes(encodeLegacy(text, 'tcvn3'), { encoding: 'tcvn3' })).text).toBe(text);
    },
  );

  it('agrees with iconv-lite `tcvn` (TCVN 5712 VN1) on every letter ABC has', () => {
    for (const letter of LETTERS) {
      if (letter !== letter.toLowerCase() && !TCVN3_CAPITALS.has(letter)) continue;
      expect([...encodeLegacy(letter, 'tcvn3')]).toEqual([...iconv.encode(letter, 'tcvn')]);
    }
  });

  it('decodes VN1 capitals (bytes ABC leaves free) exactly', () => {
    const text = LETTERS.join(' ');
    const vn1 = iconv.encode(text, 'tcvn');
    expect(vn1.some((b) => b < 0x20 && b !== 0x20)).toBe(true); // Ừ is 0x04
    expect(ok(decodeBytes(vn1, { encoding: 'tcvn3' })).text).toBe(text);
  });

  it('writes ABC bytes: lowercase in 0xA8–0xFE, capitals it lacks with their lowercase byte', () => {
    expect([...encodeLegacy('các', 'tcvn3')]).toEqual([0x63, 0xb8, 0x63]);
    expect([...encodeLegacy('QUYẾT ĐỊNH', 'tcvn3')]).toEqual([
      ...bytesOf('QUY', [0xd5], 'T ', [0xa7, 0xde], 'NH'),
    ]);
    expect([...encodeLegacy('“x” – …', 'tcvn3')]).toEqual([...bytesOf('"x" - ...')]);
  });

  it.each([
    [
      'Uỷ BAN NHÂN DÂN | CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM',
      'UỶ BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ],
    ['VỀ VIệC PHÊ DUYệT Kế HOạCH', 'VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH'],
    ['Về VIệC', 'VỀ VIỆC'],
    ['ĐỀ áN', 'ĐỀ ÁN'],
    ['QUYếT ĐịNH:', 'QUYẾT ĐỊNH:'],
    [
      'Số: 158/QĐ-UBND | Sơn La, ngày 22 tháng 01 năm 2014',
      'Số: 158/QĐ-UBND | Sơn La, ngày 22 tháng 01 năm 2014',
    ],
    ['Số: 158/QĐ-UBND    CộNG HòA', 'Số: 158/QĐ-UBND    CỘNG HÒA'],
    ['năm 2015 kế hoạch Cải cách tỉnh Sơn La KẾ HOạCH', 'năm 2015 kế hoạch Cải cách tỉnh Sơn La KẾ HOẠCH'],
    ['Để thực hiện Đề án, ủy ban và UBND, HĐND', 'Để thực hiện Đề án, ủy ban và UBND, HĐND'],
    ['Về', 'Về'],
  ])('restores .VnTimeH capitals: %s', (decoded, restored) => {
    expect(restoreVnTimeHCapitals(decoded)).toBe(restored);
  });

  it('round-trips lowercase text exactly', () => {
    const alphabet = fc.constantFrom(...LOWER, ...'anhgiou ,.-:;()/0123456789\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(ok(decodeBytes(encodeLegacy(text, 'tcvn3'), { encoding: 'tcvn3' })).text).toBe(text);
      }),
    );
  });
});

describe('fixtures in every encoding', () => {
  const cases: {
    name: string;
    encode: (text: string) => Uint8Array;
    expected: string;
    bom: boolean;
    expect?: (text: string) => string;
  }[] = [
    { name: 'utf-8', encode: (t) => Buffer.from(t), expected: 'utf-8', bom: false },
    {
      name: 'utf-8 + BOM',
      encode: (t) => bytesOf([0xef, 0xbb, 0xbf], Buffer.from(t)),
      expected: 'utf-8',
      bom: true,
    },
    {
      name: 'utf-16le + BOM',
      encode: (t) => bytesOf([0xff, 0xfe], Buffer.from(t, 'utf16le')),
      expected: 'utf-16le',
      bom: true,
    },
    {
      name: 'utf-16be + BOM',
      encode: (t) => bytesOf([0xfe, 0xff], Buffer.from(t, 'utf16le').swap16()),
      expected: 'utf-16be',
      bom: true,
    },
    { name: 'utf-16le, no BOM', encode: (t) => Buffer.from(t, 'utf16le'), expected: 'utf-16le', bom: false },
    {
      name: 'utf-16be, no BOM',
      encode: (t) => Buffer.from(t, 'utf16le').swap16(),
      expected: 'utf-16be',
      bom: false,
    },
    { name: 'windows-1258', encode: encodeWindows1258, expected: 'windows-1258', bom: false },
    { name: 'vni', encode: (t) => encodeLegacy(t, 'vni'), expected: 'vni', bom: false },
    {
      name: 'viscii',
      encode: (t) => iconv.encode(t, 'viscii'),
      expected: 'viscii',
      bom: false,
      // VISCII has no NBSP, curly quotes, dashes or ellipsis: iconv-lite writes `?`.
      expect: (t) => representable(t, 'viscii'),
    },
  ];

  for (const fixture of FIXTURES) {
    it.each(cases)(`${fixture.name} as $name decodes back and is detected`, (c) => {
      const result = ok(decodeBytes(c.encode(fixture.text)));
      expect(result.encoding).toBe(c.expected);
      expect(result.bom).toBe(c.bom);
      expect(result.text).toBe((c.expect ?? ((t: string) => t))(fixture.text.normalize('NFC')));
      expect(result.notes.map((n) => n.code)).not.toContain('ENCODING_UNCERTAIN');
      expect(result.notes.map((n) => n.code)).not.toContain('ENCODING_REPLACEMENT_CHARS');
      expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    });

    it(`${fixture.name} as tcvn3 decodes back but for capitals starting mixed-case words`, () => {
      const result = ok(decodeBytes(encodeLegacy(fixture.text, 'tcvn3')));
      expect(result.encoding).toBe('tcvn3');
      expect(result.confidence).toBeGreaterThanOrEqual(0.5);
      expect(result.notes.map((n) => n.code)).toEqual(['ENCODING_DETECTED']);
      const expected = tcvn3Punctuation(fixture.text).split(/\s+/);
      const decoded = result.text.split(/\s+/);
      expect(decoded).toHaveLength(expected.length);
      // The documented loss: `Ủy ban` reads `ủy ban` — a capital ABC lacks, at the start of a word
      // that goes on in lowercase. Every other word comes back exactly.
      decoded.forEach((word, i) => {
        const want = expected[i]!;
        if (word === want) return;
        const first = [...want].findIndex((ch) => /\p{L}/u.test(ch));
        const capital = [...want][first]!;
        expect(TCVN3_CAPITALS.has(capital) || capital === capital.toLowerCase()).toBe(false);
        const lowered = [...want].map((ch, k) => (k === first ? ch.toLowerCase() : ch)).join('');
        expect(word).toBe(lowered);
      });
      // Headings and header cells, being all capitals, come back exactly.
      const originalLines = tcvn3Punctuation(fixture.text).split('\n');
      const decodedLines = result.text.split('\n');
      const allCaps = originalLines.filter((line) => /\p{Lu}{2}/u.test(line) && !/\p{Ll}/u.test(line));
      expect(allCaps.length).toBeGreaterThan(3);
      for (const line of allCaps) expect(decodedLines).toContain(line);
    });
  }
});

describe('detection', () => {
  const sample = FIXTURES[0]!.text;

  it('calls Vietnamese without diacritics ascii, never a legacy encoding', () => {
    const stripped = sample
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x00-\x7f]/g, ' ');
    const result = ok(decodeBytes(Buffer.from(stripped)));
    expect(result.encoding).toBe('ascii');
    expect(result.text).toBe(stripped);
    expect(result.notes).toEqual([]);
  });

  it('does not claim a font encoding for text without diacritics and a few Windows-1252 quotes', () => {
    const result = ok(decodeBytes(bytesOf('Ke hoach cai cach hanh chinh ', [0x93], 'nam 2016', [0x94])));
    expect(['windows-1258', 'utf-8']).toContain(result.encoding);
    expect(result.text).toBe('Ke hoach cai cach hanh chinh “nam 2016”');
    expect(result.notes.map((n) => n.code)).toContain('ENCODING_UNCERTAIN');
  });

  it('keeps VISCII letters on control bytes (0x02 = Ẳ)', () => {
    const text = `${sample.slice(0, 2000)}\nẲ Ẵ Ẫ Ỷ Ỹ Ỵ`;
    const bytes = iconv.encode(text, 'viscii');
    expect(bytes.includes(0x02)).toBe(true);
    const result = ok(decodeBytes(bytes));
    expect(result.encoding).toBe('viscii');
    expect(result.text).toBe(representable(text, 'viscii'));
  });

  it('keeps TCVN VN1 letters on control bytes (0x04 = Ừ)', () => {
    const text = `${sample.slice(0, 2000)}\nỪ Ú Ụ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ`;
    const bytes = iconv.encode(text, 'tcvn');
    expect(bytes.includes(0x04)).toBe(true);
    const result = ok(decodeBytes(bytes));
    expect(result.encoding).toBe('tcvn3');
    expect(result.text).toContain('Ừ Ú Ụ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ');
  });

  it('takes mostly-UTF-8 text with a broken byte as UTF-8 and says so', () => {
    const result = ok(decodeBytes(bytesOf(Buffer.from(sample.slice(0, 3000)), [0xff], Buffer.from(' của'))));
    expect(result.encoding).toBe('utf-8');
    expect(result.text.endsWith('\ufffd của')).toBe(true);
    expect(result.notes.map((n) => n.code)).toContain('ENCODING_REPLACEMENT_CHARS');
  });

  it('does not report a U+FFFD that valid UTF-8 spells out', () => {
    const result = ok(decodeBytes(Buffer.from('Mục tiêu: \ufffd')));
    expect(result.notes).toEqual([]);
  });

  it('decodes NFD (decomposed) UTF-8 to NFC', () => {
    const result = ok(decodeBytes(Buffer.from('Cải cách hành chính'.normalize('NFD'))));
    expect(result.text).toBe('Cải cách hành chính');
    expect(result.encoding).toBe('utf-8');
  });

  it('returns empty text for empty input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({
      ok: true,
      text: '',
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
      nfc: false,
      notes: [],
    });
  });

  it('strips a BOM-only file to empty text', () => {
    const result = ok(decodeBytes(bytesOf([0xef, 0xbb, 0xbf])));
    expect(result).toMatchObject({ text: '', encoding: 'utf-8', bom: true });
  });
});

describe('options.encoding', () => {
  const text = 'Kế hoạch cải cách hành chính năm 2016 của tỉnh';

  it('lists the supported names', () => {
    expect([...SUPPORTED_ENCODINGS].sort()).toEqual(
      ['ascii', 'tcvn3', 'utf-16be', 'utf-16le', 'utf-8', 'viscii', 'vni', 'windows-1258'].sort(),
    );
  });

  it('decodes in the named encoding without scoring', () => {
    const result = ok(decodeBytes(encodeLegacy(text, 'vni'), { encoding: 'VNI' }));
    expect(result).toMatchObject({ text, encoding: 'vni', confidence: 1, notes: [] });
    expect(ok(decodeBytes(encodeWindows1258(text), { encoding: 'cp1258' })).text).toBe(text);
    expect(
      ok(decodeBytes(bytesOf([0xef, 0xbb, 0xbf], Buffer.from(text)), { encoding: 'utf8' })),
    ).toMatchObject({
      text,
      bom: true,
    });
  });

  it('marks bytes that the named encoding cannot read', () => {
    const result = ok(decodeBytes(encodeLegacy(text, 'vni'), { encoding: 'ascii' }));
    expect(result.text).toContain('\ufffd');
    expect(result.notes.map((n) => n.code)).toEqual(['ENCODING_REPLACEMENT_CHARS']);
  });

  it('ignores an unknown name with a note, and detects instead', () => {
    const result = ok(decodeBytes(encodeLegacy(text, 'vni'), { encoding: 'klingon' }));
    expect(result.encoding).toBe('vni');
    expect(result.text).toBe(text);
    expect(result.notes[0]).toMatchObject({ code: 'ENCODING_UNCERTAIN' });
    expect(result.notes[0]!.detail).toContain('klingon');
  });

  it('still refuses a PDF', () => {
    expect(decodeBytes(bytesOf('%PDF-1.4\n'), { encoding: 'utf-8' })).toMatchObject({
      ok: false,
      binary: 'pdf',
    });
  });
});

describe('looksBinary', () => {
  it('counts NULs and stray controls as the byte-by-byte definition does, on any sample', async () => {
    const { looksBinary } = await import('../src/input/decode.js');
    const letters = new Set([
      0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1e,
    ]);
    const definition = (sample: Uint8Array): boolean => {
      let nuls = 0;
      let controls = 0;
      for (const b of sample) {
        if (b === 0) nuls++;
        else if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && !letters.has(b)) || b === 0x7f) controls++;
      }
      return nuls > sample.length * 0.002 || controls > sample.length * 0.03;
    };
    // Mostly text, with a few of the bytes that count (and some that do not) at chosen rates.
    const byte = fc.oneof(
      { weight: 30, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x20 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 0x7f, 0x7e, 0x80, 0xff, 0x09, 0x0d, 0x1e, 0x1f) },
    );
    // Text with a NUL now and then: around the NUL share (0.2%) and well under the controls' (3%).
    const nulOrText = fc.oneof(
      { weight: 300, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.constant(0) },
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(byte, { maxLength: 600 }),
        fc.array(nulOrText, { minLength: 400, maxLength: 1200 }),
        (raw, text, nuls) => {
          for (const sample of [raw, Uint8Array.from(text), Uint8Array.from(nuls)])
            expect(looksBinary(sample)).toBe(definition(sample));
        },
      ),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('binary files', () => {
  /** A ZIP local file header naming one entry. */
  function zipWith(name: string): Uint8Array {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    return bytesOf(header, Buffer.from(name), 'content');
  }

  it.each([
    ['pdf', bytesOf('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'), /pdftotext/],
    ['docx', zipWith('word/document.xml'), /Word document/],
    ['xlsx', zipWith('xl/workbook.xml'), /Excel/],
    ['zip', zipWith('ke-hoach.txt'), /extract/],
    ['doc', bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /convert it to text/],
    ['png', bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /OCR/],
    ['jpeg', bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /OCR/],
    ['gif', bytesOf('GIF89a', [1, 0, 1, 0]), /image/],
    ['elf', bytesOf([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]), /executable/],
    ['gzip', bytesOf([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), /gunzip/],
    ['binary', bytesOf(Buffer.alloc(64, 0), 'x', Buffer.alloc(64, 0x01), [0x03, 0x07, 0x1c]), /binary/],
  ] as const)('recognises %s', (kind, bytes, message) => {
    const result = decodeBytes(bytes);
    expect(result).toMatchObject({ ok: false, binary: kind });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.option(fc.constantFrom(...SUPPORTED_ENCODINGS, 'nonsense'), { nil: undefined }),
        (bytes, encoding) => {
          const result = decodeBytes(bytes, encoding === undefined ? {} : { encoding });
          if (result.ok) {
            expect(typeof result.text).toBe('string');
            expect(result.confidence).toBeGreaterThanOrEqual(0);
            expect(result.confidence).toBeLessThanOrEqual(1);
          } else {
            expect(result.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('what decoding changed, in source', () => {
  it('records a removed BOM and composed letters, which the decoded text no longer shows', async () => {
    const { parseBytes } = await import('../src/node/parse-file.js');
    const plan = 'KẾ HOẠCH\r\nCải cách hành chính\r\n';
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const nfc = parseBytes(utf8(plan)).source;
    expect(nfc.normalizations).toEqual(['crlf']);
    const nfd = parseBytes(utf8(plan.normalize('NFD'))).source;
    expect(nfd.normalized).toBe(true);
    expect(nfd.normalizations).toEqual(['crlf', 'nfc']);
    const bom = parseBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(plan.normalize('NFD'))])).source;
    expect(bom.normalizations).toEqual(['bom', 'crlf', 'nfc']);
    // The same text given as text says the same.
    const { parseText } = await import('../src/document/parse-text.js');
    expect(parseText(`\ufeff${plan.normalize('NFD')}`).source.normalizations).toEqual(['bom', 'crlf', 'nfc']);
  });
});
