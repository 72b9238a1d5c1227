// Failures a well-behaved server cannot produce, on a raw socket: cut bodies, resets, silence,
// non-JSON, wrong shapes, redirects. Checks which requests are retried and how errors are typed.
import * as assert from 'assert';
import * as net from 'net';
import { HubSpotClient } from '../../../src/hubspot/client';
import { AuthenticationError, HubSpotError, MalformedResponseError, NetworkError, ServerError } from '../../../src/hubspot/errors';
import { rejection, testClient, TOKEN } from './support/clients';
import { RawServer, respond, startRawServer } from './support/rawServer';

const TASK = JSON.stringify({ id: '1', properties: { hs_task_subject: 'A' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
const CREATE = { properties: { hs_timestamp: '1767225600000', hs_task_subject: 'A' } };

/** Cuts the response after the headers and a few bytes of a body announced as longer. */
function truncated(socket: net.Socket): void {
  socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":"1","prop');
  setImmediate(() => socket.destroy());
}

describe('HTTP client on a raw socket', () => {
  let server: RawServer | undefined;
  let client: HubSpotClient | undefined;
  afterEach(async () => {
    client?.dispose();
    await server?.close();
    server = undefined;
  });

  async function serve(handler: (socket: net.Socket, index: number, body: string) => void) {
    server = await startRawServer((req, socket, i) => handler(socket, i, req.body));
    const t = testClient(server.url);
    client = t.client;
    return t;
  }

  it('a body cut short on a read is retried and then succeeds', async () => {
    await serve((socket, i) => (i === 0 ? truncated(socket) : respond(socket, 200, TASK)));
    const task = await client!.tasks.getTask('1');
    assert.strictEqual(task.properties.hs_task_subject, 'A');
    assert.strictEqual(server!.requests.length, 2);
  });

  it('a body cut short on a create is NOT retried and is reported ambiguous', async () => {
    await serve((socket) => truncated(socket));
    const e = await rejection(client!.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError, String(e));
    assert.strictEqual(e.ambiguous, true);
    assert.strictEqual(e.timedOut, false);
    assert.strictEqual(server!.requests.length, 1);
  });

  it('a reset after the request was read: create not retried (ambiguous), update retried', async () => {
    await serve((socket, i) => (i < 2 ? socket.resetAndDestroy() : respond(socket, 200, TASK)));
    const e = await rejection(client!.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError && e.ambiguous, String(e));
    assert.strictEqual(server!.requests.length, 1);
    const updated = await client!.tasks.updateTask('1', { hs_task_subject: 'B' });
    assert.strictEqual(updated.id, '1');
    assert.strictEqual(server!.requests.length, 3);
    assert.strictEqual(server!.requests[1].body, server!.requests[2].body, 'the update is repeated with the same body');
  });

  it('a server that never answers times out: NetworkError.timedOut, ambiguous, create sent once', async () => {
    await serve(() => undefined);
    const t = testClient(server!.url, { timeoutMs: 100 });
    client?.dispose();
    client = t.client;
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError && e.timedOut && e.ambiguous, String(e));
    assert.match(e.message, /100 ms/);
    assert.strictEqual(server!.requests.length, 1);
  });

  it('a refused connection never reached HubSpot: even a create is retried, then fails unambiguously', async () => {
    const probe = await startRawServer(() => undefined);
    const url = probe.url;
    await probe.close();
    const t = testClient(url, { maxRetries: 2 });
    client = t.client;
    const e = await rejection(client.tasks.createTask(CREATE));
    assert.ok(e instanceof NetworkError, String(e));
    assert.strictEqual(e.ambiguous, false);
    assert.match(e.message, /ECONNREFUSED/);
    assert.strictEqual(t.exchanges.length, 3, 'first attempt + 2 retries');
  });

  it('malformed JSON: a read is retried, then MalformedResponseError', async () => {
    await serve((socket) => respond(socket, 200, '{"results": [ oops'));
    const e = await rejection(client!.tasks.listTasks());
    assert.ok(e instanceof MalformedResponseError, String(e));
    assert.strictEqual(e.status, 200);
    assert.strictEqual(server!.requests.length, 4, 'first attempt + maxRetries (3)');
  });

  it('malformed JSON on a create: not retried, status 201 tells the caller it was applied', async () => {
    await serve((socket) => respond(socket, 201, '<html>'));
    const e = await rejection(client!.tasks.createTask(CREATE));
    assert.ok(e instanceof MalformedResponseError && e.status === 201, String(e));
    assert.strictEqual(server!.requests.length, 1);
  });

  it('a JSON body of the wrong shape is refused at the edge (results not an array, id missing)', async () => {
    await serve((socket, i) => respond(socket, 200, i === 0 ? '{"results": {"id": "1"}}' : '{"results": [{"properties": {}}]}'));
    client!.dispose();
    const t = testClient(server!.url, { maxRetries: 0 });
    client = t.client;
    const e1 = await rejection(client.tasks.listTasks());
    assert.ok(e1 instanceof MalformedResponseError && /results is not an array/.test(e1.message), String(e1));
    const e2 = await rejection(client.tasks.listTasks());
    assert.ok(e2 instanceof MalformedResponseError && /results\[0\]\.id/.test(e2.message), String(e2));
  });

  it('a 5xx on a create is not retried; on a search it is', async () => {
    await serve((socket, i) => respond(socket, i < 2 ? 503 : 200, i < 2 ? '' : '{"total":0,"results":[]}'));
    const e = await rejection(client!.tasks.createTask(CREATE));
    assert.ok(e instanceof ServerError && e.status === 503, String(e));
    assert.strictEqual(server!.requests.length, 1);
    const page = await client!.tasks.searchTasks({ query: 'x' });
    assert.deepStrictEqual(page, { items: [], cursor: undefined, total: 0 });
    assert.strictEqual(server!.requests.length, 3);
  });

  it('does not follow redirects, so the token never goes elsewhere', async () => {
    const elsewhere = await startRawServer((_r, socket) => respond(socket, 200, TASK));
    try {
      await serve((socket) => respond(socket, 302, '', { Location: `${elsewhere.url}/steal` }));
      const e = await rejection(client!.tasks.getTask('1'));
      assert.ok(e instanceof HubSpotError && e.kind === 'unexpected' && e.status === 302, String(e));
      assert.strictEqual(elsewhere.requests.length, 0);
    } finally {
      await elsewhere.close();
    }
  });

  it('no redirect status takes the token to another origin (301, 302, 303, 307, 308)', async () => {
    const elsewhere = await startRawServer((_r, socket) => respond(socket, 200, TASK));
    try {
      for (const status of [301, 302, 303, 307, 308]) {
        await server?.close();
        client?.dispose();
        await serve((socket) => respond(socket, status, '', { Location: `${elsewhere.url}/crm/v3/objects/tasks/1` }));
        const e = await rejection(client!.tasks.getTask('1'));
        assert.ok(e instanceof HubSpotError && e.status === status, `${status}: ${String(e)}`);
        assert.strictEqual(server!.requests[0].headers.authorization, `Bearer ${TOKEN}`, 'the API origin got it');
      }
      assert.deepStrictEqual(elsewhere.requests.map((r) => r.headers.authorization), [], 'the other origin got no request');
    } finally {
      await elsewhere.close();
    }
  });

  it('sends Authorization: Bearer from getToken on every attempt, and never logs it', async () => {
    const token = `${TOKEN}-${'x'.repeat(20)}`;
    let calls = 0;
    await serve((socket, i) => (i === 0 ? respond(socket, 500, `{"message":"echo ${token}"}`) : respond(socket, 401, `{"message":"bad ${token}"}`)));
    const t = testClient(server!.url, { getToken: async () => { calls++; return token; } });
    client!.dispose();
    client = t.client;
    const e = await rejection(client.tasks.getTask('1'));
    assert.ok(e instanceof AuthenticationError, String(e));
    assert.ok(!e.message.includes(token), 'the token is scrubbed even when a server echoes it');
    assert.strictEqual(calls, 2);
    assert.deepStrictEqual(server!.requests.map((r) => r.headers.authorization), [`Bearer ${token}`, `Bearer ${token}`]);
    const log = t.logger.lines.join('\n');
    assert.match(log, /"Authorization":"Bearer \[redacted\]"/);
    assert.ok(!log.includes(token), 'no log line contains the token');
  });

  it('no token, or a failing token store: AuthenticationError without any request', async () => {
    await serve((socket) => respond(socket, 200, TASK));
    const t = testClient(server!.url, { getToken: async () => undefined });
    const e = await rejection(t.client.tasks.getTask('1'));
    assert.ok(e instanceof AuthenticationError && e.kind === 'authentication', String(e));
    const failing = testClient(server!.url, { getToken: () => Promise.reject(new Error('keychain locked')) });
    const e2 = await rejection(failing.client.tasks.listTasks());
    assert.ok(e2 instanceof AuthenticationError && /access token/.test(e2.message), String(e2));
    assert.strictEqual(server!.requests.length, 0);
    t.client.dispose();
    failing.client.dispose();
  });
});
