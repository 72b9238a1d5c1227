// Recovery from an outage without waiting for the auto-refresh: while the last refresh failed because
// HubSpot was unreachable, refresh again after 5 s, 10 s, 20 s … (capped at the auto-refresh interval);
// stop on success, on an authentication problem, and on dispose. First the schedule with a controlled
// timer, then the real TaskService against the sandbox going down and coming back.
import * as assert from 'assert';
import { NetworkError, ServerError, AuthenticationError, ValidationError, RateLimitError } from '../../../src/hubspot/errors';
import { isTransientFailure, OutageRetry, type RefreshHealth, type Timers } from '../../../src/services/outageRetry';
import { PRODUCT_TUNING } from '../../../src/tuning';
import { TaskService } from '../../../src/services/taskService';
import { silentLogger } from '../../../src/util/logger';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { testClient } from '../client/support/clients';
import { MemoryStore } from './support/todoChaos';
import { DEMO_OWNER_ID, SANDBOX_TOKEN } from '../../support/demo';
import { waitFor } from '../../support/waitFor';

/** Timers the test fires by hand: `pending` is what would run, and after how long. */
class ManualTimers implements Timers {
  pending: { run: () => void; ms: number } | undefined;
  cleared = 0;
  set(run: () => void, ms: number): unknown {
    assert.strictEqual(this.pending, undefined, 'never two retries scheduled at once');
    this.pending = { run, ms };
    return this.pending;
  }
  clear(handle: unknown): void {
    if (handle === this.pending) {
      this.pending = undefined;
      this.cleared++;
    }
  }
  /** Runs the pending retry and waits for its refresh to finish. */
  async fire(retry: OutageRetry, refreshed: () => Promise<void>): Promise<void> {
    const pending = this.pending;
    assert.ok(pending, 'a retry is scheduled');
    this.pending = undefined;
    pending.run();
    await refreshed();
    assert.strictEqual(retry.scheduledDelayMs === undefined, this.pending === undefined);
  }
}

function harness(maxDelayMs = 60_000, baseDelayMs?: number) {
  const timers = new ManualTimers();
  let health: RefreshHealth = 'ok';
  let refreshes = 0;
  let done: () => void = () => undefined;
  const retry = new OutageRetry({
    timers,
    baseDelayMs,
    maxDelayMs: () => maxDelayMs,
    health: () => health,
    refresh: async () => {
      refreshes++;
      await Promise.resolve();
      done();
    },
  });
  const refreshed = () => new Promise<void>((resolve) => { done = () => setImmediate(resolve); });
  return {
    timers, retry,
    set: (h: RefreshHealth) => { health = h; },
    refreshes: () => refreshes,
    fire: () => { const wait = refreshed(); return timers.fire(retry, () => wait); },
  };
}

describe('Reliability: the tree and status bar retry on a short backoff after an outage', () => {
  it('classifies network, 5xx and 429 as worth a retry, not 401 or 400', () => {
    assert.ok(isTransientFailure(new NetworkError('down', false, false)));
    assert.ok(isTransientFailure(new ServerError('bad gateway', { status: 502 })));
    assert.ok(isTransientFailure(new RateLimitError('slow down', 1000)));
    assert.ok(!isTransientFailure(new AuthenticationError('no')));
    assert.ok(!isTransientFailure(new ValidationError('bad', [])));
    assert.ok(!isTransientFailure(new Error('other')));
  });

  it('5 s, 10 s, 20 s, 40 s, then the auto-refresh interval; back to 5 s after a success', async () => {
    const h = harness(60_000);
    h.retry.check();
    assert.strictEqual(h.timers.pending, undefined, 'nothing to do while refreshes succeed');
    h.set('transient');
    h.retry.check();
    h.retry.check(); // repeated events do not reschedule or stack
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(h.timers.pending!.ms);
      await h.fire();
    }
    assert.deepStrictEqual(delays, [5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    assert.strictEqual(h.refreshes(), 6);
    h.set('ok');
    const delay = h.timers.pending!.ms;
    assert.strictEqual(delay, 60_000);
    await h.fire();
    assert.strictEqual(h.timers.pending, undefined, 'recovered: no more retries');
    h.set('transient');
    h.retry.check();
    assert.strictEqual(h.timers.pending!.ms, 5_000, 'a new outage starts the backoff again');
    h.retry.dispose();
  });

  it('a success seen from elsewhere (a manual refresh) cancels the pending retry', () => {
    const h = harness();
    h.set('transient');
    h.retry.check();
    assert.ok(h.timers.pending);
    h.set('ok');
    h.retry.check();
    assert.strictEqual(h.timers.pending, undefined);
    assert.strictEqual(h.timers.cleared, 1);
    assert.strictEqual(h.refreshes(), 0);
  });

  it('stops on an authentication problem or sign-out, and when disposed', async () => {
    const h = harness();
    h.set('transient');
    h.retry.check();
    h.set('stop');
    await h.fire();
    assert.strictEqual(h.timers.pending, undefined, 'no retry after a 401');
    h.set('transient');
    h.retry.check();
    assert.ok(h.timers.pending);
    h.retry.dispose();
    assert.strictEqual(h.timers.pending, undefined, 'dispose clears the timer');
    h.retry.check();
    assert.strictEqual(h.timers.pending, undefined, 'and nothing is scheduled after it');
  });

  it('a first delay given by the composition root (Tuning) runs the same doubling schedule from it', async () => {
    const h = harness(60_000, 100);
    h.set('transient');
    h.retry.check();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      delays.push(h.timers.pending!.ms);
      await h.fire();
    }
    assert.deepStrictEqual(delays, [100, 200, 400]);
    h.retry.dispose();
    const product = harness(60_000, PRODUCT_TUNING.outageRetryBaseMs);
    product.set('transient');
    product.retry.check();
    assert.strictEqual(product.timers.pending!.ms, 5_000, 'the product schedule starts at 5 s');
    product.retry.dispose();
  });

  it('the cap never goes below the first delay (auto-refresh interval shorter than 5 s)', () => {
    const h = harness(1_000);
    h.set('transient');
    h.retry.check();
    assert.strictEqual(h.timers.pending!.ms, 5_000);
    h.retry.dispose();
  });

  describe('with the real TaskService and the sandbox', function () {
    this.timeout(30_000);
    let sandbox: Sandbox;
    before(async () => {
      sandbox = await startSandbox({ seed: 'demo' });
    });
    after(async () => sandbox?.close());

    function wire(token = SANDBOX_TOKEN) {
      const { client } = testClient(sandbox.url, { maxRetries: 0, getToken: async () => token });
      let authErrors = 0;
      const service = new TaskService({
        client, me: async () => DEMO_OWNER_ID, isSignedIn: () => true, onAuthenticationError: () => authErrors++,
        workspaceState: new MemoryStore(), pageSize: () => 20, logger: silentLogger,
      });
      let retries = 0;
      const retry = new OutageRetry({
        baseDelayMs: 50,
        maxDelayMs: () => 400,
        refresh: () => service.refresh(),
        health: () => (authErrors > 0 || service.status.kind === 'rejected' ? 'stop' : service.status.kind === 'offline' ? 'transient' : 'ok'),
        onRetry: () => retries++,
      });
      const subscription = service.onDidChange(() => retry.check());
      return {
        service, retry, retries: () => retries,
        dispose: () => { subscription.dispose(); retry.dispose(); service.dispose(); client.dispose(); },
      };
    }

    it('HubSpot down: offline, retried on the backoff; back up: ready again with no refresh from outside', async () => {
      const w = wire();
      try {
        sandbox.configure({ faults: { rate: 1, seed: 5, kinds: ['503', 'reset'] } });
        await w.service.refresh();
        assert.strictEqual(w.service.status.kind, 'offline');
        assert.ok(w.retry.scheduledDelayMs !== undefined, 'a retry is scheduled');
        await waitFor(() => w.retries() >= 2, { what: 'two retries while HubSpot is down', intervalMs: 20 });
        assert.strictEqual(w.service.status.kind, 'offline', 'still down');
        sandbox.configure({ faults: null });
        await waitFor(() => w.service.status.kind === 'ready', { what: 'the tree to come back on its own', intervalMs: 20 });
        assert.ok(w.service.groups().some((g) => g.total > 0), 'tasks loaded');
        assert.strictEqual(w.retry.scheduledDelayMs, undefined, 'no retry after the recovery');
      } finally {
        sandbox.configure({ faults: null });
        w.dispose();
      }
    });

    it('a rejected token (401) is not retried', async () => {
      const w = wire('revoked-token');
      try {
        sandbox.clearRequests();
        await w.service.refresh();
        assert.strictEqual(w.service.status.kind, 'rejected');
        assert.strictEqual(w.retry.scheduledDelayMs, undefined);
        assert.strictEqual(sandbox.requests().length, 1, 'one request, no retry');
      } finally {
        w.dispose();
      }
    });
  });
});
