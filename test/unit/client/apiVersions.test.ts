// The client under each API version (v3, 2026-03, 2026-09) against the sandbox, which serves all three
// over one store: every operation goes to that version's path, the version can change between two
// requests of one client, associations of many tasks come in one request per 100 tasks and object type,
// and several tasks are archived with one batch archive per 100.
import * as assert from 'assert';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { API_VERSIONS, ApiVersion, endpointsFor } from '../../../src/hubspot/endpoints';
import type { AssociatedObjectType } from '../../../src/hubspot/types';
import { TaskActions } from '../../../src/services/taskActions';
import { DEMO_OWNER_ID } from '../../support/demo';
import { NO_SCOPE_TOKEN, testClient, TOKEN } from './support/clients';
import { useSandbox } from './support/sandbox';

const TYPES: AssociatedObjectType[] = ['contacts', 'companies', 'deals'];

/** `/crm/v3/…`, `/crm/v4/…`, `/account-info/v3/…` are v3; a date segment names its version. */
function versionOfPath(path: string): string {
  const dated = /^\/(?:crm\/(?:objects|associations|owners|properties)|account-info)\/(\d{4}-\d{2})(?:\/|$)/.exec(path);
  if (dated) {
    return dated[1];
  }
  return /^\/(?:crm\/v[34]|account-info\/v3)\//.test(path) ? 'v3' : `unknown: ${path}`;
}

describe('API versions: the client against the sandbox', () => {
  const ref = useSandbox();
  let client: HubSpotClient;
  let version: ApiVersion;
  beforeEach(() => {
    version = 'v3';
    client = testClient(ref.sandbox.url, { apiVersion: () => version }).client;
  });
  afterEach(() => client.dispose());

  async function allTaskIds(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.tasks.listTasks({ limit: 100, after });
      ids.push(...page.items.map((t) => t.id));
      after = page.cursor;
    } while (after);
    return ids;
  }

  /** Every operation of the client once. */
  async function everyOperation(): Promise<void> {
    const [company] = (await client.crm.searchObjects('companies', '', { limit: 1 })).items;
    const [contact] = (await client.crm.searchObjects('contacts', '', { limit: 1 })).items;
    await client.crm.searchObjects('deals', '', { limit: 1 });
    await client.crm.readObjects('companies', [company.id], []);
    const created = await client.tasks.createTask({ properties: { hs_task_subject: `made under ${version}`, hs_timestamp: String(Date.now()) } });
    await client.tasks.getTask(created.id, ['hs_task_subject']);
    await client.tasks.updateTask(created.id, { hs_task_priority: 'HIGH' });
    await client.tasks.listTasks({ limit: 5 });
    await client.tasks.searchTasks({ filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: DEMO_OWNER_ID }] }], limit: 5 });
    const due = String(Date.now());
    const batch = await client.tasks.batchCreateTasks([{ properties: { hs_task_subject: 'one', hs_timestamp: due } }, { properties: { hs_task_subject: 'two', hs_timestamp: due } }]);
    assert.deepStrictEqual(batch.errors, []);
    assert.strictEqual(batch.results.length, 2);
    await client.tasks.batchReadTasks(batch.results.map((t) => t.id), ['hs_task_subject']);
    await client.tasks.batchUpdateTasks(batch.results.map((t) => ({ id: t.id, properties: { hs_task_status: 'COMPLETED' } })));
    await client.tasks.createTaskAssociation(created.id, 'companies', company.id);
    await client.tasks.createTaskAssociation(created.id, 'contacts', contact.id);
    assert.deepStrictEqual((await client.tasks.listTaskAssociations(created.id, 'companies')).items.map((a) => a.id), [company.id]);
    await client.tasks.deleteTaskAssociation(created.id, 'contacts', contact.id);
    assert.deepStrictEqual((await client.tasks.batchReadTaskAssociations([created.id], 'contacts')).get(created.id), []);
    await client.tasks.batchArchiveTasks(batch.results.map((t) => t.id));
    await client.tasks.archiveTask(created.id);
    await client.owners.listOwners({ limit: 2 });
    await client.account.accountDetails();
    await client.account.taskProperty('hs_task_status');
  }

  for (const v of API_VERSIONS) {
    it(`${v}: every operation goes to ${v}'s paths and succeeds`, async () => {
      version = v;
      await everyOperation();
      const requests = ref.sandbox.requests();
      assert.strictEqual(requests.length, 22, requests.map((r) => r.operation).join());
      for (const r of requests) {
        assert.ok(r.status < 300, `${r.method} ${r.path} → ${r.status}`);
        // owners.2026-09.json names no 2026-03 alias: a 2026-03 client reads owners at the legacy path.
        const expected = v === '2026-03' && r.operation === 'listOwners' ? 'v3' : v;
        assert.strictEqual(versionOfPath(r.path), expected, `${r.method} ${r.path}`);
      }
      const dated = v !== 'v3';
      const paths = requests.map((r) => `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`);
      assert.ok(paths.includes(dated ? `POST /crm/associations/${v}/tasks/contacts/batch/read` : 'POST /crm/v4/associations/tasks/contacts/batch/read'));
      assert.ok(paths.includes(`POST ${dated ? `/crm/objects/${v}` : '/crm/v3/objects'}/tasks/batch/archive`));
      assert.ok(paths.includes(dated
        ? `PUT /crm/objects/${v}/tasks/{id}/associations/default/companies/{id}`
        : 'PUT /crm/v3/objects/tasks/{id}/associations/companies/{id}/{id}'));
      if (dated) {
        // The official files mark these required: sent (empty) in date versions.
        const create = requests.find((r) => r.operation === 'createTask')!.body as Record<string, unknown>;
        assert.deepStrictEqual(create.associations, []);
        const read = requests.find((r) => r.operation === 'batchReadTasks')!.body as Record<string, unknown>;
        assert.deepStrictEqual(read.propertiesWithHistory, []);
      }
    });
  }

  it('the version is read per request: a task created through v3 is read and updated through 2026-09', async () => {
    const created = await client.tasks.createTask({ properties: { hs_task_subject: 'across versions', hs_timestamp: String(Date.now()) } });
    version = '2026-09';
    const read = await client.tasks.getTask(created.id, ['hs_task_subject']);
    assert.strictEqual(read.properties.hs_task_subject, 'across versions');
    version = '2026-03';
    await client.tasks.updateTask(created.id, { hs_task_subject: 'renamed' });
    const log = ref.sandbox.requests().map((r) => `${r.operation} ${r.apiVersion}`);
    assert.deepStrictEqual(log, ['createTask v3', 'getTask 2026-09', 'updateTask 2026-03']);
  });

  for (const v of API_VERSIONS) {
    it(`${v}: associations of 200 tasks, one request per 100 tasks and type, the same as listed per task`, async () => {
      version = v;
      const ids = await allTaskIds();
      assert.strictEqual(ids.length, 200);
      ref.sandbox.clearRequests();
      const byType = new Map<AssociatedObjectType, Map<string, string[]>>();
      for (const type of TYPES) {
        byType.set(type, await client.tasks.batchReadTaskAssociations(ids, type));
      }
      const reads = ref.sandbox.requests();
      assert.deepStrictEqual(reads.map((r) => r.operation), Array(6).fill('batchReadTaskAssociations'));
      assert.deepStrictEqual(reads.map((r) => (r.body as { inputs: unknown[] }).inputs.length), [100, 100, 100, 100, 100, 100]);
      let total = 0;
      for (const type of TYPES) {
        const map = byType.get(type)!;
        assert.deepStrictEqual([...map.keys()].sort(), [...ids].sort(), 'every task is a key');
        total += [...map.values()].reduce((n, list) => n + list.length, 0);
      }
      assert.strictEqual(total, ref.sandbox.state().associations, 'every association of the account, once');
      // Spot-check against the per-task listing of the same version.
      version = 'v3';
      for (const id of ids.slice(0, 10)) {
        for (const type of TYPES) {
          const listed = (await client.tasks.listTaskAssociations(id, type)).items.map((a) => a.id).sort();
          assert.deepStrictEqual([...byType.get(type)!.get(id)!].sort(), listed, `${id} → ${type}`);
        }
      }
    });
  }

  for (const v of ['v3', '2026-09'] as const) {
    it(`${v}: archiving 150 tasks from the tree sends 2 batch archives, no DELETE`, async () => {
      version = v;
      const ids = (await allTaskIds()).slice(0, 150);
      ref.sandbox.clearRequests();
      const announced: string[] = [];
      const progress: number[] = [];
      const outcome = await new TaskActions(client, (tasks) => announced.push(...tasks.map((t) => t.id)))
        .archive(ids, { onProgress: (done) => progress.push(done) });
      assert.deepStrictEqual(outcome, { archived: ids });
      assert.deepStrictEqual(ref.sandbox.requests().map((r) => `${r.operation} ${r.apiVersion} ${(r.body as { inputs: unknown[] }).inputs.length}`),
        [`batchArchiveTasks ${v} 100`, `batchArchiveTasks ${v} 50`]);
      assert.deepStrictEqual(progress, [100, 150]);
      assert.deepStrictEqual(announced, ids);
      assert.strictEqual(ref.sandbox.state().archivedTasks, 150);
    });
  }

  it('a failed chunk is reported and the other chunks are still archived', async () => {
    const ids = (await allTaskIds()).slice(0, 120);
    // A token without write scope for the second chunk only: the first chunk succeeds, the second is a 403.
    let calls = 0;
    const mixed = testClient(ref.sandbox.url, {
      getToken: async () => (calls++ === 0 ? TOKEN : NO_SCOPE_TOKEN),
    }).client;
    try {
      const outcome = await new TaskActions(mixed, () => undefined).archive(ids);
      assert.deepStrictEqual(outcome.archived, ids.slice(0, 100));
      assert.ok(outcome.error instanceof Error);
      assert.strictEqual(ref.sandbox.state().archivedTasks, 100);
    } finally {
      mixed.dispose();
    }
  });
});

describe('endpoints.ts', () => {
  it('a labelled association in a date version carries its types in the body', () => {
    const call = endpointsFor('2026-09').createTaskAssociation('1', 'contacts', '2', 999);
    assert.strictEqual(call.path, '/crm/objects/2026-09/tasks/1/associations/contacts/2');
    assert.deepStrictEqual(call.body, [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 999 }]);
    assert.strictEqual(endpointsFor('2026-09').createTaskAssociation('1', 'contacts', '2', 204).path,
      '/crm/objects/2026-09/tasks/1/associations/default/contacts/2');
  });

  it('path segments are encoded, never spliced raw', () => {
    for (const v of API_VERSIONS) {
      assert.ok(!endpointsFor(v).getTask('1/../../owners').path.includes('/../'), v);
    }
  });
});
