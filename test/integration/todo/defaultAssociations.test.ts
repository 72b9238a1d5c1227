// Issue 15.6 (second half) in the real extension host: `hubspotTasks.todo.defaultAssociations` reaches
// the tasks created from TODOs, and the review list says so on every line before anything is created.
// The review is VS Code's own quick pick, answered through its workbench commands; what was sent and
// what HubSpot stored are read back from the sandbox.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import { resetHooks, testHooks } from '../support/extension';
import { sandbox } from '../support/sandbox';
import { configure, signedInContainer } from '../tree/treeSupport';
import {
  answerQuickPick, createdInputs, createRequests, deleteQuietly, dismissQuickPick, openInEditor, recordQuickPicks,
  writeWorkspaceFile, type CreatedSummary,
} from './support';

const KEY = 'hubspotTasks.todo.defaultAssociations';
const CREATE_FROM_FILE = 'hubspotTasks.todo.createFromFile';
/** Demo seed records (sandbox/seed.ts): a deal, and the company whose domain is fabrikam.example. */
const DEAL = '53000001';
const FABRIKAM = '52000003';
const FOLDER = 'default-associations-it';

describe('TODO → task: default associations reach the tasks, shown in the review first (issue 15.6, in-host)', function () {
  this.timeout(60_000);
  let c: Container;
  let hooks: TestHooks;

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    await configure({ 'files.autoSave': 'off', 'hubspotTasks.todo.statusRefreshMinutes': 0 });
  });

  beforeEach(async () => {
    resetHooks(hooks); // the real review quick pick, not a test's answer
    await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false });
    await sandbox.reset('demo');
    await sandbox.clearRequests();
  });

  afterEach(async () => {
    await dismissQuickPick();
    await configure({ [KEY]: undefined });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteQuietly(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDER));
  });

  it('every line of the review shows the defaults; the created tasks carry them beside their own hints', async () => {
    await configure({ [KEY]: [`deal:${DEAL}`, 'company:fabrikam.example'] });
    const uri = await writeWorkspaceFile(`${FOLDER}/billing${Date.now()}.py`, [
      '# TODO: retry failed invoices', 'def bill(): pass', '', '# FIXME! rounding of taxes @company:fabrikam.example', '',
    ].join('\n'));
    const editor = await openInEditor(uri);
    const picks = recordQuickPicks(c);
    try {
      const running = vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_FROM_FILE, editor.document.uri);
      const review = await picks.next(/^Create HubSpot tasks from 2 TODO/);
      assert.deepStrictEqual(review.items.map((item) => item.label), ['retry failed invoices', 'rounding of taxes']);
      assert.deepStrictEqual(review.items.map((item) => item.detail), [
        `deal:${DEAL} (default)  company:fabrikam.example (default)`,
        `@company:fabrikam.example  deal:${DEAL} (default)  company:fabrikam.example (default)`,
      ], 'each line names the default associations its task will get');
      assert.strictEqual((await createRequests()).length, 0, 'nothing is created while the review is open');

      await answerQuickPick();
      const summary = await running;
      assert.ok(summary, 'created once the review is accepted');
      assert.strictEqual(summary.created.length, 2);
      assert.deepStrictEqual(picks.shown.map((s) => s.title).filter((t) => /^Associate/.test(t ?? '')), [], "the user's own value needs no consent question");

      const inputs = createdInputs(await createRequests());
      assert.strictEqual(inputs.length, 2, 'two tasks sent');
      for (const input of inputs) {
        const ids = (input.associations ?? []).map((a) => a.to.id).sort();
        assert.deepStrictEqual(ids, [FABRIKAM, DEAL].sort(), `${input.properties.hs_task_subject}: the defaults were sent (the hinted company once)`);
      }
      for (const { taskId } of summary.created) {
        assert.deepStrictEqual((await c.client.tasks.listTaskAssociations(taskId, 'deals')).items.map((a) => a.id), [DEAL], 'HubSpot stored the deal');
        assert.deepStrictEqual((await c.client.tasks.listTaskAssociations(taskId, 'companies')).items.map((a) => a.id), [FABRIKAM], 'and the company');
      }
    } finally {
      picks.dispose();
    }
  });

  it('without defaults the review shows only the hints and the tasks get only those (an extensionless shell script)', async () => {
    // A script known by its shebang, with a here-document: the scanner's lazily loaded part reads it in the host.
    const uri = await writeWorkspaceFile(`${FOLDER}/archive${Date.now()}`, [
      '#!/bin/sh', '# TODO: archive old invoices', 'cat > /tmp/report <<EOF', '# FIXME: a line of the report, not a TODO', 'EOF', '',
      '# HACK: cache the rates @deal:53000001', '',
    ].join('\n'));
    const editor = await openInEditor(uri);
    const picks = recordQuickPicks(c);
    try {
      const running = vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_FROM_FILE, editor.document.uri);
      const review = await picks.next(/^Create HubSpot tasks from 2 TODO/);
      assert.deepStrictEqual(review.items.map((item) => item.detail), [undefined, `@deal:${DEAL}`]);
      await answerQuickPick();
      assert.strictEqual((await running)?.created.length, 2);
      assert.deepStrictEqual(createdInputs(await createRequests()).map((input) => (input.associations ?? []).map((a) => a.to.id)), [[], [DEAL]]);
    } finally {
      picks.dispose();
    }
  });
});
