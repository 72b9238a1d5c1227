// Token hygiene in the real extension host: signed in with a distinctive token, the features are
// exercised (tree in both groupings, status bar, editor save, TODO → task, a refused token, sign-out),
// then every file of the run's user-data folder (extension host and output-channel logs, settings,
// state databases, workspace storage) and the sandbox's request log are searched byte by byte for it.
// The token may only be in the secret store, and on the wire (the sandbox accepting it proves that).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { tokenKeyFor, useHost } from '../support/hosts';
import { startSandbox } from '../../../sandbox/server';
import { CANARY_TOKEN } from '../../unit/reliability/support/canary';
import { waitFor } from '../support/waitFor';
import { ownSandbox, signInAndLoad, type OwnSandbox } from './support';

/** Files under `root` holding `needle` (UTF-8 or UTF-16), with the byte offset of the first hit. */
export function filesContaining(root: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      }
      else if (entry.isFile()) {
        try {
          const bytes = fs.readFileSync(full);
          if (patterns.some((p) => bytes.includes(p))) {
            hits.push(full);
          }
        } catch {
          // Vanished or unreadable (a lock file): nothing to search.
        }
      }
    }
  };
  walk(root);
  return hits;
}

describe('Reliability: token hygiene in the extension host', function () {
  this.timeout(180_000);
  let own: OwnSandbox;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-canary-host-'));
    own = await ownSandbox({ seed: 'demo', tokens: [CANARY_TOKEN], dataFile: path.join(dir, 'account.json') });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await own?.restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('appears in no log, setting, state file, error message or request log; only in the secret store', async () => {
    const c = own.container;
    const userData = path.resolve(c.context.globalStorageUri.fsPath, '..', '..', '..');
    assert.ok(fs.existsSync(path.join(userData, 'User')), `the run's user-data folder: ${userData}`);
    const messages: string[] = [];

    // 1. Sign in and use the tree, the status bar, the editor, TODO creation.
    await signInAndLoad(c, CANARY_TOKEN);
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(own.sandbox.url)), CANARY_TOKEN, 'stored in the secret store');
    await c.tree.tasks.setGroupBy('priority');
    await c.tree.refresh();
    await c.tree.tasks.setGroupBy('due');
    await c.tree.refresh();
    await c.tree.statusBar.refresh(true);
    const panel = c.taskEditors.edit('60000000001');
    await panel.loaded;
    await panel.receive({ type: 'save', draft: { ...panel.baseline.fields, priority: 'LOW' } });
    const folder = vscode.workspace.workspaceFolders![0];
    const file = vscode.Uri.joinPath(folder.uri, 'reliability-canary.py');
    await vscode.workspace.fs.writeFile(file, Buffer.from('# TODO: canary check one\nx = 1\n# FIXME: canary check two\n'));
    try {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      own.hooks.review = async (candidates) => [...candidates];
      const summary = await vscode.commands.executeCommand<{ created: unknown[] }>('hubspotTasks.todo.createFromFile', file);
      assert.strictEqual(summary?.created.length, 2, 'TODOs became tasks');
      messages.push(JSON.stringify(summary));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }

    // 2. Error paths: HubSpot refusing the token during use, and a refused sign-in.
    const other = await startSandbox({ seed: 'empty' });
    try {
      // Signed in at that host too (tokens are kept per host), where HubSpot then refuses the token.
      await useHost(c, other.url, CANARY_TOKEN);
      await c.tree.refresh();
      await waitFor(() => c.auth.isRejected, { what: 'the 401 to be noticed', timeoutMs: 20_000 });
      try {
        await c.auth.signIn(CANARY_TOKEN);
        assert.fail('the other sandbox refuses the canary');
      } catch (error) {
        messages.push(error instanceof Error ? `${error.message}\n${error.stack}` : String(error));
      }
    } finally {
      await other.close();
      await useHost(c, own.sandbox.url);
      await c.context.secrets.delete(tokenKeyFor(other.url));
    }
    await c.auth.signOut();
    assert.strictEqual(await c.context.secrets.get(tokenKeyFor(own.sandbox.url)), undefined, 'sign-out removed it');

    // 3. Let the output channel reach its file, then search everything.
    const marker = `reliability-flush-${Date.now()}`;
    c.log.info(marker);
    await waitFor(() => filesContaining(path.join(userData, 'logs'), marker).length > 0, { what: 'the log file to be written', timeoutMs: 20_000 });
    assert.ok(own.sandbox.requests().length > 10, 'the features talked to the sandbox with the canary (it accepted it: it was on the wire)');
    assert.ok(!JSON.stringify(own.sandbox.requests()).includes(CANARY_TOKEN), 'not in the sandbox request log');
    assert.ok(!messages.join('\n').includes(CANARY_TOKEN), 'not in any error message or summary');
    const hits = [
      ...filesContaining(userData, CANARY_TOKEN),
      ...(c.context.storageUri ? filesContaining(c.context.storageUri.fsPath, CANARY_TOKEN) : []),
      ...filesContaining(folder.uri.fsPath, CANARY_TOKEN),
    ];
    // code-server keeps the secret store in the browser (encrypted): no server-side file may hold it.
    assert.deepStrictEqual(hits.map((h) => path.relative(userData, h)), [], 'files holding the token');
  });
});
