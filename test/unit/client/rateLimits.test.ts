// The client-side limiter and HubSpot's real limits, over sockets: the sandbox enforces 100 / 10 s
// and 5 searches / s with HubSpot's 429 bodies (no Retry-After).
import * as assert from 'assert';
import { testClient } from './support/clients';
import { useSandbox } from './support/sandbox';

describe('rate limits against the sandbox', () => {
  const ref = useSandbox();
  beforeEach(() => ref.sandbox.configure({ rateLimits: true }));

  it('the client-side limiter queues searches at 5 / s so HubSpot never answers 429', async function () {
    this.timeout(5_000);
    const { client } = testClient(ref.sandbox.url, { searchesPerSecond: 5 });
    try {
      const started = Date.now();
      const pages = await Promise.all(Array.from({ length: 7 }, () => client.tasks.searchTasks({ limit: 1 })));
      assert.strictEqual(pages.length, 7);
      assert.ok(Date.now() - started >= 950, 'the 6th search waited for the next second');
      assert.deepStrictEqual(ref.sandbox.requests().map((r) => r.status), Array(7).fill(200));
    } finally {
      client.dispose();
    }
  });

  it('without it, a SECONDLY 429 makes the client wait about a second by policy, then succeed', async function () {
    this.timeout(5_000);
    const { client, exchanges } = testClient(ref.sandbox.url, { maxRetryDelayMs: 2_000 });
    try {
      const pages = await Promise.all(Array.from({ length: 6 }, () => client.tasks.searchTasks({ limit: 1 })));
      assert.strictEqual(pages.length, 6);
      const limited = exchanges.filter((e) => e.status === 429);
      assert.strictEqual(limited.length, 1);
      assert.match(limited[0].responseText ?? '', /"policyName":"SECONDLY"/);
      const statuses = ref.sandbox.requests().map((r) => r.status);
      assert.deepStrictEqual([...statuses].sort(), [200, 200, 200, 200, 200, 200, 429]);
      assert.strictEqual(statuses[statuses.length - 1], 200, 'the retry came after the wait and succeeded');
    } finally {
      client.dispose();
    }
  });
});
