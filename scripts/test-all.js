#!/usr/bin/env node
// `npm test`: every check and every suite, in order, never stopping early, then ONE final line
// `N passed, N failed` (all suites summed; each build step counts as one check) and a non-zero exit on any
// failure. Steps: lint, type check + compile (out/), bundle (dist/), package (.vsix), unit suite (Node mocha),
// provisioning (.vscode-test/), in-host suite (code-server's extension host), browser e2e suite.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { ROOT, pruneOrphans } = require('./lib/cli');

const bin = (pkg, file) => path.join(ROOT, 'node_modules', pkg, file);
const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @type {Array<{ name: string, command: string[], suite?: boolean, needs?: string }>} */
const STEPS = [
  { name: 'lint', command: [npm, 'run', '--silent', 'lint'] },
  { name: 'type check + compile', command: [node, bin('typescript', 'bin/tsc'), '-p', '.', '--noEmit', 'false', '--outDir', 'out'] },
  { name: 'bundle', command: [node, 'esbuild.js', '--production'] },
  { name: 'package .vsix', command: [node, bin('@vscode/vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', 'dist/hubspot-tasks.vsix'] },
  {
    name: 'unit',
    suite: true,
    command: [node, bin('mocha', 'bin/mocha.js'), '--config', 'test/unit/.mocharc.json', '--reporter', path.join(__dirname, 'lib', 'summaryReporter.js')],
  },
  // Started in the background at the beginning (a cold install takes minutes, mostly waiting on the registry
  // and on native builds) and awaited here, so it overlaps lint, compile and the unit suite.
  { name: 'provisioning', background: true, command: [node, 'scripts/provision.js'] },
  { name: 'in-host', suite: true, needs: 'provisioning', command: [node, 'scripts/test-integration.js'] },
  { name: 'e2e', suite: true, needs: 'provisioning', command: [node, 'scripts/test-e2e.js'] },
];

let interrupted = false;

async function main() {
  const started = Date.now();
  pruneOrphans();
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubspot-tasks-results-'));
  const rows = [];
  const failedSteps = new Set();
  process.on('SIGINT', () => {
    // Children share our process group and got the same Ctrl-C; they stop their own servers. Run no more.
    interrupted = true;
  });

  const background = new Map();
  for (const step of STEPS.filter((s) => s.background)) {
    const logFile = path.join(resultsDir, `${step.name}.log`);
    const out = fs.openSync(logFile, 'w');
    background.set(step.name, { logFile, exit: run(step.command, {}, ['ignore', out, out]) });
  }

  for (const step of STEPS) {
    if (interrupted) break;
    const stepStarted = Date.now();
    console.log(`\n━━ ${step.name} ━━`);
    let row;
    if (step.needs && failedSteps.has(step.needs)) {
      row = { name: step.name, passed: 0, failed: 1, failures: [`not run: ${step.needs} failed`] };
    } else if (background.has(step.name)) {
      const { logFile, exit } = background.get(step.name);
      const code = await exit;
      process.stdout.write(fs.readFileSync(logFile, 'utf8'));
      row = { name: step.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, failures: code === 0 ? [] : [`exited with ${code}`] };
    } else {
      const resultFile = path.join(resultsDir, `${step.name.replace(/\W+/g, '-')}.json`);
      const code = await run(step.command, { HARNESS_RESULT_FILE: resultFile, HARNESS_SUITE: step.name });
      row = step.suite ? suiteRow(step.name, code, resultFile) : { name: step.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, failures: code === 0 ? [] : [`exited with ${code}`] };
    }
    row.seconds = (Date.now() - stepStarted) / 1000; // for a background step: the time waited for it
    if (row.failed > 0) failedSteps.add(step.name);
    rows.push(row);
  }
  fs.rmSync(resultsDir, { recursive: true, force: true });

  console.log('\n━━ summary ━━');
  for (const row of rows) {
    console.log(`${row.failed ? '✗' : '✓'} ${row.name.padEnd(22)} ${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed  ${row.seconds.toFixed(0).padStart(4)} s`);
    for (const failure of row.failures.slice(0, 20)) console.log(`    - ${failure.split('\n')[0]}`);
  }
  if (interrupted) console.log('interrupted: the remaining steps did not run');
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const passed = rows.reduce((sum, row) => sum + row.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.failed, 0) + (interrupted ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** A suite's counts from its JSON result; a crash or a non-zero exit without a counted failure is one failure. */
function suiteRow(name, code, resultFile) {
  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    return { name, passed: 0, failed: 1, failures: [`no result (exit ${code}): the suite crashed before reporting`] };
  }
  const row = { name, passed: result.passed, failed: result.failed, failures: result.failures };
  if (code !== 0 && row.failed === 0) {
    row.failed = 1;
    row.failures.push(`exited with ${code} although no test failed (an after-all hook or the harness failed; see above)`);
  }
  return row;
}

function run(command, env, stdio = 'inherit') {
  return new Promise((resolve) => {
    const running = spawn(command[0], command.slice(1), { cwd: ROOT, stdio, env: { ...process.env, ...env } });
    running.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    running.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
