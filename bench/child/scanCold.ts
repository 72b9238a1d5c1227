// Child process of row P4's cold scan: the first workspace scan in a freshly started process, as a user's
// first "Create Tasks from TODOs in the Workspace" runs in a freshly started extension host (no JIT warm-up).
//   scanCold.js ROOT — loads the scanner, scans ROOT once with a new ScanCache (as the extension does)
//   scanCold.js ROOT KEPT VERSION — the same, the cache first restored from the results a previous session
//   kept in the file KEPT (scanCacheFile.ts: a returning user's first scan after VS Code restarted)
// Prints JSON {loadMs, scanMs, files, todos, byWorker, mode, filesRead}: loadMs = requiring the scanner
// modules, scanMs = reading the kept results (if any) + the scan;
// Node's own start is not counted (the extension host is running already when the user asks).
import { performance } from 'perf_hooks';
import type * as CacheModule from '../../src/todo/core/scanCache';
import type * as CacheFileModule from '../../src/todo/core/scanCacheFile';
import type * as ScannerModule from '../../src/todo/core/workspaceScanner';

async function main(): Promise<void> {
  const [root, kept, version] = process.argv.slice(2);
  const started = performance.now();
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { scanWorkspace } = require('../../src/todo/core/workspaceScanner') as typeof ScannerModule;
  const { ScanCache } = require('../../src/todo/core/scanCache') as typeof CacheModule;
  const { ScanCacheFile, fileScanStore } = require('../../src/todo/core/scanCacheFile') as typeof CacheFileModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const loaded = performance.now();
  const cache = new ScanCache();
  if (kept) {
    if (!(await new ScanCacheFile({ store: fileScanStore(kept), version }).restore(cache))) {
      throw new Error(`no usable kept results in ${kept}`);
    }
  }
  const result = await scanWorkspace({ root, cache });
  const done = performance.now();
  const todos = result.files.reduce((n, f) => n + f.todos.length, 0);
  process.stdout.write(`${JSON.stringify({ loadMs: loaded - started, scanMs: done - loaded, files: result.files.length, todos, byWorker: result.stats.filesParsedByWorker, mode: result.stats.mode, filesRead: result.stats.filesRead })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
