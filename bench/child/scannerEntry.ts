// What bench/child/scanCold.ts loads, bundled the way the extension ships its code (bench/support/scannerBundle.ts):
// the workspace scan, its cache and the file that keeps the cache between sessions.
export { scanWorkspace } from '../../src/todo/core/workspaceScanner';
export { ScanCache } from '../../src/todo/core/scanCache';
export { fileScanStore, ScanCacheFile } from '../../src/todo/core/scanCacheFile';
