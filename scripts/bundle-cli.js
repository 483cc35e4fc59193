// Start-up: bundles the CLI into one CommonJS file (dist/cli/cchc.cjs) and stores V8's compiled code
// for it (dist/cli/cchc.cjs.cache), so `cchc` neither resolves forty modules nor compiles them again
// on every run. Node 20 has no compile cache for ES modules (`module.enableCompileCache` is Node 22),
// but `vm.Script` takes V8 code-cache data; bin/cchc.js loads the bundle with it, and falls back to
// dist/cli/main.js when the bundle is missing. V8 checks the data against its own version, its flags
// and the source: a cache made by another Node is rejected and the code is compiled as usual.
//
// The cache is written after the bundle has parsed the bundled plans (fixtures/), so it also holds
// the parser's functions, which V8 compiles lazily on first use. Run by `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli', 'cchc.cjs');
rmSync(`${outfile}.cache`, { force: true });

// Libraries that only some commands or options use, each bundled into a file of its own beside the
// CLI and required from it when first used: half the code of the bundle, which every run would read
// otherwise (`cchc parse plan.txt` needs none of them). Module specifier → file in dist/cli/vendor/.
const VENDOR = {
  yaml: 'yaml.cjs', // --format yaml, --lexicon, --status
  'fast-glob': 'fast-glob.cjs', // directories and globs among the inputs
  'cli-table3': 'cli-table3.cjs', // tables on a terminal
  'csv-stringify/sync': 'csv-stringify.cjs', // export, --format csv
};
rmSync(join(root, 'dist', 'cli', 'vendor'), { recursive: true, force: true });
for (const [specifier, file] of Object.entries(VENDOR)) {
  await build({
    // The library's own CommonJS exports, as `require` would give them in dist/.
    stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: root },
    outfile: join(root, 'dist', 'cli', 'vendor', file),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}
const vendorFilter = new RegExp(
  `^(${Object.keys(VENDOR)
    .map((s) => s.replace(/[/.-]/g, '\\$&'))
    .join('|')})$`,
);
// `import('yaml')` becomes a small bundled module that requires the library's file at run time: an
// external `import()` would stay one, and vm.Script (bin/cchc.js) has no loader for it.
const vendor = {
  name: 'vendor',
  setup(b) {
    b.onResolve({ filter: vendorFilter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./vendor/${VENDOR[args.path]}`)});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'vendor' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// commander requires node:child_process as it loads (5 ms: it brings net, dgram and readline), for
// git-style subcommand executables, which cchc has none of. It gets the module on first use instead:
// its only use is `childProcess.spawn(…)`, a property read.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  plugins: [vendor, lazyChildProcess],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The modules read files beside themselves (package.json, the worker): the bundle sits in
  // dist/cli/, where dist/cli/run.js does, and the worker is found from there.
  define: { 'import.meta.url': '__cchcModuleUrl' },
  banner: { js: "const __cchcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// Warm up on the bundled plans, then let bin/cchc.js write the code cache as the process ends.
const fixtures = join(root, 'fixtures');
const plans = existsSync(fixtures)
  ? readdirSync(fixtures)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(fixtures, f))
  : [];
const args = plans.length > 0 ? ['parse', '--quiet', ...plans] : ['--version'];
const run = spawnSync(process.execPath, [join(root, 'bin', 'cchc.js'), ...args], {
  env: { ...process.env, CCHC_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0 || !existsSync(`${outfile}.cache`)) {
  process.stderr.write(
    `bundle-cli: no code cache was written (exit ${run.status}); cchc still runs, only slower to start\n`,
  );
}
