// Due reminders in the extension host: a notification when my task becomes due, at most once per task
// and due time across windows (a claim in globalState, which all windows share).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { waitFor } from '../../support/waitFor';
import { configure, freshTree, requests, signedInContainer } from './treeSupport';
import { DEMO_OWNER_ID } from '../../support/demo';
import { resetHooks, testHooks } from '../support/extension';
import { sandbox } from '../support/sandbox';
import type { ReminderChoice } from '../../../src/views/dueReminders';
import { snoozeUntil } from '../../../src/views/dueReminders';
import type { TestHooks } from '../../../src/testHooks';

const CLAIMS = 'hubspotTasks.remindersShown';
const SNOOZES = 'hubspotTasks.reminderSnoozes';
type Claims = Record<string, { by: string; at: number }>;

describe('Due reminders (in the extension host, against the sandbox)', function () {
  this.timeout(60_000);
  let c: Container;

  before(async () => {
    c = await signedInContainer();
    await freshTree(c);
  });
  after(async () => configure({ 'hubspotTasks.reminders.enabled': false }));

  it('reminds once when my task becomes due, and leaves a task another window claimed to that window', async () => {
    const due = Date.now() + 3_000;
    const create = (subject: string) => c.client.tasks.createTask({
      properties: { hs_task_subject: subject, hs_timestamp: String(due), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' },
    });
    const mine = await create('Reminder: call Ada');
    const theirs = await create('Reminder: claimed by another window');
    const claims = c.context.globalState.get<Claims>(CLAIMS) ?? {};
    await c.context.globalState.update(CLAIMS, { ...claims, [`${theirs.id}@${due}`]: { by: 'another-window', at: Date.now() } });

    const reminded: string[] = [];
    const subscription = c.tree.reminders.onDidRemind((e) => reminded.push(e.taskId));
    try {
      await configure({ 'hubspotTasks.reminders.enabled': true });
      await waitFor(() => c.tree.reminders.scheduled().includes(`${mine.id}@${due}`), { what: 'the reminder to be scheduled' });
      assert.ok(!c.tree.reminders.scheduled().includes(`${theirs.id}@${due}`), 'a claimed reminder is not scheduled');
      await waitFor(() => reminded.includes(mine.id), { what: 'the reminder', timeoutMs: 15_000 });
      const after = c.context.globalState.get<Claims>(CLAIMS) ?? {};
      assert.strictEqual(after[`${mine.id}@${due}`]?.by, vscode.env.sessionId, 'claimed by this window');
      assert.strictEqual(after[`${theirs.id}@${due}`]?.by, 'another-window');

      // Checking again (another poll, a restart) does not remind twice for the same due time.
      await c.tree.reminders.check();
      assert.ok(!c.tree.reminders.scheduled().includes(`${mine.id}@${due}`));
      assert.deepStrictEqual(reminded, [mine.id]);
    } finally {
      subscription.dispose();
    }
  });

  describe('Complete, Open and Snooze', () => {
    let hooks: TestHooks;
    const answers = new Map<string, ReminderChoice>();
    const asked: string[] = [];
    const create = (subject: string, due: number) => c.client.tasks.createTask({
      properties: { hs_task_subject: subject, hs_timestamp: String(due), hubspot_owner_id: DEMO_OWNER_ID, hs_task_status: 'NOT_STARTED' },
    });
    /** Every answer carried out (Complete, Open, a snooze), in order. */
    const done: { taskId: string; choice: ReminderChoice | undefined }[] = [];
    /** Waits until the `nth` answer (1-based) for `taskId` was carried out. */
    const answered = (taskId: string, nth = 1) => waitFor(
      () => done.filter((d) => d.taskId === taskId)[nth - 1]?.choice,
      { what: `answer ${nth} to the reminder of ${taskId} (asked: ${asked.filter((id) => id === taskId).length})`, timeoutMs: 20_000 },
    );
    before(async () => {
      // The sandbox was reset (freshTree): its task ids start over, so snoozes of an earlier run would apply.
      await c.context.globalState.update(SNOOZES, undefined);
      c.register(c.tree.reminders.onDidAnswer((e) => done.push({ taskId: e.taskId, choice: e.choice })));
      hooks = await testHooks();
      // The notification's buttons, answered per task (the hook stands in for the click).
      hooks.reminderChoice = async (task) => {
        asked.push(task.id);
        return answers.get(task.id);
      };
      await configure({ 'hubspotTasks.reminders.enabled': true });
    });
    after(() => resetHooks(hooks));

    it('Complete completes the task in HubSpot; Open opens its editor', async () => {
      const due = Date.now() + 2_000;
      const done = await create('Reminder: complete me', due);
      const opened = await create('Reminder: open me', due);
      answers.set(done.id, 'complete');
      answers.set(opened.id, 'open');
      const completing = answered(done.id);
      const opening = answered(opened.id);
      await c.tree.reminders.check();
      assert.strictEqual(await completing, 'complete');
      assert.strictEqual(await opening, 'open');
      const task = await c.client.tasks.getTask(done.id, ['hs_task_status']);
      assert.strictEqual(task.properties.hs_task_status, 'COMPLETED');
      await waitFor(() => c.taskEditors.panelFor(opened.id), { what: 'the task editor of the opened reminder' });
      c.taskEditors.panelFor(opened.id)?.dispose();
    });

    it('Snooze is kept in globalState (every window, after a reload) and reminds again once when it ends', async () => {
      const due = Date.now() + 1_500;
      const task = await create('Reminder: snooze me', due);
      answers.set(task.id, 'snooze15');
      const snoozing = answered(task.id);
      const before = Date.now();
      await c.tree.reminders.check();
      assert.strictEqual(await snoozing, 'snooze15');
      const snooze = c.context.globalState.get<Record<string, { until: number; subject: string }>>(SNOOZES)?.[task.id];
      assert.ok(snooze, 'the snooze is in globalState');
      assert.ok(snooze.until >= before + 15 * 60_000 && snooze.until <= Date.now() + 15 * 60_000, `15 minutes: ${snooze.until - before}`);

      // A reload (or another window) starts from globalState alone: nothing in memory survives a restart.
      await configure({ 'hubspotTasks.reminders.enabled': false });
      await configure({ 'hubspotTasks.reminders.enabled': true });
      await c.tree.reminders.check();
      assert.ok(!c.tree.reminders.scheduled().some((key) => key.startsWith(`${task.id}@`) && !key.includes('snooze')), 'the due-time reminder waits for the snooze');
      assert.strictEqual(asked.filter((id) => id === task.id).length, 1, 'not reminded again while snoozed');

      // The snooze ends (here: as if it had been set earlier, in another window): the reminder comes back once.
      const until = Date.now() + 1_000;
      await c.context.globalState.update(SNOOZES, { ...c.context.globalState.get(SNOOZES), [task.id]: { until, subject: 'Reminder: snooze me' } });
      answers.set(task.id, 'snooze60');
      const again = answered(task.id, 2);
      await c.tree.reminders.check();
      assert.strictEqual(await again, 'snooze60');
      assert.strictEqual(asked.filter((id) => id === task.id).length, 2);
      const claims = c.context.globalState.get<Claims>(CLAIMS) ?? {};
      assert.strictEqual(claims[`${task.id}@snooze@${until}`]?.by, vscode.env.sessionId, 'the snoozed reminder was claimed once, by this window');
      const next = c.context.globalState.get<Record<string, { until: number }>>(SNOOZES)?.[task.id];
      assert.ok(next && next.until > Date.now() + 59 * 60_000, 'snoozed again, for an hour');
      await c.tree.reminders.check();
      assert.strictEqual(asked.filter((id) => id === task.id).length, 2, 'the ended snooze reminded once');
    });

    it('a snooze that ends after the task was completed elsewhere stays quiet', async () => {
      const task = await create('Reminder: done elsewhere', Date.now() + 3_600_000);
      await c.client.tasks.updateTask(task.id, { hs_task_status: 'COMPLETED' });
      const until = Date.now() + 500;
      await c.context.globalState.update(SNOOZES, { ...c.context.globalState.get(SNOOZES), [task.id]: { until, subject: 'x' } });
      await sandbox.clearRequests();
      await c.tree.reminders.check();
      await waitFor(async () => (await requests('getTask')).some((r) => r.path.includes(task.id)), { what: 'the snoozed task to be re-read' });
      await waitFor(() => !c.tree.reminders.snoozes()[task.id], { what: 'the ended snooze to be dropped' });
      assert.ok(!asked.includes(task.id), 'no reminder for a completed task');
    });

    it('tomorrow 9:00 is 9:00 the next day in the local time zone', () => {
      const evening = new Date(2026, 11, 31, 22, 30);
      const until = new Date(snoozeUntil('snoozeTomorrow', evening));
      assert.deepStrictEqual([until.getFullYear(), until.getMonth(), until.getDate(), until.getHours(), until.getMinutes()], [2027, 0, 1, 9, 0]);
    });
  });
});
