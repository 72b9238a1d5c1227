#!/usr/bin/env node
// The in-host suite under code-server (offline). Expects out/ (npm run compile) and dist/ (npm run build).
//   node scripts/test-integration.js [--grep PATTERN] [--timeout SECONDS]
// Writes its result to $HARNESS_RESULT_FILE when set (scripts/test-all.js reads it); exits 1 on any failure.
'use strict';

const { option, requireBuilt, printResult, pruneOrphans } = require('./lib/cli');

async function main() {
  pruneOrphans();
  const { runInHostSuite } = requireBuilt('test/harness/inHost.js');
  const { writeResult } = requireBuilt('test/harness/results.js');
  const timeout = option('--timeout');
  const result = await runInHostSuite({ grep: option('--grep'), timeoutMs: timeout ? Number(timeout) * 1000 : undefined });
  writeResult(process.env.HARNESS_RESULT_FILE, result);
  printResult(result);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
