#!/usr/bin/env node
// The SAME in-host suite (out/test/integration/index.js) under desktop VS Code via @vscode/test-electron, for
// machines that can download VS Code (this project's own machines cannot: it fails at once with ENOTFOUND;
// `npm test` uses code-server instead). Same preparation as the code-server run: fresh folders, the sandbox
// (demo seed) started for the run, its URL in $HUBSPOT_SANDBOX_URL and in the user setting hubspotTasks.baseUrl.
//   node scripts/test-electron.js [--vscode-version stable|1.100.0]
'use strict';

const fs = require('fs');
const path = require('path');
const { ROOT, option, requireBuilt, printResult } = require('./lib/cli');

async function main() {
  const { runTests } = require('@vscode/test-electron');
  const { createRunDirs, writeUserSettings, copyTree } = requireBuilt('test/harness/runDirs.js');
  const { startSandbox } = requireBuilt('test/harness/sandbox.js');
  const { SAMPLE_WORKSPACE } = requireBuilt('test/harness/paths.js');
  const { readResult } = requireBuilt('test/harness/results.js');
  const { tuningEnv } = requireBuilt('test/harness/tuning.js');

  const dirs = createRunDirs('electron');
  copyTree(SAMPLE_WORKSPACE, dirs.workspace);
  const sandbox = await startSandbox({ seed: 'demo' });
  const resultFile = path.join(dirs.root, 'in-host-result.json');
  writeUserSettings(dirs, { 'hubspotTasks.baseUrl': sandbox.url });
  let code;
  try {
    code = await runTests({
      version: option('--vscode-version') ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: { HUBSPOT_SANDBOX_URL: sandbox.url, HUBSPOT_TEST_RESULT_FILE: resultFile, ...tuningEnv() },
      launchArgs: [
        dirs.workspace,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (error) {
    console.error(`[test-electron] ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  } finally {
    await sandbox.close();
  }
  const result = { suite: 'in-host (electron)', passed: 0, failed: 0, pending: 0, failures: [], ...(readResult(resultFile) ?? {}) };
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.failures.push(`VS Code exited with ${code}`);
  }
  if (fs.existsSync(resultFile) || code !== 0) printResult(result);
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
