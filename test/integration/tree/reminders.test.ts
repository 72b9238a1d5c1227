// Due reminders in the extension host: a notification when my task becomes due, at most once per task
// and due time across windows (a claim in globalState, which all windows share).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { waitFor } from '../../support/waitFor';
import { configure, freshTree, signedInContainer } from './treeSupport';
import { DEMO_OWNER_ID } from '../../support/demo';

const CLAIMS = 'hubspotTasks.remindersShown';
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
});
