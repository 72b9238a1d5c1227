// A TODO left "could not be checked" (its create may have landed, but every marker look-up failed) is
// looked up by marker on the next run of the command in VS Code, before anything is sent: no second
// task, the TODO linked to the first one, its text unchanged in between.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CreationSummary } from '../../../src/todo/creation/todoCreator';
import { SANDBOX_TOKEN } from '../support/sandbox';
import { configure, ownSandbox, signInAndLoad, type OwnSandbox } from './support';

const FOLDER = 'reliability-unchecked';

describe('Reliability: "could not be checked" TODOs are looked up first on the next run (in-host)', function () {
  this.timeout(180_000);
  let own: OwnSandbox;
  let uri: vscode.Uri;

  before(async () => {
    own = await ownSandbox({ seed: 'empty' });
    await signInAndLoad(own.container, SANDBOX_TOKEN);
    await configure({ 'hubspotTasks.todo.duplicateCheckSeconds': 1 });
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDER, 'unchecked.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// TODO: first unchecked\nexport const x = 1;\n// FIXME: second unchecked\n// TODO: third unchecked\n', 'utf8'));
  });
  after(async () => {
    own?.sandbox.configure({ faults: null });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await configure({ 'hubspotTasks.todo.duplicateCheckSeconds': undefined });
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDER), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await own?.restore();
  });

  const markers = async () => {
    const out = new Map<string, number>();
    for (const task of (await own.container.client.tasks.listTasks({ limit: 100, properties: ['hs_task_body'] })).items) {
      const marker = /hstodo[0-9a-f]+/.exec(task.properties.hs_task_body ?? '')?.[0];
      if (marker) {
        out.set(marker, (out.get(marker) ?? 0) + 1);
      }
    }
    return out;
  };

  it('run 1: applied but unconfirmed → reported, file unchanged; run 2: found by marker, linked, nothing sent again', async () => {
    own.hooks.review = async (candidates) => candidates.filter((x) => x.uri.toString() === uri.toString());
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    // Every request applied, then its connection reset: the creates land, no look-up ever answers.
    own.sandbox.configure({ faults: { rate: 1, seed: 9, kinds: ['reset'] } });
    let first: CreationSummary;
    try {
      first = (await vscode.commands.executeCommand<CreationSummary>('hubspotTasks.todo.createFromFile', uri))!;
    } finally {
      own.sandbox.configure({ faults: null });
    }
    assert.strictEqual(first.created.length, 0);
    assert.strictEqual(first.failed.length, 3);
    assert.ok(first.failed.every((f) => /could not be checked/.test(f.message)), JSON.stringify(first.failed));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.getText(), original, 'no TODO text changed or lost');
    assert.deepStrictEqual([...(await markers()).values()], [1, 1, 1], 'the creates had landed');

    own.sandbox.clearRequests();
    const second = (await vscode.commands.executeCommand<CreationSummary>('hubspotTasks.todo.createFromFile', uri))!;
    const operations = own.sandbox.requests().map((r) => r.operation);
    assert.ok(!operations.includes('batchCreateTasks'), `nothing sent again: ${operations.join(', ')}`);
    assert.ok(operations.includes('searchTasks'), 'looked up by marker first');
    assert.strictEqual(second.created.length, 3);
    assert.strictEqual(second.recovered, 3);
    assert.ok(second.created.every((x) => x.linked));
    assert.deepStrictEqual([...(await markers()).values()], [1, 1, 1], 'still one task per TODO');
    const lines = document.getText().split('\n');
    assert.match(lines[0], /^\/\/ TODO\(HS-\d+\): first unchecked$/);
    assert.match(lines[2], /^\/\/ FIXME\(HS-\d+\): second unchecked$/);
    assert.match(lines[3], /^\/\/ TODO\(HS-\d+\): third unchecked$/);
  });
});
