// Child process of row P4's cold scan: the first workspace scan in a freshly started process, as a user's
// first "Create Tasks from TODOs in the Workspace" runs in a freshly started extension host (no JIT warm-up).
//   scanCold.js SCANNER ROOT — loads the scanner bundle SCANNER (bench/support/scannerBundle.ts: minified, as
//   the extension ships it), scans ROOT once with a new ScanCache (as the extension does)
//   scanCold.js SCANNER ROOT KEPT VERSION — the same, the cache first restored from the results a previous
//   session kept in the file KEPT (scanCacheFile.ts: a returning user's first scan after VS Code restarted)
// Prints JSON {loadMs, scanMs, files, todos, mode, filesRead}: loadMs = requiring the scanner bundle,
// scanMs = reading the kept results (if any) + the scan;
// Node's own start is not counted (the extension host is running already when the user asks).
import { performance } from 'perf_hooks';
import type * as ScannerModule from './scannerEntry';

async function main(): Promise<void> {
  const [scanner, root, kept, version] = process.argv.slice(2);
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scanWorkspace, ScanCache, ScanCacheFile, fileScanStore } = require(scanner) as typeof ScannerModule;
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
  process.stdout.write(`${JSON.stringify({ loadMs: loaded - started, scanMs: done - loaded, files: result.files.length, todos, mode: result.stats.mode, filesRead: result.stats.filesRead })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
