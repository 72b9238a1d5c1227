// The Tasks view in a real extension host against the sandbox (demo seed): labels and counts, ONE
// search per group page, paging, filters, each action changing the sandbox and the tree, batches per
// 100, the status bar's single search, a rejected token and the offline cache.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { Commands } from '../../../src/constants';
import type { LoadMoreNode, TreeNode } from '../../../src/views/treeNodes';
import { tokenKeyFor, useHost } from '../support/hosts';
import { sandbox, sandboxUrl } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { children, configure, freshTree, groupNode, idle, requests, rootLabels, searchBody, signedInContainer, taskNodes } from './treeSupport';
import { DEMO_OWNER_ID, SANDBOX_TOKEN } from '../../support/demo';

describe('Tasks tree (in the extension host, against the sandbox)', function () {
  this.timeout(60_000);
  let c: Container;

  before(async () => {
    // Request counts are asserted here, not the client's pacing: the harness runs the extension unpaced
    // (test/harness/tuning.ts); the unit tests cover the pacing.
    c = await signedInContainer();
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');
  });
  beforeEach(async () => freshTree(c));
  after(async () => {
    await configure({ 'hubspotTasks.pageSize': 50, 'hubspotTasks.baseUrl': sandboxUrl() });
    await sandbox.configure({ searchLagMs: 0 });
  });

  it('labels each due group with its search total, ONE search per group', async () => {
    await c.tree.refresh();
    await idle(c);
    const groups = c.tree.tasks.groups();
    const searches = (await requests('searchTasks')).filter((r) => searchBody(r).limit === 50);
    assert.strictEqual(searches.length, groups.length, 'one search per group');
    assert.ok(searches.every((r) => searchBody(r).after === undefined), 'first pages only');
    const labels = await rootLabels(c);
    assert.deepStrictEqual(labels.map((l) => l.replace(/ \(\d+\)$/, '')), groups.map((g) => g.group.label));
    for (const [i, state] of groups.entries()) {
      assert.strictEqual(labels[i], `${state.group.label} (${state.total})`);
      assert.strictEqual((await taskNodes(c, state.group.id).catch(() => [])).length, state.tasks.length);
    }
    // The groups partition my open tasks: their totals add up to one independent count.
    const all = await c.client.tasks.searchTasks({
      filterGroups: [{ filters: [
        { propertyName: 'hubspot_owner_id', operator: 'EQ', value: DEMO_OWNER_ID },
        { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
      ] }],
      limit: 1,
    });
    assert.strictEqual(groups.reduce((n, g) => n + g.total, 0), all.total);
    assert.ok(groups.find((g) => g.group.id === 'overdue')!.total > 0, 'the demo seed has overdue tasks');
  });

  it('groups by priority from the view title, with the same tasks split High/Medium/Low/None', async () => {
    const byDue = c.tree.tasks.groups().reduce((n, g) => n + g.total, 0);
    await vscode.commands.executeCommand(Commands.groupByPriority);
    await idle(c);
    const labels = await rootLabels(c);
    assert.deepStrictEqual(labels.map((l) => l.replace(/ \(\d+\)$/, '')), ['High', 'Medium', 'Low', 'None']);
    assert.strictEqual(c.tree.tasks.groups().reduce((n, g) => n + g.total, 0), byDue);
    assert.strictEqual((await requests('searchTasks')).filter((r) => searchBody(r).limit === 50).length, 4);
    assert.match(c.tree.view.description ?? '', /by priority/);
    const high = await taskNodes(c, 'HIGH');
    assert.ok(high.length > 0 && high.every((n) => n.task.priority === 'HIGH'));
    const dues = high.map((n) => n.task.due?.getTime() ?? Infinity);
    assert.deepStrictEqual(dues, [...dues].sort((a, b) => a - b), 'sorted by due date within the group');
  });

  it('"Load more" fetches exactly the remaining tasks, ONE search per page', async () => {
    await configure({ 'hubspotTasks.pageSize': 10 });
    await c.tree.tasks.setFilters({ owner: 'all' });
    await idle(c);
    const later = c.tree.tasks.group('later')!;
    assert.ok(later.total > 20, `Later has ${later.total}`);
    await sandbox.clearRequests();
    let pages = 0;
    for (;;) {
      const nodes = await children(c, await groupNode(c, 'later'));
      const more = nodes.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      if (!more) {
        assert.strictEqual(nodes.filter((n) => n.kind === 'task').length, later.total);
        break;
      }
      assert.match(String(c.tree.provider.getTreeItem(more).label), new RegExp(`${more.loaded} of ${later.total}`));
      await vscode.commands.executeCommand(Commands.loadMore, more);
      pages++;
    }
    // The tree's pages (limit 10). Not the status bar's count (limit 1): it searches again on its own once
    // the search lag after an earlier test's write has passed, which may fall inside this loop.
    const searches = (await requests('searchTasks')).filter((r) => searchBody(r).limit === 10);
    assert.strictEqual(searches.length, pages);
    assert.strictEqual(pages, Math.ceil(later.total / 10) - 1);
    assert.deepStrictEqual(searches.map((r) => searchBody(r).after), Array.from({ length: pages }, (_, i) => String((i + 1) * 10)));
    assert.strictEqual(new Set(later.tasks.map((t) => t.id)).size, later.total);
  });

  it('filters reach the request and the view description, and are remembered per workspace', async () => {
    await vscode.commands.executeCommand(Commands.filterOwner, 'all');
    await vscode.commands.executeCommand(Commands.filterText, 'call');
    await vscode.commands.executeCommand(Commands.filterStatus, ['WAITING', 'IN_PROGRESS']);
    await vscode.commands.executeCommand(Commands.toggleCompleted);
    await idle(c);
    const body = searchBody((await requests('searchTasks')).at(-1)!);
    const filters = body.filterGroups![0].filters;
    assert.strictEqual(body.query, 'call');
    assert.ok(!filters.some((f) => f.propertyName === 'hubspot_owner_id'), 'all owners: no owner filter');
    assert.deepStrictEqual(filters.find((f) => f.propertyName === 'hs_task_status'), { propertyName: 'hs_task_status', operator: 'IN', values: ['WAITING', 'IN_PROGRESS'] });
    assert.strictEqual(c.tree.view.description, 'All owners · incl. completed · Waiting/In progress · “call”');
    assert.deepStrictEqual(c.context.workspaceState.get('hubspotTasks.filters'), { owner: 'all', hideCompleted: false, statuses: ['WAITING', 'IN_PROGRESS'], text: 'call' });
    for (const state of c.tree.tasks.groups()) {
      assert.ok(state.tasks.every((t) => ['WAITING', 'IN_PROGRESS'].includes(t.status)));
    }
    await vscode.commands.executeCommand(Commands.clearFilters);
    assert.strictEqual(c.tree.view.description, 'Mine');
  });

  it('completing a task from the tree: ONE update, the tree and status bar change at once (search lagging)', async () => {
    await c.tree.statusBar.refresh(true);
    const before = c.tree.statusBar.current!.total;
    assert.strictEqual(c.tree.statusBar.text, `$(checklist) ${before} due`);
    await sandbox.configure({ searchLagMs: 600_000 });
    await sandbox.clearRequests();
    const [node] = await taskNodes(c, 'today');
    const todayTotal = c.tree.tasks.group('today')!.total;
    await vscode.commands.executeCommand(Commands.complete, node, [node]);
    assert.deepStrictEqual((await requests()).map((r) => r.operation), ['updateTask']);
    assert.strictEqual((await c.client.tasks.getTask(node.task.id, ['hs_task_status'])).properties.hs_task_status, 'COMPLETED');
    assert.ok(!(await taskNodes(c, 'today')).some((n) => n.task.id === node.task.id));
    assert.match((await rootLabels(c)).find((l) => l.startsWith('Today'))!, new RegExp(`\\(${todayTotal - 1}\\)`));
    assert.strictEqual(c.tree.statusBar.current!.total, before - 1);
    assert.strictEqual(c.tree.statusBar.text, `$(checklist) ${before - 1} due`);
    // A refresh while search still lags keeps showing the write.
    await c.tree.tasks.refresh();
    assert.ok(!(await taskNodes(c, 'today')).some((n) => n.task.id === node.task.id));
  });

  it('reopen, priority, due date and archive each change the sandbox and the tree', async () => {
    await c.tree.tasks.setFilters({ hideCompleted: false });
    await idle(c);
    const get = async (id: string) => (await c.client.tasks.getTask(id, ['hs_task_status', 'hs_task_priority', 'hs_timestamp'])).properties;
    const [done] = (await taskNodes(c, 'today')).filter((n) => n.task.status === 'COMPLETED').concat(await taskNodes(c, 'completedEarlier'));
    assert.ok(done, 'a completed task is shown');
    await vscode.commands.executeCommand(Commands.reopen, done, [done]);
    assert.strictEqual((await get(done.task.id)).hs_task_status, 'NOT_STARTED');
    assert.ok(c.tree.tasks.findTask(done.task.id)?.status === 'NOT_STARTED');

    const [task] = await taskNodes(c, 'tomorrow');
    await vscode.commands.executeCommand(Commands.setPriority, task, [task], { priority: 'HIGH' });
    assert.strictEqual((await get(task.task.id)).hs_task_priority, 'HIGH');
    assert.strictEqual(c.tree.tasks.findTask(task.task.id)?.priority, 'HIGH');

    const due = new Date();
    due.setHours(23, 0, 0, 0);
    await vscode.commands.executeCommand(Commands.setDueDate, task, [task], { due: due.getTime() });
    assert.strictEqual(new Date((await get(task.task.id)).hs_timestamp!).getTime(), due.getTime());
    assert.ok((await taskNodes(c, 'today')).some((n) => n.task.id === task.task.id), 'moved to Today at once');
    assert.ok(!(await taskNodes(c, 'tomorrow')).some((n) => n.task.id === task.task.id));

    const stateBefore = await sandbox.state();
    await vscode.commands.executeCommand(Commands.archive, task, [task], { confirmed: true });
    const stateAfter = await sandbox.state();
    assert.strictEqual(stateAfter.archivedTasks, stateBefore.archivedTasks + 1);
    assert.ok(!c.tree.tasks.findTask(task.task.id), 'gone from the tree');

    await sandbox.clearRequests();
    await vscode.commands.executeCommand(Commands.toggleArchived);
    let pages = 1;
    for (;;) {
      const archived = await children(c);
      if (archived.some((n) => n.kind === 'task' && n.task.id === task.task.id)) {
        break;
      }
      const more = archived.find((n) => n.kind === 'loadMore');
      assert.ok(more, 'listed as archived');
      await vscode.commands.executeCommand(Commands.loadMore, more);
      pages++;
    }
    const lists = await requests();
    assert.deepStrictEqual(lists.map((r) => `${r.operation} archived=${r.query.archived}`), Array(pages).fill('listTasks archived=true'), 'one list request per page');
    await vscode.commands.executeCommand(Commands.toggleArchived);
  });

  it('multi-select: 120 tasks reprioritised with ONE batch update per 100', async () => {
    await configure({ 'hubspotTasks.pageSize': 200 });
    await c.tree.tasks.setFilters({ owner: 'all', hideCompleted: false });
    await idle(c);
    const nodes: TreeNode[] = [];
    for (const state of c.tree.tasks.groups()) {
      nodes.push(...(await taskNodes(c, state.group.id)));
    }
    const selection = nodes.slice(0, 120);
    assert.strictEqual(selection.length, 120);
    await sandbox.clearRequests();
    await vscode.commands.executeCommand(Commands.setPriority, selection[5], selection, { priority: 'LOW' });
    const writes = await requests();
    assert.deepStrictEqual(writes.map((r) => r.operation), ['batchUpdateTasks', 'batchUpdateTasks']);
    assert.deepStrictEqual(writes.map((r) => (r.body as { inputs: unknown[] }).inputs.length), [100, 20]);
    const ids = selection.map((n) => (n as Extract<TreeNode, { kind: 'task' }>).task.id);
    const read = await c.client.tasks.batchReadTasks(ids, ['hs_task_priority']);
    assert.ok(read.results.every((t) => t.properties.hs_task_priority === 'LOW'));
    assert.ok(ids.every((id) => c.tree.tasks.findTask(id)?.priority === 'LOW'));
  });

  it('status bar: ONE search with limit 1; its count is Overdue + Today', async () => {
    await c.tree.statusBar.refresh(true);
    const searches = await requests('searchTasks');
    assert.strictEqual(searches.length, 1);
    assert.strictEqual(searchBody(searches[0]).limit, 1);
    const expected = c.tree.tasks.group('overdue')!.total + c.tree.tasks.group('today')!.total;
    assert.strictEqual(c.tree.statusBar.current?.total, expected);
    assert.strictEqual(c.tree.statusBar.current?.anyOverdue, c.tree.tasks.group('overdue')!.total > 0);
    assert.strictEqual(c.tree.statusBar.text, `$(checklist) ${expected} due`);
  });

  it('tasks written elsewhere (tasksChanged) appear at once, without a search', async () => {
    await sandbox.configure({ searchLagMs: 600_000 });
    await c.tree.statusBar.refresh(true);
    const count = c.tree.statusBar.current!.total;
    const due = new Date();
    due.setHours(23, 30, 0, 0);
    const created = await c.client.tasks.createTask({ properties: { hs_task_subject: 'Made in the editor', hs_timestamp: String(due.getTime()), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' } });
    await sandbox.clearRequests();
    const todayTotal = c.tree.tasks.group('today')!.total;
    c.tasksChanged.fire([created]);
    assert.ok((await taskNodes(c, 'today')).some((n) => n.task.id === created.id));
    assert.strictEqual(c.tree.tasks.group('today')!.total, todayTotal + 1);
    assert.strictEqual(c.tree.statusBar.current!.total, count + 1);
    // No search; the only requests are the new row's records (issue 16: one associations read per object type
    // for the tasks new to the tree, and names by batch read), never a read per task of the tree.
    await idle(c);
    const sent = await requests();
    assert.deepStrictEqual(sent.filter((r) => !/^batchRead(TaskAssociations|Companies|Contacts|Deals)$/.test(r.operation ?? '')).map((r) => r.operation), [], 'no search, no other read');
    const associationReads = sent.filter((r) => r.operation === 'batchReadTaskAssociations');
    assert.ok(associationReads.length <= 3, `at most one associations read per type, got ${associationReads.length}`);
    for (const read of associationReads) {
      assert.deepStrictEqual(read.body, { inputs: [{ id: created.id }] }, 'only the new task\'s records are read');
    }
  });

  it('a task row gets its tooltip only when VS Code resolves it: the notes as plain text (issue 13.5)', async () => {
    const due = new Date(Date.now() + 2 * 86_400_000);
    const notes = '<p>Call <b>Ada</b> &amp; Bob</p><script>alert(1)</script><ul><li>one</li></ul>';
    const created = await c.client.tasks.createTask({ properties: { hs_task_subject: 'Lazy tooltip', hs_task_body: notes, hs_timestamp: String(due.getTime()), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' } });
    c.tasksChanged.fire([created]);
    let node: TreeNode | undefined;
    for (const state of c.tree.tasks.groups()) {
      node ??= (await taskNodes(c, state.group.id).catch(() => [])).find((n) => n.task.id === created.id);
    }
    assert.ok(node, 'the new task is in the tree');
    const item = c.tree.provider.getTreeItem(node);
    assert.strictEqual(item.tooltip, undefined, 'rendering a row converts no notes');
    const resolved = c.tree.provider.resolveTreeItem(item, node);
    const tooltip = String(resolved.tooltip);
    assert.strictEqual(typeof resolved.tooltip, 'string', 'a plain string, never Markdown');
    assert.ok(tooltip.startsWith('Lazy tooltip\n'), tooltip);
    assert.ok(tooltip.endsWith('\n\nCall Ada & Bob\n• one'), tooltip);
  });

  it('a rejected token: the tree says so with "Sign in again", nothing crashes', async () => {
    await c.context.secrets.store(tokenKeyFor(sandboxUrl()), 'revoked-token');
    try {
      await waitFor(async () => (await c.auth.getToken(new URL(sandboxUrl()).origin)) === 'revoked-token', { what: 'the auth service to follow the secret' });
      // The view and the status bar react to the change on their own; count only our refresh.
      await waitFor(() => c.auth.isRejected, { what: 'the first 401' });
      await idle(c);
      await sandbox.clearRequests();
      await c.tree.tasks.refresh();
      const seen = (await requests()).map((r) => `${r.operation} ${r.status}`);
      assert.strictEqual(c.tree.tasks.status.kind, 'rejected', `requests: ${seen.join(', ')}`);
      assert.strictEqual(c.auth.isRejected, true);
      const nodes = await children(c);
      assert.strictEqual(nodes.length, 1);
      const item = c.tree.provider.getTreeItem(nodes[0]);
      assert.match(String(item.label), /rejected/);
      assert.strictEqual(item.command?.command, Commands.signIn);
      assert.strictEqual((await requests('searchTasks')).filter((r) => searchBody(r).limit === 50).length, 1, 'one request, not one per group');
    } finally {
      await c.auth.signIn(SANDBOX_TOKEN);
      await c.auth.setMe(DEMO_OWNER_ID);
    }
    await c.tree.tasks.refresh();
    assert.strictEqual(c.tree.tasks.status.kind, 'ready');
  });

  it('offline: keeps the last tasks marked cached with their time, and a retry', async () => {
    const todayIds = c.tree.tasks.group('today')!.tasks.map((t) => t.id);
    // The client still retries the refused connection 3 times (its first backoff 20 ms in this suite). The
    // closed port is a host the user signed in at (tokens are kept per host).
    await useHost(c, 'http://127.0.0.1:9', SANDBOX_TOKEN);
    try {
      await c.tree.tasks.refresh();
      const status = c.tree.tasks.status;
      assert.strictEqual(status.kind, 'offline');
      const [first, ...groups] = await children(c);
      const item = c.tree.provider.getTreeItem(first);
      assert.strictEqual(item.label, 'Offline');
      assert.match(c.tree.view.message ?? '', /Showing the tasks loaded at \d/, 'the time of the cache, in the message row');
      assert.strictEqual(item.description, 'Retry');
      assert.strictEqual(item.command?.command, Commands.refresh);
      assert.match(c.tree.view.description ?? '', /cached/);
      assert.ok(groups.length > 0);
      assert.deepStrictEqual(c.tree.tasks.group('today')!.tasks.map((t) => t.id), todayIds);
    } finally {
      await useHost(c, sandboxUrl(), SANDBOX_TOKEN);
    }
    await vscode.commands.executeCommand(Commands.refresh);
    await idle(c);
    assert.strictEqual(c.tree.tasks.status.kind, 'ready');
  });
});
