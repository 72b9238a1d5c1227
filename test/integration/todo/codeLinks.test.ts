// Issue 15.1–15.3 in the real extension host, against the run's sandbox: "Go to Code" finds a linked TODO
// after its lines moved and its file was renamed (the index follows the file watchers; no scan per click),
// says so and offers the recorded path when it is gone; the tree item, hover and editor offer it for
// TODO-made tasks; linked TODOs removed by an edit and save or on disk are offered for completion in one
// prompt, ⌈N/100⌉ batch updates; the created task's notes link the line at the commit as well as the branch
// (here through the .git fallback: the in-host suite runs without the built-in Git extension).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TestHooks } from '../../../src/testHooks';
import type { CodeLinks, DeletedTodosOutcome, GoToCodeResult } from '../../../src/todo/codeLinks/codeLinks';
import type { CreationSummary } from '../../../src/todo/creation/todoCreator';
import type { TreeNode } from '../../../src/views/treeNodes';
import { DEMO_OWNER_ID } from '../../support/demo';
import { waitFor } from '../../support/waitFor';
import { testHooks } from '../support/extension';
import { children, configure, requests, signedInContainer } from '../tree/treeSupport';
import { sandbox } from '../support/sandbox';
import { deleteQuietly, workspaceRoot, writeWorkspaceFile } from './support';

const FOLDER = 'code-links-it';
let c: Container;
let hooks: TestHooks;
let links: CodeLinks;
let counter = 0;
/** Every task these tests created: the last clean-up expects the prompt for those still linked. */
const mine: string[] = [];

/** Notes as the extension writes them for a TODO at `path`, line `line` (the marker makes it a TODO task). */
function todoNotes(path: string, line: number): string {
  return `<p>TODO: x</p>\n<p>${path}, line ${line}</p>\n<p data-hs-todo-key="k${counter}">TODO key: hstodok${counter++}</p>`;
}

async function createTasks(count: number, subject: string, notes = (i: number) => todoNotes(`${FOLDER}/gone${i}.ts`, 1)): Promise<string[]> {
  const result = await c.client.tasks.batchCreateTasks(Array.from({ length: count }, (_, i) => ({
    properties: { hs_task_subject: `${subject} ${i}`, hs_task_body: notes(i), hs_task_status: 'NOT_STARTED', hs_timestamp: new Date(Date.now() + 86_400_000).toISOString(), hs_task_type: 'TODO', hubspot_owner_id: DEMO_OWNER_ID },
  })));
  assert.strictEqual(result.results.length, count, 'tasks created in the sandbox');
  mine.push(...result.results.map((t) => t.id));
  return result.results.map((t) => t.id);
}

/**
 * The document of `uri` once it holds `text`. VS Code keeps a document loaded after its editors close (here:
 * the first pass's, of the same path) and reloads it only when its own watcher reports the change on disk,
 * which can come after this suite's index saw it (measured: ~100 ms after, on a loaded machine).
 */
async function openedWith(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await waitFor(() => document.getText().includes(text), { what: `VS Code to load the disk's ${uri.fsPath}` });
  return document;
}

/** Resolves once the index holds exactly `expected` sites of `id` (the watchers have caught up). */
async function indexed(id: string, expected: (files: string[]) => boolean, what: string): Promise<void> {
  await waitFor(() => expected(links.index.sites(id).map((s) => s.file)), { what, timeoutMs: 20_000 });
}

/**
 * This suite's own tasks among `ids`. The suites before it in the same host delete files with linked TODOs too
 * (the LM tools', the TODO suites'); the index rightly offers those tasks as well, sometimes in the same prompt.
 */
function own(ids: readonly string[]): string[] {
  return ids.filter((id) => mine.includes(id));
}

/** The next deleted-TODO outcome that concerns this suite's tasks (another suite's leftovers are passed over). */
function nextOutcome(): Promise<DeletedTodosOutcome> {
  return new Promise((resolve) => {
    hooks.onDeletedTodos = (outcome) => {
      if (own([...outcome.offered, ...outcome.completed]).length === 0) {
        return;
      }
      hooks.onDeletedTodos = undefined;
      resolve({ offered: own(outcome.offered), completed: own(outcome.completed), failed: outcome.failed });
    };
  });
}

/** Records each prompt's tasks of this suite (prompts only about other suites' tasks are left out) and answers it. */
function answerOwn(asked: string[][], answer: 'complete' | 'dismiss'): NonNullable<TestHooks['answerDeletedTodos']> {
  return (tasks) => {
    const ids = own(tasks.map((t) => t.id));
    if (ids.length > 0) {
      asked.push(ids);
    }
    return answer;
  };
}

describe('Code and task linked both ways (in-host, issue 15.1–15.3)', function () {
  this.timeout(90_000);

  before(async () => {
    c = await signedInContainer();
    hooks = await testHooks();
    await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false });
    await configure({ 'files.autoSave': 'off', 'hubspotTasks.todo.statusRefreshMinutes': 0, 'hubspotTasks.todo.deletedTodos': 'ask' });
    links = c.todo.codeLinks.get();
    await links.ready;
  });

  afterEach(async () => {
    hooks.review = undefined;
    hooks.answerDeletedTodos = undefined;
    hooks.onDeletedTodos = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    // Deleting the folder removes the TODOs still linked: answer that prompt here, not in a later suite.
    const stillLinked = mine.some((id) => links.index.has(id));
    hooks.answerDeletedTodos = () => 'dismiss';
    const outcome = nextOutcome();
    await deleteQuietly(vscode.Uri.joinPath(workspaceRoot(), FOLDER));
    if (stillLinked) {
      await outcome;
    }
    hooks.answerDeletedTodos = undefined;
    hooks.onDeletedTodos = undefined;
    await configure({ 'hubspotTasks.todo.deletedTodos': undefined });
  });

  it('Go to Code opens the TODO\'s current line after the code moved and the file was renamed, without rescanning', async () => {
    const [id] = await createTasks(1, 'go to code');
    const first = await writeWorkspaceFile(`${FOLDER}/a.ts`, `const a = 1;\n\n// TODO(HS-${id}): follow me\n`);
    await indexed(id, (files) => files.length === 1 && files[0] === first.fsPath, 'the watcher to index a.ts');
    const opened = await vscode.commands.executeCommand<GoToCodeResult>('hubspotTasks.todo.goToCode', id);
    assert.deepStrictEqual(opened.kind === 'opened' && [opened.uri.fsPath, opened.line], [first.fsPath, 2]);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, first.fsPath);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 2);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Lines inserted above it on disk, then the file renamed: the index follows the watchers' events.
    await writeWorkspaceFile(`${FOLDER}/a.ts`, `import x from 'y';\n\n\n\nconst a = 1;\n\n// TODO(HS-${id}): follow me\n`);
    const renamed = vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'moved', 'b.ts');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'moved'));
    await vscode.workspace.fs.rename(first, renamed);
    await indexed(id, (files) => files.length === 1 && files[0] === renamed.fsPath, 'the index to follow the rename');
    const scans = links.stats.workspaceScans;
    const moved = await vscode.commands.executeCommand<GoToCodeResult>('hubspotTasks.todo.goToCode', { task: { id } });
    assert.deepStrictEqual(moved.kind === 'opened' && [moved.uri.fsPath, moved.line], [renamed.fsPath, 6]);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 6);
    assert.deepStrictEqual([scans, links.stats.workspaceScans], [1, 1], 'one scan when the index was built, none per click');

    // The task editor's Go to Code button (its message, the path the real page's click takes).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('hubspotTasks.editTask', id);
    const panel = c.taskEditors.panelFor(id);
    assert.ok(panel, 'the task editor');
    await panel.loaded;
    await panel.receive({ type: 'goToCode' });
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === renamed.fsPath, { what: 'the editor button to open the TODO' });
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 6);
  });

  it('Go to Code goes by the disk, not by an editor VS Code has not reloaded yet (a pull changed the open file)', async () => {
    const [id] = await createTasks(1, 'open while pulled');
    const uri = await writeWorkspaceFile(`${FOLDER}/pulled.ts`, `// top\n// TODO(HS-${id}): x\n`);
    await indexed(id, (files) => files.length === 1, 'pulled.ts indexed');
    const editor = await vscode.window.showTextDocument(await openedWith(uri, `HS-${id}`));
    // Changed on disk behind the editor; the click comes before VS Code's watcher reports it (its reload takes
    // ~100 ms: the editor still shows line 2 when the command starts).
    fs.writeFileSync(uri.fsPath, `import x from 'y';\n\n\n\n// top\n// TODO(HS-${id}): x\n`);
    const clicked = vscode.commands.executeCommand<GoToCodeResult>('hubspotTasks.todo.goToCode', id);
    const staleAtClick = editor.document.lineCount === 3;
    const opened = await clicked;
    assert.deepStrictEqual(opened.kind === 'opened' && [opened.uri.fsPath, opened.line], [uri.fsPath, 5]);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 5);
    assert.match(vscode.window.activeTextEditor?.document.lineAt(5).text ?? '', new RegExp(`HS-${id}`), 'the reloaded text under the cursor');
    assert.ok(staleAtClick, 'the editor still showed the old text when Go to Code started (else this case proves nothing)');
  });

  it('not in the code any more: says so and offers the recorded path; the hover and the tree offer Go to Code', async () => {
    const [id] = await createTasks(1, 'gone from code', () => todoNotes(`${FOLDER}/recorded.ts`, 2));
    const recorded = await writeWorkspaceFile(`${FOLDER}/recorded.ts`, `// keep\n// TODO(HS-${id}): soon gone\n`);
    await indexed(id, (files) => files.length === 1, 'recorded.ts indexed');

    // The hover of the linked TODO links Go to Code (a trusted command link of ours).
    const document = await openedWith(recorded, `HS-${id}`);
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', recorded, new vscode.Position(1, 5));
    const markdown = hovers.flatMap((h) => h.contents).map((m) => (typeof m === 'string' ? m : (m as vscode.MarkdownString).value)).join('\n');
    assert.match(markdown, new RegExp(`command:hubspotTasks\\.todo\\.goToCode\\?${encodeURIComponent(JSON.stringify([id])).replace(/[%[\]]/g, '\\$&')}`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The TODO removed on disk (the prompt left unanswered: dismissed).
    hooks.answerDeletedTodos = () => 'dismiss';
    const outcome = nextOutcome();
    await writeWorkspaceFile(`${FOLDER}/recorded.ts`, '// keep\n');
    assert.deepStrictEqual((await outcome).offered, [id]);
    const shown: string[] = [];
    const listening = c.notify.onDidShow((s) => 'message' in s && shown.push(String(s.message)));
    try {
      const result = await vscode.commands.executeCommand<GoToCodeResult>('hubspotTasks.todo.goToCode', id);
      assert.deepStrictEqual(result, { kind: 'notFound', taskId: id, recorded: { path: `${FOLDER}/recorded.ts`, line: 2 } });
      await waitFor(() => shown.find((m) => m.includes(`HS-${id}`) && m.includes(`${FOLDER}/recorded.ts, line 2`)), { what: 'the not-found message naming the recorded path' });
    } finally {
      listening.dispose();
    }

    // In the tree, the TODO-made task carries the Go to Code action (its contextValue); a plain one does not.
    await c.tree.refresh();
    await c.tree.tasks.ensureLoaded();
    const items = await waitFor(async () => {
      const nodes: TreeNode[] = [];
      for (const group of await children(c)) {
        nodes.push(...(await children(c, group)));
      }
      const items = nodes.filter((n) => n.kind === 'task').map((n) => c.tree.provider.getTreeItem(n));
      return items.some((i) => String(i.label) === 'gone from code 0') ? items : undefined;
    }, { what: 'the new task in the tree' });
    assert.strictEqual(items.find((i) => String(i.label) === 'gone from code 0')?.contextValue, 'task.open.code');
    assert.ok(items.some((i) => i.contextValue === 'task.open'), 'demo tasks (not from TODOs) keep their plain contextValue');
  });

  it('150 linked TODOs removed by an edit and save: one prompt, 2 batch updates, the completed one not offered', async () => {
    const ids = await createTasks(150, 'bulk gone');
    const [done] = await createTasks(1, 'already done');
    await c.client.tasks.updateTask(done, { hs_task_status: 'COMPLETED' });
    const text = [...ids, done].map((id) => `// TODO(HS-${id}): bulk`).join('\n') + '\nconst keep = 1;\n';
    const uri = await writeWorkspaceFile(`${FOLDER}/bulk.ts`, text);
    await indexed(ids[149], (files) => files.length === 1, 'bulk.ts indexed');
    await sandbox.clearRequests();

    const asked: string[][] = [];
    hooks.answerDeletedTodos = answerOwn(asked, 'complete');
    const outcome = nextOutcome();
    const editor = await vscode.window.showTextDocument(await openedWith(uri, `HS-${done}`));
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 151, 0), ''));
    await editor.document.save();
    const result = await outcome;

    assert.strictEqual(asked.length, 1, 'one prompt');
    assert.deepStrictEqual([...asked[0]].sort(), [...ids].sort(), 'the open tasks, not the completed one');
    assert.deepStrictEqual([...result.completed].sort(), [...ids].sort());
    const updates = await requests('batchUpdateTasks');
    assert.strictEqual(updates.length, 2, '⌈150/100⌉ batch updates');
    const after = await c.client.tasks.batchReadTasks(ids, ['hs_task_status']);
    assert.ok(after.results.length === 150 && after.results.every((t) => t.properties.hs_task_status === 'COMPLETED'));
  });

  it('files changed on disk: a TODO moved to another file is not offered, one deleted with its file is', async () => {
    const [movedId, goneId] = await createTasks(2, 'on disk');
    const from = await writeWorkspaceFile(`${FOLDER}/from.ts`, `// TODO(HS-${movedId}): moves\n`);
    const gone = await writeWorkspaceFile(`${FOLDER}/sub/gone.ts`, `// TODO(HS-${goneId}): goes\n`);
    await indexed(movedId, (files) => files.length === 1, 'from.ts indexed');
    await indexed(goneId, (files) => files.length === 1, 'gone.ts indexed');

    const asked: string[][] = [];
    hooks.answerDeletedTodos = answerOwn(asked, 'complete');
    const outcome = nextOutcome();
    // As a pull would: one file loses its TODO, another gains it, a folder is deleted.
    await writeWorkspaceFile(`${FOLDER}/from.ts`, '// moved away\n');
    await writeWorkspaceFile(`${FOLDER}/to.ts`, `// TODO(HS-${movedId}): moves\n`);
    await deleteQuietly(vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'sub'));
    const result = await outcome;
    assert.deepStrictEqual(asked, [[goneId]]);
    assert.deepStrictEqual(result.completed, [goneId]);
    assert.ok(links.index.has(movedId));

    // A git-ignored copy (build output) written later stays out of the index, as in the first scan.
    const [sentinel] = await createTasks(1, 'sentinel');
    await writeWorkspaceFile(`${FOLDER}/.gitignore`, 'build/\n');
    await writeWorkspaceFile(`${FOLDER}/build/out.ts`, `// TODO(HS-${movedId}): copied by a build\n`);
    await writeWorkspaceFile(`${FOLDER}/after-build.ts`, `// TODO(HS-${sentinel}): written after the build\n`);
    await indexed(sentinel, (files) => files.length === 1, 'the file written after the build output indexed');
    assert.deepStrictEqual(links.index.sites(movedId).map((s) => s.file.slice(workspaceRoot().fsPath.length + 1).replace(/\\/g, '/')), [`${FOLDER}/to.ts`]);
    assert.ok(!links.index.sites(movedId).some((s) => s.file === from.fsPath) && !links.index.has(goneId) && gone.fsPath.endsWith('gone.ts'));
  });

  it('a prompt left unanswered does not hold up the index: later changes are indexed and Go to Code works', async () => {
    const [waiting, later] = await createTasks(2, 'unanswered');
    await writeWorkspaceFile(`${FOLDER}/waiting.ts`, `// TODO(HS-${waiting}): the prompt for me stays open\n`);
    await indexed(waiting, (files) => files.length === 1, 'waiting.ts indexed');
    const shown: string[] = [];
    const listening = c.notify.onDidShow((s) => 'message' in s && shown.push(String(s.message)));
    try {
      // No hook: the real notification, which nobody answers.
      await deleteQuietly(vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'waiting.ts'));
      await waitFor(() => shown.find((m) => m.includes('unanswered 0') && m.includes('was removed from the code')), { what: 'the real prompt' });
      const file = await writeWorkspaceFile(`${FOLDER}/later.ts`, `\n// TODO(HS-${later}): written while the prompt waits\n`);
      await indexed(later, (files) => files.length === 1 && files[0] === file.fsPath, 'a file written while the prompt waits');
      const opened = await vscode.commands.executeCommand<GoToCodeResult>('hubspotTasks.todo.goToCode', later);
      assert.deepStrictEqual(opened.kind === 'opened' && [opened.uri.fsPath, opened.line], [file.fsPath, 1]);
    } finally {
      listening.dispose();
      await vscode.commands.executeCommand('notifications.clearAll'); // the prompt closes unanswered: declined
    }
  });

  it('with the setting "complete": completed without a prompt, and said so', async () => {
    await configure({ 'hubspotTasks.todo.deletedTodos': 'complete' });
    try {
      const [id] = await createTasks(1, 'auto complete');
      await writeWorkspaceFile(`${FOLDER}/auto.ts`, `// TODO(HS-${id}): auto\n`);
      await indexed(id, (files) => files.length === 1, 'auto.ts indexed');
      const asked: unknown[] = [];
      hooks.answerDeletedTodos = (tasks) => {
        asked.push(tasks);
        return 'dismiss';
      };
      const shown: string[] = [];
      const listening = c.notify.onDidShow((s) => 'message' in s && shown.push(String(s.message)));
      try {
        const outcome = nextOutcome();
        await deleteQuietly(vscode.Uri.joinPath(workspaceRoot(), FOLDER, 'auto.ts'));
        assert.deepStrictEqual((await outcome).completed, [id]);
        assert.strictEqual(asked.length, 0, 'no prompt');
        await waitFor(() => shown.find((m) => /Completed 1 HubSpot task whose linked TODO was removed from the code\./.test(m)), { what: 'the notification saying so' });
      } finally {
        listening.dispose();
      }
    } finally {
      await configure({ 'hubspotTasks.todo.deletedTodos': 'ask' });
    }
  });

  it('the created task\'s notes link the line at the commit as well as on the branch (.git fallback)', async () => {
    // A fresh name per run: VS Code may still hold an earlier run's (linked) document of the same path.
    const name = `repo-${Date.now().toString(36)}`;
    const repo = vscode.Uri.joinPath(workspaceRoot(), FOLDER, name);
    const file = await writeWorkspaceFile(`${FOLDER}/${name}/src/pay.ts`, 'export const pay = 1;\n// TODO: permalink me\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo.fsPath, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    const commit = git('rev-parse', 'HEAD');
    await sandbox.clearRequests();
    hooks.review = async (candidates) => [...candidates]; // the review pick accepted as shown
    const summary = await vscode.commands.executeCommand<CreationSummary>('hubspotTasks.todo.createFromFile', file);
    hooks.review = undefined;
    assert.strictEqual(summary.created.length, 1);
    const [create] = await requests('batchCreateTasks');
    const body = (create.body as { inputs: Array<{ properties: Record<string, string> }> }).inputs[0].properties.hs_task_body;
    assert.ok(body.includes('href="https://github.com/acme/shop/blob/main/src/pay.ts#L2"'), body);
    assert.ok(body.includes(`href="https://github.com/acme/shop/blob/${commit}/src/pay.ts#L2">permalink ${commit.slice(0, 7)}</a>`), body);
  });
});
