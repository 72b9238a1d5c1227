// Small helpers shared by the scripts: options, loading compiled harness modules, printing a suite result.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The value after `name` on the command line (`--port 8080`), or undefined. */
function option(name, argv = process.argv) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Loads a module from out/ with a clear message when the project has not been compiled. */
function requireBuilt(relative) {
  const file = path.join(ROOT, 'out', relative);
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run compile\` first`);
  }
  return require(file);
}

function printResult(result) {
  for (const failure of result.failures) console.log(`  ✗ ${failure}`);
  console.log(`[${result.suite}] ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} pending` : ''}`);
}

/**
 * Deletes compiled files in out/ whose TypeScript source is gone: a deleted or renamed test must not keep
 * running from a stale out/ (tsc never removes outputs). Orphans only, so parallel runs are not disturbed.
 */
function pruneOrphans() {
  const out = path.join(ROOT, 'out');
  if (!fs.existsSync(out)) return;
  for (const relative of fs.readdirSync(out, { recursive: true })) {
    const match = /^(.*)\.js(\.map)?$/.exec(relative);
    if (!match) continue;
    const source = path.join(ROOT, `${match[1]}.ts`);
    if (!fs.existsSync(source)) fs.rmSync(path.join(out, relative), { force: true });
  }
}

module.exports = { ROOT, option, requireBuilt, printResult, pruneOrphans };
