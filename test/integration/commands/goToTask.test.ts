// "Go to Task…", keybindings and "Create HubSpot Task from Selection" in the real extension host,
// against the sandbox: what the quick pick searches (and how often), what it shows, what its actions do;
// that our keybindings collide with none of VS Code's defaults; and what a selection becomes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../../src/constants';
import type { Container } from '../../../src/container';
import type { Shown } from '../../../src/ui/notifier';
import { DEMO_OWNER_ID } from '../../support/demo';
import { waitFor } from '../../support/waitFor';
import { manifest } from '../support/extension';
import { freshTree, requests, signedInContainer } from '../tree/treeSupport';
import { sandbox } from '../support/sandbox';

type QuickPickShown = Extract<Shown, { kind: 'quickPick' }>;

describe('Go to Task…, keybindings and tasks from a selection (in the extension host)', function () {
  this.timeout(90_000);
  let c: Container;
  const shown: QuickPickShown[] = [];

  before(async () => {
    c = await signedInContainer();
    await freshTree(c);
    c.register(c.notify.onDidShow((s) => {
      if (s.kind === 'quickPick') {
        shown.push(s);
      }
    }));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    for (const panel of c.taskEditors.openPanels) {
      panel.dispose();
    }
  });

  async function open() {
    await vscode.commands.executeCommand(Commands.goToTask);
    return waitFor(() => c.goToTask.current?.current, { what: 'the Go to Task quick pick' });
  }

  it('lists my open tasks at once, soonest due first, with due, status, owner and primary record', async () => {
    const company = (await c.client.crm.searchObjects('companies', 'Northwind', { limit: 1 })).items[0];
    const task = await c.client.tasks.createTask({
      properties: { hs_task_subject: 'Go-to: send the Northwind quote', hs_timestamp: String(Date.now() - 86_400_000), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' },
    });
    await c.client.tasks.createTaskAssociation(task.id, 'companies', company.id);
    const session = await open();
    await waitFor(() => session.tasks.length > 0 && session.records.size > 0, { what: 'the first list with its records' });
    assert.ok(session.tasks.every((t) => t.ownerId === DEMO_OWNER_ID && t.status !== 'COMPLETED'), 'mine, open');
    const dues = session.tasks.map((t) => t.due?.getTime() ?? Infinity);
    assert.deepStrictEqual(dues, [...dues].sort((a, b) => a - b), 'soonest due first');
    await waitFor(() => session.records.get(task.id), { what: 'the new task\'s primary record' });
    assert.strictEqual(session.records.get(task.id), company.properties.name);
    const item = await waitFor(() => shown.at(-1)?.items.find((i) => i.label.includes('Go-to: send the Northwind quote') && i.detail?.includes(company.properties.name ?? '?')), { what: 'the row with its record' });
    assert.match(item.description ?? '', /yesterday · Not started/);
    assert.match(item.detail ?? '', /^Dana Demo · /);
  });

  it('searches HubSpot as you type: one search after a burst of keystrokes, never 5 or more within a second', async () => {
    const session = await open();
    await waitFor(() => session.tasks.length > 0, { what: 'the first list' });
    await sandbox.clearRequests();
    const before = session.pacer.started;
    for (const text of ['N', 'No', 'Nor', 'Nort', 'North', 'Northw', 'Northwind', 'Northwind q', 'Northwind qu', 'Northwind quote']) {
      session.pick.value = text;
    }
    const typed = (r: { body?: unknown }) => (r.body as { query?: string } | undefined)?.query === 'Northwind quote';
    await waitFor(async () => (await requests('searchTasks')).some(typed), { what: 'the search for the text typed' });
    await waitFor(() => !session.tasks.some((t) => t.subject !== 'Go-to: send the Northwind quote' && !/northwind|quote/i.test(t.subject + t.notesHtml)) && session.tasks.length > 0, { what: 'the typed search\'s answer shown' });
    const searches = await requests('searchTasks');
    const ours = searches.filter((r) => JSON.stringify(r.body).includes('Northwind'));
    assert.ok(ours.length >= 1 && ours.length <= 2, `${ours.length} searches for 10 keystrokes`);
    assert.strictEqual(session.pacer.started - before, ours.length);
    assert.strictEqual((ours.at(-1)?.body as { query?: string }).query, 'Northwind quote', 'the last text typed');
  });

  it('Enter offers the actions; Complete completes the task in HubSpot, Open opens its editor', async () => {
    const task = await c.client.tasks.createTask({
      properties: { hs_task_subject: 'Go-to: unique zebra task', hs_timestamp: String(Date.now() + 86_400_000), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' },
    });
    const acted: string[] = [];
    const listening = c.goToTask.get().onDidAct((e) => acted.push(`${e.taskId}:${e.action}`));
    try {
      let session = await open();
      session.pick.value = 'zebra';
      await waitFor(() => session.tasks.length === 1 && session.tasks[0].id === task.id, { what: 'the one zebra task' });
      const count = shown.length;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const actions = await waitFor(() => shown.slice(count).find((s) => /HubSpot task: Go-to: unique zebra task/.test(s.title ?? '')), { what: 'the actions' });
      assert.deepStrictEqual(actions.items.map((i) => i.label.replace(/^\$\([a-z-]+\) /, '')), ['Open', 'Set Due Date…', 'Set Priority…', 'Complete', 'Open in HubSpot']);
      await vscode.commands.executeCommand('quickInput.first');
      for (let i = 0; i < 3; i++) {
        await vscode.commands.executeCommand('quickInput.next');
      }
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => acted.includes(`${task.id}:complete`), { what: 'Complete' });
      assert.strictEqual((await c.client.tasks.getTask(task.id, ['hs_task_status'])).properties.hs_task_status, 'COMPLETED');

      session = await open();
      session.pick.value = 'zebra';
      await waitFor(() => session.tasks.length === 1 && session.tasks[0].status === 'COMPLETED', { what: 'the completed zebra task' });
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => shown.some((s) => /HubSpot task: Go-to: unique zebra task/.test(s.title ?? '') && s.items.some((i) => i.label.endsWith('Reopen'))), { what: 'Reopen offered for a completed task' });
      await vscode.commands.executeCommand('quickInput.first');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => acted.includes(`${task.id}:open`), { what: 'Open' });
      await waitFor(() => c.taskEditors.panelFor(task.id), { what: 'the task editor' });
    } finally {
      listening.dispose();
    }
  });

  it('offers Go to Code for a task created from a TODO', async () => {
    const task = await c.client.tasks.createTask({
      properties: {
        hs_task_subject: 'Go-to: quokka from a TODO', hs_timestamp: String(Date.now() + 86_400_000), hubspot_owner_id: DEMO_OWNER_ID,
        hs_task_body: '<p>fix it</p><p style="color:#99acc2;font-size:11px" data-hs-todo-key="k1">TODO key: hstodo-k1</p>',
      },
    });
    const session = await open();
    session.pick.value = 'quokka';
    await waitFor(() => session.tasks.length === 1 && session.tasks[0].id === task.id, { what: 'the quokka task' });
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(() => shown.find((s) => /quokka/.test(s.title ?? '') && s.items.some((i) => i.label.endsWith('Go to Code'))), { what: 'Go to Code among the actions' });
  });

  it('binds Go to Task, New Task and Create Task from TODO to keys none of VS Code\'s default keybindings use', async () => {
    const ours = manifest().contributes as { keybindings?: { command: string; key: string; mac?: string }[] };
    const bindings = ours.keybindings ?? [];
    assert.deepStrictEqual(bindings.map((b) => b.command).sort(), [Commands.goToTask, 'hubspotTasks.newTask', 'hubspotTasks.todo.createTask'].sort());
    // VS Code's own list for this platform, as "Open Default Keyboard Shortcuts (JSON)" shows it.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    // That list includes the contributions of installed extensions, ours too: those are left out.
    const entries = [...document.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1].toLowerCase(), command: m[2] }));
    assert.ok(entries.some((e) => e.command === Commands.goToTask), 'ours are in the list VS Code uses');
    const defaults = entries.filter((e) => !e.command.startsWith('hubspotTasks.')).map((e) => e.key);
    assert.ok(defaults.length > 500, `${defaults.length} default keybindings read`);
    const key = (b: { key: string; mac?: string }) => (process.platform === 'darwin' ? b.mac ?? b.key : b.key).toLowerCase();
    for (const binding of bindings) {
      const ourKey = key(binding);
      const [first] = ourKey.split(' ');
      assert.ok(!defaults.includes(ourKey), `${ourKey} (${binding.command}) is a default keybinding`);
      // A default binding of the chord's second part alone would not collide; a default of the whole first
      // part as a single key (not a chord prefix) would swallow the chord.
      assert.ok(!defaults.includes(first) || defaults.some((d) => d.startsWith(`${first} `)), `${first} is a default single-key binding`);
    }
  });

  it('Create Task from Selection: subject from the first line, notes with the code, hinted records; the file is not changed', async () => {
    const company = (await c.client.crm.searchObjects('companies', 'Northwind', { limit: 1 })).items[0];
    const code = [
      'function total(items) {',
      '  // Rounding is off for the Northwind invoices @company:' + company.id + ' !high',
      '  return items.reduce((sum, i) => sum + i.price * i.qty, 0) < 1e9 && "<b>ok</b>";',
      '}',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ content: code, language: 'javascript' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 2, 3, 1);
    const before = c.taskEditors.openPanels.length;
    await vscode.commands.executeCommand(Commands.createFromSelection);
    const panel = await waitFor(() => c.taskEditors.openPanels.length > before && c.taskEditors.openPanels.at(-1), { what: 'the task editor with the selection' });
    await panel.loaded;
    const fields = panel.baseline.fields;
    assert.strictEqual(fields.subject, 'Rounding is off for the Northwind invoices');
    assert.strictEqual(fields.priority, 'HIGH');
    assert.deepStrictEqual(fields.associations.map((a) => `${a.objectType}:${a.id}:${a.label}`), [`companies:${company.id}:${company.properties.name}`]);
    assert.match(fields.notes, /^<p>Untitled-\d+, lines 2–4<\/p><p>/);
    assert.ok(fields.notes.includes('return items.reduce((sum, i) =&gt; sum + i.price * i.qty, 0) &lt; 1e9 &amp;&amp; "&lt;b&gt;ok&lt;/b&gt;";'), fields.notes);
    assert.strictEqual(document.getText(), code, 'no comment rewrite');

    await sandbox.clearRequests();
    // The page fills the default due time of a new task; here the test does.
    await panel.receive({ type: 'save', draft: { ...fields, dueAt: Date.now() + 86_400_000 } });
    const [create] = await requests('createTask');
    const body = create.body as { properties: Record<string, string>; associations?: { to: { id: string } }[] };
    assert.strictEqual(body.properties.hs_task_subject, 'Rounding is off for the Northwind invoices');
    assert.strictEqual(body.properties.hs_task_body, fields.notes);
    assert.deepStrictEqual(body.associations?.map((a) => a.to.id), [company.id]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
