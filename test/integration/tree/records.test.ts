// The CRM around the tree's tasks in a real extension host against the sandbox (demo seed): each row's
// primary record and the tooltip's records from one associations read + at most one names read per object
// type per loaded page (no request per task); filters by associated record, teammate and due window shown
// as rows and cleared one by one; the status-bar click showing exactly the counted tasks and the previous
// filters coming back with one click.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { Commands } from '../../../src/constants';
import type { Shown } from '../../../src/ui/notifier';
import type { MessageNode, TaskNode } from '../../../src/views/treeNodes';
import { sandbox } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { DEMO_OWNER_ID } from '../../support/demo';
import { children, configure, freshTree, idle, requests, searchBody, signedInContainer } from './treeSupport';

const TEAMMATE = '75000002'; // another owner of the demo account

describe('Tree records and filters (in the extension host, against the sandbox)', function () {
  this.timeout(60_000);
  let c: Container;

  const shownTasks = () => c.tree.tasks.groups().flatMap((g) => g.tasks);
  const filterRows = async () => (await children(c)).filter((n): n is MessageNode => n.kind === 'message' && n.filter !== undefined);
  const rowLabels = async () => (await filterRows()).map((n) => String(c.tree.provider.getTreeItem(n).label));
  /** Every shown task's records read (the reads follow each page). */
  const recordsRead = () => waitFor(() => shownTasks().every((t) => c.tree.provider.crm.records?.recordsOf(t.id) !== undefined), { what: 'the records of every shown task' });

  before(async () => {
    c = await signedInContainer();
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');
  });
  beforeEach(async () => {
    await freshTree(c);
  });
  after(async () => {
    await vscode.commands.executeCommand(Commands.clearFilters);
    await configure({ 'hubspotTasks.pageSize': 50 });
  });

  it('shows each task\'s primary record and lists every record in the tooltip; a refresh reads associations once per type per page, names only when new', async () => {
    await recordsRead(); // nothing in flight from the set-up's load (the sandbox logs a request when it answers)
    await sandbox.clearRequests();
    await c.tree.refresh();
    await idle(c);
    await recordsRead();
    const pages = c.tree.tasks.groups().filter((g) => g.tasks.length > 0).length;
    assert.ok(pages >= 2, `pages loaded: ${pages}`);
    const log = await requests();
    const assoc = log.filter((r) => r.operation === 'batchReadTaskAssociations');
    const names = log.filter((r) => /^batchRead(Contacts|Companies|Deals)$/.test(r.operation ?? ''));
    const detail = assoc.map((r) => `${r.path} ${(r.body as { inputs: Array<{ id: string }> }).inputs.map((i) => i.id).slice(0, 3).join(',')}…${(r.body as { inputs: unknown[] }).inputs.length}`).join('\n');
    assert.strictEqual(assoc.length, 3 * pages, `one associations read per object type per page:\n${detail}`);
    // The set-up loaded the same pages: the names are cached for the account, the associations read again.
    assert.strictEqual(names.length, 0, 'names of records already seen are not read again');
    assert.strictEqual(log.filter((r) => r.operation === 'listTaskAssociations').length, 0, 'no request per task');
    const inputs = assoc.map((r) => (r.body as { inputs: unknown[] }).inputs.length).reduce((a, b) => a + b, 0);
    assert.strictEqual(inputs, 3 * shownTasks().length, 'every shown task in the batch reads, once per type');

    const records = c.tree.provider.crm.records!;
    const withRecord = shownTasks().filter((t) => (records.recordsOf(t.id) ?? []).length > 0);
    assert.ok(withRecord.length > 0, 'the demo seed associates tasks with records');
    for (const task of withRecord.slice(0, 10)) {
      const groupId = c.tree.tasks.groups().find((g) => g.tasks.includes(task))!.group.id;
      const node: TaskNode = { kind: 'task', task, groupId };
      const item = c.tree.provider.getTreeItem(node);
      const primary = records.primary(task.id)!;
      assert.ok(String(item.description).includes(primary.name), `"${item.description}" names ${primary.name}`);
      const all = records.recordsOf(task.id)!;
      assert.strictEqual(primary.type, ['companies', 'deals', 'contacts'].find((type) => all.some((r) => r.type === type)), 'company, else deal, else contact');
      const tooltip = String(c.tree.provider.resolveTreeItem(new vscode.TreeItem(String(item.label)), node).tooltip);
      for (const record of all) {
        assert.ok(tooltip.includes(record.name), `tooltip lists ${record.name}`);
      }
    }
  });

  it('"Show tasks of" a task\'s record filters the tree to that record; its row shows it and clears it', async () => {
    await recordsRead();
    const records = c.tree.provider.crm.records!;
    const task = shownTasks().find((t) => records.primary(t.id)?.type === 'companies')!;
    assert.ok(task, 'a task with a company');
    const company = records.primary(task.id)!;
    await sandbox.clearRequests();
    // As from the linked-TODO hover: a task id (its only record needs no picker; of several, the picker's answer).
    const single = records.recordsOf(task.id)!.length === 1;
    await vscode.commands.executeCommand(Commands.tasksOfRecord, task.id, undefined, single ? undefined : company);
    await idle(c);
    assert.deepStrictEqual(c.tree.tasks.filters.record, company);
    const body = searchBody((await requests('searchTasks')).at(-1)!);
    assert.ok(body.filterGroups!.every((g) => g.filters.some((f) => f.propertyName === 'associations.company' && f.value === company.id)));
    assert.ok(shownTasks().some((t) => t.id === task.id));
    await recordsRead();
    assert.ok(shownTasks().every((t) => records.recordsOf(t.id)!.some((r) => r.type === 'companies' && r.id === company.id)), 'only tasks of that company');
    assert.deepStrictEqual(await rowLabels(), [`Company: ${company.name}`]);
    assert.strictEqual(c.tree.view.description, `Mine · ${company.name}`);
    const [row] = await filterRows();
    assert.strictEqual(c.tree.provider.getTreeItem(row).contextValue, 'filter', 'the row carries the inline clear action');
    await vscode.commands.executeCommand(Commands.clearFilter, row);
    await idle(c);
    assert.strictEqual(c.tree.tasks.filters.record, undefined);
    assert.deepStrictEqual(await rowLabels(), []);
  });

  it('a teammate, a due window and a search show as rows and are cleared one by one', async () => {
    await vscode.commands.executeCommand(Commands.filterOwner, TEAMMATE, 'Sam Teammate');
    await vscode.commands.executeCommand(Commands.filterDue, 'next7');
    await vscode.commands.executeCommand(Commands.filterText, 'call');
    await idle(c);
    assert.deepStrictEqual(await rowLabels(), ['Owner: Sam Teammate', 'Due in the next 7 days', 'Search: call']);
    const body = searchBody((await requests('searchTasks')).at(-1)!);
    assert.ok(body.filterGroups![0].filters.some((f) => f.propertyName === 'hubspot_owner_id' && f.value === TEAMMATE));
    assert.deepStrictEqual(c.tree.tasks.groups().map((g) => g.group.id).filter((id) => id !== 'thisWeek'), ['today', 'tomorrow', 'later']);
    assert.ok(shownTasks().every((t) => t.ownerId === TEAMMATE));
    const weekOut = new Date(); weekOut.setHours(0, 0, 0, 0); weekOut.setDate(weekOut.getDate() + 7);
    assert.ok(shownTasks().every((t) => t.due && t.due.getTime() < weekOut.getTime()));

    const due = (await filterRows()).find((n) => n.filter === 'due')!;
    await vscode.commands.executeCommand(Commands.clearFilter, due);
    await idle(c);
    assert.deepStrictEqual(await rowLabels(), ['Owner: Sam Teammate', 'Search: call']);
    assert.strictEqual(c.tree.tasks.filters.owner, TEAMMATE);
    await vscode.commands.executeCommand(Commands.clearFilter, 'owner');
    await idle(c);
    assert.deepStrictEqual(await rowLabels(), ['Search: call']);
    assert.strictEqual(c.tree.tasks.filters.owner, 'mine');
  });

  it('"clear" without its row (a × clicked while VS Code redraws the tree, or the palette): the one active filter is cleared; of several, the user picks which', async () => {
    await vscode.commands.executeCommand(Commands.filterDue, 'next7');
    await idle(c);
    await vscode.commands.executeCommand(Commands.clearFilter);
    await idle(c);
    assert.strictEqual(c.tree.tasks.filters.due, undefined, 'the only active filter was cleared');
    assert.deepStrictEqual(await rowLabels(), []);

    await vscode.commands.executeCommand(Commands.filterDue, 'next7');
    await vscode.commands.executeCommand(Commands.filterText, 'call');
    await idle(c);
    const shown: Shown[] = [];
    const listening = c.notify.onDidShow((s) => shown.push(s));
    try {
      const done = vscode.commands.executeCommand(Commands.clearFilter);
      const pick = await waitFor(() => shown.find((s): s is Extract<Shown, { kind: 'quickPick' }> => s.kind === 'quickPick' && s.title === 'Clear which filter?'), { what: 'the filter picker' });
      assert.deepStrictEqual(pick.items.map((i) => i.label), ['Due in the next 7 days', 'Search: call']);
      await vscode.commands.executeCommand('quickInput.first');
      await vscode.commands.executeCommand('quickInput.next');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await done;
    } finally {
      listening.dispose();
    }
    await idle(c);
    assert.deepStrictEqual([c.tree.tasks.filters.due, c.tree.tasks.filters.text], ['next7', ''], 'only the chosen one');
    await vscode.commands.executeCommand(Commands.clearFilters);
    await idle(c);
  });

  it('the owner picker lists me first, then everyone, then each teammate by name (with email to search by); picking one filters to them', async () => {
    const shown: Shown[] = [];
    const listening = c.notify.onDidShow((s) => shown.push(s));
    try {
      const done = vscode.commands.executeCommand(Commands.filterOwner);
      const pick = await waitFor(() => shown.find((s): s is Extract<Shown, { kind: 'quickPick' }> => s.kind === 'quickPick' && s.title === 'Show tasks of'), { what: 'the owner picker' });
      const labels = pick.items.map((i) => i.label);
      assert.deepStrictEqual(labels.slice(0, 2), ['$(account) My tasks', '$(organization) All owners']);
      assert.strictEqual(pick.items[0].description, 'Dana Demo', 'me, by name');
      const teammates = pick.items.slice(3);
      assert.ok(teammates.length >= 3 && !teammates.some((i) => i.label === 'Dana Demo'), 'every other owner, not me again');
      assert.deepStrictEqual(teammates.map((i) => i.label), [...teammates.map((i) => i.label)].sort((a, b) => a.localeCompare(b)), 'by name');
      const priya = teammates.findIndex((i) => i.label === 'Priya Shah');
      assert.strictEqual(teammates[priya].description, 'priya.shah@example.com');
      await vscode.commands.executeCommand('quickInput.first');
      for (let i = 0; i < 2 + priya; i++) {
        await vscode.commands.executeCommand('quickInput.next');
      }
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await done;
    } finally {
      listening.dispose();
    }
    await idle(c);
    assert.deepStrictEqual([c.tree.tasks.filters.owner, c.tree.tasks.filters.ownerName], [TEAMMATE, 'Priya Shah']);
    assert.deepStrictEqual(await rowLabels(), ['Owner: Priya Shah']);
    assert.ok(shownTasks().length > 0 && shownTasks().every((t) => t.ownerId === TEAMMATE));
  });

  it('the status-bar click shows exactly the counted tasks whatever the filters; one click restores them', async () => {
    await vscode.commands.executeCommand(Commands.filterOwner, 'all');
    await vscode.commands.executeCommand(Commands.filterText, 'a');
    await c.tree.tasks.setGroupBy('priority');
    await idle(c);
    const before = { filters: c.tree.tasks.filters, groupBy: c.tree.tasks.groupBy };
    await c.tree.statusBar.refresh(true);
    const counted = c.tree.statusBar.current!.total;
    assert.ok(counted > 0, 'the demo owner has tasks due by today');

    await vscode.commands.executeCommand(Commands.showDueTasks);
    await idle(c);
    const groups = c.tree.tasks.groups();
    assert.deepStrictEqual(groups.map((g) => g.group.id), ['overdue', 'today']);
    assert.strictEqual(groups.reduce((n, g) => n + g.total, 0), counted, 'the tree adds up to the count');
    const endOfToday = new Date(); endOfToday.setHours(24, 0, 0, 0);
    assert.ok(shownTasks().every((t) => t.ownerId === DEMO_OWNER_ID && t.status !== 'COMPLETED' && t.due!.getTime() < endOfToday.getTime()));
    const root = await children(c);
    const restore = root.find((n): n is MessageNode => n.kind === 'message' && n.key === 'restore');
    assert.ok(restore, 'a "Restore previous filters" row');
    assert.deepStrictEqual(await rowLabels(), ['Due by end of today']);

    // A second click keeps the first view to restore, not the counted one.
    await vscode.commands.executeCommand(Commands.showDueTasks);
    await vscode.commands.executeCommand(restore.command!.command);
    await idle(c);
    assert.deepStrictEqual({ filters: c.tree.tasks.filters, groupBy: c.tree.tasks.groupBy }, before);
    assert.ok(!(await children(c)).some((n) => n.kind === 'message' && n.key === 'restore'));
  });
});
