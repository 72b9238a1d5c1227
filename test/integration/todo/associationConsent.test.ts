// Issue 13.11 in the real extension host: `hubspotTasks.todo.defaultAssociations` put in a repository's
// WORKSPACE settings would attach every new task (and the code around its TODO) to records the repository
// chose. Those values are shown in VS Code's quick pick, ticked, before any task is created: what the user
// unticks is not associated, Escape creates nothing. The user's own value applies without a question.
// The quick pick is VS Code's, answered through its workbench commands; tasks are read back from the sandbox.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { sandbox } from '../support/sandbox';
import { configure, signedInContainer } from '../tree/treeSupport';
import {
  answerQuickPick, createdInputs, createRequests, deleteQuietly, dismissQuickPick, openInEditor, recordQuickPicks,
  setWorkspaceSetting, writeWorkspaceFile, type CreatedSummary,
} from './support';

const KEY = 'hubspotTasks.todo.defaultAssociations';
const CREATE_TASK = 'hubspotTasks.todo.createTask';
/** Demo seed records (sandbox/seed.ts): a deal, and the company whose domain is fabrikam.example. */
const DEAL = '53000001';
const FABRIKAM = '52000003';
const FOLDER = 'consent-it';

describe('TODO → task: workspace default associations need consent (issue 13.11, in-host)', function () {
  this.timeout(60_000);
  let c: Container;
  let counter = 0;

  before(async () => {
    c = await signedInContainer();
    await configure({ 'files.autoSave': 'off', 'hubspotTasks.todo.statusRefreshMinutes': 0 });
  });

  beforeEach(async () => {
    await configure({ [KEY]: undefined });
    await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false });
    await sandbox.reset('demo');
    await sandbox.clearRequests();
  });

  afterEach(async () => {
    await dismissQuickPick();
    await setWorkspaceSetting(KEY, undefined);
    await configure({ [KEY]: undefined });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteQuietly(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDER));
  });

  /** An editor on a fresh file whose first line is `line`. */
  async function todoEditor(line: string): Promise<vscode.TextEditor> {
    return openInEditor(await writeWorkspaceFile(`${FOLDER}/consent${Date.now()}-${counter++}.ts`, `${line}\nexport const x = 1;\n`));
  }

  it('a workspace value is listed, ticked, before the task is created; unticked, the task has no such association', async () => {
    await setWorkspaceSetting(KEY, [`deal:${DEAL}`]);
    // The TODO's own hint still applies: the created task is associated with exactly that company.
    const editor = await todoEditor('// TODO: review the deal terms @company:fabrikam.example');
    const picks = recordQuickPicks(c);
    try {
      const running = vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_TASK, editor.document.uri, 0);
      const consent = await picks.next(/^Associate the new task with these records/);
      assert.deepStrictEqual(consent.items.map((item) => item.label), [`deal:${DEAL}`], 'the workspace value, listed for consent');
      assert.match(consent.items[0].description ?? '', /workspace/, 'says where the value comes from');
      assert.strictEqual((await createRequests()).length, 0, 'nothing is created while the question is open');

      await answerQuickPick([0]);
      const summary = await running;
      assert.ok(summary, 'the task is created once the list is answered');
      assert.strictEqual(summary.created.length, 1);
      const taskId = summary.created[0].taskId;

      const [input, ...more] = createdInputs(await createRequests());
      assert.strictEqual(more.length, 0, 'one task created');
      assert.deepStrictEqual((input.associations ?? []).map((a) => a.to.id), [FABRIKAM], 'only the hint association was sent');
      assert.deepStrictEqual((await c.client.tasks.listTaskAssociations(taskId, 'deals')).items, [], 'the stored task has no deal');
      assert.deepStrictEqual((await c.client.tasks.listTaskAssociations(taskId, 'companies')).items.map((a) => a.id), [FABRIKAM]);
    } finally {
      picks.dispose();
    }
  });

  it('Escape on the list creates nothing and leaves the TODO as it was', async () => {
    await setWorkspaceSetting(KEY, [`deal:${DEAL}`, 'company:fabrikam.example']);
    const line = '// TODO: must not be created';
    const editor = await todoEditor(line);
    const picks = recordQuickPicks(c);
    try {
      const running = vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_TASK, editor.document.uri, 0);
      const consent = await picks.next(/^Associate the new task with these records/);
      assert.deepStrictEqual(consent.items.map((item) => item.label), [`deal:${DEAL}`, 'company:fabrikam.example']);
      await dismissQuickPick();
      assert.strictEqual(await running, undefined, 'the command reports no creation');
      assert.deepStrictEqual(await createRequests(), [], 'the sandbox received 0 creates');
      assert.strictEqual(editor.document.lineAt(0).text, line, 'the TODO is not linked');
    } finally {
      picks.dispose();
    }
  });

  it("the user's own value applies without a question", async () => {
    await configure({ [KEY]: [`deal:${DEAL}`] });
    const editor = await todoEditor('// TODO: follow up on the deal');
    const picks = recordQuickPicks(c);
    try {
      const summary = await vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_TASK, editor.document.uri, 0);
      assert.deepStrictEqual(picks.shown.map((s) => s.title), [], 'no quick pick was shown');
      assert.ok(summary, 'created');
      assert.strictEqual(summary.created.length, 1);
      const [input] = createdInputs(await createRequests());
      assert.deepStrictEqual((input.associations ?? []).map((a) => a.to.id), [DEAL]);
      assert.deepStrictEqual((await c.client.tasks.listTaskAssociations(summary.created[0].taskId, 'deals')).items.map((a) => a.id), [DEAL]);
    } finally {
      picks.dispose();
    }
  });
});
