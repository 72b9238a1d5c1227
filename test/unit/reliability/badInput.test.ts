// Bad input at the client level: malformed, truncated, mistyped, incomplete and huge responses, a
// connection closed mid-body, an invalid base URL and a DNS failure. Each one must become a typed
// HubSpotError with a message a person can read (no "[object Object]", no "undefined", no stack), fast
// (no waiting for the timeout), the client must stay usable afterwards, and nothing may reject unhandled.
import * as assert from 'assert';
import * as net from 'net';
import { HubSpotClient } from '../../../src/hubspot/client';
import { isHubSpotError, type HubSpotError } from '../../../src/hubspot/errors';
import { respond, startRawServer, type RawServer } from '../client/support/rawServer';
import { recordNumbers } from './support/report';
import { SANDBOX_TOKEN } from '../../support/demo';

const TASK = (id: string) => ({ id, properties: { hs_task_subject: `t${id}` }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', archived: false });
const LIST = (items: unknown[]) => JSON.stringify({ results: items });

interface Case {
  name: string;
  /** What the server does with a listTasks request. */
  serve: (socket: net.Socket) => void;
  kind: HubSpotError['kind'] | HubSpotError['kind'][];
}

const cases: Case[] = [
  { name: 'truncated JSON', serve: (s) => respond(s, 200, LIST([TASK('1')]).slice(0, 30)), kind: 'malformed-response' },
  { name: 'not JSON at all (an HTML page with 200)', serve: (s) => respond(s, 200, '<html><body>Maintenance</body></html>', { 'Content-Type': 'text/html' }), kind: 'malformed-response' },
  { name: 'empty body with 200', serve: (s) => respond(s, 200, ''), kind: 'malformed-response' },
  { name: 'JSON null', serve: (s) => respond(s, 200, 'null'), kind: 'malformed-response' },
  { name: 'results is a string', serve: (s) => respond(s, 200, JSON.stringify({ results: 'nope' })), kind: 'malformed-response' },
  { name: 'a task without id', serve: (s) => respond(s, 200, LIST([{ properties: {} }])), kind: 'malformed-response' },
  { name: 'a task whose properties is an array', serve: (s) => respond(s, 200, LIST([{ ...TASK('1'), properties: ['x'] }])), kind: 'malformed-response' },
  { name: 'a task id that is an object', serve: (s) => respond(s, 200, LIST([{ ...TASK('1'), id: { $gt: 1 } }])), kind: 'malformed-response' },
  { name: 'paging.next.after is a number', serve: (s) => respond(s, 200, JSON.stringify({ results: [TASK('1')], paging: { next: { after: 5 } } })), kind: [] },
  { name: '500 with an HTML body', serve: (s) => respond(s, 500, '<h1>Internal</h1>', { 'Content-Type': 'text/html' }), kind: 'server' },
  { name: '400 with a non-JSON body', serve: (s) => respond(s, 400, 'bad'), kind: 'validation' },
  { name: '401 with an empty body', serve: (s) => respond(s, 401, ''), kind: 'authentication' },
  { name: '429 with garbage headers', serve: (s) => respond(s, 429, '{}', { 'X-HubSpot-RateLimit-Interval-Milliseconds': 'soon', 'Retry-After': '-5' }), kind: 'rate-limited' },
  { name: 'status 299 (odd success) with a valid body', serve: (s) => respond(s, 299, LIST([TASK('1')])), kind: [] },
  {
    name: 'connection closed mid-body (Content-Length larger than sent)',
    serve: (s) => {
      s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"results":[`);
      setImmediate(() => s.destroy());
    },
    kind: 'network',
  },
  { name: 'connection reset before any answer', serve: (s) => s.resetAndDestroy(), kind: 'network' },
  { name: 'garbage instead of HTTP', serve: (s) => s.end('SSH-2.0-OpenSSH\r\n\r\n'), kind: 'network' },
];

describe('Reliability: bad input reaches the user as a clear, typed error', function () {
  this.timeout(30_000);
  let server: RawServer;
  let current: Case | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let client: HubSpotClient;

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startRawServer((_req, socket) => {
      if (current) {
        current.serve(socket);
      } else {
        respond(socket, 200, LIST([TASK('42')]));
      }
    });
    client = new HubSpotClient({ baseUrl: server.url, getToken: async () => SANDBOX_TOKEN, maxRetries: 0, timeoutMs: 2_000 });
  });
  after(async () => {
    client?.dispose();
    await server?.close();
    process.removeListener('unhandledRejection', onUnhandled);
    assert.deepStrictEqual(unhandled, [], 'no unhandled promise rejection during the bad-input tests');
    recordNumbers('bad-input-node', { cases: cases.length + 4, unhandledRejections: unhandled.length });
  });

  function assertClear(error: unknown, kinds: string[]): void {
    assert.ok(isHubSpotError(error), `a HubSpotError, got ${String(error)}`);
    if (kinds.length > 0) {
      assert.ok(kinds.includes(error.kind), `kind ${error.kind}, expected ${kinds.join('|')}: ${error.message}`);
    }
    assert.ok(error.message.length > 10 && error.message.length < 400, `a readable message: ${error.message}`);
    assert.ok(!/\[object Object\]|undefined|^\s*at /m.test(error.message), `no junk in: ${error.message}`);
  }

  for (const testCase of cases) {
    it(`${testCase.name} → ${[testCase.kind].flat().join(' or ') || 'handled'}, fast, and the client keeps working`, async () => {
      current = testCase;
      const started = Date.now();
      let error: unknown;
      try {
        await client.tasks.listTasks({ limit: 1 });
      } catch (e) {
        error = e;
      }
      const kinds = [testCase.kind].flat();
      if (kinds.length > 0) {
        assertClear(error, kinds);
      } else {
        assert.ok(error === undefined || isHubSpotError(error));
      }
      assert.ok(Date.now() - started < 1_900, `answered before the timeout (${Date.now() - started} ms)`);
      current = undefined;
      const page = await client.tasks.listTasks({ limit: 1 });
      assert.strictEqual(page.items[0]?.id, '42', 'the next request works');
    });
  }

  it('a huge response (a 5 MB notes field, 2,000 tasks) is parsed or refused cleanly', async () => {
    const big = LIST([{ ...TASK('1'), properties: { hs_task_body: 'x'.repeat(5_000_000) } }, ...Array.from({ length: 2000 }, (_, i) => TASK(String(i + 2)))]);
    current = { name: 'huge', serve: (s) => respond(s, 200, big), kind: [] };
    try {
      const page = await client.tasks.listTasks({ limit: 100 });
      assert.strictEqual(page.items.length, 2001);
      assert.strictEqual(page.items[0].properties.hs_task_body?.length, 5_000_000);
    } catch (error) {
      assertClear(error, ['malformed-response']);
    } finally {
      current = undefined;
    }
  });

  it('an invalid base URL ("not a url") fails each request with a clear error, not a crash', async () => {
    let constructed: HubSpotClient | undefined;
    assert.doesNotThrow(() => { constructed = new HubSpotClient({ baseUrl: 'not a url', getToken: async () => 't', maxRetries: 0 }); });
    try {
      await assert.rejects(constructed!.tasks.listTasks({ limit: 1 }), (error: unknown) => {
        assertClear(error, ['network']);
        return true;
      });
    } finally {
      constructed?.dispose();
    }
  });

  it('a DNS failure (http://nonexistent.invalid) is a network error that says HubSpot could not be reached', async () => {
    const dns = new HubSpotClient({ baseUrl: 'http://nonexistent.invalid', getToken: async () => 't', maxRetries: 0, timeoutMs: 10_000 });
    try {
      await assert.rejects(dns.tasks.createTask({ properties: { hs_task_subject: 'x', hs_timestamp: '2026-01-01T00:00:00Z' } }), (error: unknown) => {
        assertClear(error, ['network']);
        assert.strictEqual((error as { ambiguous?: boolean }).ambiguous, false, 'a name that does not resolve cannot have created anything');
        assert.match((error as Error).message, /reach|ENOTFOUND|EAI_AGAIN/);
        return true;
      });
    } finally {
      dns.dispose();
    }
  });

  it('a refused connection (nothing listening) is a clear, non-ambiguous network error', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = new HubSpotClient({ baseUrl: `http://127.0.0.1:${port}`, getToken: async () => 't', maxRetries: 0 });
    try {
      await assert.rejects(refused.tasks.listTasks({ limit: 1 }), (error: unknown) => {
        assertClear(error, ['network']);
        assert.strictEqual((error as { ambiguous?: boolean }).ambiguous, false);
        return true;
      });
    } finally {
      refused.dispose();
    }
  });
});
