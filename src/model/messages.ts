/**
 * Problems are data: every stage pushes typed messages; the wording lives here, in one place.
 * The parser never throws on input text.
 */
export type Severity = 'error' | 'warning' | 'info';

export const MESSAGE_CODES = {
  // input and decoding
  EMPTY_DOCUMENT: 'warning',
  NOT_A_PLAN: 'warning',
  ENCODING_DETECTED: 'info',
  ENCODING_UNCERTAIN: 'warning',
  ENCODING_REPLACEMENT_CHARS: 'warning',
  TEXT_NORMALIZED: 'info',
  // header and metadata
  NUMBER_MISSING: 'warning',
  DATE_MISSING: 'warning',
  METADATA_CONFLICT: 'warning',
  SIGNER_NAME_MISSING: 'info',
  DATE_INVALID: 'warning',
  // tables
  TABLE_HEADER_MISSING: 'warning',
  TABLE_LINE_UNREAD: 'error',
  TABLE_ROW_INCOMPLETE: 'warning',
  TABLE_CELL_UNEXPECTED: 'warning',
  TABLE_TRUNCATED: 'warning',
  TASK_FUNDING_MISSING: 'warning',
  TASK_ID_DUPLICATE: 'info',
  TASK_EMPTY: 'warning',
  SECTION_REPEATED: 'info',
  SECTION_NUMERAL_REUSED: 'info',
  NO_TASK_TABLE: 'info',
  SIGNATURE_MISSING: 'info',
  // deadlines and targets
  DEADLINE_UNKNOWN: 'warning',
  DEADLINE_YEAR_INFERRED: 'info',
  TARGET_WITHOUT_NUMBER: 'info',
} as const satisfies Record<string, Severity>;

export type MessageCode = keyof typeof MESSAGE_CODES;

export function severityOf(code: MessageCode): Severity {
  return MESSAGE_CODES[code];
}
