#!/usr/bin/env node
// The browser e2e suite: mocha in Node, Playwright + Debian's Chromium against code-server with the packaged
// .vsix (dist/hubspot-tasks.vsix) and the sandbox (demo seed). Expects out/ (npm run compile) and the .vsix
// (npm run package). Extra arguments go to mocha (e.g. --grep "Sign"). Screenshots: test-results/screenshots/.
'use strict';

const path = require('path');
const { spawn } = require('child_process');
const { ROOT, pruneOrphans } = require('./lib/cli');

pruneOrphans();

const args = [
  path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'),
  '--require', 'out/test/e2e/support/hooks.js',
  '--reporter', path.join(__dirname, 'lib', 'summaryReporter.js'),
  '--timeout', '180000',
  '--slow', '15000',
  '--exit',
  'out/test/e2e/**/*.test.js',
  // The README's pictures (npm run pictures) are made by their own suite: its flows are each tested by
  // another file, so `npm test` leaves it out (≈2 min of theme switches and screenshots).
  ...(process.env.HUBSPOT_E2E_PICTURES === '1' ? [] : ['--ignore', 'out/test/e2e/pictures.test.js']),
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { HARNESS_SUITE: 'e2e', ...process.env } });
// Ctrl-C reaches mocha too (same process group); it stops the stack in its own handler. Just wait for it.
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
