// The client-side limiter and HubSpot's real limits, over sockets: the sandbox enforces the account's
// limit (100 / 10 s, or what it is given) and 5 searches / s with HubSpot's 429 bodies (no Retry-After),
// announcing the limit on every non-search answer and on no search answer.
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

  it('paces by the limit the account announces: 190 requests at once pass without a 429 or a 10 s wait', async function () {
    this.timeout(8_000);
    ref.sandbox.configure({ rateLimitPer10s: 190 });
    // No fixed limit: the client follows announcements, starting at HubSpot's lowest tier (100).
    const { client } = testClient(ref.sandbox.url, { requestsPer10s: undefined });
    try {
      const started = Date.now();
      const owners = await Promise.all(Array.from({ length: 190 }, () => client.owners.listOwners()));
      assert.strictEqual(owners.length, 190);
      assert.ok(Date.now() - started < 5_000, 'requests 101–190 did not wait out a window sized for 100');
      assert.deepStrictEqual(client.limiter.limit, { max: 190, intervalMs: 10_000 });
      assert.deepStrictEqual(ref.sandbox.requests().filter((r) => r.status !== 200), []);
    } finally {
      client.dispose();
    }
  });

  it('searches announce nothing: a search-only client keeps its limits and still meets no 429', async function () {
    this.timeout(5_000);
    ref.sandbox.configure({ rateLimitPer10s: 190 });
    const { client, exchanges } = testClient(ref.sandbox.url, { requestsPer10s: undefined, searchesPerSecond: 5 });
    try {
      await client.owners.listOwners();
      assert.deepStrictEqual(client.limiter.limit, { max: 190, intervalMs: 10_000 });
      const pages = await Promise.all(Array.from({ length: 6 }, () => client.tasks.searchTasks({ limit: 1 })));
      assert.strictEqual(pages.length, 6);
      assert.strictEqual(exchanges.filter((e) => e.operation === 'searchTasks').length, 6);
      assert.deepStrictEqual(client.limiter.limit, { max: 190, intervalMs: 10_000 }, 'the header-less answers left the learnt limit alone');
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
