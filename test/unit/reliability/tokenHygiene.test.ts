// Token hygiene at the client level: with a distinctive token, every API family is exercised, with and
// without injected faults, and against servers that echo the token back. The token must reach the wire
// (Authorization header) and nothing else: no log line, error (message, stack, cause), exchange record,
// request log of the sandbox, or sandbox data file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HubSpotClient } from '../../../src/hubspot/client';
import { isHubSpotError } from '../../../src/hubspot/errors';
import type { HttpExchange } from '../../../src/hubspot/httpClient';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { CapturingLogger } from '../client/support/clients';
import { respond, startRawServer } from '../client/support/rawServer';
import { CANARY_TOKEN, findCanary } from './support/canary';
import { recordNumbers } from './support/report';

function canaryClient(baseUrl: string, logger: CapturingLogger, exchanges: HttpExchange[]): HubSpotClient {
  return new HubSpotClient({
    baseUrl, getToken: async () => CANARY_TOKEN, logger, timeoutMs: 600, retryBaseDelayMs: 5, maxRetryDelayMs: 50,
    requestsPer10s: 100_000, searchesPerSecond: 100_000, onExchange: (e) => exchanges.push(e),
  });
}

/** Runs every operation family once; returns the errors it got (they are inspected too). */
async function exercise(client: HubSpotClient): Promise<unknown[]> {
  const errors: unknown[] = [];
  const attempt = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      errors.push(error);
    }
  };
  let createdId = '60000000001';
  await attempt(() => client.account.accountDetails());
  await attempt(() => client.owners.allOwners());
  await attempt(() => client.tasks.listTasks({ limit: 5, properties: ['hs_task_subject'] }));
  await attempt(() => client.tasks.searchTasks({ filterGroups: [{ filters: [{ propertyName: 'hs_task_status', operator: 'EQ', value: 'NOT_STARTED' }] }], limit: 5 }));
  await attempt(async () => {
    const task = await client.tasks.createTask({ properties: { hs_task_subject: 'canary', hs_timestamp: new Date().toISOString() } });
    createdId = task.id;
  });
  await attempt(() => client.tasks.updateTask(createdId, { hs_task_priority: 'HIGH' }));
  await attempt(() => client.tasks.updateTask(createdId, { hs_task_priority: 'NOT-A-PRIORITY' })); // 400 validation
  await attempt(() => client.tasks.getTask('1')); // 404
  await attempt(() => client.tasks.batchReadTasks([createdId, '60000000002'], ['hs_task_subject']));
  await attempt(() => client.tasks.batchCreateTasks([{ properties: { hs_task_subject: 'b', hs_timestamp: new Date().toISOString() } }]));
  await attempt(() => client.crm.searchObjects('contacts', 'a'));
  await attempt(() => client.tasks.listTaskAssociations(createdId, 'contacts'));
  await attempt(() => client.tasks.archiveTask(createdId));
  return errors;
}

describe('Reliability: token hygiene (client, sandbox, logs, errors)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-canary-'));
    sandbox = await startSandbox({ seed: 'demo', tokens: [CANARY_TOKEN], dataFile: path.join(dir, 'account.json'), timeoutHangMs: 1000 });
  });
  after(async () => {
    await sandbox?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the canary is found by the search itself (the test can fail)', () => {
    assert.deepStrictEqual(findCanary({ a: [new Error(`x ${CANARY_TOKEN}`)] }).length > 0, true);
    assert.deepStrictEqual(findCanary(Buffer.from(`..${CANARY_TOKEN}..`)), ['$']);
    assert.deepStrictEqual(findCanary({ ok: 'nothing here' }), []);
  });

  it('never leaves the client except in the Authorization header, with and without faults', async () => {
    const logger = new CapturingLogger();
    const exchanges: HttpExchange[] = [];
    const client = canaryClient(sandbox.url, logger, exchanges);
    const errors: unknown[] = [];
    try {
      errors.push(...(await exercise(client)));
      sandbox.configure({ faults: { rate: 0.5, seed: 3, kinds: ['500', '502', '503', 'reset', 'hang', 'malformed', '429'] } });
      for (let round = 0; round < 3; round++) {
        errors.push(...(await exercise(client)));
      }
    } finally {
      sandbox.configure({ faults: null });
      client.dispose();
    }
    await sandbox.flush();
    const requests = sandbox.requests();
    const faults = requests.filter((r) => r.fault).length;
    assert.ok(requests.length > 40 && faults > 5, `exercised: ${requests.length} requests, ${faults} faults`);
    assert.ok(errors.length > 3 && errors.every(isHubSpotError), 'errors were produced, all typed');
    assert.ok(requests.every((r) => r.status !== 401), 'the sandbox accepted the canary token: it was sent');
    assert.deepStrictEqual(findCanary(logger.lines), [], 'log lines');
    assert.deepStrictEqual(findCanary(errors), [], 'errors (message, stack, cause)');
    assert.deepStrictEqual(findCanary(exchanges), [], 'exchange records');
    assert.deepStrictEqual(findCanary(requests), [], 'sandbox request log');
    assert.deepStrictEqual(findCanary(fs.readFileSync(path.join(dir, 'account.json'))), [], 'sandbox data file');
    recordNumbers('token-hygiene-node', { requests: requests.length, faults, errors: errors.length, logLines: logger.lines.length, hits: 0 });
  });

  it('a server that echoes the token back (in error bodies, headers and redirects) does not get it into errors or logs', async () => {
    const server = await startRawServer((req, socket, i) => {
      const auth = req.headers.authorization ?? '';
      switch (i % 5) {
        case 0: return respond(socket, 401, JSON.stringify({ status: 'error', message: `Token ${auth} is invalid`, category: 'INVALID_AUTHENTICATION' }));
        case 1: return respond(socket, 400, JSON.stringify({ status: 'error', message: `Bad request for ${auth}`, category: 'VALIDATION_ERROR', errors: [{ message: auth }] }));
        case 2: return respond(socket, 500, `<html>upstream said ${auth}</html>`, { 'Content-Type': 'text/html' });
        case 3: return respond(socket, 302, '', { Location: `http://127.0.0.1:1/steal?t=${encodeURIComponent(auth)}` });
        default: return respond(socket, 200, `{"results": [${JSON.stringify(auth)}`);
      }
    });
    const logger = new CapturingLogger();
    const exchanges: HttpExchange[] = [];
    const client = new HubSpotClient({ baseUrl: server.url, getToken: async () => CANARY_TOKEN, logger, maxRetries: 0, timeoutMs: 1000, onExchange: (e) => exchanges.push(e) });
    const errors: unknown[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        try {
          await client.tasks.listTasks({ limit: 1 });
        } catch (error) {
          errors.push(error);
        }
      }
    } finally {
      client.dispose();
      await server.close();
    }
    assert.strictEqual(server.requests.length, 10);
    assert.ok(server.requests.every((r) => r.headers.authorization === `Bearer ${CANARY_TOKEN}`), 'on the wire, in the Authorization header');
    assert.ok(server.requests.every((r) => !r.path.includes(CANARY_TOKEN) && !r.body.includes(CANARY_TOKEN)), 'never in the URL or body');
    assert.strictEqual(errors.length, 10);
    assert.deepStrictEqual(findCanary(errors.map((e) => (e as Error).message)), [], 'error messages');
    assert.deepStrictEqual(findCanary(logger.lines), [], 'log lines');
    // Exchanges keep raw response text for diagnostics: an echoing server's text is the server's, but it
    // must not be logged; we only require that the client never wrote the token itself into them.
    assert.deepStrictEqual(findCanary(exchanges.map((e) => ({ ...e, responseText: undefined, error: e.error?.message }))), []);
  });
});
