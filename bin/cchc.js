#!/usr/bin/env node
// CommonJS (bin/package.json), so that starting cchc does not start the ES module loader.
//
// Loads the bundled CLI (dist/cli/cchc.cjs) with V8's code cache for it, made by `npm run build`
// (scripts/bundle-cli.js): no module resolution, and no compilation of what the cache holds. V8
// rejects a cache made by another Node version and compiles as usual. Without the bundle, the
// modules in dist/ are loaded as they are.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');

// `cchc --version` needs nothing of the CLI: answered here, before the bundle is loaded (25 ms of
// reading and deserialising it), with what commander prints (test/cli-parse.test.ts compares them).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else start();

function start() {
  const { createRequire } = require('node:module');
  const { join } = require('node:path');

  const dir = join(__dirname, '..', 'dist', 'cli');
  const bundle = join(dir, 'cchc.cjs');

  if (existsSync(bundle)) {
    const { Script } = require('node:vm');
    const cacheFile = `${bundle}.cache`;
    // Set by scripts/bundle-cli.js: run once, then save what V8 compiled.
    const writeCache = process.env.CCHC_WRITE_CODE_CACHE === '1';
    const cachedData = !writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
    const source = readFileSync(bundle, 'utf8');
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
    const script = new Script(wrapper, { filename: bundle, cachedData });
    if (process.env.CCHC_DEBUG_STARTUP === '1') {
      const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
      process.stderr.write(`cchc: bundle ${bundle}, code cache ${cache}\n`);
    }
    const cli = { exports: {} };
    script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dir);
    cli.exports.main().then(() => {
      if (writeCache) writeFileSync(cacheFile, script.createCachedData());
    });
  } else {
    import('../dist/cli/main.js').then(({ main }) => main());
  }
}
