/**
 * The pipeline, top to bottom:
 *
 *   normalise text → find task tables → prose blocks and sections → header facts → legal bases
 *   → goals and targets → task rows interpreted (ids, areas, agencies, deadlines) → commitments
 *   → the document, with every warning collected as data.
 *
 * Pure: text in, document out. Never throws on any text (a last-resort guard turns an internal
 * failure into an error message instead of an exception).
 */

import { isBasisParagraph, type LegalBasis, readLegalBases } from '../header/legal-bases.js';
import { type HeaderFacts, readHeader } from '../header/read-header.js';
import { splitAgencies } from '../interpret/agencies.js';
import { deadlineAt, findDeadlinePhraseIn, parseDeadline } from '../interpret/deadline.js';
import { type readTargets, readTargetsIn } from '../interpret/targets.js';
import { defaultLexicon } from '../lexicon/load.js';
import type { LexiconData } from '../lexicon/types.js';
import {
  type CchcDocument,
  type Commitment,
  type Goal,
  SCHEMA_VERSION,
  type SourceInfo,
} from '../model/document.js';
import { severityOf } from '../model/messages.js';
import type { DeadlineContext, Message, Target } from '../model/types.js';
import { type Block, buildBlocks, isHardWrapped, lineOfOffset } from '../segment/blocks.js';
import { type GoalKind, goalKindOf, indexSections, type Section } from '../segment/sections.js';
import { isAgencyLike } from '../table/cell-kinds.js';
import { readTables } from '../table/read-tables.js';
import { BLANK, FIGURES, type LineInfo, UNKNOWN_FIGURES } from '../text/line-info.js';
import { type NormalizationChange, normalizeText, utf8Length } from '../text/normalize.js';
import { buildTasks } from './build-tasks.js';

export interface ParseOptions {
  /** The file the text came from: `source.path`, and the document key when it has no number. */
  path?: string | null;
  lexicon?: LexiconData;
  /** Facts from the byte layer (hash, size, detected encoding). */
  source?: Partial<Pick<SourceInfo, 'sha256' | 'bytes' | 'encoding'>>;
  /** Messages from the byte layer (encoding detection), merged into `warnings`. */
  messages?: Message[];
  /** What the byte layer changed before the text was made (a BOM removed, letters composed), for `source`. */
  normalizations?: NormalizationChange[];
}

const CHANGE_ORDER: readonly NormalizationChange[] = ['bom', 'crlf', 'nfc', 'nbsp', 'zero-width', 'control'];

function fileStem(path: string | null | undefined): string | null {
  if (!path) return null;
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, '') || null;
}

function programOf(
  text: string,
  header: HeaderFacts,
): { program: '30c' | '76' | null; from: 'body' | 'period' | null } {
  const year = header.period?.from ?? (header.issuedOn ? Number(header.issuedOn.slice(0, 4)) : null);
  if (/\b76\/NQ-CP\b/u.test(text)) return { program: '76', from: 'body' };
  if (/\b30c\/NQ-CP\b/iu.test(text) && (year === null || year <= 2020))
    return { program: '30c', from: 'body' };
  if (year !== null && year >= 2011 && year <= 2020) return { program: '30c', from: 'period' };
  if (year !== null && year >= 2021 && year <= 2030) return { program: '76', from: 'period' };
  return { program: null, from: null };
}

/** A line end (CR LF, a lone CR or LF), searched for from a place. */
const NEXT_LINE_END = /\r\n?|\n/g;

/**
 * The lines of `text` that hold `word`, joined with LF: `text.split(/\r\n?|\n/).filter(...).join('\n')`,
 * read from the places `word` occurs instead of testing every line. Each is looked at within its own
 * line: its start is found going back no further than the line before's end, its end by a search for
 * the next line end, so the reading stays linear whatever the line ends.
 */
export function linesHolding(text: string, word: string): string {
  // A line holds no line end; every line holds the empty word.
  if (word === '') return text.split(/\r\n?|\n/).join('\n');
  if (word.includes('\n') || word.includes('\r')) return '';
  const found: string[] = [];
  // Where the line after the last one found starts.
  let next = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, next)) {
    let start = at;
    while (start > next && text.charCodeAt(start - 1) !== 0x0a && text.charCodeAt(start - 1) !== 0x0d)
      start--;
    NEXT_LINE_END.lastIndex = at;
    const lineEnd = NEXT_LINE_END.exec(text);
    found.push(text.slice(start, lineEnd === null ? text.length : lineEnd.index));
    // The next line: a line holding the word twice is given once.
    if (lineEnd === null) break;
    next = lineEnd.index + lineEnd[0].length;
  }
  NEXT_LINE_END.lastIndex = 0;
  return found.join('\n');
}

function message(code: Message['code'], text: string, line: number | null, quote?: string): Message {
  const m: Message = { code, severity: severityOf(code), message: text, line };
  if (quote !== undefined) m.text = quote;
  return m;
}

/**
 * The goal kind of each block's section path, found once per path and section of one document: blocks
 * under one heading share their path array (see `indexSections`). Maps that die with the document
 * (a WeakMap kept across documents cost more to write than the lookups saved).
 */
function goalKinds(): (path: Section[]) => GoalKind | null {
  const bySection = new Map<Section, GoalKind | null>();
  const byPath = new Map<Section[], GoalKind | null>();
  const ofSection = (section: Section): GoalKind | null => {
    let kind = bySection.get(section);
    if (kind === undefined) {
      kind = goalKindOf(section.title);
      bySection.set(section, kind);
    }
    return kind;
  };
  return (path) => {
    let kind = byPath.get(path);
    if (kind === undefined) {
      kind = null;
      for (let i = path.length - 1; i >= 0 && kind === null; i--) kind = ofSection(path[i]!);
      byPath.set(path, kind);
    }
    return kind;
  };
}

/**
 * Which figure units (`FIGURES` bits) a block holds, from its lines' description (a block's text is its
 * lines', trimmed and joined): none exactly when `/[\d%óÓqQ]/.test(block.text)` is false.
 */
function figuresOf(block: Pick<Block, 'starts'>, info: LineInfo): number {
  let figures = 0;
  for (const start of block.starts) figures |= info.flags[start.line - 1]! & FIGURES;
  return figures;
}

// Verbs that end the subject of an assignment: `Văn phòng UBND tỉnh, Sở Tài nguyên ... xây dựng Đề án`.
const ASSIGNMENT_VERB =
  /\s(?:xây dựng|chủ trì|phối hợp|tham mưu|thực hiện|triển khai|tổ chức|gửi|trình|có trách nhiệm|chịu trách nhiệm|hướng dẫn|báo cáo|rà soát|hoàn thành|căn cứ|đẩy nhanh|đẩy mạnh|tiếp tục|khẩn trương|nghiên cứu)(?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/u;

/** The agency a prose commitment is assigned to: named at the start of its paragraph, or in its heading (`2.2. Sở Nội vụ`). */
function commitmentAgency(body: string, sectionPath: Section[], lexicon: LexiconData): string | null {
  const verb = ASSIGNMENT_VERB.exec(body);
  if (verb && verb.index > 0 && isAgencyLike(body, lexicon)) {
    const agencies = splitAgencies(body.slice(0, verb.index), lexicon);
    if (agencies.length > 0) return agencies.join('; ');
  }
  const title = sectionPath
    .map((s) => s.title)
    .reverse()
    .find((t) => isAgencyLike(t, lexicon));
  return title ? splitAgencies(title, lexicon).join('; ') || null : null;
}

function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1;
  const afterMatch = /[.;](?:\s|$)/.exec(text.slice(index));
  const end = afterMatch ? index + afterMatch.index + 1 : text.length;
  return text.slice(start, end).trim();
}

export function parseText(text: string, options: ParseOptions = {}): CchcDocument {
  try {
    return parseUnguarded(typeof text === 'string' ? text : String(text ?? ''), options);
  } catch (error) {
    // The parser must never throw on input: report the failure as data instead.
    const empty = parseUnguarded('', options);
    empty.warnings.push(
      message(
        'TABLE_LINE_UNREAD',
        `internal error while parsing (${error instanceof Error ? error.message : String(error)}); the output is incomplete`,
        null,
      ),
    );
    return empty;
  }
}

function parseUnguarded(text: string, options: ParseOptions): CchcDocument {
  const lexicon = options.lexicon ?? defaultLexicon();
  const warnings: Message[] = [...(options.messages ?? [])];
  const normalized = normalizeText(text);
  const { lines, plain, info } = normalized;
  const earlier = options.normalizations ?? [];
  const changes =
    earlier.length === 0
      ? normalized.changes
      : CHANGE_ORDER.filter((c) => earlier.includes(c) || normalized.changes.includes(c));
  // A plain text has no decomposed tone mark for the prose readers to look for.
  const mayHoldMarks = !plain;

  // Task tables first: their lines are not prose.
  const tableResult = readTables(lines, lexicon, info);
  const wrapped = isHardWrapped(lines, info);
  const blocks = buildBlocks(lines, tableResult.tableLines, wrapped, info);
  const { sections: textSections, path } = indexSections(blocks, lexicon.areas);
  const header = readHeader(lines, lexicon, tableResult.tableLines, info);
  warnings.push(...header.messages);
  const period = header.period;
  const deadlineContext: DeadlineContext = { periodFrom: period?.from ?? null, periodTo: period?.to ?? null };

  // Legal bases: the preamble paragraphs before the first heading or article.
  const legalBases: LegalBasis[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' || /^(?:QUYẾT ĐỊNH\s*:|Điều 1\b)/u.test(block.text)) break;
    if (!isBasisParagraph(block.text)) continue;
    legalBases.push(...readLegalBases(block.text, (offset) => lineOfOffset(block, offset)));
  }

  // Goals and targets from the prose.
  const goals: Goal[] = [];
  const targets: Target[] = [];
  const commitments: Commitment[] = [];
  const goalKindForPath = goalKinds();
  blocks.forEach((block, index) => {
    const sectionPath = path[index] ?? [];
    const section = sectionPath[sectionPath.length - 1] ?? null;
    if (block.kind === 'heading') return;
    const goalKind = goalKindForPath(sectionPath);
    const goalText = goalKind ? block.body.trim() : '';
    if (goalKind && goalText) {
      goals.push({
        text: goalText,
        kind: goalKind,
        section: section?.key ?? null,
        line: block.line,
      });
    }
    // In a plain text a target needs `%`, a digit or the `ó` of `nhóm`, and a prose deadline a digit
    // or the `q` of `quý` (see their first tests): most paragraphs have none, told by one scan.
    // (A text that may hold marks is read without this knowledge: UNKNOWN_FIGURES.)
    const figures = mayHoldMarks ? UNKNOWN_FIGURES : figuresOf(block, info);
    if (figures === 0) return;
    const scope: Target['scope'] = goalKind === 'target' ? 'targets' : goalKind ? 'goals' : 'body';
    for (const t of readTargetsIn(block.text, lexicon.indicators, mayHoldMarks, figures)) {
      targets.push(toTarget(t, block, section?.key ?? null, scope, period?.to ?? null));
    }
    const phrase = findDeadlinePhraseIn(block.text, figures);
    if (phrase) {
      const deadline = parseDeadline(phrase.raw, deadlineContext);
      if (deadline.kind !== 'unknown') {
        commitments.push({
          text: sentenceAround(block.text, phrase.index),
          agency: commitmentAgency(block.body, sectionPath, lexicon),
          deadline: deadlineAt(deadline, lineOfOffset(block, phrase.index)),
          section: section?.key ?? null,
          line: lineOfOffset(block, phrase.index),
        });
      }
    }
  });

  // Tasks.
  const built = buildTasks(tableResult.tables, {
    lexicon,
    deadlineContext,
    periodEnd: period?.to ?? null,
    mayHoldMarks,
  });
  const { tasks } = built;
  targets.push(...built.targets);
  warnings.push(...built.messages, ...tableResult.messages);

  // Lines citing a government resolution; normalising can only join `NQ-CP` by removing characters.
  // A plain text is searched once, where the word occurs (programOf reads its lines as the normalised
  // ones: they differ in no-break spaces only); another text has its normalised lines filtered.
  const cited = plain
    ? linesHolding(text, 'NQ-CP')
    : text.includes('NQ-CP') || changes.includes('zero-width') || changes.includes('control')
      ? lines.filter((l) => l.includes('NQ-CP')).join('\n')
      : '';
  const { program, from: programFrom } = programOf(cited, header);
  const provenance = { ...header.provenance };
  if (programFrom) provenance.program = programFrom;

  if (info.flags.every((f) => (f & BLANK) !== 0)) {
    warnings.push(message('EMPTY_DOCUMENT', 'the document is empty', null));
  } else if (tableResult.tables.length === 0 && (goals.length > 0 || textSections.some((s) => s.area))) {
    warnings.push(
      message(
        'NO_TASK_TABLE',
        'no task table was found (no header row naming the task, lead agency and deadline columns): `tasks` is empty, and `overdue` has nothing to check',
        null,
      ),
    );
  } else if (
    !header.number &&
    tasks.length === 0 &&
    goals.length === 0 &&
    !textSections.some((s) => s.area)
  ) {
    warnings.push(
      message(
        'NOT_A_PLAN',
        'this does not read as a plan or decision on administrative reform: no number, tasks, goals or reform sections were found',
        null,
      ),
    );
  }

  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const key = header.number ?? fileStem(options.path) ?? 'document';
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path ?? null,
      sha256: options.source?.sha256 ?? null,
      bytes: options.source?.bytes ?? utf8Length(text),
      encoding: options.source?.encoding ?? 'utf-8',
      normalized: changes.length > 0,
      normalizations: changes,
      // A final line break does not start another line.
      lines: lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length,
    },
    document: {
      key,
      type: header.type,
      number: header.number,
      issuer: header.issuer,
      province: header.province,
      issuedOn: header.issuedOn,
      place: header.place,
      title: header.title,
      period,
      signer: header.signer,
      approves: header.approves,
      program,
      legalBases,
      provenance,
    },
    sections: textSections,
    goals,
    targets,
    tasks,
    commitments,
    tables: tableResult.tables.map((t, i) => ({ ...t.report, sections: built.sectionsByTable[i] ?? [] })),
    warnings,
  };
}

function toTarget(
  t: ReturnType<typeof readTargets>[number],
  block: Pick<Block, 'line' | 'starts'> & { text?: string },
  section: string | null,
  scope: Target['scope'],
  periodEnd: number | null,
): Target {
  return {
    text: block.text ?? '',
    raw: t.raw,
    line: lineOfOffset(block, t.index),
    section,
    task: null,
    scope,
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    year: t.year ?? periodEnd,
    yearInferred: t.year === null && periodEnd !== null,
    indicator: t.indicator,
    subject: t.subject,
  };
}
