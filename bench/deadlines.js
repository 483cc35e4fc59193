/**
 * `parseDeadline` against chrono-node's Vietnamese parser, on the deadline strings of the test
 * cases (test/cases/deadline-cases.ts: every deadline cell of the fixtures, the prose deadlines,
 * and the phrasings of SPEC §4), read from the TypeScript file as text so the list stays in step.
 *
 * How an answer is judged: a string is read right when the due date is the expected one; when the
 * expected due is null (recurring, per regulation, open-ended `Từ …`, or a year that cannot be
 * known), right means no due date at all.
 *
 * chrono is judged generously:
 * - its reference date is 1 July of the plan's year when the case has a one-year plan period
 *   (the same knowledge `parseDeadline` gets from its context), else the current date;
 * - when a result's year is only implied and the case has a one-year period, that year is used
 *   (what `parseDeadline` does, flagged `yearInferred`);
 * - every result counts, and of each its start and its end, each taken both as given and pushed
 *   to the end of its least certain unit (`năm 2014` → 2014-01-01 or 2014-12-31; `Tháng 8/2017` →
 *   2017-08-01 or 2017-08-31): the string is right when ANY of these candidates is the expected due.
 * `parseDeadline` gets one answer, its `due`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `[{ raw, context, kind, due }]` from the TypeScript case file. */
export function readDeadlineCases(file) {
  const source = readFileSync(file, 'utf8');
  const contexts = new Map();
  for (const m of source.matchAll(
    /const (\w+): DeadlineContext = \{ periodFrom: (\d+), periodTo: (\d+) \};/g,
  ))
    contexts.set(m[1], { periodFrom: Number(m[2]), periodTo: Number(m[3]) });
  const spreads = new Map();
  for (const m of source.matchAll(/const (\w+) = \{([^}]*)\} as const;/g)) spreads.set(m[1], fields(m[2]));
  const starts = [...source.matchAll(/\{\s*raw: '([^']*)'/g)];
  return starts.map((m, i) => {
    let segment = source.slice(m.index, starts[i + 1]?.index ?? source.length);
    const close = segment.indexOf('];');
    if (close >= 0) segment = segment.slice(0, close);
    const own = fields(segment);
    const spread = /\.\.\.(\w+)/.exec(segment);
    const merged = { ...(spread ? spreads.get(spread[1]) : {}), ...own };
    if (!('due' in merged)) throw new Error(`deadline case '${m[1]}': no due found`);
    const contextName = /context: (\w+)/.exec(segment)?.[1];
    return {
      raw: m[1],
      context: contextName ? contexts.get(contextName) : undefined,
      kind: merged.kind,
      due: merged.due,
    };
  });
}

/** The first `kind:` and `due:` of an object literal's text (occurrences' `due`s come later). */
function fields(text) {
  const out = {};
  const kind = /\bkind: '([\w-]+)'/.exec(text);
  if (kind) out.kind = kind[1];
  const due = /\bdue: (null|'[^']*')/.exec(text);
  if (due) out.due = due[1] === 'null' ? null : due[1].slice(1, -1);
  return out;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const iso = (y, m, d) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function singleYear(context) {
  return context && context.periodFrom === context.periodTo ? context.periodFrom : null;
}

export function chronoReference(context) {
  const year = singleYear(context);
  return year === null ? new Date() : new Date(year, 6, 1);
}

/** Every date a chrono answer could be taken to mean (see the judging rules above). */
export function chronoCandidates(results, context) {
  const year = singleYear(context);
  const out = new Set();
  for (const r of results) {
    for (const c of [r.start, r.end]) {
      if (!c) continue;
      const y = c.isCertain('year') || year === null ? c.get('year') : year;
      const m = c.get('month');
      const d = c.get('day');
      out.add(iso(y, m, d));
      if (!c.isCertain('day')) {
        if (c.isCertain('month')) out.add(iso(y, m, lastDay(y, m)));
        else out.add(iso(y, 12, 31));
      }
    }
  }
  return [...out];
}

/** Strings per second of `fn` over `items`, running the whole list until `seconds` have passed. */
function throughput(items, fn, seconds) {
  for (let i = 0; i < 3; i++) for (const item of items) fn(item); // warm up
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) fn(item);
    calls += items.length;
    elapsed = performance.now() - started;
  } while (elapsed < seconds * 1000);
  return calls / (elapsed / 1000);
}

/**
 * `parseDeadline` reads a text it has read before from memory; the throughput is timed on
 * `parseDeadlineUncached` (the reading itself), since this list is read again and again. Both are
 * reported.
 */
export async function benchDeadlines({ root, parseDeadline, parseDeadlineUncached, seconds = 2 }) {
  const chrono = await import('chrono-node');
  const cases = readDeadlineCases(join(root, 'test', 'cases', 'deadline-cases.ts'));
  const prepared = cases.map((c) => ({ ...c, reference: chronoReference(c.context) }));

  const rows = prepared.map((c) => {
    const ours = parseDeadline(c.raw, c.context).due;
    const results = chrono.vi.parse(c.raw, c.reference);
    const candidates = chronoCandidates(results, c.context);
    const chronoRight = c.due === null ? results.length === 0 : candidates.includes(c.due);
    return {
      raw: c.raw,
      context: c.context ? `${c.context.periodFrom}–${c.context.periodTo}` : '',
      expected: c.due,
      ours,
      oursRight: ours === c.due,
      chrono: results.length === 0 ? null : candidates.join(' / '),
      chronoRight,
    };
  });
  const dated = rows.filter((r) => r.expected !== null);
  const oursPerSecond = throughput(prepared, (c) => parseDeadlineUncached(c.raw, c.context), seconds);
  const rememberedPerSecond = throughput(prepared, (c) => parseDeadline(c.raw, c.context), seconds);
  const chronoPerSecond = throughput(prepared, (c) => chrono.vi.parse(c.raw, c.reference), seconds);
  return {
    count: rows.length,
    dated: dated.length,
    ours: {
      perSecond: oursPerSecond,
      rememberedPerSecond,
      right: rows.filter((r) => r.oursRight).length,
      datedRight: dated.filter((r) => r.oursRight).length,
    },
    chrono: {
      perSecond: chronoPerSecond,
      right: rows.filter((r) => r.chronoRight).length,
      datedRight: dated.filter((r) => r.chronoRight).length,
    },
    rows,
  };
}
