/**
 * The document model (SPEC §3). `schema/cchc-document.schema.json` is the authority for JSON
 * consumers; these types are the authority for TypeScript ones, and a test keeps them in step.
 */

import type { TableSection } from '../document/build-tasks.js';
import type { LegalBasis } from '../header/legal-bases.js';
import type { HeaderFacts } from '../header/read-header.js';
import type { AreaCode } from '../lexicon/types.js';
import type { GoalKind, Section } from '../segment/sections.js';
import type { TableReport } from '../table/read-tables.js';
import type { Deadline, Message, Target } from './types.js';

export const SCHEMA_VERSION = '1.0';

export interface SourceInfo {
  path: string | null;
  sha256: string | null;
  bytes: number;
  encoding: string;
  /** True when the text was changed before parsing (BOM, CRLF, NFC, no-break or zero-width spaces). */
  normalized: boolean;
  normalizations: string[];
  lines: number;
}

/** A heading of the prose: `I. MỤC TIÊU`, `1. Mục tiêu cụ thể`, `2.2. Sở Nội vụ`. */
export type DocumentSection = Section;

export type { TableSection } from '../document/build-tasks.js';

export interface Goal {
  text: string;
  kind: GoalKind;
  section: string | null;
  line: number;
}

export interface TaskDeadline extends Deadline {
  line: number;
}

export interface Task {
  id: string;
  ordinal: number;
  number: string | null;
  section: string | null;
  sectionTitle: string | null;
  group: string | null;
  area: AreaCode;
  title: string;
  product: string | null;
  lead: string[];
  partners: string[];
  leadRaw: string | null;
  partnersRaw: string | null;
  deadline: TaskDeadline | null;
  funding: string | null;
  notes: string | null;
  line: number;
  table: number;
}

export interface Commitment {
  text: string;
  agency: string | null;
  deadline: TaskDeadline;
  section: string | null;
  line: number;
}

/** A task table's quality report (like camelot's), and its own headings. */
export interface TableQuality extends TableReport {
  /** The table's own section rows (level 1) and group rows (level 2); task `section` keys refer to these. */
  sections: TableSection[];
}

/** What a document is: the header's facts, its key in a batch, the programme and its legal bases. */
export type DocumentFacts = Omit<HeaderFacts, 'bodyStart' | 'messages'> & {
  key: string;
  program: '30c' | '76' | null;
  legalBases: LegalBasis[];
};

export interface CchcDocument {
  schemaVersion: string;
  source: SourceInfo;
  document: DocumentFacts;
  sections: DocumentSection[];
  goals: Goal[];
  targets: Target[];
  tasks: Task[];
  commitments: Commitment[];
  tables: TableQuality[];
  warnings: Message[];
}
