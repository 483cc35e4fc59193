/**
 * Made-up tasks for the cases the fixtures do not have: every field of the model at a plain default,
 * the test naming only what it is about.
 */
import type { Task, TaskDeadline } from '../../src/model/document.js';

/** A deadline cell: `raw` `x`, kind `date`, no dates, line 1, then `partial`. */
export function madeUpDeadline(partial: Partial<TaskDeadline>): TaskDeadline {
  return {
    raw: 'x',
    kind: 'date',
    start: null,
    due: null,
    recurring: false,
    yearInferred: false,
    line: 1,
    ...partial,
  };
}

/** A task `I.1` on line 1 of table 0, area `other`, no cells, then `partial`. */
export function madeUpTask(partial: Partial<Task>): Task {
  return {
    id: 'I.1',
    ordinal: 1,
    number: null,
    section: null,
    sectionTitle: null,
    group: null,
    area: 'other',
    title: 't',
    product: null,
    lead: [],
    partners: [],
    leadRaw: null,
    partnersRaw: null,
    deadline: null,
    funding: null,
    notes: null,
    line: 1,
    table: 0,
    ...partial,
  };
}
