// Issue 13.6: a server in HubSpot's place answered 400 KB of gzip and the client's memory grew by
// 1.6 GB. Bodies are now capped at 10 MB after decompression, the transfer is stopped, and the request
// is not retried. Against the sandbox's hostile faults over real sockets: `gzip-bomb` (~1 MB of gzip
// inflating to 1 GiB) and `oversized` (16 MiB plain). Without the cap the bomb is inflated whole (and
// turned into a string): seconds of CPU and over a gigabyte of memory, and an error that is not this one.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { MalformedResponseError, ResponseTooLargeError } from '../../../src/hubspot/errors';
import { gzipBomb } from '../../../sandbox/faults';
import type { FaultKind } from '../../../sandbox/types';
import { rejection, testClient } from './support/clients';
import { operations, useSandbox } from './support/sandbox';

const MIB = 1024 * 1024;

/** Runs `work` while sampling the resident set size every millisecond; returns the highest rise seen. */
async function peakRssRise<T>(work: () => Promise<T>): Promise<{ value: T; riseBytes: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 1);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, riseBytes: peak - base };
  } finally {
    clearInterval(timer);
  }
}

describe('Response size limit (issue 13.6)', function () {
  this.timeout(20_000);
  const ref = useSandbox();
  // The sandbox builds its 64 MiB of padding once: before measuring, so the rise measured is the client's.
  before(() => { gzipBomb('{}'); });
  let client: HubSpotClient | undefined;
  afterEach(() => client?.dispose());

  for (const kind of ['gzip-bomb', 'oversized'] as FaultKind[]) {
    it(`${kind}: a read fails fast with a clear "too large" error, bounded memory, no retry`, async () => {
      ref.sandbox.configure({ faults: { rate: 1, seed: 1, kinds: [kind] } });
      client = testClient(ref.sandbox.url, { maxRetries: 3 }).client;
      const started = Date.now();
      const { value: e, riseBytes } = await peakRssRise(() => rejection(client!.tasks.listTasks({ limit: 10 })));
      const elapsed = Date.now() - started;
      assert.ok(e instanceof ResponseTooLargeError, String(e));
      assert.ok(e instanceof MalformedResponseError && e.kind === 'malformed-response', 'callers that know malformed responses still understand it');
      assert.strictEqual(e.status, 200);
      assert.match(e.message, /HubSpot sent a response larger than 10 MB; it was not read/);
      assert.deepStrictEqual(operations(ref.sandbox), ['listTasks'], 'not retried: the same request gets the same answer');
      // The whole bomb inflates to 1 GiB (a 2 GB peak before the fix); 10 MB of it, plus the sandbox's
      // 16 MiB `oversized` buffer and allocator slack, is all.
      assert.ok(riseBytes < 100 * MIB, `memory rose by ${(riseBytes / MIB).toFixed(0)} MiB`);
      assert.ok(elapsed < 3_000, `took ${elapsed} ms`);
      // The client keeps working once the server behaves.
      ref.sandbox.configure({ faults: null });
      const page = await client.tasks.listTasks({ limit: 1 });
      assert.strictEqual(page.items.length, 1);
    });
  }

  it('a create answered by a gzip bomb: too large, with the 201 status (so the caller knows it was applied), sent once', async () => {
    ref.sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['gzip-bomb'] } });
    client = testClient(ref.sandbox.url).client;
    const e = await rejection(client.tasks.createTask({ properties: { hs_timestamp: '2026-12-24T09:00:00Z', hs_task_subject: 'Bomb' } }));
    assert.ok(e instanceof ResponseTooLargeError, String(e));
    assert.strictEqual(e.status, 201);
    assert.deepStrictEqual(operations(ref.sandbox), ['createTask']);
  });

  it('a body just under a (lowered) cap is read; one byte over is refused', async () => {
    ref.sandbox.configure({ faults: { rate: 1, seed: 1, kinds: ['oversized'] } });
    client = testClient(ref.sandbox.url, { maxResponseBytes: 16 * MIB }).client;
    const page = await client.tasks.listTasks({ limit: 1 });
    assert.strictEqual(page.items.length, 1, 'whitespace padding is still valid JSON');
    client.dispose();
    client = testClient(ref.sandbox.url, { maxResponseBytes: 16 * MIB - 1, maxRetries: 0 }).client;
    const e = await rejection(client.tasks.listTasks({ limit: 1 }));
    assert.ok(e instanceof ResponseTooLargeError, String(e));
    assert.match(e.message, /larger than 16 MB/);
  });
});
