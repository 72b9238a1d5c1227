#!/usr/bin/env node
// `npm run bench [-- --rows=P1,P4]`: compile (tsc → out/), make sure ripgrep (P4's reference) is there,
// then run the benchmark rows (bench/main.ts): ONE table on stdout, the same as JSON in
// bench/results/latest.json. Rows and goals: bench/README.md.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const node = process.execPath;

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options }).status;
}

function hasRipgrep() {
  return spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;
}

function ensureRipgrep() {
  if (hasRipgrep()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('[bench] ripgrep (rg) is missing: install it (Debian: apt-get install ripgrep) for row P4');
    return;
  }
  console.error('[bench] installing ripgrep (Debian package) for row P4…');
  run('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  run('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function main() {
  const started = Date.now();
  console.error('[bench] compiling (npm run compile)…');
  const compiled = run(node, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit', 'false', '--outDir', 'out'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const entry = path.join(ROOT, 'out', 'bench', 'main.js');
  if (compiled !== 0) {
    // tsc still emits on type errors (possibly in files unrelated to the benchmarks): go on when it did.
    console.error(`[bench] tsc reported type errors (exit ${compiled}); running what was emitted`);
    if (!fs.existsSync(entry)) process.exit(1);
  }
  ensureRipgrep();
  const status = run(node, [entry, ...process.argv.slice(2)]);
  console.error(`[bench] total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(status ?? 1);
}

main();
