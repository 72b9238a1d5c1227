// Issue 13.8 in the real extension host: task notes are readable by everyone in the HubSpot portal, so
// (1) a secret-bearing file (`.env`) gets no CodeLens nor quick fix from us and its TODOs are not offered by
// the workspace scan, saved or unsaved; (2) the code around a TODO in an ordinary file reaches HubSpot with
// secret values redacted. Each check beside a control that proves the same content is otherwise picked up.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import { resetHooks, testHooks } from '../support/extension';
import { sandbox } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { configure, signedInContainer } from '../tree/treeSupport';
import { createdInputs, createRequests, deleteQuietly, openInEditor, writeWorkspaceFile, type CreatedSummary } from './support';

const FOLDER = 'secrets-it';
const CREATE_TASK = 'hubspotTasks.todo.createTask';
const CREATE_FROM_WORKSPACE = 'hubspotTasks.todo.createFromWorkspace';
/** A HubSpot private-app token shape (not a real token). */
const HUBSPOT_TOKEN = 'pat-na1-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SECRET_CONTENT = `# TODO rotate key before the launch\nAPI_KEY=${HUBSPOT_TOKEN}\n`;

describe('TODO → task: secret-bearing files and secret values stay out of HubSpot (issue 13.8, in-host)', function () {
  this.timeout(60_000);
  let c: Container;
  let hooks: TestHooks;
  let envFile: vscode.Uri;
  let shellFile: vscode.Uri;

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    await configure({ 'files.autoSave': 'off', 'hubspotTasks.todo.statusRefreshMinutes': 0, 'hubspotTasks.todo.codeLens': true, 'hubspotTasks.todo.defaultAssociations': undefined });
    // The same lines twice: in a file that holds secrets by convention, and in an ordinary shell script.
    envFile = await writeWorkspaceFile(`${FOLDER}/.env`, SECRET_CONTENT);
    shellFile = await writeWorkspaceFile(`${FOLDER}/deploy.sh`, SECRET_CONTENT);
  });

  beforeEach(async () => {
    await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false });
    await sandbox.reset('demo');
    await sandbox.clearRequests();
  });

  after(async () => {
    resetHooks(hooks);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteQuietly(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDER));
  });

  async function ourLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    return lenses.filter((lens) => lens.command?.command === CREATE_TASK);
  }

  async function ourQuickFixes(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 4, 0, 4));
    return actions.filter((action) => action.command?.command === CREATE_TASK || action.title === 'Create HubSpot task');
  }

  it('a .env opened in an editor gets no CodeLens, no quick fix, and no task from its TODO line', async () => {
    await openInEditor(shellFile);
    assert.deepStrictEqual((await ourLenses(shellFile)).map((lens) => lens.range.start.line), [0], 'control: the same TODO in deploy.sh has a CodeLens');
    assert.strictEqual((await ourQuickFixes(shellFile)).length, 1, 'control: and a quick fix');

    const editor = await openInEditor(envFile);
    assert.strictEqual(editor.document.lineAt(0).text, '# TODO rotate key before the launch');
    assert.deepStrictEqual(await ourLenses(envFile), [], 'no CodeLens in .env');
    assert.deepStrictEqual(await ourQuickFixes(envFile), [], 'no quick fix in .env');
    // Run on its line anyway (a keybinding, the palette): nothing is created from it.
    const summary = await vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_TASK, envFile, 0);
    assert.strictEqual(summary, undefined);
    assert.deepStrictEqual(await createRequests(), [], 'the sandbox received no create');
  });

  it('the workspace scan does not offer the TODOs of a .env, saved on disk or unsaved in an editor', async () => {
    const editor = await openInEditor(envFile);
    await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), '# TODO unsaved secret note\nDB_PASSWORD=hunter2hunter2\n'));
    assert.ok(editor.document.isDirty, 'the .env has unsaved TODOs');
    try {
      let offered: Array<{ relativePath: string; text: string }> | undefined;
      // The review list is the step before anything is created: see what the scan put in it, then dismiss it.
      hooks.review = async (candidates) => {
        offered = candidates.map((candidate) => ({ relativePath: candidate.relativePath, text: candidate.todo.text }));
        return undefined;
      };
      await vscode.commands.executeCommand(CREATE_FROM_WORKSPACE);
      assert.ok(offered, 'the scan found TODOs and asked for review');
      const ours = offered.filter((todo) => todo.relativePath.startsWith(`${FOLDER}/`));
      assert.deepStrictEqual(ours, [{ relativePath: `${FOLDER}/deploy.sh`, text: 'rotate key before the launch' }], 'control: deploy.sh is offered, .env is not');
      assert.ok(!offered.some((todo) => /(^|\/)\.env$/.test(todo.relativePath)), `no .env TODO offered: ${JSON.stringify(offered.map((t) => t.relativePath))}`);
      assert.deepStrictEqual(await createRequests(), []);
    } finally {
      // Unsaved work would make closing the editors ask.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it("a TODO whose surrounding code holds a password and a token: the task's notes carry neither value", async () => {
    const content = [
      'export const host = "db.internal";',
      'const password = "hunter2hunter2";',
      '// TODO: move the database settings to the vault',
      `const hubspot = "${HUBSPOT_TOKEN}";`,
      'export const port = 5432;',
      '',
    ].join('\n');
    const uri = await writeWorkspaceFile(`${FOLDER}/db.ts`, content);
    // The whole run goes through this file twice: the first time's db.ts (deleted since, its TODO linked by then)
    // can still be the open document until VS Code notices the new file on disk. Run the command on what the
    // editor shows once it shows this file.
    await waitFor(async () => (await openInEditor(uri)).document.getText() === content, { what: 'the editor to show the new db.ts' });
    const summary = await vscode.commands.executeCommand<CreatedSummary | undefined>(CREATE_TASK, uri, 2);
    assert.ok(summary, 'created');
    assert.strictEqual(summary.created.length, 1);

    const [sent] = createdInputs(await createRequests());
    const stored = (await c.client.tasks.getTask(summary.created[0].taskId, ['hs_task_body', 'hs_task_subject'])).properties;
    for (const [where, body] of [['sent', sent.properties.hs_task_body], ['stored', stored.hs_task_body ?? '']] as const) {
      assert.ok(body.includes('db.internal') && body.includes('port = 5432'), `${where}: the code around the TODO is in the notes`);
      assert.ok(body.includes('const password = &quot;[redacted]&quot;'), `${where}: the password line, its value redacted`);
      assert.ok(!body.includes('hunter2hunter2'), `${where}: the password value is not in the notes`);
      assert.ok(!body.includes(HUBSPOT_TOKEN), `${where}: the token is not in the notes`);
    }
    assert.strictEqual(stored.hs_task_subject, 'move the database settings to the vault');
  });
});
