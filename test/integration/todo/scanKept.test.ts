// The workspace TODO scan's results kept between sessions, in the real extension host: a scan saves them in
// the extension's workspace storage (context.storageUri), and the next session's first scan starts from them.
// Restarting the extension host inside its own test run is not possible, so the next session is simulated
// the way the next host builds it: a fresh TodoWorkspaceLoader (fresh folder caches, no watcher history) over
// the same storage folder and the extension's own version. It checks every file by size and mtime, reads the
// one edited "while VS Code was closed" (and any other suites changed since the save), and finds
// the same TODOs a session with nothing kept finds. And the linked-TODO index's start-up scan goes through the
// same folder cache, so a session's first workspace command after it reads only what changed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import { createCodeLinks } from '../../../src/todo/codeLinks/codeLinks';
import { languageForFile } from '../../../src/todo/core/languages';
import { DEFAULT_TAGS, findTodos } from '../../../src/todo/core/todoParser';
import type { ScanStats } from '../../../src/todo/core/treeScan';
import { DocumentTodos } from '../../../src/todo/documentTodos';
import { readTodoSettings, secretFileMatcher } from '../../../src/todo/todoSettings';
import { TodoWorkspaceLoader } from '../../../src/todo/workspace/todoWorkspaceLoader';
import type { TodoCandidate } from '../../../src/todo/creation/todoCreator';
import { waitFor } from '../../support/waitFor';
import { resetHooks, testHooks } from '../support/extension';
import { signedInContainer } from '../tree/treeSupport';
import { workspaceRoot } from './support';

const FOLDER = 'scan-kept-it';
const FILES = 300;

function ours(candidates: readonly TodoCandidate[]): string[] {
  return candidates.filter((t) => t.relativePath.startsWith(`${FOLDER}/`)).map((t) => `${t.relativePath}:${t.todo.range.line}:${t.todo.text}`).sort();
}

describe('Workspace TODO scan: results kept between sessions (in-host)', function () {
  this.timeout(120_000);
  let c: Container;
  let hooks: TestHooks;
  let root: string;
  const loaders: TodoWorkspaceLoader[] = [];

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    root = path.join(workspaceRoot().fsPath, FOLDER);
    // Written well in the past: a file modified within moments of a scan is never trusted by its stat.
    const past = Date.now() / 1000 - 3600;
    for (let i = 0; i < FILES; i++) {
      const file = path.join(root, `d${i % 10}`, `f${i}.ts`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `export const x${i} = ${i};\n// TODO: kept item ${i}\n`);
      fs.utimesSync(file, past, past);
    }
  });

  after(() => {
    resetHooks(hooks);
    loaders.forEach((l) => l.dispose());
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A session as the next extension host would build it: fresh caches over `storage` (or none). */
  function newSession(storage: string | undefined, onScanned: (stats: ScanStats) => void): TodoWorkspaceLoader {
    const session = new TodoWorkspaceLoader({
      notify: c.notify, linked: c.todo.linked, log: c.log,
      hooks: { onScanned: (_root, s) => onScanned({ ...s }) },
      scanStorage: storage === undefined ? undefined : { dir: storage, extensionVersion: String(c.context.extension.packageJSON.version) },
    });
    loaders.push(session);
    return session;
  }

  async function nextSession(storage: string | undefined): Promise<{ todos: TodoCandidate[]; stats: ScanStats }> {
    let stats: ScanStats | undefined;
    const todos = await newSession(storage, (s) => (stats = s)).todos();
    assert.ok(stats, 'the scan reported its stats');
    return { todos, stats };
  }

  it('a scan saves its results in workspace storage; the next session reads only what changed since, and finds the same', async () => {
    const storage = c.context.storageUri?.fsPath;
    assert.ok(storage, 'the test workspace has workspace storage');
    await c.todo.workspace.todos();
    // The save is debounced after the scan: wait for the kept file whose entry for one of this folder's files
    // has the file's size and mtime (not a file an earlier run left there).
    const probe = fs.statSync(path.join(root, 'd9', 'f299.ts'));
    const kept = await waitFor(() => {
      const names = fs.existsSync(storage) ? fs.readdirSync(storage).filter((n) => /^todo-scan-.*\.json$/.test(n)) : [];
      return names.map((n) => path.join(storage, n)).find((f) => {
        const entry = (JSON.parse(fs.readFileSync(f, 'utf8')) as { files: [string, number, number][] }).files.find(([r]) => r === `${FOLDER}/d9/f299.ts`);
        return entry !== undefined && entry[1] === probe.size && entry[2] === probe.mtimeMs;
      });
    }, { timeoutMs: 20_000, what: 'the kept scan results in workspace storage' });
    assert.ok(kept);

    // "While VS Code was closed": one file edited.
    const edited = path.join(root, 'd0', 'f0.ts');
    fs.writeFileSync(edited, '// TODO: edited while closed\n');
    const past = Date.now() / 1000 - 60;
    fs.utimesSync(edited, past, past);

    const returning = await nextSession(storage);
    const cold = await nextSession(undefined);
    assert.strictEqual(cold.stats.mode, 'full');
    assert.strictEqual(returning.stats.mode, 'validate', 'restored results, checked by size and mtime');
    assert.ok(cold.stats.filesRead >= FILES, `a session with nothing kept reads every file (${cold.stats.filesRead})`);
    // Of this folder's files only the edited one is read; elsewhere in the workspace other suites may have
    // changed files since the host's save.
    assert.ok(returning.stats.filesReused >= FILES - 1, `reused ${returning.stats.filesReused} kept results`);
    assert.ok(returning.stats.filesRead >= 1 && returning.stats.filesRead <= cold.stats.filesRead - (FILES - 1), `the returning session read ${returning.stats.filesRead} of ${cold.stats.filesRead} files`);
    assert.deepStrictEqual(ours(returning.todos), ours(cold.todos));
    assert.ok(ours(returning.todos).includes(`${FOLDER}/d0/f0.ts:0:edited while closed`));
    assert.strictEqual(ours(returning.todos).length, FILES);
  });

  it('the linked-TODO index\'s start-up scan fills the commands\' cache: the first workspace command then reads only what changed', async () => {
    const linked = path.join(root, 'linked.ts');
    fs.writeFileSync(linked, '// TODO(HS-424242): linked from the shared scan\n');
    const scans: ScanStats[] = [];
    const session = newSession(undefined, (s) => scans.push(s));
    const toolkit = { findTodos, languageForFile, defaultTags: DEFAULT_TAGS, languageOf: DocumentTodos.languageOf, relativePath: DocumentTodos.relativePath, readTodoSettings, secretFileMatcher };
    const links = createCodeLinks({ client: c.client, auth: c.auth, log: c.log, tasksChanged: c.tasksChanged, notify: c.notify, toolkit, folderTodos: (folder) => session.folderTodos(folder) });
    try {
      await links.ready;
      assert.deepStrictEqual(links.index.sites('424242').map((s) => path.relative(root, s.file)), ['linked.ts'], 'the index has the linked TODO from the shared scan');
      assert.strictEqual(scans.length, 0, 'the index\'s scan is not a command\'s (no progress, no stats hook)');
      const todos = await session.todos();
      const first = scans[0];
      assert.ok(first, 'the command\'s scan reported its stats');
      assert.notStrictEqual(first.mode, 'full', 'the first command scan starts from the index\'s results');
      // Of this folder's 301 files none is read; elsewhere other suites may have changed a few files since.
      assert.ok(first.filesReused >= FILES + 1, `reused ${first.filesReused} results of the index's scan`);
      assert.ok(first.filesRead < 20, `read ${first.filesRead} files`);
      assert.deepStrictEqual(ours(todos), ours((await nextSession(undefined)).todos), 'the same TODOs as a session that scans from nothing');
    } finally {
      links.dispose();
      fs.rmSync(linked, { force: true });
    }
  });
});
