// The task editor in a real extension host against the sandbox: messages from the page (posted
// through the panel's `receive`, exactly the path real webview messages take) drive the expected
// HubSpot calls, seen in the sandbox's request log.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { Commands, WebviewTypes } from '../../../src/constants';
import type { ApiTask } from '../../../src/hubspot/types';
import type { FromWebview, TaskFields, ToWebview } from '../../../src/webviews/protocol';
import type { TaskEditorPanel } from '../../../src/webviews/taskEditor/taskEditorPanel';
import { activateExtension } from '../support/extension';
import { SANDBOX_TOKEN, sandbox as sandboxAdmin, type LoggedRequest } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { DEMO_OWNER_ID } from '../../support/demo';


/** The admin helpers, with the request log unwrapped (GET /__sandbox/requests answers `{requests}`). */
const sandbox = {
  ...sandboxAdmin,
  requests: async (): Promise<LoggedRequest[]> => {
    const answer: unknown = await sandboxAdmin.requests();
    return Array.isArray(answer) ? answer : (answer as { requests: LoggedRequest[] }).requests;
  },
};
const DUE = Date.UTC(2027, 4, 6, 15, 0);

describe('Task editor (webview panel, in the extension host)', function () {
  this.timeout(60_000);
  let container: Container;
  const changedTasks: ApiTask[][] = [];

  // The editor never searches tasks: searchTasks in the log comes from the tree and the status bar
  // refreshing in the background of the same window, so it is left out with the lookups of the form.
  // The tree and status bar refresh in the background (owners, account, task searches); only the editor's own calls matter here.
  const background = new Set(['listOwners', 'accountDetails', 'searchTasks']);
  const ours = (log: LoggedRequest[]) => log.filter((r) => !background.has(r.operation ?? ''));
  const ops = (log: LoggedRequest[]) => ours(log).map((r) => r.operation);

  function draft(overrides: Partial<TaskFields> = {}): TaskFields {
    return {
      subject: 'Send the proposal', notes: 'Pricing\nTimeline', dueAt: DUE, reminderAt: null, status: 'NOT_STARTED',
      priority: 'MEDIUM', type: 'EMAIL', ownerId: DEMO_OWNER_ID, associations: [], ...overrides,
    };
  }

  /**
   * Lets the real page finish its handshake first (its `ready` answer would otherwise interleave with
   * the replies a test looks at). Not fatal if the page never loads: posts are recorded either way.
   */
  async function settled(panel: TaskEditorPanel): Promise<TaskEditorPanel> {
    await panel.loaded;
    // After `init` the page always reports whether the form is dirty: then the handshake is over.
    await waitFor(() => panel.isReady && panel.received.includes('dirty'), { timeoutMs: 15_000, what: 'the webview handshake' })
      .catch(() => undefined);
    return panel;
  }

  /** What the panel posts while handling `message` (the handler is awaited to completion). */
  async function send(panel: TaskEditorPanel, message: FromWebview | Record<string, unknown>): Promise<ToWebview[]> {
    const before = panel.posted.length;
    await panel.receive(message);
    return panel.posted.slice(before);
  }

  function newestPanel(): TaskEditorPanel {
    const panels = container.taskEditors.openPanels;
    assert.ok(panels.length > 0, 'a task editor is open');
    return panels[panels.length - 1];
  }

  async function createTask(fields: TaskFields): Promise<string> {
    const task = await container.client.tasks.createTask({
      properties: {
        hs_task_subject: fields.subject, hs_timestamp: String(fields.dueAt), hs_task_status: fields.status,
        hs_task_priority: fields.priority, hs_task_type: fields.type, hubspot_owner_id: fields.ownerId, hs_task_body: '<p>Pricing</p>',
      },
    });
    return task.id;
  }

  async function openEditor(taskId: string): Promise<TaskEditorPanel> {
    await vscode.commands.executeCommand(Commands.editTask, taskId);
    const panel = container.taskEditors.panelFor(taskId);
    assert.ok(panel, `an editor for ${taskId}`);
    return settled(panel);
  }

  before(async () => {
    container = await activateExtension();
    await sandbox.reset('demo');
    await container.auth.signIn(SANDBOX_TOKEN);
    await container.auth.setMe(DEMO_OWNER_ID);
    container.register(container.tasksChanged.event((tasks) => changedTasks.push(tasks)));
  });

  afterEach(async () => {
    for (const panel of container.taskEditors.openPanels) {
      panel.dispose();
    }
  });

  it('serves a strict CSP with a fresh nonce and only media/ and dist/webview/ as resource roots', async () => {
    await vscode.commands.executeCommand(Commands.newTask);
    const panel = newestPanel();
    const html = panel.panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src /);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(html.includes(`<script nonce="${nonce}" src=`), 'the one script carries the nonce');
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1, 'exactly one script element');
    const ext = container.context.extensionUri.path;
    assert.deepStrictEqual(panel.panel.webview.options.localResourceRoots?.map((u) => u.path), [`${ext}/media`, `${ext}/dist/webview`]);
    await vscode.commands.executeCommand(Commands.newTask);
    const other = newestPanel();
    assert.notStrictEqual(other, panel);
    assert.notStrictEqual(/'nonce-([^']+)'/.exec(other.panel.webview.html)?.[1], nonce, 'a new nonce per page');
  });

  it('creates a new task with the association found by search, inline in ONE create call', async () => {
    await vscode.commands.executeCommand(Commands.newTask);
    const panel = await settled(newestPanel());
    assert.strictEqual(panel.panel.title, 'New Task');
    const init = panel.posted.find((m) => m.type === 'init');
    if (init?.type === 'init') {
      assert.strictEqual(init.base.fields.ownerId, DEMO_OWNER_ID, 'a new task is mine by default');
      assert.ok(init.owners.some((o) => o.id === DEMO_OWNER_ID));
    }

    await sandbox.clearRequests();
    const found = await send(panel, { type: 'search', requestId: 7, objectType: 'companies', query: 'Northwind' });
    const results = found.find((m) => m.type === 'searchResults');
    assert.ok(results?.type === 'searchResults' && results.requestId === 7 && results.items.length > 0, 'search results');
    const company = results.items[0];
    assert.strictEqual(company.label, 'Northwind Traders');
    assert.deepStrictEqual(ops(await sandbox.requests()), ['searchCompanies']);

    await sandbox.clearRequests();
    changedTasks.length = 0;
    const posted = await send(panel, { type: 'save', draft: draft({ associations: [company] }) });
    assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'saved']);
    const log = ours(await sandbox.requests());
    assert.deepStrictEqual(ops(log), ['createTask']);
    const body = log[0].body as { properties: Record<string, string>; associations: unknown };
    assert.deepStrictEqual(body.associations, [{ to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] }]);
    assert.strictEqual(body.properties.hs_task_body, '<p>Pricing<br>Timeline</p>');
    assert.strictEqual(body.properties.hs_timestamp, new Date(DUE).toISOString());

    const taskId = panel.taskId;
    assert.ok(taskId, 'the panel now edits the created task');
    assert.strictEqual(container.taskEditors.panelFor(taskId), panel, 're-keyed by the new id');
    assert.strictEqual(panel.panel.title, 'Edit: Send the proposal');
    assert.deepStrictEqual(changedTasks.map((list) => list.map((t) => t.id)), [[taskId]], 'tasksChanged fired once with the task');
  });

  it('a formatted note edited in one word keeps every other byte; the real page reports it unedited until then', async () => {
    const note = '<p>Call <strong>Ana</strong> about the <em>Q3</em> renewal &amp; <u>pricing</u>.</p>'
      + '<p>Deck: <a href="https://example.com/deck?a=1&amp;b=2">slides</a><br/>Mail: <a href=\'mailto:ana@example.com\'>Ana</a></p>'
      + '<ul><li>bring <b>numbers</b></li><li>ask about <i>seats</i></li></ul><ol><li>first</li><li>second</li></ol><script>x()</script>';
    const task = await container.client.tasks.createTask({
      properties: { hs_task_subject: 'Formatted', hs_timestamp: String(DUE), hubspot_owner_id: DEMO_OWNER_ID, hs_task_body: note },
    });
    const panel = await openEditor(task.id);
    const allowlisted = note.replace('<script>x()</script>', '');
    assert.strictEqual(panel.baseline.fields.notes, allowlisted, 'the page gets the note in the allowlist, its bytes kept');
    // The page rendered it in the rich-text editor and read it back: not an edit.
    await waitFor(() => panel.received.includes('dirty'), { what: 'the page\'s dirty report', timeoutMs: 15_000 });
    assert.ok(!panel.panel.title.startsWith('●'), `not dirty: ${panel.panel.title}`);

    await sandbox.clearRequests();
    // What the page sends after a one-word edit: its own spelling (<br>, ") of the rest.
    const edited = allowlisted.replace('Q3', 'Q4').replace('<br/>', '<br>').replace("href='mailto:ana@example.com'", 'href="mailto:ana@example.com"');
    const posted = await send(panel, { type: 'save', draft: { ...panel.baseline.fields, notes: edited } });
    assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'saved']);
    const update = ours(await sandbox.requests()).find((r) => r.operation === 'updateTask');
    assert.deepStrictEqual(update?.body, { properties: { hs_task_body: allowlisted.replace('Q3', 'Q4') } });
    const stored = await container.client.tasks.getTask(task.id, ['hs_task_body']);
    assert.strictEqual(stored.properties.hs_task_body, allowlisted.replace('Q3', 'Q4'));
  });

  it('saves only the differences of an existing task: changed properties, one PUT / DELETE per association', async () => {
    const taskId = await createTask(draft());
    const [contact] = (await container.client.crm.searchObjects('contacts', 'a', { limit: 2 })).items;
    const [deal] = (await container.client.crm.searchObjects('deals', 'license', { limit: 1 })).items;
    await container.client.tasks.createTaskAssociation(taskId, 'contacts', contact.id);
    const panel = await openEditor(taskId);
    assert.deepStrictEqual(panel.baseline.fields.associations.map((a) => `${a.objectType}:${a.id}`), [`contacts:${contact.id}`]);
    assert.strictEqual(panel.baseline.fields.notes, '<p>Pricing</p>', 'notes: the allowlisted HTML');

    await sandbox.clearRequests();
    changedTasks.length = 0;
    const edited: TaskFields = {
      ...panel.baseline.fields,
      priority: 'HIGH',
      associations: [{ objectType: 'deals', id: deal.id, label: 'Deal' }],
    };
    const posted = await send(panel, { type: 'save', draft: edited });
    assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'saved']);
    const log = ours(await sandbox.requests());
    assert.deepStrictEqual(ops(log), ['getTask', 'updateTask', 'deleteTaskAssociation', 'createTaskAssociation', 'getTask']);
    assert.deepStrictEqual(log[1].body, { properties: { hs_task_priority: 'HIGH' } }, 'notes not rewritten: unchanged');
    assert.match(log[2].path, new RegExp(`/${taskId}/associations/contacts/${contact.id}/`));
    assert.match(log[3].path, new RegExp(`/${taskId}/associations/deals/${deal.id}/`));
    assert.strictEqual(changedTasks.length, 1);
    assert.strictEqual(changedTasks[0][0].properties.hs_task_priority, 'HIGH');
  });

  it('opening an open task focuses its panel instead of opening another', async () => {
    const taskId = await createTask(draft({ subject: 'Only one panel' }));
    const panel = await openEditor(taskId);
    const count = container.taskEditors.openPanels.length;
    await vscode.commands.executeCommand(Commands.editTask, { task: { id: taskId }, id: 'tree-node-id' });
    await vscode.commands.executeCommand(Commands.editTask, taskId);
    assert.strictEqual(container.taskEditors.openPanels.length, count);
    assert.strictEqual(container.taskEditors.panelFor(taskId), panel);
    await waitFor(() => panel.panel.active, { what: 'the panel to be active' });
  });

  it('shows unsaved changes in the panel title', async () => {
    const taskId = await createTask(draft({ subject: 'Title check' }));
    const panel = await openEditor(taskId);
    assert.strictEqual(panel.panel.title, 'Edit: Title check');
    await send(panel, { type: 'dirty', dirty: true });
    assert.strictEqual(panel.panel.title, '● Edit: Title check');
    await send(panel, { type: 'dirty', dirty: false });
    assert.strictEqual(panel.panel.title, 'Edit: Title check');
  });

  it('validates before any call: empty subject and missing due date are errors next to those fields', async () => {
    await vscode.commands.executeCommand(Commands.newTask);
    const panel = await settled(newestPanel());
    await sandbox.clearRequests();
    const posted = await send(panel, { type: 'save', draft: draft({ subject: '   ', dueAt: null }) });
    assert.deepStrictEqual(posted, [{ type: 'saveFailed', errors: [
      { field: 'subject', message: 'Enter a subject.' },
      { field: 'dueAt', message: 'Enter a due date and time.' },
    ] }]);
    assert.deepStrictEqual(ops(await sandbox.requests()), []);
  });

  it('maps HubSpot\'s VALIDATION_ERROR to the field it names', async () => {
    await vscode.commands.executeCommand(Commands.newTask);
    const panel = await settled(newestPanel());
    const posted = await send(panel, { type: 'save', draft: draft({ ownerId: '99999999' }) });
    const failed = posted.find((m) => m.type === 'saveFailed');
    assert.ok(failed?.type === 'saveFailed');
    assert.deepStrictEqual(failed.errors.map((e) => e.field), ['ownerId']);
    assert.strictEqual(panel.taskId, undefined, 'nothing created');
    assert.strictEqual(panel.isSaving, false, 'Save is usable again');
  });

  it('ignores unknown and malformed messages: no reply, no HubSpot call', async () => {
    const taskId = await createTask(draft({ subject: 'Malformed' }));
    const panel = await openEditor(taskId);
    await sandbox.clearRequests();
    for (const message of [
      { type: 'save' }, { type: 'save', draft: { ...draft(), dueAt: 'tomorrow' } }, { type: 'deleteEverything' },
      { type: 'search', requestId: 1, objectType: 'tickets', query: 'x' }, { type: 'resolveConflict', choice: 'overwrite' },
      'save', null,
    ]) {
      assert.deepStrictEqual(await send(panel, message as Record<string, unknown>), [], JSON.stringify(message));
    }
    assert.deepStrictEqual(ops(await sandbox.requests()), []);
  });

  describe('conflict: the task changed in HubSpot after the form loaded', () => {
    async function conflicted(): Promise<{ panel: TaskEditorPanel; taskId: string; edited: TaskFields }> {
      const taskId = await createTask(draft({ subject: 'Before' }));
      const panel = await openEditor(taskId);
      let moved: ApiTask;
      do { // versions are ms timestamps: repeat the idempotent edit until the stamp has moved on
        moved = await container.client.tasks.updateTask(taskId, { hs_task_subject: 'Changed in HubSpot', hs_task_type: 'CALL' });
      } while (moved.updatedAt === panel.baseline.updatedAt);
      await sandbox.clearRequests();
      const edited = { ...panel.baseline.fields, priority: 'LOW' };
      const posted = await send(panel, { type: 'save', draft: edited });
      assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'conflict']);
      const conflict = posted[1];
      assert.ok(conflict.type === 'conflict');
      assert.deepStrictEqual(conflict.changed, ['subject', 'type']);
      assert.strictEqual(conflict.latest.fields.subject, 'Changed in HubSpot');
      assert.ok(!ops(await sandbox.requests()).includes('updateTask'), 'nothing written');
      await sandbox.clearRequests();
      return { panel, taskId, edited };
    }

    it('Reload shows HubSpot\'s version and writes nothing', async () => {
      const { panel } = await conflicted();
      const posted = await send(panel, { type: 'resolveConflict', choice: 'reload' });
      assert.deepStrictEqual(posted.map((m) => m.type), ['init']);
      assert.ok(posted[0].type === 'init' && posted[0].base.fields.subject === 'Changed in HubSpot');
      assert.deepStrictEqual(ops(await sandbox.requests()), []);
      assert.strictEqual(panel.panel.title, 'Edit: Changed in HubSpot');
    });

    it('Overwrite writes the user\'s edits and keeps HubSpot\'s other changes', async () => {
      const { panel, taskId, edited } = await conflicted();
      const posted = await send(panel, { type: 'resolveConflict', choice: 'overwrite', draft: edited });
      assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'saved']);
      const log = ours(await sandbox.requests());
      assert.deepStrictEqual(ops(log), ['getTask', 'updateTask', 'getTask']);
      assert.deepStrictEqual(log[1].body, { properties: { hs_task_priority: 'LOW' } });
      const task = await container.client.tasks.getTask(taskId, ['hs_task_subject', 'hs_task_priority']);
      assert.deepStrictEqual([task.properties.hs_task_subject, task.properties.hs_task_priority], ['Changed in HubSpot', 'LOW']);
    });

    it('a resolveConflict with no conflict pending does nothing', async () => {
      const taskId = await createTask(draft({ subject: 'No conflict' }));
      const panel = await openEditor(taskId);
      await sandbox.clearRequests();
      assert.deepStrictEqual(await send(panel, { type: 'resolveConflict', choice: 'overwrite', draft: draft() }), []);
      assert.deepStrictEqual(ops(await sandbox.requests()), []);
    });
  });

  it('restores a panel after a reload from its saved state, keeping the old baseline so a change made meanwhile is a conflict', async () => {
    const taskId = await createTask(draft({ subject: 'Restored' }));
    const loaded = await openEditor(taskId);
    const base = loaded.baseline;
    loaded.dispose();
    let moved: ApiTask;
    do {
      moved = await container.client.tasks.updateTask(taskId, { hs_task_subject: 'Renamed while VS Code was closed' });
    } while (moved.updatedAt === base.updatedAt);

    // What VS Code does on reload: a fresh panel of our view type plus the state the page had saved.
    const raw = vscode.window.createWebviewPanel(WebviewTypes.taskEditor, 'restoring', vscode.ViewColumn.Active, {});
    await container.taskEditors.deserializeWebviewPanel(raw, { base, draft: { ...base.fields, notes: 'my unsaved notes' } });
    const panel = container.taskEditors.panelFor(taskId);
    assert.ok(panel, 'restored panel registered under its task id');
    await settled(panel);
    assert.strictEqual(panel.baseline.updatedAt, base.updatedAt, 'old baseline kept');
    assert.match(panel.panel.webview.html, /default-src 'none'/);
    const posted = await send(panel, { type: 'save', draft: { ...base.fields, notes: 'my unsaved notes' } });
    assert.deepStrictEqual(posted.map((m) => m.type), ['saving', 'conflict']);
  });

  it('disposes a restored panel whose saved state is malformed', async () => {
    const raw = vscode.window.createWebviewPanel(WebviewTypes.taskEditor, 'restoring', vscode.ViewColumn.Active, {});
    let disposed = false;
    raw.onDidDispose(() => (disposed = true));
    await container.taskEditors.deserializeWebviewPanel(raw, { base: { taskId: '../x' }, draft: 1 });
    assert.strictEqual(disposed, true);
  });
});
