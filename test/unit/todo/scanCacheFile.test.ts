// Scan results kept on disk between sessions (scanCacheFile.ts) over a real temporary folder and a real
// file store: a "new session" is a fresh ScanCache restored from the file the previous one saved (the same
// as after an extension host restart: nothing else is shared). Its first scan checks every file's size and
// mtime, reads only the changed ones, and finds exactly what a scan without the file finds; a corrupt, wrong
// shaped, other-version or other-settings file is ignored.
import * as assert from 'assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ScanCache } from '../../../src/todo/core/scanCache';
import { fileScanStore, ScanCacheFile, SCAN_CACHE_FORMAT } from '../../../src/todo/core/scanCacheFile';
import { scanWorkspace } from '../../../src/todo/core/workspaceScanner';
import type { ScanResult } from '../../../src/todo/core/treeScan';

let clock = 1_700_000_000;
const VERSION = `${SCAN_CACHE_FORMAT}/test`;

/** As JSON holds them: a field the parser set to undefined (author, linkedTaskId) is absent after a restore. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function found(result: ScanResult): string[] {
  return result.files.flatMap((f) => f.todos.map((t) => `${f.relativePath}:${t.range.line}:${t.text}`));
}

describe('ScanCacheFile: scan results kept between sessions', () => {
  let root: string;
  let storage: string;
  let file: string;
  const write = (relative: string, content: string) => {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    clock += 10;
    utimesSync(target, clock, clock);
  };
  const kept = (version = VERSION) => new ScanCacheFile({ store: fileScanStore(file), version, saveDelayMs: 1 });

  /** A session's first scan: a fresh cache, restored from the file when there is a usable one. */
  async function session(version = VERSION): Promise<{ restored: boolean; result: ScanResult; cache: ScanCache }> {
    const cache = new ScanCache();
    const restored = await kept(version).restore(cache);
    const result = await scanWorkspace({ root, cache });
    return { restored, result, cache };
  }

  async function save(cache: ScanCache, version = VERSION): Promise<void> {
    const store = kept(version);
    store.scheduleSave(cache);
    await store.flush();
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'todo-kept-'));
    storage = mkdtempSync(path.join(tmpdir(), 'todo-kept-storage-'));
    file = path.join(storage, 'nested', 'scan-cache.json');
    write('src/a.ts', '// TODO: one @deal:42 !high\n');
    write('src/b.py', 'x = 1\n# FIXME: two\n#   continued\n');
    write('src/none.ts', 'const x = 1;\n');
    write('lib/c.go', '/* HACK: three */\n');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('round trip: the next session reads no file and finds the same TODOs, to the last field', async () => {
    const first = await session();
    assert.strictEqual(first.restored, false, 'nothing kept yet');
    assert.strictEqual(first.result.stats.mode, 'full');
    await save(first.cache);
    assert.ok(existsSync(file));
    assert.deepStrictEqual(readdirSync(path.dirname(file)), ['scan-cache.json'], 'no temporary file left behind');

    const second = await session();
    assert.strictEqual(second.restored, true);
    assert.strictEqual(second.result.stats.mode, 'validate', 'restored results are checked by size and mtime');
    assert.strictEqual(second.result.stats.filesRead, 0);
    assert.strictEqual(second.result.stats.filesReused, 4);
    assert.deepStrictEqual(plain(second.result.files), plain(first.result.files));
  });

  it('a file changed, added or deleted while closed is seen: only the changed and new ones are read', async () => {
    await save((await session()).cache);
    write('src/a.ts', '// TODO: one, edited while VS Code was closed\n');
    write('src/new.ts', '// TODO: new\n');
    rmSync(path.join(root, 'lib'), { recursive: true });

    const next = await session();
    assert.strictEqual(next.restored, true);
    assert.strictEqual(next.result.stats.filesRead, 2, 'the edited and the new file');
    assert.deepStrictEqual(found(next.result), ['src/a.ts:0:one, edited while VS Code was closed', 'src/b.py:1:two continued', 'src/new.ts:0:new']);
    const fresh = await scanWorkspace({ root });
    assert.deepStrictEqual(plain(next.result.files), plain(fresh.files), 'the same as a scan without kept results');
  });

  it('a corrupt or wrongly shaped file is ignored and removed; the scan reads everything', async () => {
    await save((await session()).cache);
    const good = JSON.parse(readFileSync(file, 'utf8')) as { files: unknown[][] };
    const withTodos = good.files.findIndex((f) => f[4] !== null);
    const broken: string[] = [
      readFileSync(file, 'utf8').slice(0, 100),
      'null',
      JSON.stringify({ ...good, files: {} }),
      JSON.stringify({ ...good, files: good.files.map((f, i) => (i === withTodos ? [f[0], f[1], f[2], f[3], { ...(f[4] as object), todos: [{ tag: 'TODO' }] }] : f)) }),
      JSON.stringify({ ...good, files: good.files.map((f, i) => (i === 0 ? [f[0], -1, f[2], f[3], f[4]] : f)) }),
    ];
    for (const text of broken) {
      writeFileSync(file, text);
      const next = await session();
      assert.strictEqual(next.restored, false, text.slice(0, 80));
      assert.strictEqual(next.result.stats.mode, 'full');
      assert.strictEqual(next.result.stats.filesRead, 4);
      assert.strictEqual(existsSync(file), false, 'the unusable file is removed');
    }
  });

  it('another version (a new extension) discards the file; other settings ignore it', async () => {
    await save((await session()).cache);
    const other = await session(`${SCAN_CACHE_FORMAT}/next`);
    assert.strictEqual(other.restored, false);
    assert.strictEqual(other.result.stats.filesRead, 4);
    assert.strictEqual(existsSync(file), false);

    await save((await session()).cache);
    const cache = new ScanCache();
    assert.strictEqual(await kept().restore(cache), true);
    const tagged = await scanWorkspace({ root, cache, tags: ['HACK'] });
    assert.strictEqual(tagged.stats.mode, 'full', 'kept results of other tags are not used');
    assert.deepStrictEqual(found(tagged), ['lib/c.go:0:three']);
  });

  it('results above the size bound are not written (and an older file goes)', async () => {
    const { cache } = await session();
    await save(cache);
    const store = new ScanCacheFile({ store: fileScanStore(file), version: VERSION, maxBytes: 100, saveDelayMs: 1 });
    store.scheduleSave(cache);
    await store.flush();
    assert.strictEqual(existsSync(file), false);
  });
});
