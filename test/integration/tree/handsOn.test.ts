// What a hands-on run found (issue 19.7), in the real extension host against the run's sandbox: a failed
// refresh shows as "stale" (with its time) in the status bar and the view's message row, whoever made the
// request; dates read the same everywhere (one formatter, the user's locale, no seconds); the TODO hover
// shows the portal's labels from the property definitions the editor reads too (one read per property);
// counts say "1 link", not "1 link(s)".
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { Commands } from '../../../src/constants';
import { formatDateTime, formatMoment, formatRelativeDue } from '../../../src/tasks/dateFormat';
import { parseTask } from '../../../src/tasks/task';
import { displayLocale } from '../../../src/ui/displayLocale';
import type { Shown } from '../../../src/ui/notifier';
import type { TaskNode } from '../../../src/views/treeNodes';
import { sandbox } from '../support/sandbox';
import { waitFor } from '../../support/waitFor';
import { DEMO_OWNER_ID } from '../../support/demo';
import { deleteQuietly, openInEditor, writeWorkspaceFile } from '../todo/support';
import { freshTree, idle, requests, signedInContainer } from './treeSupport';

/** hh:mm:ss anywhere: a time shown with seconds. */
const SECONDS = /\d:\d\d:\d\d/;

describe('Hands-on fixes: stale mark, one date format, labels, plurals (in-host)', function () {
  this.timeout(90_000);
  let c: Container;

  before(async () => {
    c = await signedInContainer();
  });

  beforeEach(async () => {
    await freshTree(c);
    await c.tree.statusBar.refresh(true);
  });

  afterEach(async () => {
    await sandbox.configure({ faults: null });
  });

  it('a failed refresh marks the status bar and the tree stale, with the time; the next good one clears it', async () => {
    const { statusBar, view, tasks } = c.tree;
    assert.match(statusBar.text, /^\$\(checklist\) \d+ due$/, 'fresh: no mark');
    assert.strictEqual(view.message, undefined, 'fresh: no message row');
    const countedAt = statusBar.current!.at;

    await sandbox.configure({ faults: { rate: 1, seed: 7, kinds: ['503'] } });
    // Only the tree asks HubSpot (a filter change, a focus, the auto-refresh…): the status bar must not keep
    // showing its count as if it were current.
    await tasks.refresh();
    assert.strictEqual(tasks.status.kind, 'offline');
    const failedAt = (tasks.status as { failedAt: number }).failedAt;
    await waitFor(() => /\(stale\)$/.test(statusBar.text), { what: 'the status bar to say stale', timeoutMs: 10_000 });
    const at = (ms: number) => formatMoment(new Date(ms), new Date(), displayLocale());
    const barTooltip = statusBar.tooltipText;
    assert.ok(barTooltip.includes(`Stale: HubSpot could not be reached at ${at(failedAt)}. Counted at ${at(countedAt)}.`), barTooltip);
    const message = view.message ?? '';
    assert.match(message, /^(Stale: HubSpot could not be reached at .+\. Showing the tasks loaded at .+\.|HubSpot could not be reached at .+\.)$/);
    assert.ok(message.includes(at(failedAt)), `${message} names the failed refresh's time ${at(failedAt)}`);
    assert.doesNotMatch(`${message}\n${barTooltip}`, SECONDS);

    // The status bar's own refresh failing: marked too (and it says when).
    await statusBar.refresh(true);
    assert.ok(statusBar.unreachable);
    assert.match(statusBar.text, /^\$\(checklist\) \d+ due \(stale\)$/);

    await sandbox.configure({ faults: null });
    await c.tree.refresh();
    await statusBar.refresh(true);
    await idle(c);
    await waitFor(() => view.message === undefined && /^\$\(checklist\) \d+ due$/.test(statusBar.text), { what: 'the marks to clear', timeoutMs: 10_000 });
  });

  it('one date format: the tree row, its tooltip and the TODO hover agree, without seconds; the hover shows labels', async () => {
    const due = new Date();
    due.setHours(23, 45, 0, 0); // later today: in "Today", with a time
    const created = await c.client.tasks.createTask({
      properties: { hs_task_subject: 'Dates read alike', hs_timestamp: String(due.getTime()), hs_task_status: 'WAITING', hs_task_priority: 'HIGH', hubspot_owner_id: DEMO_OWNER_ID },
    });
    const node: TaskNode = { kind: 'task', task: parseTask(created), groupId: 'today' };
    const item = c.tree.provider.getTreeItem(node);
    const locale = displayLocale();
    assert.ok(String(item.description).startsWith(formatRelativeDue(due, new Date(), vscode.l10n.t, locale)), String(item.description));
    const tooltip = String(c.tree.provider.resolveTreeItem(item, node).tooltip);
    assert.ok(tooltip.includes(`Due: ${formatDateTime(due, locale)}`), tooltip);
    // The portal's label beside the tooltip's status (the sandbox calls WAITING "Waiting on someone else"). A file
    // of its own per run: VS Code keeps a deleted file's document, so a second pass would hover the first's text.
    const file = await writeWorkspaceFile(`handsOn/dates-${created.id}.ts`, `// TODO(HS-${created.id}): dates read alike\n`);
    try {
      await openInEditor(file);
      await sandbox.clearRequests();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, new vscode.Position(0, 5));
      const hover = hovers.flatMap((h) => h.contents).find((m): m is vscode.MarkdownString => m instanceof vscode.MarkdownString && m.value.includes(`HS-${created.id}`));
      assert.ok(hover, 'the linked TODO has our hover');
      const text = hover.value.replace(/\\(.)/g, '$1'); // its values are escaped Markdown
      assert.ok(text.includes(`Due: ${formatDateTime(due, locale)}`), text);
      assert.ok(text.includes('Status: Waiting on someone else'), `the definition's label, not WAITING: ${text}`);
      assert.ok(text.includes('Priority: High'), text);
      assert.ok(!/\bWAITING\b|\bHIGH\b/.test(text), `no raw values: ${text}`);
      for (const shown of [String(item.description), tooltip, text]) {
        assert.doesNotMatch(shown, SECONDS, shown);
      }

      // The editor's pickers read the same definitions: with its own cache dropped, it still does not ask for
      // the status and priority the hover just read (before the shared cache it read them again).
      await sandbox.clearRequests();
      c.taskEditors.forgetChoices();
      const panel = c.taskEditors.edit(created.id);
      await panel.loaded;
      const reads = (await requests('getProperty')).map((r) => r.path.split('/').pop());
      assert.ok(!reads.includes('hs_task_status') && !reads.includes('hs_task_priority'), `the editor re-read ${reads.join(', ')}`);
      assert.ok(reads.length <= 1, `at most the type, once: ${reads.join(', ')}`);
      panel.dispose();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteQuietly(file);
    }
  });

  it('"Copied 1 HubSpot link" for one task, "Copied 2 HubSpot links" for two', async () => {
    const shown: Shown[] = [];
    const listening = c.notify.onDidShow((s) => shown.push(s));
    try {
      const [first, second] = c.tree.tasks.group('overdue')!.tasks;
      assert.ok(first && second, 'two overdue demo tasks');
      const node = (task: typeof first): TaskNode => ({ kind: 'task', task, groupId: 'overdue' });
      const one = node(first);
      await vscode.commands.executeCommand(Commands.copyLink, one);
      await vscode.commands.executeCommand(Commands.copyLink, one, [one, node(second)]); // right-click in a selection of two
      const statuses = shown.filter((s): s is Extract<Shown, { kind: 'status' }> => s.kind === 'status').map((s) => s.text);
      assert.deepStrictEqual(statuses, ['Copied 1 HubSpot link', 'Copied 2 HubSpot links']);
    } finally {
      listening.dispose();
    }
  });
});
