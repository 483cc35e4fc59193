/**
 * Where `parseText` spends its time: `node bench/profile.js [MB]` (default 20) runs itself under
 * `node --cpu-prof` to parse the first MB of the benchmark corpus, one thread, then prints the
 * functions with the most self time (file:line in dist/, and the src/ line they come from), the
 * self time per source file, and the time per stage of the pipeline (tables, blocks, header, …;
 * the prose readers are the anonymous loop in parse-text.ts). The profile is kept as
 * bench/parse.cpuprofile (git-ignored): open it in Chrome DevTools (Performance → Load profile).
 *
 * Run `npm run build` first; the corpus is built (or reused) with the benchmark's seed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_SEED,
  ensureCorpus,
  firstFiles,
  MIN_BYTES,
  MIN_DOCS,
  ROOT,
  readManifest,
  timeParses,
} from './corpus.js';

const SELF = fileURLToPath(import.meta.url);
const TOP = 15;

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];

if (isMain && process.argv[2] === '--child') {
  const { parseText } = await import('../dist/index.js');
  const budget = Number(process.argv[3]) * 1e6;
  // Each file read and decoded just before its parse, as bench/run.js does (see timeParses); reading
  // and decoding are outside the profile's parseText subtree.
  const { ms, bytes, tasks } = timeParses(firstFiles(readManifest().files, budget), parseText);
  process.stderr.write(
    `profile: parsed ${(bytes / 1e6).toFixed(1)} MB (${tasks} tasks) in ${(ms / 1000).toFixed(1)} s under the profiler\n`,
  );
} else if (isMain) {
  const mb = Number(process.argv[2] ?? 20);
  const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
  ensureCorpus({ seed, minBytes: MIN_BYTES, minDocs: MIN_DOCS, log: (l) => process.stderr.write(`${l}\n`) });
  const dir = mkdtempSync(join(tmpdir(), 'cchc-profile-'));
  try {
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--cpu-prof-name',
        'parse.cpuprofile',
        SELF,
        '--child',
        String(mb),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (run.status !== 0) throw new Error(`the profiled run ended with ${run.status ?? run.signal}`);
    const file = join(dir, 'parse.cpuprofile');
    copyFileSync(file, join(ROOT, 'bench', 'parse.cpuprofile'));
    process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Self time per function inside `parseText` (a function reached by several call paths is one row;
 * a regular expression is its own row, named by its pattern, with the function that ran it), then
 * per file. Garbage collection is not under any JS frame; its share of the whole run is given apart.
 */
export function summarise(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isParseText = (n) =>
    n.callFrame.functionName === 'parseText' && n.callFrame.url.endsWith('dist/document/parse-text.js');
  const inParse = new Map();
  const under = (id) => {
    if (inParse.has(id)) return inParse.get(id);
    const n = nodes.get(id);
    const p = parent.get(id);
    const yes = isParseText(n) || (p !== undefined && under(p));
    inParse.set(id, yes);
    return yes;
  };
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  let all = 0;
  let gc = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's weight is the time until the next one.
    const weight = timeDeltas[i + 1] ?? 0;
    all += weight;
    if (nodes.get(samples[i]).callFrame.functionName === '(garbage collector)') gc += weight;
    if (!under(samples[i])) continue;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + weight);
  }
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    total += us;
    const frame = nodes.get(id).callFrame;
    // A regex (or a builtin) has no file: name it by the JS function that called it.
    const caller = frame.url ? null : callerFrame(id);
    const key = `${frame.functionName}\u0000${frame.url}\u0000${frame.lineNumber}\u0000${caller ? `${caller.url}:${caller.lineNumber}` : ''}`;
    const row = byFunction.get(key) ?? { ...frame, caller, us: 0 };
    row.us += us;
    byFunction.set(key, row);
  }
  function callerFrame(id) {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const f = nodes.get(p).callFrame;
      if (f.url && !f.url.startsWith('node:')) return f;
    }
    return null;
  }
  const ranked = [...byFunction.values()].sort((a, b) => b.us - a.us);
  const pct = (us) => `${((100 * us) / total).toFixed(1)}%`.padStart(6);
  const ms = (us) => `${(us / 1000).toFixed(0)} ms`.padStart(9);
  const lines = [
    `Self time inside parseText: ${(total / 1e6).toFixed(2)} s of ${(all / 1e6).toFixed(2)} s sampled; garbage collection ${(gc / 1e6).toFixed(2)} s (${((100 * gc) / all).toFixed(1)}% of the run, not under parseText).`,
    `Top ${TOP} of ${ranked.length} functions, % of the time inside parseText:`,
    '',
  ];
  ranked.slice(0, TOP).forEach((r, i) => {
    const name = r.functionName || '(anonymous)';
    const where = r.url
      ? `${shortPath(r.url)}:${r.lineNumber + 1}${sourceLine(r) ? `  ← ${sourceLine(r)}` : ''}`
      : r.caller
        ? `called from ${r.caller.functionName || '(anonymous)'} ${sourceLine(r.caller) ?? `${shortPath(r.caller.url)}:${r.caller.lineNumber + 1}`}`
        : '(native)';
    lines.push(`${String(i + 1).padStart(2)}. ${ms(r.us)} ${pct(r.us)}  ${name}  ${where}`);
  });
  const byFile = new Map();
  for (const r of ranked) {
    const frame = r.url ? r : (r.caller ?? r);
    const file = frame.url ? shortPath(frame.url) : frame.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + r.us);
  }
  lines.push('', 'Self time per file (regexes counted with the file that runs them), top 12:', '');
  for (const [file, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12))
    lines.push(`${ms(us)} ${pct(us)}  ${file}`);

  // Stages: what the pipeline function calls, each with everything below it (its inclusive time).
  const isPipeline = (n) =>
    n.callFrame.functionName === 'parseUnguarded' && n.callFrame.url.endsWith('dist/document/parse-text.js');
  const stageOf = new Map();
  const stage = (id) => {
    if (stageOf.has(id)) return stageOf.get(id);
    const p = parent.get(id);
    const here = isPipeline(nodes.get(id))
      ? '(the pipeline function itself)'
      : p === undefined
        ? null
        : isPipeline(nodes.get(p))
          ? stageName(nodes.get(id).callFrame)
          : stage(p);
    stageOf.set(id, here);
    return here;
  };
  const stageName = (f) => {
    if (!f.url) return `${f.functionName} (native or regex)`;
    const name = f.functionName || '(anonymous)';
    return `${name}  ${sourceLine(f) ?? `${shortPath(f.url)}:${f.lineNumber + 1}`}`;
  };
  const byStage = new Map();
  for (const [id, us] of selfUs) {
    const name = stage(id);
    if (name !== null) byStage.set(name, (byStage.get(name) ?? 0) + us);
  }
  lines.push('', 'Time per stage (what parseUnguarded calls, with all below it):', '');
  for (const [name, us] of [...byStage].sort((a, b) => b[1] - a[1]).filter(([, us]) => us >= total / 200))
    lines.push(`${ms(us)} ${pct(us)}  ${name}`);
  return `${lines.join('\n')}\n`;
}

function shortPath(url) {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

/**
 * dist/ has no source maps; the src/ line is found by the function's name (`function name`,
 * `name(`, `name =`) or, for an anonymous function, by the text of its dist line.
 */
function sourceLine(r) {
  const dist = shortPath(r.url);
  if (!dist.startsWith('dist/') || !dist.endsWith('.js')) return null;
  const src = `src/${dist.slice(5, -3)}.ts`;
  if (!existsSync(join(ROOT, src))) return null;
  const srcLines = readFileSync(join(ROOT, src), 'utf8').split('\n');
  const name = r.functionName.replace(/^get |^set /, '');
  if (/^[\w$]+$/.test(name)) {
    // Definitions before uses: a declaration, then a method or property, then any mention.
    const patterns = [
      `function\\*?\\s+${name}\\b`,
      `(?:const|let|var)\\s+${name}\\s*[=:]`,
      `^\\s*(?:(?:public|private|protected|static|async|readonly)\\s+)*${name}\\s*[(<:=]`,
      `\\b${name}\\b`,
    ];
    for (const p of patterns) {
      const re = new RegExp(p);
      const i = srcLines.findIndex((l) => re.test(l));
      if (i >= 0) return `${src}:${i + 1}`;
    }
  }
  const distLine = readFileSync(join(ROOT, dist), 'utf8').split('\n')[r.lineNumber]?.trim() ?? '';
  const probe = distLine.slice(0, 40);
  if (probe.length >= 8) {
    const i = srcLines.findIndex((l) => l.trim().startsWith(probe));
    if (i >= 0) return `${src}:${i + 1}`;
  }
  return src;
}
