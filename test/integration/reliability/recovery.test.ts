// After an outage the tree and the status bar come back within seconds on their own, in the extension
// host: while HubSpot is unreachable they refresh again on a doubling backoff (not at the next
// auto-refresh, which is switched off here), and stop once HubSpot answers. The backoff's real 5 s, 10 s,
// 20 s … is the unit test's (test/unit/reliability/outageRetry.test.ts); here the same schedule starts
// from the 2 s the harness builds the extension with (test/harness/tuning.ts), and the client's own backoff
// between its retries is 20 ms, so the test waits seconds, not half a minute.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { tuningOf } from '../support/client';
import { SANDBOX_TOKEN } from '../support/sandbox';
import { waitFor } from '../support/waitFor';
import { ownSandbox, signInAndLoad, type OwnSandbox } from './support';

describe('Reliability: recovery from an outage on a short backoff', function () {
  this.timeout(120_000);
  let own: OwnSandbox;
  /** The first retry's delay (the product's is 5 s); long enough that the failed refresh ends well before it. */
  let RETRY_BASE_MS: number;

  before(async () => {
    own = await ownSandbox({ seed: 'demo' }); // auto-refresh off (QUIET): only the backoff can bring it back
    RETRY_BASE_MS = tuningOf(own.container).outageRetryBaseMs;
    await signInAndLoad(own.container, SANDBOX_TOKEN);
  });
  after(async () => {
    own?.sandbox.configure({ faults: null });
    await own?.restore();
  });

  it('HubSpot down: offline, retried after the first delay then twice it; back: tree and status bar recover without any refresh', async () => {
    const c = own.container;
    const { tasks, statusBar, outageRetry } = c.tree;
    await vscode.commands.executeCommand('hubspotTasks.tasks.focus');
    await tasks.setFilters({ owner: 'all', hideCompleted: true, statuses: [], text: '' });
    own.sandbox.configure({ faults: { rate: 1, seed: 3, kinds: ['503', 'reset'] } });
    try {
      await c.tree.refresh();
      await statusBar.refresh(true);
      assert.strictEqual(tasks.status.kind, 'offline');
      assert.strictEqual(statusBar.unreachable, true);
      assert.strictEqual(outageRetry.scheduledDelayMs, RETRY_BASE_MS, 'first retry after the first delay');
      own.sandbox.clearRequests();
      await waitFor(() => own.sandbox.requests().some((r) => r.operation === 'searchTasks'), { what: 'the first retry', timeoutMs: 20_000, intervalMs: 50 });
      await waitFor(() => outageRetry.scheduledDelayMs === 2 * RETRY_BASE_MS, { what: 'the next retry after twice the delay', timeoutMs: 30_000, intervalMs: 50 });
      assert.strictEqual(tasks.status.kind, 'offline', 'still down');
    } finally {
      own.sandbox.configure({ faults: null });
    }
    const since = Date.now();
    await waitFor(() => tasks.status.kind === 'ready' && tasks.groups().some((g) => g.total > 0), { what: 'the tree to recover', timeoutMs: 30_000, intervalMs: 50 });
    await waitFor(() => (statusBar.current?.at ?? 0) >= since && !statusBar.unreachable, { what: 'the status bar to recount', timeoutMs: 30_000, intervalMs: 50 });
    const took = Date.now() - since;
    assert.ok(took < 30_000, `recovered after ${took} ms, before the one-minute minimum of the auto-refresh`);
    assert.match(statusBar.text, /^\$\(checklist\) \d+ due$/);
    assert.strictEqual(outageRetry.scheduledDelayMs, undefined, 'no retry left once recovered');
  });
});
