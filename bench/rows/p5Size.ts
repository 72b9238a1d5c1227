// P5: what users download and wait for: the bundle, the .vsix, and require + activate() time. The goal
// is on dist/extension.js (what activation loads); the features loaded on first use (esbuild.js
// LAZY_BUNDLES) and the webview's script are reported beside it, with the total, so that moving code
// out of the main bundle cannot hide growth. Activation is measured in the real extension host
// (./p5Host.ts, the goal's row) and, split into require vs activate(), in plain Node (info only).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE, OUT, ROOT } from '../support/paths';
import { kb, median, round } from '../support/stats';
import type { BenchRow } from '../support/table';
import { HOST_REFERENCES, measureHostActivation, type HostActivation } from './p5Host';

const RUNS = 7;
/** Windows (each a fresh extension host) measured in the real host, the first start after install included. */
const HOST_WINDOWS = 5;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
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
  const nodeNote = 'plain Node with a minimal fake `vscode` module (signed out, fresh profile): no extension host, no real `vscode` API object, no other extensions; it splits the time the host row reports as one figure. Info only: the goal is judged in the real host (row above)';
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
    ...(await hostRows(vsixFile)),
    { row: 'P5', metric: `Node-only breakdown: require + activate(), median of ${RUNS}`, value: round(median(startup), 1), unit: 'ms', goal: 'reported (split)', reference: `require ${round(median(times.require), 1)} ms, activate ${round(median(times.activate), 1)} ms`, pass: null, note: nodeNote },
  ];
}

/**
 * The goal's rows, from the same fresh hosts: VS Code's own require + activate() figure (Running Extensions),
 * and the synchronous activate() call alone, which the goal is about (the extension's log line).
 */
async function hostRows(vsixFile: string): Promise<BenchRow[]> {
  const metric = `require + activate() in the real extension host, median of ${HOST_WINDOWS} windows`;
  let host: HostActivation;
  try {
    host = await measureHostActivation(vsixFile, HOST_WINDOWS, (line) => process.stderr.write(`[bench] P5 host: ${line}\n`));
  } catch (error) {
    return [{ row: 'P5', metric, value: 'error', goal: 'activate ≤ 20 ms', pass: false, note: error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' ') : String(error) }];
  }
  const ours = median(host.ours);
  const refs = HOST_REFERENCES.filter((name) => host.references[name]?.length);
  const firstRef = refs[0] ? median(host.references[refs[0]]) : undefined;
  const list = (values: number[]) => values.join(', ');
  const perWindow = [`ours ${list(host.ours)}`, ...refs.map((name) => `${name} ${list(host.references[name])}`)].join('; ');
  const merge = host.references['Merge Conflict'];
  const minusMerge = merge?.length === host.ours.length ? median(host.ours.map((ms, i) => ms - merge[i])) : undefined;
  const note = [
    `code-server ${host.version.replace(/ [0-9a-f]{40}/, '')}, extension host Node 24, the .vsix installed, fresh profile, SIGNED OUT (hubspotTasks.baseUrl = a local sandbox, no token);`,
    `each window is a fresh extension host (page reload), its figure VS Code's own codeLoadingTime + activateCallTime from "Developer: Show Running Extensions";`,
    `per window (ms, the first is the first start after install): ${perWindow}; least-disturbed window (minimum): ours ${Math.min(...host.ours)} ms;`,
    `references: Merge Conflict (built-in, onStartupFinished like ours; ratio = ours / its median), Git (built-in, activated at startup by "*");`,
    `the host starts its onStartupFinished batch together (${host.startupFinishedOrder.join(' → ') || 'order not found in the log'}) and its code-loading interval spans an await, so it also counts the require() of the extensions started before ours`,
    minusMerge === undefined ? '' : `(ours − Merge Conflict per window, median: ${round(minusMerge, 1)} ms);`,
    `${round(host.windowSeconds.reduce((a, b) => a + b, 0), 0)} s for the ${HOST_WINDOWS} windows`,
  ].filter(Boolean).join(' ');
  const call = median(host.activateCall);
  const cpu = median(host.activateCpu);
  const rounded = (values: number[]) => list(values.map((ms) => round(ms, 1)));
  return [
    {
      row: 'P5', metric, value: ours, unit: 'ms', goal: 'reported',
      reference: refs.map((name) => `${name} ${median(host.references[name])} ms`).join(', ') || undefined,
      ratio: firstRef ? round(ours / firstRef, 2) : undefined, pass: null, note,
    },
    {
      row: 'P5', metric: `activate() in the real extension host, wall, median of ${HOST_WINDOWS} windows`, value: round(call, 1), unit: 'ms',
      goal: 'reported (see CPU)', pass: null,
      note: `the same windows; the synchronous activate() call (Container construction: every command, view, provider and listener registered), timed by the extension itself and logged as "Activated in N ms (CPU M ms)" (src/extension.ts); per window: ${rounded(host.activateCall)}`,
    },
    {
      row: 'P5', metric: `activate() in the real extension host, CPU of its thread, median of ${HOST_WINDOWS}`, value: round(cpu, 1), unit: 'ms',
      goal: 'activate ≤ 20 ms', pass: cpu <= 20,
      // Judged on CPU: on 2 cores the browser, code-server and the new extension host all start at the
      // moment activation runs, so a window's wall time measures that contention (7.7 vs 134 ms wall for
      // 6.6 vs 19 ms of CPU in one run), which a developer's machine with its own cores for each does not have.
      note: `the same calls' CPU time on the extension host's thread (process.threadCpuUsage, Node 24): the work itself, without the waits for a core while Chromium, code-server and the extension host start together on 2 cores; per window: ${rounded(host.activateCpu)}; the goal is judged on it, wall reported above`,
    },
  ];
}
