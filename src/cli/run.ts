/**
 * The CLI as a function: `run(argv, io) → exit code`. Tests call it in-process; `bin/cchc.js`
 * calls it with the real process. Only the caller sets `process.exitCode`.
 *
 * Exit codes: 0 success; 1 findings the user asked to fail on (--fail-on-overdue, --strict);
 * 2 usage error; 3 an input could not be read or decoded (the others are still processed).
 */
import { readFileSync } from 'node:fs';
import type { CliIo } from './io.js';

export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3 } as const;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

interface OptionSpec {
  flags: string;
  description: string;
  defaultValue?: string;
  choices?: string[];
}

// Options shared by every command that reads plans.
const INPUT_OPTIONS: OptionSpec[] = [
  {
    flags: '--lexicon <file>',
    description: 'extend the built-in vocabulary with a YAML lexicon (areas, indicators, agencies, columns)',
  },
  {
    flags: '--encoding <name>',
    description:
      'read inputs in this encoding instead of detecting it (utf-8, utf-16le, windows-1258, tcvn3, vni, viscii)',
  },
  { flags: '-q, --quiet', description: 'do not print warnings about the inputs on stderr' },
  { flags: '--verbose', description: 'also print informational messages on stderr' },
];

const COMMANDS: {
  name: string;
  args: string;
  summary: string;
  options: OptionSpec[];
  examples: string[];
  load: () => Promise<(io: CliIo, inputs: string[], options: Record<string, unknown>) => Promise<number>>;
}[] = [
  {
    name: 'parse',
    args: '<inputs...>',
    summary: 'turn plans into structured JSON: metadata, sections, goals, targets, tasks',
    options: [
      { flags: '--strict', description: 'exit 1 when any input has an error-severity warning' },
      { flags: '--ndjson', description: 'one JSON document per line' },
      { flags: '--pretty', description: 'indent the JSON (the default on a terminal)' },
      { flags: '--format <format>', description: 'output format', choices: ['json', 'ndjson', 'yaml'] },
    ],
    examples: [
      'cchc parse fixtures/son-la-2014-qd-158.txt --pretty',
      "cchc parse 'plans/**/*.txt' --ndjson > plans.ndjson",
      'cat plan.txt | cchc parse - --format yaml',
      'cchc parse plans/ --strict --quiet > /dev/null   # CI: fail when a table line was not read',
    ],
    load: async () => (await import('./commands/parse.js')).parseCommand as never,
  },
  {
    name: 'overdue',
    args: '<inputs...>',
    summary: 'list tasks past their deadline, most late first',
    options: [
      { flags: '--as-of <date>', description: 'the day to judge by, YYYY-MM-DD (default: today)' },
      {
        flags: '--status <file>',
        description: 'YAML progress file: document key → task id → done | in-progress | dropped',
      },
      {
        flags: '--lead <text>',
        description: 'only tasks whose lead agency contains this text (accents and case ignored)',
      },
      {
        flags: '--area <code>',
        description: 'only tasks of this reform area (direction, institutions, procedures, ...)',
      },
      { flags: '--by <grouping>', description: 'group the rows', choices: ['task', 'lead'] },
      { flags: '--include-commitments', description: 'also check deadlines stated in the prose' },
      { flags: '--fail-on-overdue', description: 'exit 1 when anything is overdue' },
      {
        flags: '--format <format>',
        description: 'output format (default: table on a terminal, JSON when piped)',
        choices: ['table', 'json', 'ndjson', 'csv', 'yaml'],
      },
    ],
    examples: [
      'cchc overdue fixtures/ --as-of 2017-09-01',
      'cchc overdue plan.txt --status progress.yaml --by lead',
      'cchc overdue plans/*.txt --as-of 2021-07-01 --fail-on-overdue --format json',
    ],
    load: async () => (await import('./commands/overdue.js')).overdueCommand as never,
  },
  {
    name: 'compare',
    args: '<inputs...>',
    summary: 'set plans or provinces side by side: task counts per area, deadlines, lead agencies, targets',
    options: [
      {
        flags: '--by <unit>',
        description: 'one row per document or per province',
        choices: ['document', 'province'],
      },
      {
        flags: '--indicators <list>',
        description: 'comma-separated indicator keys to show (default: every one any input states)',
      },
      { flags: '--areas <list>', description: 'comma-separated area codes to show (default: all)' },
      { flags: '--transpose', description: 'swap rows and columns' },
      {
        flags: '--format <format>',
        description: 'output format (default: table on a terminal, JSON when piped)',
        choices: ['table', 'json', 'ndjson', 'csv', 'yaml', 'markdown'],
      },
    ],
    examples: [
      "cchc compare 'plans/**/*.txt'",
      'cchc compare fixtures/ --by province --format csv',
      'cchc compare fixtures/ --transpose',
    ],
    load: async () => (await import('./commands/compare.js')).compareCommand as never,
  },
  {
    name: 'export',
    args: '<inputs...>',
    summary:
      'write CSV tables (documents, tasks, targets, goals, commitments) for spreadsheets, R, pandas, DuckDB',
    options: [
      { flags: '--out <dir>', description: 'write every table into this directory' },
      {
        flags: '--table <name>',
        description: 'write one table to stdout',
        choices: ['documents', 'tasks', 'targets', 'goals', 'commitments'],
      },
      {
        flags: '--excel',
        description: 'UTF-8 BOM, CRLF line ends, and formula-injection guarding for Excel',
      },
      { flags: '--delimiter <char>', description: 'field separator', choices: [',', ';', 'tab'] },
    ],
    examples: [
      'cchc export fixtures/ --out data/',
      "cchc export 'plans/**/*.txt' --table tasks --excel > tasks.csv",
    ],
    load: async () => (await import('./commands/export.js')).exportCommand as never,
  },
];

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [{ Command, CommanderError, Option }, { prepareColour }] = await Promise.all([
    import('commander'),
    import('./style.js'),
  ]);
  await prepareColour(io);
  const { UsageError } = await import('./load.js');
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('cchc')
    .description(
      'Read Vietnamese administrative-reform plans (cải cách hành chính): tasks, deadlines, targets.\nData goes to stdout, messages to stderr.',
    )
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  cchc parse fixtures/son-la-2014-qd-158.txt --pretty
  cchc overdue fixtures/ --as-of 2017-09-01
  cchc compare fixtures/
  cchc export fixtures/ --out data/

Exit codes: 0 success, 1 findings you asked to fail on, 2 usage error, 3 an input could not be read.`,
    );
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .description(spec.summary)
      .argument(spec.args, 'files, directories, quoted globs, or - for standard input')
      .exitOverride()
      .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n`);
    for (const o of [...spec.options, ...INPUT_OPTIONS]) {
      const option = new Option(o.flags, o.description);
      if (o.choices) option.choices(o.choices);
      if (o.defaultValue !== undefined) option.default(o.defaultValue);
      command.addOption(option);
    }
    command.action(async (inputs: string[], options: Record<string, unknown>) => {
      const handler = await spec.load();
      exitCode = await handler(io, inputs, options);
    });
  }
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`cchc: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
