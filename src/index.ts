/**
 * cchc as a library: the same functions the commands use.
 *
 *   import { parseText, parseFile, parseDeadline } from 'cchc';
 */

export {
  type ComparedTarget,
  type CompareOptions,
  type CompareUnit,
  type Comparison,
  type ComparisonRow,
  compare,
  comparisonTable,
  type FlatTable,
  formatTarget,
  PERCENT_COLUMNS,
  transposeTable,
} from './compare/compare.js';
export { type ParseOptions, parseText } from './document/parse-text.js';
export { type CsvOptions, type CsvValue, type Delimiter, toCsv } from './export/csv.js';
export {
  COMMITMENT_COLUMNS,
  commitmentRows,
  DOCUMENT_COLUMNS,
  documentRows,
  EXPORT_TABLES,
  type ExportTableName,
  GOAL_COLUMNS,
  goalRows,
  type Row as ExportRow,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  targetRows,
  taskRows,
} from './export/tables.js';
export type { LegalBasis } from './header/legal-bases.js';
export type { DocumentType, Provenance, Signer } from './header/read-header.js';
export { type BinaryKind, type DecodeResult, decodeBytes, SUPPORTED_ENCODINGS } from './input/decode.js';
export { canonicalAgency, splitAgencies } from './interpret/agencies.js';
export { findDeadlinePhrase, parseDeadline } from './interpret/deadline.js';
export { readTargets, type TargetReading } from './interpret/targets.js';
export { defaultLexicon, mergeLexicon } from './lexicon/load.js';
export { AREA_CODES, type AreaCode, type LexiconData } from './lexicon/types.js';
export type {
  CchcDocument,
  Commitment,
  DocumentFacts,
  DocumentSection,
  Goal,
  SourceInfo,
  TableQuality,
  TableSection,
  Task,
  TaskDeadline,
} from './model/document.js';
export { SCHEMA_VERSION } from './model/document.js';
export { MESSAGE_CODES, type MessageCode, type Severity } from './model/messages.js';
export type {
  Comparator,
  Deadline,
  DeadlineContext,
  DeadlineKind,
  Message,
  Target,
  TargetUnit,
} from './model/types.js';
export { InputError, parseBytes, parseFile } from './node/parse-file.js';
export {
  findOverdue,
  groupByLead,
  NO_LEAD,
  type OverdueBucket,
  type OverdueGroup,
  type OverdueOptions,
  type OverdueResult,
  type OverdueRow,
  type OverdueRowStatus,
  type OverdueSummary,
} from './overdue/find-overdue.js';
export {
  parseStatusFile,
  type StatusDocument,
  type StatusEntry,
  type StatusFile,
  type StatusProblem,
  type StatusProblemCode,
  TASK_STATUSES,
  type TaskStatus,
} from './overdue/status-file.js';
