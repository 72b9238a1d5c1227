// P5: what users download and wait for: the bundle, the .vsix, and require + activate() time. The goal
// is on dist/extension.js (what activation loads); the features loaded on first use (esbuild.js
// LAZY_BUNDLES) and the webview's script are reported beside it, with the total, so that moving code
// out of the main bundle cannot hide growth.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE, OUT, ROOT } from '../support/paths';
import { kb, median, round } from '../support/stats';
import type { BenchRow } from '../support/table';

const RUNS = 7;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

const MAIN = 'dist/extension.js';

/** Every bundle esbuild.js wrote, from its log: `[esbuild] dist/x.js 12.3 KB (… copied from …)`. */
function builtBundles(log: string): { file: string; bytes: number; copied?: string }[] {
  return [...log.matchAll(/^\[esbuild\] (\S+\.js) [\d.]+ KB(?: \((.*)\))?$/gm)].map((m) => ({
    file: m[1],
    bytes: fs.statSync(path.join(ROOT, m[1])).size,
    copied: m[2],
  }));
}

export async function p5Size(): Promise<BenchRow[]> {
  const bundles = builtBundles(run(process.execPath, ['esbuild.js', '--production']));
  const bundle = fs.statSync(path.join(ROOT, MAIN)).size;
  const total = bundles.reduce((sum, b) => sum + b.bytes, 0);
  fs.mkdirSync(CACHE, { recursive: true });
  const vsixFile = path.join(CACHE, 'hubspot-tasks.vsix');
  fs.rmSync(vsixFile, { force: true });
  run(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsixFile]);
  const vsix = fs.statSync(vsixFile).size;
  const times = { require: [] as number[], activate: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const sample = JSON.parse(run(process.execPath, [path.join(OUT, 'bench', 'child', 'activate.js')]).trim().split('\n').pop()!) as { requireMs: number; activateMs: number };
    times.require.push(sample.requireMs);
    times.activate.push(sample.activateMs);
  }
  const startup = times.require.map((r, i) => r + times.activate[i]);
  const note = 'measured in Node with a minimal fake `vscode` module (signed out, fresh profile), not in the real extension host: the in-host harness does not record activation time';
  return [
    { row: 'P5', metric: 'dist/extension.js (production)', value: kb(bundle), unit: 'KB', goal: '≤ 150 KB', pass: bundle <= 150 * 1024 },
    ...bundles.filter((b) => b.file !== MAIN).map((b): BenchRow => ({
      row: 'P5',
      metric: b.file.includes('/webview/') ? `${b.file} (webview page, browser)` : `${b.file} (loaded on first use)`,
      value: kb(b.bytes),
      unit: 'KB',
      goal: 'reported',
      pass: null,
      note: b.copied ? `copies of main-bundle modules in it: ${b.copied}` : undefined,
    })),
    { row: 'P5', metric: `all shipped JS (${bundles.length} bundles)`, value: kb(total), unit: 'KB', goal: 'reported', pass: null },
    { row: 'P5', metric: '.vsix', value: kb(vsix), unit: 'KB', goal: '≤ 400 KB', pass: vsix <= 400 * 1024 },
    { row: 'P5', metric: `require + activate(), median of ${RUNS}`, value: round(median(startup), 1), unit: 'ms', goal: 'activate ≤ 20 ms', reference: `require ${round(median(times.require), 1)} ms, activate ${round(median(times.activate), 1)} ms`, pass: median(times.activate) <= 20, note },
  ];
}
