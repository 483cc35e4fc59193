/**
 * The text layer's fast paths against plain definitions: the table-driven fold against folding
 * each character by normalisation, `normalizeText` (its plain path and its one-scan survey) against
 * the regexes it replaces. Arbitrary strings, lone surrogates and long runs of marks included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../src/lexicon/load.js';
import { fold, foldAtMost, foldChar, foldMapped, foldMappedAny, foldStart } from '../src/text/fold.js';
import { isPlain, isTrimmed } from '../src/text/line-info.js';
import { isSquashed, normalizeText, squashSpaces, utf8Length } from '../src/text/normalize.js';

/** The default lexicon with other column phrases (each kind not named has none). */
function defaultLexiconWith(columns: Record<string, string[]>) {
  const base = defaultLexicon();
  const empty = Object.fromEntries(Object.keys(base.columns).map((k) => [k, [] as string[]]));
  return { ...base, columns: { ...empty, ...columns } as typeof base.columns };
}

/** Folding as defined: each code point by normalisation, then whitespace runs to one space, trimmed. */
function foldPlain(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out.replace(/\s+/g, ' ').trim();
}

/** What `normalizeText` did before its one-scan survey: the lines, and what it changed. */
function normalizePlain(input: string): { lines: string[]; changes: string[] } {
  const changes: string[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    changes.push('bom');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    changes.push('crlf');
  }
  if (/\p{M}{31}/u.test(text)) text = text.replace(/\p{M}{30}/gu, (run) => `${run}\u034f`);
  if (text.normalize('NFC') !== text) changes.push('nfc');
  text = text.normalize('NFC');
  const steps: [RegExp, string, string][] = [
    [/[\u00a0\u2000-\u200a\u2007\u202f\u3000]/g, ' ', 'nbsp'],
    [/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '', 'zero-width'],
    [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '', 'control'],
  ];
  for (const [pattern, by, change] of steps) {
    if (text.search(pattern) === -1) continue;
    text = text.replace(pattern, by);
    changes.push(change);
  }
  return { lines: text.split('\n'), changes };
}

const vietnamese = fc.constantFrom(
  'Cải cách hành chính',
  'UỶ BAN NHÂN DÂN',
  'Ủy ban',
  'hoà',
  'Quý I + II năm 2014',
  'Đề án',
  'Sở Nội vụ\u00a0',
  '\u2000\u2001\u202f\u3000\u2060\u00ad\u0085\u007f\u000b',
  'a\u0301\u0323',
  '\u200b',
  '\r\n',
  '\t',
  '\ufeff',
  'ﬁ',
  'İ',
  '𝐀',
  '\ud800',
  '\udc00',
  '\u0301'.repeat(40),
  '\u{1d165}'.repeat(35),
);
const text = fc
  .array(fc.oneof(vietnamese, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

describe('fold', () => {
  it('equals folding character by character, on any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(fold(t)).toBe(foldPlain(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('maps a text to its fold, with a space kept at either end', () => {
    fc.assert(
      fc.property(text, (t) => {
        const mapped = foldMapped(t, false, false).text;
        expect(mapped.replace(/^ | $/g, '')).toBe(fold(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('gives the same mapped fold when asked again for the same text with other flags, on any text', () => {
    const flags = fc.tuple(fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(text, flags, flags, (t, [a1, b1], [a2, b2]) => {
        // Fresh: another text folded in between, so nothing of `t` is remembered.
        foldMapped('another text', false, false);
        const fresh = foldMapped(t, a2, b2);
        const expected = { text: fresh.text, from: [...fresh.from], to: [...fresh.to] };
        foldMapped('another text', false, false);
        foldMapped(t, a1, b1);
        const again = foldMapped(t, a2, b2);
        expect({ text: again.text, from: [...again.from], to: [...again.to] }).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('gives the fold when it is at most the length asked for, else null, on any text', () => {
    const max = fc.integer({ min: 0, max: 24 });
    const piece = fc.constantFrom(
      'Chủ tịch',
      'ﬃ',
      '\u{2f800}',
      '\u{1d15e}',
      '𝐀',
      '  ',
      '\u0301'.repeat(9),
      'İ',
    );
    const mixed = fc.array(fc.oneof(piece, text), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(mixed, max, (t, n) => {
        const f = fold(t);
        expect(foldAtMost(t, n)).toBe(f.length <= n ? f : null);
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });

  it('gives a start of the fold at least as long as asked for (or all of it), on any text', () => {
    const min = fc.integer({ min: 0, max: 160 });
    const long = fc.array(fc.oneof(text, fc.constantFrom('Sở Nội vụ ', 'ﬃ', '  ')), { maxLength: 30 });
    fc.assert(
      fc.property(
        long.map((p) => p.join('')),
        min,
        (t, n) => {
          const f = fold(t);
          const start = foldStart(t, n);
          expect(f.startsWith(start)).toBe(true);
          expect(start.length).toBeGreaterThanOrEqual(Math.min(n, f.length));
        },
      ),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('folds Vietnamese to plain lower-case letters, with old and new tone placement alike', () => {
    expect(fold('  UỶ  BAN\u00a0nhân dân TỈNH ')).toBe('uy ban nhan dan tinh');
    expect(fold('Ủy ban')).toBe(fold('UỶ BAN'));
    expect(fold('hoà')).toBe(fold('hòa'));
    expect(fold('Đề án')).toBe('de an');
    expect(fold('x'.repeat(200) + 'Ạ')).toBe(`${'x'.repeat(200)}a`);
  });

  it('gives the text and map of the general path on its one-to-one path', () => {
    const plain = fc
      .array(fc.constantFrom('Cải cách', ' ', 'UỶ BAN', '90%', 'năm 2020', '\t', '  ', 'a\u0301', '\u200b'), {
        maxLength: 10,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(plain, text), fc.boolean(), fc.boolean(), (t, allMarks, dropInvisible) => {
        const fast = foldMapped(t, allMarks, dropInvisible);
        const general = foldMappedAny(t, allMarks, dropInvisible);
        expect(fast.text).toBe(general.text);
        expect([...fast.from]).toEqual([...general.from]);
        expect([...fast.to]).toEqual([...general.to]);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('keeps a map back to the source: each folded unit quotes the characters it came from', () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = foldMapped(t, true, true);
        expect(m.from).toHaveLength(m.text.length);
        for (let i = 0; i < m.text.length; i++) {
          expect(m.from[i]).toBeLessThan(m.to[i]!);
          if (i > 0) expect(m.from[i]).toBeGreaterThanOrEqual(m.to[i - 1]! - 2);
          const quoted = t.slice(m.from[i], m.to[i]);
          if (m.text[i] === ' ') expect(quoted).toMatch(/^\s/);
          else expect(foldPlain(quoted).includes(m.text[i]!) || /\p{M}/u.test(quoted)).toBe(true);
        }
      }),
      { numRuns: 1000, seed: 20261122 },
    );
    const decomposed = 'Tháng 8/2017'.normalize('NFD');
    const m = foldMapped(decomposed, false, false);
    expect(m.text).toBe('thang 8/2017');
    // `á` written as two units is quoted whole.
    expect(decomposed.slice(m.from[2], m.to[2])).toBe('a\u0301');
  });
});

describe('normalizeText', () => {
  it('gives the lines of the plain regex steps and the UTF-8 size of Buffer.byteLength, on any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalizeText(t);
        const plain = normalizePlain(t);
        expect(n.lines).toEqual(plain.lines);
        expect(n.changes).toEqual(plain.changes);
        expect(utf8Length(t)).toBe(Buffer.byteLength(t, 'utf8'));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('takes the plain path (line ends and no-break spaces only) with the same result', () => {
    const plain = fc
      .array(
        fc.constantFrom(
          'Cải cách hành chính',
          'UỶ BAN',
          'Quý I + II năm 2014',
          '“Đề án” – 90%',
          '\u00a0',
          '\r\n',
          '\r',
          '\n',
          '\t',
          ' | ',
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(plain, (t) => {
        const n = normalizeText(t);
        const expected = normalizePlain(t);
        expect(n.lines).toEqual(expected.lines);
        expect(n.changes).toEqual(expected.changes);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });

  it('splits a text whose every line end is a CR LF into the lines the other ends would give', () => {
    const line = fc.array(fc.constantFrom('Sở Nội vụ', ' ', '\u00a0', '|', '5%', '\t', 'a', '\r', '\n'), {
      maxLength: 4,
    });
    let crlfOnly = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, final) => {
        const t = lines.map((l) => l.join('')).join('\r\n') + (final ? '\r\n' : '');
        const n = normalizeText(t);
        if (n.info.crlfOnly) crlfOnly++;
        expect(n.lines).toEqual(normalizePlain(t).lines);
      }),
      { numRuns: 3000, seed: 20261203 },
    );
    expect(crlfOnly).toBeGreaterThan(300);
  });

  it('describes each line as the regexes and trim say, in one scan of a plain text or line by line, on any text', async () => {
    const {
      BLANK,
      LONE_PIPE,
      PIPE,
      SEPARATORS,
      DIGIT,
      PERCENT,
      O_ACUTE,
      LETTER_Q,
      RARE_LATIN,
      RARE_LATIN_LETTERS,
      UNSQUASHED,
      describeLines,
      describePlainText,
    } = await import('../src/text/line-info.js');
    // What each line is, asked of it as the readers asked before.
    const asked = (lines: string[]) =>
      lines.map((l) => {
        const first = l.length - l.trimStart().length;
        const blank = l.trim() === '';
        return {
          flags:
            (blank ? BLANK : 0) |
            (l.includes('|') ? PIPE : 0) |
            (/^\s*\|\s*$/.test(l) ? LONE_PIPE : 0) |
            (/^[\s|]*$/.test(l) ? SEPARATORS : 0) |
            (/\d/.test(l) ? DIGIT : 0) |
            (l.includes('%') ? PERCENT : 0) |
            (/[óÓ]/.test(l) ? O_ACUTE : 0) |
            (/[qQ]/.test(l) ? LETTER_Q : 0) |
            ([...l].some((ch) => RARE_LATIN_LETTERS.includes(ch)) ? RARE_LATIN : 0) |
            (/[^\S ]|\s{2}/.test(l) ? UNSQUASHED : 0),
          first: blank ? -1 : first,
          end: blank ? 0 : l.trimEnd().length,
          lead: blank ? 0 : l.charCodeAt(first),
        };
      });
    const described = (info: { flags: Uint16Array; first: Int32Array; end: Int32Array; lead: Uint16Array }) =>
      [...info.flags].map((flags, i) => ({
        flags,
        first: info.first[i],
        end: info.end[i],
        lead: info.lead[i],
      }));
    const piece = fc.constantFrom(
      '|',
      ' | ',
      '||',
      '\t|\u00a0',
      '  ',
      ' \u00a0',
      '\u00a0',
      '\u2003',
      '5%',
      'nhóm',
      'Quý',
      'Ý',
      '\r\n',
      '\r',
      '\n',
    );
    const mixed = fc.array(fc.oneof(piece, text), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(mixed, (t) => {
        const n = normalizeText(t);
        expect(described(n.info)).toEqual(asked(n.lines));
        // Lines as a caller gives them, not normalised (wide spaces, controls and marks kept).
        const raw = t.split('\n');
        expect(described(describeLines(raw))).toEqual(asked(raw));
        const plain = describePlainText(t);
        expect(plain === null).toBe(!isPlain(t));
        // No-break spaces are spaces in the lines the plain description is of.
        if (plain) expect(described(plain)).toEqual(asked(t.replace(/\u00a0/g, ' ').split(/\r\n?|\n/)));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });

  it('tells a plain text by its table as the class of plain characters does, for every code unit', () => {
    const NOT_PLAIN = /[^\t\n\r\x20-\x7e\xa0-\xac\xae-\u02ff\u1ea0-\u1ef9\u2010-\u2027\u2030-\u205e]/;
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      if (isPlain(`ab${unit}c`) === NOT_PLAIN.test(unit)) throw new Error(`U+${c.toString(16)} disagrees`);
    }
    expect(isPlain('')).toBe(true);
  });

  it('tells text that needs no squashing as the regex did, and squashes as trim and replace do', () => {
    const spaced = fc
      .array(fc.oneof(fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\n', 'Sở', 'a'), text), {
        maxLength: 10,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(spaced, (t) => {
        expect(isSquashed(t)).toBe(!/\s{2,}|[^\S ]/.test(t));
        expect(squashSpaces(t)).toBe(t.trim().replace(/\s+/g, ' '));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('breaks a run of 31 or more combining marks, also astral ones, before normalising', () => {
    expect(normalizeText(`a${'\u0301'.repeat(61)}`).lines[0]).toContain('\u034f');
    expect(normalizeText(`a${'\u{1d165}'.repeat(31)}`).lines[0]).toContain('\u034f');
    expect(normalizeText(`a${'\u0301'.repeat(30)}`).lines[0]).not.toContain('\u034f');
    // Vietnamese letters between marks end a run.
    expect(normalizeText('\u0301ạ'.repeat(40)).lines[0]).not.toContain('\u034f');
  });
});

describe('caseless', () => {
  it('matches what the same words with the `iu` flags match, in any case, on any text', async () => {
    const { caseless } = await import('../src/text/caseless.js');
    const words = [
      'trước',
      'chậm nhất',
      'hoàn thành',
      'trong',
      'ít nhất',
      'đạt',
      'phấn đấu',
      'thứ',
      'top',
      'lên',
    ];
    const fast = caseless(words);
    const plain = new RegExp(words.join('|'), 'iu');
    const cased = fc
      .tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title'))
      .map(([w, c]) =>
        c === 'lower' ? w : c === 'upper' ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1),
      );
    fc.assert(
      fc.property(fc.array(fc.oneof(cased, fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (parts) => {
        const t = parts.join(' ');
        expect(fast.test(t)).toBe(plain.test(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    expect(fast.test('HOÀN THÀNH trước')).toBe(true);
    expect(fast.test('Hoan thanh')).toBe(false);
  });
});

describe('first tests spelled case by case', () => {
  it('the signature hint matches what its `iu` form matches', async () => {
    const { SIGNER_HINT } = await import('../src/header/read-header.js');
    const plain =
      /ch[uủ]\p{M}*\s*t[iị]|gi[aá]\p{M}*m\s*[dđ]|tr[uư]\p{M}*[oở]|^\s*\|?\s*(?:TM|KT|Q|TL|TUQ)\s*\./iu;
    const piece = fc.constantFrom(
      'CHỦ TỊCH',
      'Chủ tịch',
      'chủ tịch'.normalize('NFD'),
      'GIÁM ĐỐC',
      'Giám đốc',
      'TRƯỞNG BAN',
      'trưởng',
      'TM.',
      'kt.',
      '\u212aT.',
      'Tl .',
      '| Q.',
      'TUQ.',
      'Phó',
      ' ',
      '|',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme' })), { maxLength: 5 }), (parts) => {
        const t = parts.join('');
        expect(SIGNER_HINT.test(t)).toBe(plain.test(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
  it('a line opens a signature exactly when one of its cells is a capacity or a rank', async () => {
    const { opensSignature } = await import('../src/header/read-header.js');
    const titles = ['pho chu tich', 'chu tich', 'pho giam doc', 'giam doc', 'pho chanh van phong'];
    const titles2 = ['chanh van phong', 'truong ban', 'pho truong ban', 'bo truong', 'thu truong'];
    // The cell-by-cell reading the line test replaces: split, trim, capacity regex, whole fold.
    const cellByCell = (line: string): boolean =>
      line
        .split('|')
        .map((c) => c.trim())
        .some((c) => /^(TM|KT|Q|TL|TUQ)\s*\.\s*(.+)$/u.test(c) || [...titles, ...titles2].includes(fold(c)));
    const piece = fc.constantFrom(
      'CHỦ TỊCH',
      'Chủ tịch',
      'chủ tịch'.normalize('NFD'),
      'PHÓ  GIÁM ĐỐC',
      'Giám đốc Sở Nội vụ',
      'TRƯỞNG BAN',
      'Phó Chánh Văn phòng',
      'TM.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'kt. chủ tịch',
      '\u212aT. X',
      'TL .',
      'Q.',
      'TUQ. x',
      '\u0301'.repeat(30),
      '\u00a0',
      ' ',
      '|',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (parts) => {
        const t = parts.join('');
        expect(opensSignature(t)).toBe(cellByCell(t));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe('opensSignatureAt', () => {
  it('tells each line what opensSignature and the hint tell together, passing most over on their first units', async () => {
    const { opensSignature, opensSignatureAt, SIGNER_HINT } = await import('../src/header/read-header.js');
    const { describeLines, describePlainText } = await import('../src/text/line-info.js');
    const piece = fc.constantFrom(
      'CHỦ TỊCH',
      'Chủ tịch',
      'chủ tịch'.normalize('NFD'),
      'PHÓ  GIÁM ĐỐC',
      'Phó Chủ tịch',
      'CHÁNH VĂN PHÒNG',
      'Giám đốc Sở Nội vụ',
      'TRƯỞNG BAN',
      'Bộ trưởng',
      'Thứ trưởng',
      'Thực hiện',
      'TM.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'kt. chủ tịch',
      'Q. Giám đốc',
      'Q\t. Giám đốc',
      'TUQ. x',
      'TL',
      '\u212aT. X',
      '\ufb01',
      '\u0301',
      '\u00a0',
      '\t',
      ' ',
      '|',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 8 }),
        (parts) => {
          const text = parts.join('');
          const lines = text.split(/\r\n?|\n/);
          const byLines = describeLines(lines);
          const byText = describePlainText(text);
          lines.forEach((line, i) => {
            const expected = opensSignature(line) && SIGNER_HINT.test(line);
            expect(opensSignatureAt(lines, i, byLines)).toBe(expected);
            if (byText !== null) expect(opensSignatureAt(lines, i, byText)).toBe(expected);
          });
        },
      ),
      { numRuns: 5000, seed: 20261123 },
    );
  });
});

describe('columnKindOf', () => {
  it('rules cells out by their first word with the answer of reading the whole cell, on any text', async () => {
    const { columnKindOf } = await import('../src/table/cell-kinds.js');
    const { defaultLexicon } = await import('../src/lexicon/load.js');
    const lexicon = defaultLexicon();
    // The whole-cell reading, as it was before the first-word test.
    const phrases = new Map<string, string>();
    for (const [kind, list] of Object.entries(lexicon.columns))
      for (const p of list) if (!phrases.has(p)) phrases.set(p, kind);
    const wholeCell = (text: string): string | null => {
      if (text.length > 80) return null;
      const folded = fold(text).replace(/[.:]+$/, '');
      if (folded.length === 0 || folded.length > 60) return null;
      for (let end = folded.length; end > 0; end = folded.lastIndexOf(' ', end - 1)) {
        const kind = phrases.get(folded.slice(0, end));
        if (kind !== undefined) return kind;
      }
      return null;
    };
    const piece = fc.constantFrom(
      'STT',
      'Số TT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'CƠ QUAN PHỐI HỢP',
      'Thời gian hoàn thành',
      'Ghi chú',
      'Sản phẩm',
      '.',
      ':',
      ' ',
      '\u00a0',
      '\t',
      '\u0301',
      '\u0001',
      'Sở Nội vụ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 4 }),
        (parts) => {
          const t = parts.join('');
          expect(columnKindOf(t, lexicon)).toBe(wholeCell(t));
        },
      ),
      { numRuns: 5000, seed: 20261122 },
    );
  });
  it('reads the longest phrase a cell starts with, up to the longest the lexicon has', async () => {
    const { columnKindOf } = await import('../src/table/cell-kinds.js');
    const lexicon = defaultLexiconWith({
      deadline: ['thoi gian hoan thanh cham nhat'],
      task: ['thoi gian'],
    });
    // The longest phrase, followed by more words, wins over its start (a column of another kind).
    expect(columnKindOf('Thời gian hoàn thành chậm nhất của đơn vị', lexicon)).toBe('deadline');
    expect(columnKindOf('Thời gian hoàn thành chậm nhất', lexicon)).toBe('deadline');
    expect(columnKindOf('Thời gian hoàn thành', lexicon)).toBe('task');
  });

  it('rules a line out only when no cell it starts names a column, whatever follows it, on any text', async () => {
    const { columnKindOf, startsNoColumn } = await import('../src/table/cell-kinds.js');
    const { defaultLexicon } = await import('../src/lexicon/load.js');
    const lexicon = defaultLexicon();
    const piece = fc.constantFrom(
      'STT',
      'Số TT',
      'Nhiệm vụ',
      'Cơ quan',
      'chủ trì',
      'CƠ QUAN PHỐI HỢP',
      'Thời gian',
      'hoàn thành',
      'Ghi chú',
      'Sản phẩm',
      'Nội dung',
      '.',
      ':',
      ' ',
      '\u00a0',
      '\t',
      '\u2028',
      '\u0301',
      '\u0001',
      'Sở Nội vụ',
    );
    const text = fc
      .array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 4 })
      .map((parts) => parts.join(''));
    let ruledOut = 0;
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 2 }), (line, next) => {
        if (!startsNoColumn(line, lexicon)) return;
        ruledOut++;
        // The cell a table finder would join: the line and the lines after it, trimmed, with spaces.
        const cell = [line, ...next].map((l) => l.trim()).join(' ');
        expect(columnKindOf(line, lexicon)).toBeNull();
        expect(columnKindOf(line.trim(), lexicon)).toBeNull();
        expect(columnKindOf(cell, lexicon)).toBeNull();
      }),
      { numRuns: 5000, seed: 20261203 },
    );
    // Both answers are asked: many lines are ruled out, and the others are not.
    expect(ruledOut).toBeGreaterThan(500);
    expect(ruledOut).toBeLessThan(4500);
  });
});

describe('startsWithWord', () => {
  it("finds a head among those with the cell's first letter exactly when the whole list has one, on any heads", async () => {
    const { startsWithWord } = await import('../src/table/cell-kinds.js');
    // The reading of the whole list, head by head, that the index by first letter replaces.
    const everyHead = (folded: string, heads: readonly string[]): boolean =>
      heads.some((head) => {
        if (!folded.startsWith(head)) return false;
        const next = folded.charAt(head.length);
        return next === '' || !/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(next) || head.length >= 4;
      });
    const word = fc.constantFrom(
      '',
      's',
      'so',
      'sở',
      'so noi vu',
      'ubnd',
      'ubndcap',
      'u',
      'ban',
      'b',
      ' ',
      '-',
      '1',
    );
    const heads = fc.array(word, { maxLength: 6 });
    const cell = fc
      .array(fc.oneof(word, fc.string({ maxLength: 3 })), { maxLength: 4 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(heads, cell, (list, folded) => {
        expect(startsWithWord(folded, list)).toBe(everyHead(folded, list));
      }),
      { numRuns: 5000, seed: 20261122 },
    );
  });
  it('tells a value cell from the start of its fold as from the whole fold, on any cell and heads', async () => {
    const kinds = await import('../src/table/cell-kinds.js');
    const { defaultLexicon } = await import('../src/lexicon/load.js');
    const lexicon = defaultLexicon();
    // What the tests read when they folded the whole cell.
    const whole = (t: string, lx: typeof lexicon) => {
      const f = fold(t);
      return {
        value:
          kinds.isDeadlineLike(t, f) ||
          kinds.isFundingLike(t, lx, f) ||
          kinds.isAgencyLike(t, lx, f) ||
          kinds.isProductLike(t, lx, f),
        deadline: kinds.isDeadlineLike(t, f),
        agency: kinds.isAgencyLike(t, lx, f),
        product: kinds.isProductLike(t, lx, f),
        funding: kinds.isFundingLike(t, lx, f),
      };
    };
    const headed = (t: string, lx: typeof lexicon) => ({
      value: kinds.isValueLike(t, lx),
      deadline: kinds.isDeadlineLike(t),
      agency: kinds.isAgencyLike(t, lx),
      product: kinds.isProductLike(t, lx),
      funding: kinds.isFundingLike(t, lx),
    });
    // A lexicon with a head longer than the deadline heads read (the start must reach past it).
    const longHead = `zz ${'rat '.repeat(12)}dai`;
    const long = { ...lexicon, agencyHeads: [...lexicon.agencyHeads, longHead] };
    const piece = fc.constantFrom(
      'Sở Nội vụ',
      // Longer than a remembered fold (120 units), so that only the start is folded.
      `ZZ ${'Rất '.repeat(12)}Dài ${'x'.repeat(70)}`,
      `ZZ ${'Rất '.repeat(12)}Dàix`,
      'Quý I năm 2014',
      'Thường xuyên',
      `${'1'.repeat(34)} tháng ${'x'.repeat(90)}`,
      `${'1'.repeat(35)} tháng ${'x'.repeat(90)}`,
      '2'.repeat(45),
      ' tháng',
      '31/12/2017',
      'Ngân sách tỉnh',
      'Kế hoạch',
      'Ban hành',
      '1. Rà soát',
      '  ',
      'ﬃ',
      'x'.repeat(130),
    );
    const cell = fc.array(fc.oneof(piece, text), { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(cell, fc.boolean(), (t, useLong) => {
        const lx = useLong ? long : lexicon;
        expect(headed(t, lx)).toEqual(whole(t, lx));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });
  it('indexes a list again when it has grown', async () => {
    const { startsWithWord } = await import('../src/table/cell-kinds.js');
    const heads = ['so'];
    expect(startsWithWord('ubnd tinh', heads)).toBe(false);
    heads.push('ubnd');
    expect(startsWithWord('ubnd tinh', heads)).toBe(true);
  });
});

describe('opensCaption', () => {
  it("passes exactly the units a caption can start with under the caption regex's `iu` flags", async () => {
    const { opensCaption } = await import('../src/header/read-header.js');
    // `(`, or the first letter of `Ban hành` / `kèm theo` in any case the flags match (the Kelvin sign too).
    const starts = /^[(bk]/iu;
    for (let c = 0; c < 0x10000; c++) expect(opensCaption(c)).toBe(starts.test(String.fromCharCode(c)));
  });
  it("passes exactly the second units a caption can have under the caption regex's `iu` flags", async () => {
    const { continuesCaption } = await import('../src/header/read-header.js');
    // What the regex allows after each first unit: `(` then anything, `Ban hành`, `kèm theo`.
    const caption = /^(?:\(|Ban hành|kèm theo)/iu;
    for (const lead of ['B', 'b', 'K', 'k', '\u212a']) {
      const word = /^b/i.test(lead) ? 'an hành' : 'èm theo';
      for (let c = 0; c < 0x10000; c++) {
        const next = String.fromCharCode(c);
        expect(continuesCaption(lead.charCodeAt(0), c)).toBe(caption.test(lead + next + word.slice(1)));
      }
    }
    expect(continuesCaption(0x28, 0x20)).toBe(true);
  });
});

describe('mayEndTable', () => {
  it("passes exactly the first two visible units with which a line can end a table, under the regexes' flags", async () => {
    const { mayEndTable, NEXT_DOCUMENT, TABLE_STOP } = await import('../src/table/find-tables.js');
    // Each alternative of the two regexes, without its first two units.
    const tails = [
      'i nhận',
      'ụ lục',
      '.',
      'u',
      '',
      ' BAN NHÂN DÂN',
      'NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'NG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      ': 1',
    ];
    const ends = (text: string) => TABLE_STOP.test(text) || NEXT_DOCUMENT.test(text);
    // Any first unit, with the second units the alternatives have.
    const seconds = ['ơ', 'Ơ', 'h', 'H', 'm', 'M', 't', 'T', 'ẫ', 'Ẫ', ' ', 'Y', 'Ỷ', 'Ộ', 'ộ', 'ố', 'Ố'];
    for (let c = 0; c < 0x10000; c++) {
      const lead = String.fromCharCode(c);
      // The lead is the first unit `trim` keeps: a blank is never one.
      if (lead.trim() === '') continue;
      for (const second of seconds) {
        const text = lead + second;
        expect(mayEndTable(c, second.charCodeAt(0))).toBe(tails.some((tail) => ends(text + tail)));
      }
    }
    // Any second unit, after the first units the alternatives have.
    for (const lead of [
      'n',
      'N',
      'p',
      'P',
      't',
      'T',
      'k',
      'K',
      '\u212a',
      'm',
      'M',
      '*',
      'Ủ',
      'U',
      'C',
      'S',
    ]) {
      for (let c = 0; c < 0x10000; c++) {
        const text = lead + String.fromCharCode(c);
        expect(mayEndTable(lead.charCodeAt(0), c)).toBe(tails.some((tail) => ends(text + tail)));
      }
    }
    expect(mayEndTable(0x2a, Number.NaN)).toBe(false);
  });
});

describe('firstVisible', () => {
  it('is the first character trim keeps, on any line', async () => {
    const { firstVisible } = await import('../src/header/read-header.js');
    const piece = fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u0001',
      '\u000b',
      'Đ',
      '(',
      'kèm',
      '𝐀',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 5 }),
        (parts) => {
          const line = parts.join('');
          expect(firstVisible(line)).toBe(line.trim().charAt(0));
        },
      ),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('first tests spelled out', () => {
  const piece = fc.constantFrom(
    'quý',
    'QUÝ',
    'Quý',
    'qúy',
    'nhóm',
    'NHÓM',
    'Nhóm',
    ' ',
    '\t',
    'A',
    'e',
    'F',
    'ba',
    '7',
    '\u0301',
    'K',
  );
  const texts = fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 6 });
  it('FOLDS_TO and RARE_LATIN_LETTERS: every plain unit that folds to a letter of the trigger words (or a digit)', async () => {
    const { FOLDS_TO } = await import('../src/interpret/deadline.js');
    const { fold } = await import('../src/text/fold.js');
    const { PLAIN_UNIT, RARE_LATIN_LETTERS } = await import('../src/text/line-info.js');
    const found: Record<string, string> = {};
    let rare = '';
    for (let c = 0; c < 0x10000; c++) {
      if (PLAIN_UNIT[c] === 0) continue;
      const ch = String.fromCharCode(c);
      const folded = fold(`a${ch}a`).slice(1, -1);
      // A plain unit folds to one unit, or (a blank) to the space that \s+ stands for.
      expect(folded.length === 1, c.toString(16)).toBe(true);
      if (folded === ' ') expect(/\s/.test(ch)).toBe(true);
      // Only an ASCII digit folds to a digit: the `\d` after `trong` in TRIGGER_SPELLED.
      if (/\d/.test(folded)) expect(ch, c.toString(16)).toBe(folded);
      if (!(folded in FOLDS_TO)) continue;
      if (FOLDS_TO[folded]!.includes(ch)) found[folded] = (found[folded] ?? '') + ch;
      else rare += ch;
    }
    // Each class holds only units that fold to its letter, and what folds to a letter outside its
    // class is a rare Latin letter, each of them.
    for (const letter of Object.keys(FOLDS_TO))
      expect([...found[letter]!].sort()).toEqual([...FOLDS_TO[letter]!].sort());
    expect([...rare].sort()).toEqual([...RARE_LATIN_LETTERS].sort());
  });

  it('LETTER_Q: no unit but q and Q folds to a text holding q (the deadline gate on a plain text)', async () => {
    const { fold } = await import('../src/text/fold.js');
    const holdingQ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (fold(`a${String.fromCharCode(c)}a`).includes('q')) holdingQ.push(c);
    expect(holdingQ).toEqual([0x51, 0x71]);
  });
  it('MAY_BE_RANK matches what /nhóm\\s+[A-E](?![\\p{L}\\p{M}])/iu matches', async () => {
    const { MAY_BE_RANK } = await import('../src/interpret/targets.js');
    fc.assert(
      fc.property(texts, (parts) => {
        const t = parts.join('');
        expect(MAY_BE_RANK.test(t)).toBe(/nhóm\s+[A-E](?![\p{L}\p{M}])/iu.test(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('readCells', () => {
  it('squashes the cells of lines described as having blanks to squash, and only trims the others', async () => {
    const { readCells } = await import('../src/table/read-cells.js');
    const { describeLines, UNSQUASHED } = await import('../src/text/line-info.js');
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '|',
      ' | ',
      'Sở Nội vụ',
      'Quý I',
      '1.1',
      '\n',
      '\n\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 14 }),
        fc.constantFrom<'L1' | 'L2' | 'L3'>('L1', 'L2', 'L3'),
        (parts, layout) => {
          const lines = parts.join('').split('\n');
          const region = {
            layout,
            headerStart: 1,
            headerEnd: 1,
            endLine: lines.length,
            columns: [],
            indent: '\t',
          };
          const info = describeLines(lines);
          // Every line said to need squashing: every cut is squashed, as before the description said.
          const squashAll = { ...info, flags: info.flags.map((f) => f | UNSQUASHED) };
          expect(readCells(lines, { ...region }, info)).toEqual(readCells(lines, { ...region }, squashAll));
        },
      ),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});

describe('isBlank', () => {
  it('is whether the slice is empty once trimmed, on any text and bounds', async () => {
    const { isBlank } = await import('../src/table/read-cells.js');
    const piece = fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u0001',
      '\r',
      'a',
      '|',
      'Đ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 6 }),
        fc.nat(12),
        fc.nat(12),
        (parts, a, b) => {
          const t = parts.join('');
          const start = Math.min(a, b, t.length);
          const end = Math.min(Math.max(a, b), t.length);
          expect(isBlank(t, start, end)).toBe(t.slice(start, end).trim() === '');
        },
      ),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('isTrimmed', () => {
  it('is `\\s`, what trim removes, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++)
      if (isTrimmed(c) !== /^\s$/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('isAllCaps', () => {
  it('answers as the definition by case mapping and letter class, on any text', async () => {
    const { isAllCaps } = await import('../src/segment/blocks.js');
    const definition = (t: string): boolean => {
      if (t !== t.toUpperCase()) return false;
      const letters = t.replace(/[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/gu, '');
      return letters.length >= 2 && letters === letters.toUpperCase();
    };
    const piece = fc.constantFrom('KẾ HOẠCH', 'STT', 'A', 'a', '2.', '|', ' ', 'Đ', 'đ', 'ß', 'İ', 'ǅ');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 5 }), (parts) => {
        const t = parts.join('');
        expect(isAllCaps(t)).toBe(definition(t));
      }),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe('blocks', () => {
  it('tells a hard-wrapped text from its lengths as sorting them does, on any lines', async () => {
    const { isHardWrapped } = await import('../src/segment/blocks.js');
    // The definition: the trimmed lengths of 30 or more, sorted; their 90th percentile at most 110,
    // and at least half of them within 25 of it.
    const definition = (lines: string[]): boolean => {
      const lengths = lines.map((l) => l.trim().length).filter((n) => n >= 30);
      if (lengths.length < 20) return false;
      lengths.sort((a, b) => a - b);
      const p90 = lengths[Math.floor(lengths.length * 0.9)]!;
      if (p90 > 110) return false;
      return lengths.filter((n) => n >= p90 - 25).length / lengths.length >= 0.5;
    };
    const line = fc
      .tuple(fc.constantFrom('', ' ', '\t'), fc.integer({ min: 0, max: 140 }), fc.constantFrom('', '  '))
      .map(([before, n, after]) => `${before}${'x'.repeat(n)}${after}`);
    // Lengths near one width (wrapped) or spread (not), 0 to 60 lines.
    const near = fc.integer({ min: 25, max: 120 }).chain((w) =>
      fc.array(
        fc.integer({ min: -30, max: 3 }).map((d) => 'y'.repeat(Math.max(0, w + d))),
        { maxLength: 60 },
      ),
    );
    // Lengths at the edges the test draws (30, 110, 25 under a percentile), many of them alike.
    const edges = fc.array(
      fc.constantFrom(29, 30, 31, 55, 60, 61, 84, 85, 86, 109, 110, 111, 140).map((n) => 'z'.repeat(n)),
      { minLength: 18, maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(line, { maxLength: 60 }), near, edges), (lines) => {
        expect(isHardWrapped(lines)).toBe(definition(lines));
      }),
      { numRuns: 5000, seed: 20261122 },
    );
  });

  it("gives a block's body as its first line's body and the lines after it, joined, on any lines", async () => {
    const { buildBlocks } = await import('../src/segment/blocks.js');
    const { LineSet } = await import('../src/text/line-set.js');
    const piece = fc.constantFrom(
      'I. CẢI CÁCH THỂ CHẾ',
      'II.',
      '1.',
      '1. Mục tiêu',
      '2.3 Sở Tư pháp thực hiện',
      'a) rà soát văn bản',
      '- Đẩy mạnh công tác',
      '–',
      'KẾ HOẠCH',
      'hành chính nhằm nâng cao',
      'Căn cứ Luật',
      'tiếp tục,',
      '',
      '|',
      '   ',
    );
    const lines = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 });
    fc.assert(
      fc.property(lines, fc.boolean(), (ls, wrapped) => {
        for (const block of buildBlocks(ls, new LineSet(ls.length), wrapped)) {
          const ends = [...block.starts.slice(1).map((s) => s.offset - 1), block.text.length];
          const parts = block.starts.map((s, k) => block.text.slice(s.offset, ends[k]));
          // The first line's body, as a block of that line alone gives it.
          const firstBody = buildBlocks([parts[0]!], new LineSet(1), wrapped)[0]!.body;
          const expected = (firstBody === '' ? parts.slice(1) : [firstBody, ...parts.slice(1)]).join(' ');
          expect(block.body).toBe(expected);
        }
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('linesHolding', () => {
  it('gives the lines holding a word as splitting and filtering the lines does, on any text', async () => {
    const { linesHolding } = await import('../src/document/parse-text.js');
    const piece = fc.constantFrom('NQ-CP', '30c/NQ-CP', 'NQ-', '-CP', '\r\n', '\r', '\n', 'ab', ' ');
    const word = fc.constantFrom('NQ-CP', 'ab', 'a', '', 'b\na', 'b\r');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, text), { maxLength: 10 }), word, (parts, w) => {
        const t = parts.join('');
        const expected = t
          .split(/\r\n?|\n/)
          .filter((l) => l.includes(w))
          .join('\n');
        expect(linesHolding(t, w)).toBe(expected);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('isHeadingLine', () => {
  it('finds two words with a letter in a line in capitals as splitting at blanks does, on any text', async () => {
    const { isHeadingLine } = await import('../src/segment/blocks.js');
    const definition = (t: string, caps: boolean): boolean =>
      caps && t.split(/\s+/).filter((w) => /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(w)).length >= 2;
    const piece = fc.constantFrom(
      'KẾ',
      'HOẠCH',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '1.',
      '(TTHC)',
      'Ǆ',
      'ǅ',
      '-',
      'ả',
      '\u1eff',
      '\u1e00',
      '\u024f',
      '\u0250',
      '\u00bf',
      '\u00c0',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 6 }),
        fc.boolean(),
        (parts, caps) => {
          const t = parts.join('');
          expect(isHeadingLine(t, caps)).toBe(definition(t, caps));
        },
      ),
      { numRuns: 4000, seed: 20261122 },
    );
  });
});

describe('findProvince', () => {
  it('finds the province that searching for every prefixed spelling finds, on any text', async () => {
    const { findProvince } = await import('../src/header/read-header.js');
    const { defaultLexicon } = await import('../src/lexicon/load.js');
    // The lexicon's provinces, and (in half the runs) a user's entry with an empty alias: its spelling
    // is a prefix alone (`tinh `).
    const lexiconProvinces = defaultLexicon().provinces;
    const withEmpty = [...lexiconProvinces, { name: 'Rỗng', slug: 'rong', aliases: ['', 'ha'] }];
    let provinces = lexiconProvinces;
    // The search as it was: each spelling's first occurrence, a whole word, the longest first.
    const bySpelling = (t: string) => {
      const folded = fold(t.length > 2000 ? t.slice(0, 2000) : t);
      let best: { slug: string; length: number } | null = null;
      for (const entry of provinces)
        for (const spelling of [fold(entry.name), ...(entry.aliases ?? [])])
          for (const prefix of ['tinh ', 'thanh pho ', 'tp ']) {
            const p = prefix + spelling;
            const at = folded.indexOf(p);
            if (at === -1 || /[a-z0-9]/.test(folded.charAt(at + p.length))) continue;
            if (p.length > (best?.length ?? 0)) best = { slug: entry.slug, length: p.length };
          }
      return best?.slug ?? null;
    };
    const piece = fc.constantFrom(
      'TỈNH SƠN LA',
      'tỉnh Hậu Giang',
      'Tỉnh Hà',
      'tỉnh Hà Nam',
      'TP Hồ Chí Minh',
      'thành phố Cần Thơ',
      'tỉnh Lào Caix',
      'tỉnh Bà Rịa - Vũng Tàu',
      'UBND ',
      ' | ',
      'x',
      'tỉnh ',
      'tỉnh -',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), fc.boolean(), (parts, empty) => {
        const t = parts.join('');
        provinces = empty ? withEmpty : lexiconProvinces;
        expect(findProvince(t, provinces, true)?.slug ?? null).toBe(bySpelling(t));
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('allMatches', () => {
  it('gives the matches matchAll gives, empty ones and surrogate pairs too, and leaves lastIndex at 0', async () => {
    const { allMatches } = await import('../src/text/matches.js');
    const regexes = [
      /(?<![\d.,/])(\d{1,3}(?:[.,]\d{1,2})?) ?%/g,
      /[^\s,;:]+|[,;:]/g,
      /\p{L}+/gu,
      /a*/g,
      /a*/gu,
      new RegExp('(?:)', 'gv'),
      /(?<x>b)?/dg,
      /^|$/gm,
    ];
    const piece = fc.constantFrom('a', 'b', '12%', '3,5 %', ' ', ',', '\n', '😀', '\ud83d', 'ý');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom(...regexes), (parts, re) => {
        const t = parts.join('');
        const shown = (ms: RegExpMatchArray[]) => ms.map((m) => [m.index, [...m], m.groups, m.indices]);
        re.lastIndex = 3;
        expect(shown(allMatches(re, t))).toEqual(shown([...t.matchAll(re)]));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});

describe('cell readers told by their first unit', () => {
  it('read what their regexes read, on any text', async () => {
    const { numberedItem, numberOnly, romanOnly, sectionHeading } = await import(
      '../src/table/cell-kinds.js'
    );
    const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
    // The readers as they were: each regex, run on every text.
    const definitions = {
      romanOnly: (t: string) => {
        const m = /^([IVX]{1,7})\s*[.:)]?$/.exec(t);
        return m && ROMAN.test(m[1]!) ? m[1]! : null;
      },
      sectionHeading: (t: string) => {
        const m = /^([IVX]{1,7})(?:\s*[.:)-]\s*|\s+(?=\p{Lu}))(\S.*)$/u.exec(t);
        return !m || !ROMAN.test(m[1]!) ? null : { numeral: m[1]!, title: m[2]!.trim() };
      },
      numberOnly: (t: string) => /^(\d{1,3}(?:\.\d{1,3}){0,4})\s*[.)]?$/.exec(t)?.[1] ?? null,
      numberedItem: (t: string) => {
        const m =
          /^(\d{1,3}(?:\.\d{1,3}){0,4})(?:[.)]\s*|\s+)(?=[A-Za-z\u00C0-\u024F\u1E00-\u1EFF“"(])(.+)$/u.exec(
            t,
          );
        return m ? { number: m[1]!, text: m[2]!.trim() } : null;
      },
    };
    const readers = { romanOnly, sectionHeading, numberOnly, numberedItem };
    const piece = fc.constantFrom(
      'I',
      'V',
      'X',
      'IV',
      '1',
      '12',
      '3.1',
      '.',
      ')',
      ':',
      '-',
      ' ',
      '\t',
      '(',
      'Xây dựng',
      '1.2. ',
      '3 ',
      'Sở',
      '“',
      '٣',
      '１',
    );
    const found = { romanOnly: 0, sectionHeading: 0, numberOnly: 0, numberedItem: 0 };
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 2 })), { maxLength: 5 }), (parts) => {
        const t = parts.join('');
        for (const name of Object.keys(readers) as (keyof typeof readers)[]) {
          const expected = definitions[name](t);
          if (expected !== null) found[name]++;
          expect(readers[name](t)).toEqual(expected);
        }
      }),
      { numRuns: 10000, seed: 20261203 },
    );
    // Each definition reads something: the cases are not all ruled out by their first unit.
    for (const count of Object.values(found)) expect(count).toBeGreaterThan(50);
  });
});

describe('first units that rule a regex out', () => {
  it('passes exactly the first units a preamble line can start with', async () => {
    const { opensPreamble } = await import('../src/segment/blocks.js');
    const preamble = /^(?:Căn cứ|Thực hiện|Xét đề nghị)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u;
    for (let c = 0; c < 0x10000; c++) {
      for (const tail of ['ăn cứ Luật', 'hực hiện', 'ét đề nghị', 'ăn cứa', 'hực hiện:']) {
        const text = String.fromCharCode(c) + tail;
        expect(opensPreamble(text)).toBe(preamble.test(text));
      }
    }
  });
  it('passes exactly the second units a lettered item can have', async () => {
    const { LETTERED, mayBeLettered } = await import('../src/segment/blocks.js');
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      // A second unit LETTERED can read, with what may follow it.
      const readable = ['a' + ch + ') rà soát', 'a' + ch + ' ) rà soát', 'a' + ch + 'rà soát'].some((t) =>
        LETTERED.test(t),
      );
      expect(mayBeLettered(c)).toBe(readable);
    }
  });
  it('passes exactly the first units of a fold that can start a deadline head', async () => {
    const { DEADLINE_HEAD, mayStartDeadline } = await import('../src/table/cell-kinds.js');
    // Each head without its first unit (a head of digits, with the digits it needs).
    const tails = [
      'uy i',
      'hang 8',
      'am 2017',
      'ruoc ',
      'ham nhat',
      'an chot',
      'huong xuyen',
      'ang nam',
      'inh ky',
      'heo quy dinh',
      'u nay',
      'iai doan',
      '0 thang',
      'au nam',
      'uoi nam',
      'iua nam',
      'rong nam',
      '/12',
      '.12.2017',
      '017',
      '2 thang',
    ];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(mayStartDeadline(c)).toBe(tails.some((tail) => DEADLINE_HEAD.test(ch + tail)));
    }
  });
});

describe('partnerIn', () => {
  it('finds what the partner regex finds, on any text', async () => {
    const { partnerIn } = await import('../src/document/build-tasks.js');
    const regex = /\sphối hợp với\s/iu;
    const piece = fc.constantFrom(
      ' phối hợp với ',
      ' PHỐI HỢP VỚI ',
      ' Phối Hợp Với ',
      '\u00a0phối hợp với\t',
      'hợp',
      'HỢP',
      'ợ',
      'Ợ',
      ' ',
      'Sở Nội vụ',
      'phối hợp với',
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 5 }), (parts) => {
        const t = parts.join('');
        const expected = regex.exec(t);
        if (expected) found++;
        const got = partnerIn(t);
        expect(got?.index ?? null).toBe(expected?.index ?? null);
        expect(got?.[0] ?? null).toBe(expected?.[0] ?? null);
      }),
      { numRuns: 5000, seed: 20261203 },
    );
    expect(found).toBeGreaterThan(200);
  });
});
