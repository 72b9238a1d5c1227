#!/usr/bin/env node
// The in-host suite under code-server (offline). Expects out/ (npm run compile) and dist/ (npm run build).
//   node scripts/test-integration.js [--grep PATTERN] [--timeout SECONDS] [--locale qps-ploc]
// Two runs: every suite in English, then the suites of test/integration/l10n/ under the pseudo locale
// (scripts/l10n.js pseudo: every localised text wrapped in ⟦ ⟧), each in a fresh code-server. `--grep` runs
// the English run only; `--locale` the locale run only.
// Writes its result to $HARNESS_RESULT_FILE when set (scripts/test-all.js reads it); exits 1 on any failure.
'use strict';

const { option, requireBuilt, printResult, pruneOrphans } = require('./lib/cli');
const l10n = require('./l10n');

async function main() {
  pruneOrphans();
  const { runInHostSuite } = requireBuilt('test/harness/inHost.js');
  const { writeResult } = requireBuilt('test/harness/results.js');
  const timeout = option('--timeout');
  const timeoutMs = timeout ? Number(timeout) * 1000 : undefined;
  const grep = option('--grep');
  const locale = option('--locale');
  const results = [];
  if (!locale) {
    results.push(await runInHostSuite({ grep, timeoutMs }));
  }
  if (locale || !grep) {
    l10n.writePseudo();
    results.push(await runInHostSuite({ locale: locale ?? l10n.PSEUDO_LOCALE, timeoutMs }));
  }
  const result = results.reduce((all, one) => ({
    suite: 'in-host',
    passed: all.passed + one.passed,
    failed: all.failed + one.failed,
    pending: (all.pending ?? 0) + (one.pending ?? 0),
    failures: [...all.failures, ...one.failures.map((f) => (one.suite === 'in-host' ? f : `[${one.suite}] ${f}`))],
  }));
  writeResult(process.env.HARNESS_RESULT_FILE, result);
  printResult(result);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
