// Issue 13.2: an id from the server ends up in the user's source files (TODO link write-back), so the
// API edge accepts only HubSpot's decimal ids. Checked on the shapes themselves and end to end over a
// real socket, for a task id and for the record ids of its associations.
import * as assert from 'assert';
import * as net from 'net';
import { HubSpotClient } from '../../../src/hubspot/client';
import { MalformedResponseError } from '../../../src/hubspot/errors';
import { apiObject, associationRef, owner } from '../../../src/hubspot/shapes';
import { rejection, testClient } from './support/clients';
import { RawServer, respond, startRawServer } from './support/rawServer';

const HOSTILE_IDS: unknown[] = [
  '1\nprocess.exit(1)', "1$'", '1$&', '1*/ evil(); /*', '1 -->', '', ' 1', '1 ', '-1', '1.5', '1e3', '0x1f', 'abc',
  '1'.repeat(31), '١٢٣', '12\u2028', -1, 1.5, Number.MAX_VALUE, NaN, null, {}, ['1'],
];

function task(id: unknown): Record<string, unknown> {
  return { id, properties: { hs_task_subject: 'A' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
}

describe('Hostile ids from the server (issue 13.2)', () => {
  it('shapes accept HubSpot ids: 1–30 digits, as a string or a safe non-negative integer', () => {
    assert.strictEqual(apiObject(task('60000000001'), 'r').id, '60000000001');
    assert.strictEqual(apiObject(task('1'.repeat(30)), 'r').id, '1'.repeat(30));
    assert.strictEqual(apiObject(task(42), 'r').id, '42');
    assert.strictEqual(associationRef({ id: 51000001, type: 'task_to_contact' }, 'r').id, '51000001');
  });

  it('shapes reject every other id of a task, an association and an owner with a malformed-response error', () => {
    for (const id of HOSTILE_IDS) {
      const label = JSON.stringify(id) ?? String(id);
      assert.throws(() => apiObject(task(id), 'r'), MalformedResponseError, `task ${label}`);
      assert.throws(() => associationRef({ id, type: 'x' }, 'r'), MalformedResponseError, `association ${label}`);
      assert.throws(() => owner({ id, email: 'a@b.c' }, 'r'), MalformedResponseError, `owner ${label}`);
      const nested = { ...task('1'), associations: { contacts: { results: [{ id, type: 'task_to_contact' }] } } };
      assert.throws(() => apiObject(nested, 'r'), MalformedResponseError, `nested ${label}`);
    }
  });

  describe('over a real socket', () => {
    let server: RawServer | undefined;
    let client: HubSpotClient | undefined;
    afterEach(async () => {
      client?.dispose();
      await server?.close();
      server = undefined;
    });

    it('a batch create answered with a newline-bearing task id fails as malformed; no task reaches the caller', async () => {
      server = await startRawServer((_req, socket: net.Socket) => respond(socket, 201, JSON.stringify({
        status: 'COMPLETE', results: [task("60000000001\n// TODO(HS-2): $'")], startedAt: '', completedAt: '',
      })));
      client = testClient(server.url).client;
      const batch = await client.tasks.batchCreateTasks([{ properties: { hs_task_subject: 'A', hs_timestamp: '1767225600000' } }]);
      assert.deepStrictEqual(batch.results, []);
      const e = batch.errors[0]?.cause;
      assert.ok(e instanceof MalformedResponseError, String(e));
      assert.match(e.message, /results\[0\]\.id is not an id/);
      assert.strictEqual(e.status, 201, 'the status says the create was applied (a caller looks it up by marker)');
    });

    it('a read answered with a hostile id fails as malformed', async () => {
      server = await startRawServer((_req, socket: net.Socket) => respond(socket, 200, JSON.stringify(task('1*/ x(); /*'))));
      client = testClient(server.url, { maxRetries: 0 }).client;
      const e = await rejection(client.tasks.getTask('1'));
      assert.ok(e instanceof MalformedResponseError, String(e));
    });
  });
});
