import type { AreaCode } from '../lexicon/types.js';
import type { MessageCode, Severity } from './messages.js';

export type { AreaCode };

export type DeadlineKind =
  | 'date'
  | 'month'
  | 'quarter'
  | 'half'
  | 'year'
  | 'range'
  | 'multi-year'
  | 'from'
  | 'recurring'
  | 'per-regulation'
  | 'unknown';

/** A normalised deadline (SPEC §4). Dates are ISO `YYYY-MM-DD`. */
export interface Deadline {
  /** The text as written in the cell or sentence. */
  raw: string;
  kind: DeadlineKind;
  /** First day of the period, when the text names a period. */
  start: string | null;
  /** Last day of the period (a month means its last day); null when open-ended or recurring. */
  due: string | null;
  recurring: boolean;
  /** True when the year came from the plan's period, not from the text. */
  yearInferred: boolean;
  /** For `multi-year`: one occurrence per named year. */
  occurrences?: { start: string; due: string }[];
}

/** What a deadline may borrow from its plan. */
export interface DeadlineContext {
  /** The plan's period; a missing year is inferred only when the period is a single year. */
  periodFrom?: number | null;
  periodTo?: number | null;
}

export type TargetUnit = '%' | 'count' | 'rank';
export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export interface Target {
  /** The whole sentence or bullet the target was read from. */
  text: string;
  /** The phrase that states the figure, e.g. `trên 80%`. */
  raw: string;
  line: number;
  /** The prose section (a key of `sections`), for targets read from the text. */
  section: string | null;
  /** The task id, for targets read from a task's title in a table. */
  task: string | null;
  /** Where in the plan: a targets list (`Chỉ tiêu`, `Mục tiêu cụ thể`), goals (`Mục tiêu`, `Mục đích`, `Yêu cầu`), or anywhere else. */
  scope: 'targets' | 'goals' | 'body';
  value: number | string;
  unit: TargetUnit;
  comparator: Comparator;
  year: number | null;
  yearInferred: boolean;
  indicator: string | null;
  subject: string;
}

export interface Message {
  code: MessageCode;
  severity: Severity;
  message: string;
  line: number | null;
  /** The source text a warning is about, quoted so that nothing is lost. */
  text?: string;
}
