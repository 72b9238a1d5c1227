// The scan cache over a real temporary folder: a repeat scan reads only files whose size or mtime changed;
// with a watcher, only the paths it reported (new, changed, deleted files and folders), and a .gitignore
// edit walks again; a cancelled scan hands its changes to the next; a cancel stops the scan within a slice.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ScanCache } from '../../../src/todo/core/scanCache';
import { scanWorkspace } from '../../../src/todo/core/workspaceScanner';
import type { ScanResult } from '../../../src/todo/core/treeScan';

/** Seconds since the epoch, well in the past: a file written now is not "racy" at that mtime. */
let clock = 1_700_000_000;

function found(result: ScanResult): string[] {
  return result.files.flatMap((f) => f.todos.map((t) => `${f.relativePath}:${t.range.line}:${t.text}`));
}

describe('ScanCache: reuse by path, size and mtime; watcher-reported changes', () => {
  let root: string;
  const write = (relative: string, content: string) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    clock += 10;
    utimesSync(file, clock, clock);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'todo-cache-'));
    write('.gitignore', 'ignored/\n');
    write('src/a.ts', '// TODO: one\n');
    write('src/b.py', 'x = 1\n# FIXME: two\n');
    write('src/none.ts', 'const x = 1;\n');
    write('lib/c.go', '// HACK: three\n');
    write('ignored/d.ts', '// TODO: ignored\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a repeat scan reads only what changed on disk, and sees new and deleted files', async () => {
    const cache = new ScanCache();
    const first = await scanWorkspace({ root, cache });
    assert.strictEqual(first.stats.mode, 'full');
    assert.strictEqual(first.stats.filesRead, 5, 'four sources and the .gitignore (a language of its own)');
    assert.deepStrictEqual(found(first), ['lib/c.go:0:three', 'src/a.ts:0:one', 'src/b.py:1:two']);

    const again = await scanWorkspace({ root, cache });
    assert.strictEqual(again.stats.mode, 'validate');
    assert.strictEqual(again.stats.filesRead, 0);
    assert.strictEqual(again.stats.filesReused, 5);
    assert.deepStrictEqual(found(again), found(first));

    write('src/a.ts', '// TODO: one, edited\n');
    write('src/new.ts', '// TODO: new\n');
    rmSync(path.join(root, 'lib'), { recursive: true });
    const third = await scanWorkspace({ root, cache });
    assert.strictEqual(third.stats.filesRead, 2, 'the edited and the new file');
    assert.deepStrictEqual(found(third), ['src/a.ts:0:one, edited', 'src/b.py:1:two', 'src/new.ts:0:new']);
    assert.strictEqual(cache.size, 5, 'the deleted file is forgotten, the new one added');
  });

  it('other settings (tags) empty the cache', async () => {
    const cache = new ScanCache();
    await scanWorkspace({ root, cache });
    const fixmes = await scanWorkspace({ root, cache, tags: ['FIXME'] });
    assert.strictEqual(fixmes.stats.mode, 'full');
    assert.deepStrictEqual(found(fixmes), ['src/b.py:1:two']);
  });

  it('with a watcher: reads only the reported files and new ones, no stat of the rest; a .gitignore edit checks all again', async () => {
    const cache = new ScanCache();
    cache.watching();
    await scanWorkspace({ root, cache });

    write('src/a.ts', '// TODO: one, edited\n');
    cache.changed(path.join(root, 'src', 'a.ts'));
    write('pkg/deep/e.rb', '# TODO: in a new folder\n');
    cache.changed(path.join(root, 'pkg', 'deep', 'e.rb'));
    write('ignored/f.ts', '// TODO: still ignored\n');
    cache.changed(path.join(root, 'ignored', 'f.ts'));
    // Not reported yet (the watcher's delay): a new file and a deleted folder are still seen by the walk.
    write('src/unreported.ts', '// TODO: new, not reported yet\n');
    rmSync(path.join(root, 'lib'), { recursive: true });
    // Changed on disk but never reported: an incremental scan trusts the watcher and does not look.
    write('src/b.py', '# FIXME: two, unreported\n');

    const incremental = await scanWorkspace({ root, cache });
    assert.strictEqual(incremental.stats.mode, 'incremental');
    assert.strictEqual(incremental.stats.filesRead, 3, 'the reported a.ts, the new e.rb and unreported.ts; nothing else read, none stat-checked');
    assert.strictEqual(incremental.stats.filesReused, 3);
    assert.deepStrictEqual(found(incremental), ['pkg/deep/e.rb:0:in a new folder', 'src/a.ts:0:one, edited', 'src/b.py:1:two', 'src/unreported.ts:0:new, not reported yet']);

    write('.gitignore', 'ignored/\nsrc/a.ts\n');
    cache.changed(path.join(root, '.gitignore'));
    const walked = await scanWorkspace({ root, cache });
    assert.strictEqual(walked.stats.mode, 'validate');
    assert.deepStrictEqual(found(walked), ['pkg/deep/e.rb:0:in a new folder', 'src/b.py:0:two, unreported', 'src/unreported.ts:0:new, not reported yet']);
  });

  it('with a watcher, files in a folder that appeared unreported (mkdir -p: never watched) are checked by size and mtime', async () => {
    const cache = new ScanCache();
    cache.watching();
    await scanWorkspace({ root, cache });
    // gen/ and gen/deep/ made at once: VS Code's inotify watcher reports gen/ and watches it, but sees gen/deep/
    // only if it watched gen/ before gen/deep/ was made (on Linux often not: then nothing in it is ever reported).
    write('gen/deep/g.ts', '// TODO: generated\n');
    write('gen/top.ts', '// TODO: top\n');
    cache.changed(path.join(root, 'gen'));
    const first = await scanWorkspace({ root, cache });
    assert.strictEqual(first.stats.mode, 'incremental');
    assert.ok(found(first).includes('gen/deep/g.ts:0:generated'), 'a new file is found by the walk');

    // Rewritten later, never reported.
    write('gen/deep/g.ts', '// TODO: regenerated\n');
    write('gen/top.ts', '// TODO: top, unreported\n');
    const next = await scanWorkspace({ root, cache });
    assert.strictEqual(next.stats.mode, 'incremental');
    assert.strictEqual(next.stats.filesRead, 1, 'only g.ts, found changed by its size and mtime');
    assert.ok(found(next).includes('gen/deep/g.ts:0:regenerated'), 'the folder the watcher may not watch is checked');
    assert.ok(found(next).includes('gen/top.ts:0:top'), 'a folder whose creation was reported is watched: trusted, not checked');

    // Its creation reported late (after the scan that found it): watched from then on.
    cache.changed(path.join(root, 'gen', 'deep'));
    await scanWorkspace({ root, cache });
    write('gen/deep/g.ts', '// TODO: regenerated again\n');
    const reported = await scanWorkspace({ root, cache });
    assert.strictEqual(reported.stats.filesRead, 0);
    assert.ok(found(reported).includes('gen/deep/g.ts:0:regenerated'), 'trusted again: the unreported rewrite is not looked for');
  });

  it('with a watcher, a folder whose mtime is unchanged is not listed again; a changed one is', async () => {
    const dirs = ['', 'src', 'lib', 'ignored'];
    const age = () => dirs.forEach((d) => utimesSync(path.join(root, d), clock, clock));
    age();
    const cache = new ScanCache();
    cache.watching();
    await scanWorkspace({ root, cache });
    // A file slipped into lib/ with lib's mtime put back: only a fresh listing could see it.
    write('lib/hidden.go', '// TODO: behind an old folder mtime\n');
    utimesSync(path.join(root, 'lib'), clock - 10, clock - 10);
    const reused = await scanWorkspace({ root, cache });
    assert.strictEqual(reused.stats.mode, 'incremental');
    assert.ok(!found(reused).some((t) => t.startsWith('lib/hidden.go')), 'lib/ listed from the cache');
    write('src/new.ts', '// TODO: in a folder whose mtime moved\n');
    const listed = await scanWorkspace({ root, cache });
    assert.ok(found(listed).includes('src/new.ts:0:in a folder whose mtime moved'), 'src/ listed again');
  });

  it('a cancelled scan hands the reported changes to the next one', async () => {
    const cache = new ScanCache();
    cache.watching();
    await scanWorkspace({ root, cache });
    write('src/a.ts', '// TODO: one, edited\n');
    cache.changed(path.join(root, 'src', 'a.ts'));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scanWorkspace({ root, cache, signal: controller.signal }), { name: 'AbortError' });
    const next = await scanWorkspace({ root, cache });
    assert.strictEqual(next.stats.mode, 'incremental');
    assert.deepStrictEqual(found(next), ['lib/c.go:0:three', 'src/a.ts:0:one, edited', 'src/b.py:1:two']);
  });

  it('a cancel during a scan stops it within one slice (≤ 100 ms)', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `// TODO: item ${i}`).join('\n');
    for (let i = 0; i < 400; i++) {
      write(`many/f${i}.ts`, lines);
    }
    const controller = new AbortController();
    let abortedAt = 0;
    let slices = 0;
    const scan = scanWorkspace({
      root, signal: controller.signal, sliceMs: 5,
      onProgress: (stats) => {
        if (++slices === 2) {
          assert.ok(stats.filesRead < 400, 'cancelled mid-scan');
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await assert.rejects(scan, { name: 'AbortError' });
    assert.ok(abortedAt > 0, 'progress was reported');
    const latency = performance.now() - abortedAt;
    assert.ok(latency < 100, `stopped ${latency.toFixed(1)} ms after the cancel`);
  });
});
