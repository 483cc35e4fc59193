/**
 * `schema/cchc-document.schema.json` is the public contract for JSON consumers. These tests keep it
 * and the parser in step from both sides:
 *
 * - every output `parseText` gives (the fixtures, the same fixtures as other tools deliver them,
 *   empty text, prose that is not a plan, garbage) validates, with ajv's errors printed when not;
 * - the schema's closed lists and object shapes equal the TypeScript types: the lists below are
 *   checked against the types by `tsc` (a member or field added to a type without adding it here
 *   fails type-checking) and against the schema by the tests;
 * - a document broken on purpose is rejected, so the schema is not a rubber stamp.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../src/document/parse-text.js';
import type { LegalBasis } from '../src/header/legal-bases.js';
import type { DocumentType, Provenance, Signer } from '../src/header/read-header.js';
import { AREA_CODES } from '../src/lexicon/types.js';
import {
  type CchcDocument,
  type Commitment,
  type DocumentSection,
  type Goal,
  SCHEMA_VERSION,
  type SourceInfo,
  type TableQuality,
  type TableSection,
  type Task,
  type TaskDeadline,
} from '../src/model/document.js';
import { MESSAGE_CODES, type Severity } from '../src/model/messages.js';
import type { Comparator, DeadlineKind, Message, Target, TargetUnit } from '../src/model/types.js';
import { parseBytes } from '../src/node/parse-file.js';
import type { GoalKind } from '../src/segment/sections.js';
import type { ColumnKind } from '../src/table/cell-kinds.js';
import type { Layout } from '../src/table/find-tables.js';
import type { NormalizationChange } from '../src/text/normalize.js';
import { mulberry32 } from './helpers/random.js';
import { crlf, nfd, rewrap } from './helpers/variants.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_URL = new URL('../schema/cchc-document.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as JsonObject;
const SCHEMA_ID = schema.$id as string;

const FIXTURES_URL = new URL('../fixtures/', import.meta.url);
const FIXTURES = readdirSync(FIXTURES_URL)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, FIXTURES_URL), 'utf8') }));

let ajv: Ajv2020;
let validate: ValidateFunction;

beforeAll(() => {
  // strict: an unknown keyword, a type union ajv cannot check, or a keyword on the wrong type is an error.
  ajv = new Ajv2020({ strict: true, allErrors: true });
  validate = ajv.compile(schema);
});

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** The schema errors for `value` (empty when valid), so a failing test prints them. */
function errorsOf(value: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(value))) ? [] : describeErrors(validate.errors);
}

function pointer(path: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const part of path.split('/').filter(Boolean)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, Json>)[part] : undefined;
  }
  return node;
}

function sorted(values: Iterable<unknown>): string[] {
  return [...values].map(String).sort();
}

// ---------------------------------------------------------------------------------------------
// Type-checked lists: `tsc -p tsconfig.test.json` fails when a list misses a member of its type
// or names one the type does not have.

type Exhaustive<T, L extends readonly unknown[]> = [Exclude<T, L[number]>] extends [never]
  ? unknown
  : { missing: Exclude<T, L[number]> };

/** Every member of the string union T, once. */
function members<T extends string>() {
  return <const L extends readonly T[]>(list: L & Exhaustive<T, L>): string[] => [...list];
}

type RequiredKeys<T> = { [K in keyof T]-?: T extends Record<K, T[K]> ? K : never }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];

interface Shape {
  required: string[];
  optional: string[];
  nullable: string[];
}

/** Every field of the object type T: which are required, which optional, which may be null. */
function shape<T>() {
  return <
    const R extends readonly RequiredKeys<T>[],
    const O extends readonly OptionalKeys<T>[],
    const N extends readonly NullableKeys<T>[],
  >(fields: {
    required: R & Exhaustive<RequiredKeys<T>, R>;
    optional: O & Exhaustive<OptionalKeys<T>, O>;
    nullable: N & Exhaustive<NullableKeys<T>, N>;
  }): Shape => ({
    required: Array.from(fields.required, String),
    optional: Array.from(fields.optional, String),
    nullable: Array.from(fields.nullable, String),
  });
}

type Facts = CchcDocument['document'];

/** Where each TypeScript object type lives in the schema (a JSON pointer to its object schema). */
const SHAPES: [string, Shape][] = [
  [
    '',
    shape<CchcDocument>()({
      required: [
        'schemaVersion',
        'source',
        'document',
        'sections',
        'goals',
        'targets',
        'tasks',
        'commitments',
        'tables',
        'warnings',
      ],
      optional: [],
      nullable: [],
    }),
  ],
  [
    '/$defs/source',
    shape<SourceInfo>()({
      required: ['path', 'sha256', 'bytes', 'encoding', 'normalized', 'normalizations', 'lines'],
      optional: [],
      nullable: ['path', 'sha256'],
    }),
  ],
  [
    '/$defs/documentFacts',
    shape<Facts>()({
      required: [
        'key',
        'type',
        'number',
        'issuer',
        'province',
        'issuedOn',
        'place',
        'title',
        'period',
        'signer',
        'approves',
        'program',
        'legalBases',
        'provenance',
      ],
      optional: [],
      nullable: [
        'number',
        'issuer',
        'province',
        'issuedOn',
        'place',
        'title',
        'period',
        'signer',
        'approves',
        'program',
      ],
    }),
  ],
  [
    '/$defs/documentFacts/properties/province',
    shape<NonNullable<Facts['province']>>()({ required: ['name', 'slug'], optional: [], nullable: [] }),
  ],
  [
    '/$defs/documentFacts/properties/period',
    shape<NonNullable<Facts['period']>>()({ required: ['from', 'to'], optional: [], nullable: [] }),
  ],
  [
    '/$defs/documentFacts/properties/signer',
    shape<Signer>()({
      required: ['name', 'capacity', 'title', 'line'],
      optional: [],
      nullable: ['name', 'capacity', 'title'],
    }),
  ],
  [
    '/$defs/documentFacts/properties/approves',
    shape<NonNullable<Facts['approves']>>()({
      required: ['type', 'title', 'line', 'captionLine'],
      optional: [],
      nullable: ['captionLine'],
    }),
  ],
  [
    '/$defs/legalBasis',
    shape<LegalBasis>()({
      required: ['kind', 'number', 'name', 'date', 'issuer', 'raw', 'line'],
      optional: [],
      nullable: ['number', 'name', 'date', 'issuer'],
    }),
  ],
  [
    '/$defs/section',
    shape<DocumentSection>()({
      required: ['key', 'numeral', 'title', 'level', 'area', 'line'],
      optional: [],
      nullable: ['area'],
    }),
  ],
  [
    '/$defs/tableSection',
    shape<TableSection>()({
      required: ['key', 'numeral', 'title', 'level', 'area', 'line'],
      optional: [],
      nullable: ['area'],
    }),
  ],
  [
    '/$defs/goal',
    shape<Goal>()({ required: ['text', 'kind', 'section', 'line'], optional: [], nullable: ['section'] }),
  ],
  [
    '/$defs/target',
    shape<Target>()({
      required: [
        'text',
        'raw',
        'line',
        'section',
        'task',
        'scope',
        'value',
        'unit',
        'comparator',
        'year',
        'yearInferred',
        'indicator',
        'subject',
      ],
      optional: [],
      nullable: ['section', 'task', 'year', 'indicator'],
    }),
  ],
  [
    '/$defs/deadline',
    shape<TaskDeadline>()({
      required: ['raw', 'kind', 'start', 'due', 'recurring', 'yearInferred', 'line'],
      optional: ['occurrences'],
      nullable: ['start', 'due'],
    }),
  ],
  [
    '/$defs/deadline/properties/occurrences/items',
    shape<NonNullable<TaskDeadline['occurrences']>[number]>()({
      required: ['start', 'due'],
      optional: [],
      nullable: [],
    }),
  ],
  [
    '/$defs/task',
    shape<Task>()({
      required: [
        'id',
        'ordinal',
        'number',
        'section',
        'sectionTitle',
        'group',
        'area',
        'title',
        'product',
        'lead',
        'partners',
        'leadRaw',
        'partnersRaw',
        'deadline',
        'funding',
        'notes',
        'line',
        'table',
      ],
      optional: [],
      nullable: [
        'number',
        'section',
        'sectionTitle',
        'group',
        'product',
        'leadRaw',
        'partnersRaw',
        'deadline',
        'funding',
        'notes',
      ],
    }),
  ],
  [
    '/$defs/commitment',
    shape<Commitment>()({
      required: ['text', 'agency', 'deadline', 'section', 'line'],
      optional: [],
      nullable: ['agency', 'section'],
    }),
  ],
  [
    '/$defs/table',
    shape<TableQuality>()({
      required: [
        'layout',
        'sections',
        'startLine',
        'headerEndLine',
        'endLine',
        'columns',
        'rows',
        'linesAccounted',
        'emptyCells',
      ],
      optional: [],
      nullable: [],
    }),
  ],
  [
    '/$defs/message',
    shape<Message>()({
      required: ['code', 'severity', 'message', 'line'],
      optional: ['text'],
      nullable: ['line'],
    }),
  ],
];

/** Where each closed union lives in the schema (a JSON pointer to its `enum`). */
const ENUMS: [string, string[]][] = [
  [
    '/$defs/documentType/enum',
    members<DocumentType>()([
      'quyet-dinh',
      'ke-hoach',
      'chuong-trinh',
      'chi-thi',
      'de-an',
      'nghi-quyet',
      'cong-van',
      'thong-bao',
      'bao-cao',
      'other',
    ]),
  ],
  [
    '/$defs/provenance/enum',
    members<Provenance>()([
      'header',
      'website-metadata',
      'appendix-caption',
      'title',
      'signature',
      'body',
      'period',
    ]),
  ],
  [
    '/$defs/documentFacts/properties/program/enum',
    [...members<NonNullable<Facts['program']>>()(['30c', '76']), 'null'],
  ],
  [
    '/$defs/source/properties/normalizations/items/enum',
    members<NormalizationChange>()(['bom', 'crlf', 'nfc', 'nbsp', 'zero-width', 'control']),
  ],
  [
    '/$defs/goal/properties/kind/enum',
    members<GoalKind>()(['purpose', 'objective', 'requirement', 'target']),
  ],
  ['/$defs/target/properties/scope/enum', members<Target['scope']>()(['targets', 'goals', 'body'])],
  ['/$defs/target/properties/unit/enum', members<TargetUnit>()(['%', 'count', 'rank'])],
  ['/$defs/target/properties/comparator/enum', members<Comparator>()(['=', '>', '>=', '<', '<='])],
  [
    '/$defs/deadline/properties/kind/enum',
    members<DeadlineKind>()([
      'date',
      'month',
      'quarter',
      'half',
      'year',
      'range',
      'multi-year',
      'from',
      'recurring',
      'per-regulation',
      'unknown',
    ]),
  ],
  ['/$defs/table/properties/layout/enum', members<Layout>()(['L1', 'L2', 'L3'])],
  [
    '/$defs/table/properties/columns/items/enum',
    members<ColumnKind>()([
      'number',
      'group',
      'task',
      'product',
      'lead',
      'partners',
      'deadline',
      'funding',
      'notes',
    ]),
  ],
  ['/$defs/message/properties/severity/enum', members<Severity>()(['error', 'warning', 'info'])],
  ['/$defs/areaCode/enum', [...AREA_CODES]],
  ['/$defs/message/properties/code/enum', Object.keys(MESSAGE_CODES)],
  // A provenance entry names a fact of `document` (not the key, the list of bases or itself).
  [
    '/$defs/documentFacts/properties/provenance/propertyNames/enum',
    members<Exclude<keyof Facts, 'key' | 'legalBases' | 'provenance'>>()([
      'type',
      'number',
      'issuer',
      'province',
      'issuedOn',
      'place',
      'title',
      'period',
      'signer',
      'approves',
      'program',
    ]),
  ],
];

// Pieces that reach the parser's branches: numerals, table pipes, deadlines, targets, headers.
const PIECES = [
  'I.',
  'II.',
  '1.',
  '2.3.',
  'a)',
  '-',
  '+',
  '|',
  '\t',
  '\n',
  '\n\n',
  'Số:',
  '158/QĐ-UBND',
  'KẾ HOẠCH',
  'QUYẾT ĐỊNH',
  'Sơn La, ngày 22 tháng 01 năm 2014',
  'Cải cách thủ tục hành chính',
  'STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành',
  'Sở Nội vụ',
  'Các Sở: Nội vụ, Tài chính',
  'Quý I năm 2014',
  'Quý II',
  'Năm 2013, 2014, 2015',
  'Thường xuyên',
  'Từ Quý II/2012',
  'Theo quy định',
  '31/12/2017',
  'trên 80%',
  'nhóm C trở lên',
  'ít nhất 03',
  'Mục tiêu',
  'Chỉ tiêu',
  'Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ;',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\r',
  '\u0000',
  '\ufffd',
  'xyz',
  '9999',
  '0',
];

function garbage(seed: number, length: number): string {
  const next = mulberry32(seed);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.5) parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
    else parts.push(String.fromCodePoint(Math.floor(next() * 0x3000)));
    parts.push(next() < 0.7 ? ' ' : '');
  }
  return parts.join('');
}

const PROSE =
  'Chiều 12/3, tại Hà Nội, Câu lạc bộ Nhà báo Môi trường tổ chức buổi tọa đàm về rác thải nhựa ven biển. ' +
  'Các diễn giả cho biết mỗi năm Việt Nam thải ra khoảng 1,8 triệu tấn rác thải nhựa, trong đó hơn 70% chưa được ' +
  'thu gom, xử lý đúng cách. Nhiều ý kiến đề nghị tăng cường truyền thông để người dân hạn chế sử dụng túi ni lông ' +
  'và đồ nhựa dùng một lần.';

// ---------------------------------------------------------------------------------------------

describe('the schema', () => {
  it('compiles in strict mode under draft 2020-12, with the published id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(SCHEMA_ID).toBe('https://cchc.dev/schema/cchc-document-1.0.json');
    expect(typeof schema.title).toBe('string');
    expect(typeof validate).toBe('function');
  });

  it('names the schema version the parser writes', () => {
    expect(pointer('/properties/schemaVersion/const')).toBe(SCHEMA_VERSION);
  });

  it('lists exactly the message codes of MESSAGE_CODES, so the two cannot drift', () => {
    expect(sorted(pointer('/$defs/message/properties/code/enum') as string[])).toEqual(
      sorted(Object.keys(MESSAGE_CODES)),
    );
  });

  it('ties each message code to the severity MESSAGE_CODES gives it', () => {
    const bySeverity = new Map<string, string[]>();
    for (const rule of pointer('/$defs/message/allOf') as JsonObject[]) {
      const codes = ((rule.if as JsonObject).properties as JsonObject).code as JsonObject;
      const severity = (((rule.then as JsonObject).properties as JsonObject).severity as JsonObject)
        .const as string;
      bySeverity.set(severity, sorted(codes.enum as string[]));
    }
    for (const severity of ['error', 'warning', 'info'] as const) {
      const expected = Object.entries(MESSAGE_CODES)
        .filter(([, s]) => s === severity)
        .map(([code]) => code);
      expect(bySeverity.get(severity), severity).toEqual(sorted(expected));
    }
  });

  it.each(ENUMS)('lists exactly the members of the TypeScript union at %s', (path, expected) => {
    const list = pointer(path);
    expect(Array.isArray(list), path).toBe(true);
    expect(sorted(list as Json[])).toEqual(sorted(expected));
  });

  it.each(SHAPES)('has exactly the fields of the TypeScript type at %s', (path, fields) => {
    const node = pointer(path) as JsonObject;
    expect(node.additionalProperties).toBe(false);
    expect(sorted(Object.keys(node.properties as JsonObject))).toEqual(
      sorted([...fields.required, ...fields.optional]),
    );
    expect(sorted(node.required as string[])).toEqual(sorted(fields.required));
    // A field accepts null exactly when its TypeScript type includes null.
    for (const key of Object.keys(node.properties as JsonObject)) {
      const field = ajv.getSchema(`${SCHEMA_ID}#${path}/properties/${key}`);
      expect(field, `${path}/properties/${key}`).toBeDefined();
      expect(field!(null), `${path}/properties/${key} accepts null`).toBe(fields.nullable.includes(key));
    }
  });

  it('closes every object and describes every field', () => {
    const problems: string[] = [];
    const walk = (node: Json, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const [i, child] of node.entries()) walk(child, `${path}/${i}`);
        return;
      }
      const types = ([] as Json[]).concat(node.type ?? []);
      // A `$ref` sibling only refines a closed object; a `propertyNames` map is closed by its names.
      if (
        types.includes('object') &&
        node.additionalProperties !== false &&
        !node.propertyNames &&
        !node.$ref
      ) {
        problems.push(`${path}: an object without additionalProperties: false`);
      }
      // Conditions (`if`/`then`/`else`) restate fields described where they are declared.
      if (node.properties && typeof node.properties === 'object' && !/\/(?:if|then|else)$/.test(path)) {
        for (const [key, field] of Object.entries(node.properties as JsonObject)) {
          const description = (field as JsonObject).description;
          if (typeof description !== 'string' || description.length < 10) {
            problems.push(`${path}/properties/${key}: no description`);
          }
        }
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(schema, '');
    expect(problems).toEqual([]);
  });
});

describe('parseText output validates against the schema', () => {
  it('has fixtures to check', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(FIXTURES)('$name', ({ name, text }) => {
    const path = `fixtures/${name}`;

    it('as written', () => {
      const doc = parseText(text, { path });
      expect(errorsOf(doc)).toEqual([]);
    });

    it('with CRLF line ends', () => {
      const doc = parseText(crlf(text), { path });
      expect(doc.source.normalizations).toContain('crlf');
      expect(errorsOf(doc)).toEqual([]);
    });

    it('in decomposed Unicode (NFD)', () => {
      const doc = parseText(nfd(text), { path });
      expect(doc.source.normalizations).toContain('nfc');
      expect(errorsOf(doc)).toEqual([]);
    });

    it('re-wrapped to 60 columns', () => {
      const wrapped = rewrap(text, 60);
      expect(wrapped.split('\n').length).toBeGreaterThan(text.split('\n').length);
      expect(errorsOf(parseText(wrapped, { path }))).toEqual([]);
    });

    it('through parseBytes, as UTF-8 and as UTF-16 with a BOM (hash and encoding filled in)', () => {
      const utf8 = parseBytes(new TextEncoder().encode(text), { path });
      expect(utf8.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(errorsOf(utf8)).toEqual([]);
      const utf16 = parseBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), { path });
      expect(utf16.source.encoding).toBe('utf-16le');
      expect(errorsOf(utf16)).toEqual([]);
    });
  });

  it('for empty text', () => {
    const doc = parseText('');
    expect(doc.warnings.map((w) => w.code)).toContain('EMPTY_DOCUMENT');
    expect(errorsOf(doc)).toEqual([]);
  });

  it('for a Vietnamese paragraph that is not a plan', () => {
    const doc = parseText(PROSE, { path: 'news.txt' });
    expect(doc.warnings.map((w) => w.code)).toContain('NOT_A_PLAN');
    expect(errorsOf(doc)).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('for random garbage (seed %i)', (seed) => {
    expect(errorsOf(parseText(garbage(seed, 400)))).toEqual([]);
  });

  it('for any text built from plan fragments and arbitrary characters', () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expect(errorsOf(parseText(pieces.join(' ')))).toEqual([]);
      }),
      { numRuns: 200, seed: 20240601 },
    );
  });
});

describe('the schema rejects documents that break the contract', () => {
  const REMOVE = Symbol('remove');
  type Edit = [pointer: string, value: Json | typeof REMOVE];

  /** A parsed fixture with a task deadline, a target and a warning to break, as JSON text. */
  let sampleJson = '';
  beforeAll(() => {
    const doc = FIXTURES.map((f) => parseText(f.text, { path: `fixtures/${f.name}` })).find(
      (d) => d.tasks[0]?.deadline && d.targets.length > 0 && d.warnings.length > 0,
    );
    expect(doc).toBeDefined();
    sampleJson = JSON.stringify(doc);
  });

  /** Sets, or with REMOVE deletes, the value at a JSON pointer. */
  function edit(doc: JsonObject, [path, value]: Edit): void {
    const parts = path.split('/').slice(1);
    const last = parts.pop()!;
    let node = doc as Json;
    for (const part of parts) node = (node as JsonObject)[part]!;
    const parent = node as JsonObject;
    expect(parent, path).toBeTypeOf('object');
    if (value === REMOVE) delete parent[last];
    else parent[last] = value;
  }

  const MUTATIONS: [name: string, edits: Edit[], errorAt: string][] = [
    ['a task without an id', [['/tasks/0/id', REMOVE]], '/tasks/0'],
    ['an unknown area code', [['/tasks/0/area', 'health']], '/tasks/0/area'],
    ['an extra property on the document', [['/extra', true]], ''],
    ['an extra property on a task', [['/tasks/0/priority', 'high']], '/tasks/0'],
    ['a nullable field left out (null is written, not omitted)', [['/tasks/0/notes', REMOVE]], '/tasks/0'],
    ['a date not in ISO form', [['/document/issuedOn', '22/01/2014']], '/document/issuedOn'],
    ['an unknown deadline kind', [['/tasks/0/deadline/kind', 'soon']], '/tasks/0/deadline/kind'],
    [
      'an open-ended deadline with a due date',
      [
        ['/tasks/0/deadline/kind', 'recurring'],
        ['/tasks/0/deadline/due', '2014-12-31'],
      ],
      '/tasks/0/deadline/due',
    ],
    [
      'a multi-year deadline without its occurrences',
      [['/tasks/0/deadline/kind', 'multi-year']],
      '/tasks/0/deadline',
    ],
    ['an unknown message code', [['/warnings/0/code', 'SOMETHING_ODD']], '/warnings/0/code'],
    [
      'a severity other than the code has',
      [
        ['/warnings/0/code', 'TABLE_LINE_UNREAD'],
        ['/warnings/0/severity', 'info'],
      ],
      '/warnings/0/severity',
    ],
    [
      'a percentage target whose value is text',
      [
        ['/targets/0/unit', '%'],
        ['/targets/0/value', '80'],
      ],
      '/targets/0/value',
    ],
    ['an unknown comparator', [['/targets/0/comparator', '≥']], '/targets/0/comparator'],
    ['a line number of 0', [['/tasks/0/line', 0]], '/tasks/0/line'],
    [
      'a provenance entry for a field the document does not have',
      [['/document/provenance/author', 'header']],
      '/document/provenance',
    ],
    ['another schema version', [['/schemaVersion', '2.0']], '/schemaVersion'],
  ];

  it('accepts the unbroken sample', () => {
    expect(errorsOf(JSON.parse(sampleJson))).toEqual([]);
  });

  it.each(MUTATIONS)('rejects %s', (_name, edits, errorAt) => {
    const doc = JSON.parse(sampleJson) as JsonObject;
    for (const e of edits) edit(doc, e);
    expect(validate(doc)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths, describeErrors(validate.errors).join('\n')).toContain(errorAt);
  });
});
