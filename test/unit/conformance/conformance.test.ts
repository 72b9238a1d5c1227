// Conformance with the contract (test/fixtures/tasks-api.openapi.yml): every request the client
// sends and every response the sandbox returns for the spec's 12 operations, success and error
// paths, is checked against the spec's schemas.
//
// One deliberate deviation: the spec types every property value as a string, but HubSpot (and so
// the sandbox) returns `null` for a requested property that has no value. Responses are checked
// with null accepted in `properties` maps only, and a separate test proves that null values are the
// ONLY thing relaxed. Requests are held to the letter: the client sends "" to clear a value.
import * as assert from 'assert';
import * as path from 'path';
import type { HttpExchange } from '../../../src/hubspot/httpClient';
import { TASK_ASSOCIATION_TYPE_IDS } from '../../../src/hubspot/types';
import { rejection, testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';
import type { RequestLogEntry } from '../../../sandbox/types';
import { NULL_PROPERTY_VALUES } from './deviations';
import { OpenApiChecker, seedDocuments, withDeviations } from './openapi';

const SPEC_FILE = path.resolve(__dirname, '../../../../test/fixtures/tasks-api.openapi.yml');
const DUE = String(Date.UTC(2026, 11, 24, 9));

describe('conformance with tasks-api.openapi.yml', () => {
  const ref = useSandbox();
  const docs = seedDocuments(SPEC_FILE);
  const checker = new OpenApiChecker(docs);
  // Responses are checked with the one deviation applied; requests are held to the letter.
  const relaxed = new OpenApiChecker(withDeviations(docs, [NULL_PROPERTY_VALUES], 'response'));
  const exchanges: HttpExchange[] = [];
  let logged: RequestLogEntry[] = [];

  /** Drives every operation through the client, including its error responses. */
  before(async function () {
    this.timeout(15_000);
    ref.sandbox.reset();
    ref.sandbox.clearRequests();
    const { client } = testClient(ref.sandbox.url, { onExchange: (e) => exchanges.push(e) });
    const intruder = testClient(ref.sandbox.url, { getToken: async () => 'not-a-token', onExchange: (e) => exchanges.push(e) }).client;
    try {
      const contact = (await client.crm.searchObjects('contacts', '', { limit: 1 })).items[0].id;
      const page = await client.tasks.listTasks({ limit: 5, properties: ['hs_task_subject', 'hs_task_reminders'], archived: false });
      await client.tasks.listTasks({ limit: 5, after: page.cursor });
      const created = await client.tasks.createTask({
        properties: { hs_timestamp: DUE, hs_task_subject: 'Conformance', hs_task_body: null, hs_task_priority: 'HIGH' },
        associations: [{ to: { id: contact }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS.contacts }] }],
      });
      await client.tasks.getTask(created.id, ['hs_task_subject', 'hs_task_reminders']);
      await client.tasks.getTask(created.id);
      await client.tasks.updateTask(created.id, { hs_task_status: 'COMPLETED', hs_task_body: null });
      await client.tasks.batchReadTasks([created.id, page.items[0].id, '404404'], ['hs_task_subject', 'hs_task_type']);
      await client.tasks.batchCreateTasks([
        { properties: { hs_timestamp: DUE, hs_task_subject: 'Batch 1' }, objectWriteTraceId: 'a' },
        { properties: { hs_task_subject: 'No due date' }, objectWriteTraceId: 'b' },
      ]);
      await client.tasks.batchCreateTasks([{ properties: { hs_timestamp: DUE, hs_task_subject: 'Batch 2' } }]);
      await client.tasks.batchUpdateTasks([{ id: created.id, properties: { hs_task_priority: 'LOW' } }, { id: '404404', properties: { hs_task_priority: 'LOW' } }]);
      const search = await client.tasks.searchTasks({
        filterGroups: [{ filters: [
          { propertyName: 'hs_task_priority', operator: 'IN', values: ['HIGH', 'MEDIUM'] },
          { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: '0', highValue: DUE },
        ] }],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        query: 'call',
        properties: ['hs_task_subject', 'hs_task_reminders'],
        limit: 3,
      });
      await client.tasks.searchTasks({ limit: 3, after: search.cursor ?? '3' });
      await client.tasks.listTaskAssociations(created.id, 'contacts');
      await client.tasks.createTaskAssociation(created.id, 'deals', (await client.crm.searchObjects('deals', '', { limit: 1 })).items[0].id);
      await client.tasks.deleteTaskAssociation(created.id, 'contacts', contact);
      await client.tasks.archiveTask(created.id);
      // Error paths: 404, 400 and 401 bodies are part of the contract too.
      await rejection(client.tasks.getTask(created.id));
      await rejection(client.tasks.updateTask('404404', { hs_task_subject: 'x' }));
      await rejection(client.tasks.archiveTask('404404'));
      await rejection(client.tasks.createTask({ properties: { hs_timestamp: 'soon' } }));
      await rejection(client.tasks.listTaskAssociations('404404', 'companies'));
      await rejection(client.tasks.createTaskAssociation(created.id, 'companies', '404404'));
      await rejection(client.tasks.searchTasks({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [{ propertyName: 'hs_task_priority', operator: 'EQ' as const, value: 'HIGH' }] })) }));
      await rejection(intruder.tasks.listTasks());
      await rejection(intruder.tasks.batchReadTasks(['1'], []).then((r) => { throw r.errors[0].cause; }));
    } finally {
      client.dispose();
      intruder.dispose();
    }
    logged = ref.sandbox.requests(); // before useSandbox's beforeEach clears the log
  });

  const specExchanges = () => exchanges.flatMap((e) => {
    const op = checker.match(e.method, e.path);
    return op ? [{ e, op }] : [];
  });

  for (const operationId of new OpenApiChecker(seedDocuments(SPEC_FILE)).operationIds()) {
    it(`${operationId}: every request and response matches the spec`, () => {
      const mine = specExchanges().filter(({ op }) => op.operationId === operationId);
      assert.ok(mine.length > 0, `the client never called ${operationId}`);
      const problems = mine.flatMap(({ e, op }) => {
        const wireBody = e.requestBody === undefined ? undefined : JSON.parse(JSON.stringify(e.requestBody));
        const request = checker.checkRequest(op, e.query, wireBody).map((p) => `request ${p}`);
        const response = e.status === undefined ? [] : relaxed.checkResponse(op, e.status, e.responseText ?? '').map((p) => `response ${e.status} ${p}`);
        return [...request, ...response].map((p) => `${e.method} ${e.path}: ${p}`);
      });
      assert.deepStrictEqual(problems, []);
    });
  }

  it('covers success and error statuses of the spec', () => {
    const statuses = new Set(specExchanges().map(({ e }) => e.status));
    for (const s of [200, 201, 204, 207, 400, 401, 404]) {
      assert.ok(statuses.has(s), `no ${s} was exercised`);
    }
  });

  it('the only relaxation is null for unset properties in responses, and it is exercised', () => {
    const strict = specExchanges().flatMap(({ e, op }) => (e.status === undefined ? [] : checker.checkResponse(op, e.status, e.responseText ?? '')));
    assert.ok(strict.length > 0, 'no null property value was seen, so the deviation is untested');
    assert.deepStrictEqual(strict.filter((p) => !NULL_PROPERTY_VALUES.explains(p)), []);
  });

  it('the sandbox logs the spec operationId and the same request bodies the client sent', () => {
    const spec = logged.filter((r) => checker.match(r.method, r.path));
    assert.strictEqual(spec.length, specExchanges().length);
    spec.forEach((r, i) => {
      const op = checker.match(r.method, r.path)!;
      assert.strictEqual(r.operation, op.operationId, `${r.method} ${r.path}`);
      assert.deepStrictEqual(checker.checkRequest(op, r.query, r.body), [], `${r.method} ${r.path}`);
      assert.deepStrictEqual(r.body, JSON.parse(JSON.stringify(specExchanges()[i].e.requestBody ?? null)) ?? undefined);
    });
  });
});
