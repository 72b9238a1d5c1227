// Write validation end to end in the real extension host (issue 14 point 7), under apiVersion 2026-09
// against the run's sandbox with a validation rule on the subject: TODO bulk creation creates every
// valid TODO once and reports each rejected one with the rule's message, its comment untouched, whichever
// way HubSpot answers the batch (whole-batch 400 or 207); the task editor puts the rule's message on the
// subject field and writes nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import type { Shown } from '../../../src/ui/notifier';
import type { CreationSummary } from '../../../src/todo/creation/todoCreator';
import type { TaskEditorPanel } from '../../../src/webviews/taskEditor/taskEditorPanel';
import { Commands } from '../../../src/constants';
import { sandbox } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { configure, requests, signedInContainer } from '../tree/treeSupport';
import { resetHooks, testHooks } from '../support/extension';
import { deleteQuietly, openInEditor, writeWorkspaceFile, workspaceRoot } from './support';

const FOLDER = 'validation-it';
const RULE = { tasks: { hs_task_subject: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['30'] }] } };
const RULE_MESSAGE = /hs_task_subject must be at most 30 characters long/;

describe('Write validation under 2026-09 (in-host)', function () {
  this.timeout(90_000);
  let c: Container;
  let hooks: TestHooks;
  let counter = 0;
  // The run may already be under 2026-09 (its second pass): put back whatever the version was.
  let previousVersion: unknown;

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    previousVersion = vscode.workspace.getConfiguration().inspect('hubspotTasks.apiVersion')?.globalValue;
    await configure({ 'files.autoSave': 'off', 'hubspotTasks.todo.statusRefreshMinutes': 0, 'hubspotTasks.apiVersion': '2026-09' });
  });

  beforeEach(async () => {
    await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false, batchCreateErrors: 'by-version' });
    await sandbox.reset('demo');
    await sandbox.validationRules(RULE);
    await sandbox.clearRequests();
    resetHooks(hooks);
  });

  after(async () => {
    resetHooks(hooks);
    await sandbox.validationRules({});
    await sandbox.configure({ batchCreateErrors: 'by-version' });
    await vscode.workspace.getConfiguration().update('hubspotTasks.apiVersion', previousVersion, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteQuietly(vscode.Uri.joinPath(workspaceRoot(), FOLDER));
  });

  for (const mode of ['whole-batch', 'per-input'] as const) {
    it(`TODOs, ${mode}: the valid ones created once and linked, the rejected ones reported with the rule's message and untouched`, async () => {
      await sandbox.configure({ batchCreateErrors: mode });
      const lines = [
        '// TODO: ship it',
        '// TODO: this subject is much too long for the account rule',
        '// TODO: write docs',
        '// TODO: another subject that breaks the thirty character rule',
        '// TODO: tidy up',
      ];
      const editor = await openInEditor(await writeWorkspaceFile(`${FOLDER}/f${Date.now()}-${counter++}.ts`, `${lines.join('\n')}\n`));
      hooks.review = async (candidates) => candidates.filter((x) => x.uri.toString() === editor.document.uri.toString());
      const tasksBefore = (await sandbox.state()).tasks;
      const shown: Shown[] = [];
      const listening = c.notify.onDidShow((s) => shown.push(s));
      let summary: CreationSummary;
      try {
        summary = await vscode.commands.executeCommand<CreationSummary>('hubspotTasks.todo.createFromFile', editor.document.uri);
      } finally {
        listening.dispose();
      }

      assert.strictEqual(summary.created.length, 3);
      assert.strictEqual(summary.failed.length, 2);
      for (const failure of summary.failed) {
        assert.match(failure.message, RULE_MESSAGE);
      }
      const text = editor.document.getText().split('\n');
      assert.match(text[0], /^\/\/ TODO\(HS-\d+\): ship it$/);
      assert.strictEqual(text[1], lines[1], 'a rejected TODO is left as it was');
      assert.match(text[2], /^\/\/ TODO\(HS-\d+\): write docs$/);
      assert.strictEqual(text[3], lines[3]);
      assert.match(text[4], /^\/\/ TODO\(HS-\d+\): tidy up$/);

      const creates = (await requests()).filter((r) => r.operation === 'batchCreateTasks' || r.operation === 'createTask');
      assert.ok(creates.every((r) => r.path === '/crm/objects/2026-09/tasks/batch/create'), creates.map((r) => r.path).join());
      const createdOk = creates.filter((r) => r.status < 300).flatMap((r) => (r.body as { inputs: Array<{ properties: { hs_task_subject: string } }> }).inputs
        .filter((input) => !/too long|breaks/.test(input.properties.hs_task_subject)));
      assert.deepStrictEqual(createdOk.map((i) => i.properties.hs_task_subject).sort(), ['ship it', 'tidy up', 'write docs'], 'each valid TODO sent in exactly one accepted create');
      assert.strictEqual((await sandbox.state()).tasks, tasksBefore + 3, 'nothing created twice, nothing invalid created');

      const report = await waitFor(() => shown.find((s) => s.kind === 'message' && /failed/.test(s.message)), { what: 'the summary notification' });
      assert.ok(report.kind === 'message' && RULE_MESSAGE.test(report.message), `the rule's message in the notification: ${JSON.stringify(report)}`);
    });
  }

  it('task editor: the rule\'s message is shown on the subject field and nothing is written; a valid save works', async () => {
    const task = await c.client.tasks.createTask({ properties: { hs_task_subject: 'Short subject', hs_timestamp: String(Date.UTC(2027, 4, 6, 15)) } });
    await vscode.commands.executeCommand(Commands.editTask, task.id);
    const panel = c.taskEditors.panelFor(task.id) as TaskEditorPanel;
    assert.ok(panel, 'the editor opened');
    await panel.loaded;
    await sandbox.clearRequests();
    const fields = panel.baseline.fields;
    const before = panel.posted.length;
    await panel.receive({ type: 'save', draft: { ...fields, subject: 'A subject well beyond the thirty characters allowed' } });
    const failed = panel.posted.slice(before).find((m) => m.type === 'saveFailed');
    assert.ok(failed && failed.type === 'saveFailed', `saveFailed posted: ${JSON.stringify(panel.posted.slice(before))}`);
    assert.deepStrictEqual(failed.errors.map((e) => e.field), ['subject'], 'next to the subject field, not a banner');
    assert.match(failed.errors[0].message, RULE_MESSAGE);
    const writes = (await requests()).filter((r) => r.operation === 'updateTask');
    assert.deepStrictEqual(writes.map((r) => [r.apiVersion, r.status]), [['2026-09', 400]]);
    const after = await c.client.tasks.getTask(task.id, ['hs_task_subject']);
    assert.strictEqual(after.properties.hs_task_subject, 'Short subject');

    const again = panel.posted.length;
    await panel.receive({ type: 'save', draft: { ...fields, subject: 'Within the limit' } });
    assert.ok(panel.posted.slice(again).some((m) => m.type === 'saved'), 'a valid save goes through');
    panel.dispose();
  });
});

