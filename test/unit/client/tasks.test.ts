// Every TasksApi method against the sandbox over real sockets.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { NotFoundError, SearchLimitError, ValidationError } from '../../../src/hubspot/errors';
import { ApiTask, CreateInput, TASK_ASSOCIATION_TYPE_IDS } from '../../../src/hubspot/types';
import { rejection, testClient } from './support/clients';
import { operations, useSandbox } from './support/sandbox';

const DUE = String(Date.UTC(2026, 11, 24, 9));
const input = (subject: string, extra: Partial<CreateInput> = {}): CreateInput => ({
  properties: { hs_timestamp: DUE, hs_task_subject: subject, hs_task_priority: 'HIGH', hs_task_status: 'NOT_STARTED' },
  ...extra,
});

describe('TasksApi against the sandbox', () => {
  const ref = useSandbox();
  let client: HubSpotClient;
  beforeEach(() => { client = testClient(ref.sandbox.url).client; });
  afterEach(() => client.dispose());

  describe('listTasks', () => {
    it('pages with cursors through every task exactly once', async () => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.tasks.listTasks({ limit: 60, after: cursor, properties: ['hs_task_subject'] });
        ids.push(...page.items.map((t) => t.id));
        cursor = page.cursor;
      } while (cursor);
      assert.strictEqual(ids.length, ref.sandbox.state().tasks);
      assert.strictEqual(new Set(ids).size, ids.length);
      assert.deepStrictEqual(ref.sandbox.requests()[0].query, { limit: '60', properties: 'hs_task_subject' });
    });

    it('clamps limit to 100, sends properties as csv, returns only those', async () => {
      const page = await client.tasks.listTasks({ limit: 500, properties: ['hs_task_subject', 'hs_task_priority'] });
      assert.strictEqual(page.items.length, 100);
      assert.ok(page.cursor);
      // Those two, and the system properties HubSpot always adds.
      assert.deepStrictEqual(Object.keys(page.items[0].properties).sort(), ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_task_priority', 'hs_task_subject']);
      assert.deepStrictEqual(ref.sandbox.requests()[0].query, { limit: '100', properties: 'hs_task_subject,hs_task_priority' });
    });

    it('archived=true lists archived tasks only', async () => {
      const [first] = (await client.tasks.listTasks({ limit: 1 })).items;
      await client.tasks.archiveTask(first.id);
      const archived = await client.tasks.listTasks({ archived: true });
      assert.deepStrictEqual(archived.items.map((t) => [t.id, t.archived]), [[first.id, true]]);
      assert.strictEqual(archived.cursor, undefined);
      assert.strictEqual(ref.sandbox.requests()[2].query.archived, 'true');
    });
  });

  describe('single task', () => {
    it('getTask returns requested properties, null for requested-but-unset ones', async () => {
      const created = await client.tasks.createTask(input('Call Ada'));
      const task = await client.tasks.getTask(created.id, ['hs_task_subject', 'hs_task_reminders']);
      assert.strictEqual(task.id, created.id);
      const { hs_object_id: objectId, hs_createdate: created_, hs_lastmodifieddate: modified, ...asked } = task.properties;
      assert.deepStrictEqual(asked, { hs_task_subject: 'Call Ada', hs_task_reminders: null });
      assert.deepStrictEqual([objectId, created_, modified], [created.id, task.createdAt, task.updatedAt], 'system properties come back beside them');
      assert.ok(Date.parse(task.createdAt) > 0 && Date.parse(task.updatedAt) > 0);
    });

    it('getTask of an unknown id → NotFoundError', async () => {
      const e = await rejection(client.tasks.getTask('999999999'));
      assert.ok(e instanceof NotFoundError && e.status === 404 && e.correlationId, String(e));
    });

    it('createTask with inline associations links the contact (type 204)', async () => {
      const contactId = (await client.crm.searchObjects('contacts', '', { limit: 1 })).items[0].id;
      const created = await client.tasks.createTask(input('With contact', {
        associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS.contacts }] }],
      }));
      assert.ok(/^\d+$/.test(created.id));
      assert.strictEqual(created.properties.hs_task_subject, 'With contact');
      const assoc = await client.tasks.listTaskAssociations(created.id, 'contacts');
      assert.deepStrictEqual(assoc.items.map((a) => a.id), [contactId]);
      assert.strictEqual(ref.sandbox.state().tasks, 201);
    });

    it('updateTask changes only the given properties; null is sent as "" to clear', async () => {
      const created = await client.tasks.createTask(input('Before', { properties: { ...input('Before').properties, hs_task_body: '<p>x</p>' } }));
      const updated = await client.tasks.updateTask(created.id, { hs_task_subject: 'After', hs_task_body: null });
      assert.strictEqual(updated.properties.hs_task_subject, 'After');
      const body = ref.sandbox.requests().find((r) => r.operation === 'updateTask')?.body;
      assert.deepStrictEqual(body, { properties: { hs_task_subject: 'After', hs_task_body: '' } });
      const read = await client.tasks.getTask(created.id, ['hs_task_subject', 'hs_task_priority', 'hs_task_body']);
      assert.strictEqual(read.properties.hs_task_priority, 'HIGH');
      assert.ok(!read.properties.hs_task_body, 'body cleared');
    });

    it('archiveTask soft-deletes; archiving again is harmless', async () => {
      const created = await client.tasks.createTask(input('Doomed'));
      await client.tasks.archiveTask(created.id);
      await client.tasks.archiveTask(created.id);
      assert.ok(await rejection(client.tasks.getTask(created.id)) instanceof NotFoundError);
      assert.strictEqual(ref.sandbox.state().archivedTasks, 1);
    });
  });

  describe('batch', () => {
    it('batchReadTasks chunks by 100 and reports unknown ids per input from the 207', async () => {
      const ids = (await client.tasks.listTasks({ limit: 100 })).items.map((t) => t.id);
      const more = (await client.tasks.listTasks({ limit: 100, after: (await client.tasks.listTasks({ limit: 100 })).cursor })).items.map((t) => t.id);
      ref.sandbox.clearRequests();
      const wanted = [...ids, ...more, 'nope-1', 'nope-2', ids[0]];
      const progress: number[][] = [];
      const result = await client.tasks.batchReadTasks(wanted, ['hs_task_subject'], { onProgress: (d, t) => progress.push([d, t]) });
      assert.strictEqual(result.results.length, 200);
      assert.deepStrictEqual(result.errors.map((e) => [e.category, e.ids]), [['OBJECT_NOT_FOUND', ['nope-1', 'nope-2']]]);
      assert.deepStrictEqual(operations(ref.sandbox), ['batchReadTasks', 'batchReadTasks', 'batchReadTasks']);
      assert.deepStrictEqual(progress, [[100, 202], [200, 202], [202, 202]], 'duplicate ids are read once');
    });

    it('batchCreateTasks: 150 inputs in 2 calls, a 207 names the failed input by objectWriteTraceId', async () => {
      const inputs = Array.from({ length: 150 }, (_, i) => input(`Bulk ${i}`, { objectWriteTraceId: `todo-${i}` }));
      inputs[120] = { properties: { hs_task_subject: 'No due date' }, objectWriteTraceId: 'todo-120' };
      const result = await client.tasks.batchCreateTasks(inputs);
      assert.strictEqual(result.results.length, 149);
      assert.strictEqual(result.errors.length, 1);
      assert.deepStrictEqual(result.errors[0].ids, ['todo-120']);
      assert.strictEqual(result.errors[0].category, 'VALIDATION_ERROR');
      const traces = new Set(result.results.map((t) => t.objectWriteTraceId));
      assert.ok(traces.has('todo-0') && traces.has('todo-149') && !traces.has('todo-120'));
      assert.deepStrictEqual(operations(ref.sandbox), ['batchCreateTasks', 'batchCreateTasks']);
      assert.strictEqual(ref.sandbox.state().tasks, 200 + 149);
    });

    it('batchCreateTasks gives inputs without a trace id their index', async () => {
      const result = await client.tasks.batchCreateTasks([input('A'), { properties: {} }]);
      assert.deepStrictEqual(result.errors.map((e) => e.ids), [['1']]);
      assert.strictEqual(result.results[0].objectWriteTraceId, '0');
    });

    it('batchUpdateTasks reports a missing task per input and applies the rest', async () => {
      const [a, b] = (await client.tasks.listTasks({ limit: 2 })).items;
      const result = await client.tasks.batchUpdateTasks([
        { id: a.id, properties: { hs_task_status: 'COMPLETED' } },
        { id: '424242', properties: { hs_task_status: 'COMPLETED' } },
        { id: b.id, properties: { hs_task_priority: 'LOW' } },
      ]);
      assert.deepStrictEqual(result.results.map((t) => t.id).sort(), [a.id, b.id].sort());
      assert.deepStrictEqual(result.errors.map((e) => [e.category, e.ids]), [['OBJECT_NOT_FOUND', ['424242']]]);
      assert.strictEqual((await client.tasks.getTask(a.id, ['hs_task_status'])).properties.hs_task_status, 'COMPLETED');
    });

    it('an aborted signal stops before the next chunk; sent chunks are reported', async () => {
      const controller = new AbortController();
      const inputs = Array.from({ length: 250 }, (_, i) => input(`Abort ${i}`));
      const result = await client.tasks.batchCreateTasks(inputs, {
        signal: controller.signal,
        onProgress: (done) => { if (done === 100) { controller.abort(); } },
      });
      assert.strictEqual(result.results.length, 100);
      assert.deepStrictEqual(result.errors, []);
      assert.deepStrictEqual(operations(ref.sandbox), ['batchCreateTasks']);
    });
  });

  describe('searchTasks', () => {
    it('filters (AND in a group, OR across groups), sorts, pages and reports total', async () => {
      const request = {
        filterGroups: [
          { filters: [{ propertyName: 'hs_task_priority', operator: 'EQ' as const, value: 'HIGH' }, { propertyName: 'hs_task_status', operator: 'NEQ' as const, value: 'COMPLETED' }] },
          { filters: [{ propertyName: 'hs_task_type', operator: 'IN' as const, values: ['CALL'] }] },
        ],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' as const }],
        properties: ['hs_task_priority', 'hs_task_status', 'hs_task_type', 'hs_timestamp'],
        limit: 25,
      };
      const first = await client.tasks.searchTasks(request);
      assert.ok(first.total > 25, `total ${first.total}`);
      const all: ApiTask[] = [...first.items];
      let cursor = first.cursor;
      while (cursor) {
        const page = await client.tasks.searchTasks({ ...request, after: cursor });
        all.push(...page.items);
        cursor = page.cursor;
      }
      assert.strictEqual(all.length, first.total);
      for (const t of all) {
        const p = t.properties;
        assert.ok((p.hs_task_priority === 'HIGH' && p.hs_task_status !== 'COMPLETED') || p.hs_task_type === 'CALL', JSON.stringify(p));
      }
      const times = all.map((t) => Date.parse(t.properties.hs_timestamp ?? ''));
      assert.deepStrictEqual(times, [...times].sort((x, y) => x - y));
    });

    it('clamps limit to 200', async () => {
      const page = await client.tasks.searchTasks({ limit: 1000 });
      assert.strictEqual(page.items.length, 200);
      assert.strictEqual((ref.sandbox.requests()[0].body as { limit: number }).limit, 200);
    });

    it('refuses to page past 10,000 results without sending anything', async () => {
      const e = await rejection(client.tasks.searchTasks({ limit: 100, after: '9950' }));
      assert.ok(e instanceof SearchLimitError && e.kind === 'search-limit', String(e));
      assert.deepStrictEqual(ref.sandbox.requests(), []);
    });
  });

  describe('associations', () => {
    it('create (default type ids in the path), list, delete for contacts, companies and deals', async () => {
      const task = await client.tasks.createTask(input('Assoc'));
      for (const type of ['contacts', 'companies', 'deals'] as const) {
        const target = (await client.crm.searchObjects(type, '', { limit: 2 })).items[1].id;
        await client.tasks.createTaskAssociation(task.id, type, target);
        await client.tasks.createTaskAssociation(task.id, type, target);
        const listed = await client.tasks.listTaskAssociations(task.id, type);
        assert.deepStrictEqual(listed.items.map((a) => a.id), [target]);
        assert.match(listed.items[0].type, /task_to_/);
        await client.tasks.deleteTaskAssociation(task.id, type, target);
        assert.deepStrictEqual((await client.tasks.listTaskAssociations(task.id, type)).items, []);
      }
      const puts = ref.sandbox.requests().filter((r) => r.method === 'PUT').map((r) => r.path.split('/').pop());
      assert.deepStrictEqual(puts, ['204', '204', '192', '192', '216', '216']);
    });

    it('a wrong association type id is a ValidationError; an unknown task a NotFoundError', async () => {
      const task = await client.tasks.createTask(input('Assoc'));
      const contact = (await client.crm.searchObjects('contacts', '', { limit: 1 })).items[0].id;
      const e = await rejection(client.tasks.createTaskAssociation(task.id, 'contacts', contact, 216));
      assert.ok(e instanceof ValidationError, String(e));
      assert.ok(await rejection(client.tasks.listTaskAssociations('31337', 'deals')) instanceof NotFoundError);
    });
  });
});

describe('searchTasks on a large account (10,050 tasks)', () => {
  const ref = useSandbox({ seed: { tasks: 10_050 } });

  it('drops the cursor that points at 10,000 and keeps total', async () => {
    const { client } = testClient(ref.sandbox.url);
    try {
      const page = await client.tasks.searchTasks({ limit: 200, after: '9800' });
      assert.strictEqual(page.items.length, 200);
      assert.strictEqual(page.total, 10_050);
      assert.strictEqual(page.cursor, undefined);
      assert.ok(await rejection(client.tasks.searchTasks({ limit: 200, after: '9900' })) instanceof SearchLimitError);
      assert.strictEqual(ref.sandbox.requests().length, 1);
    } finally {
      client.dispose();
    }
  });
});
