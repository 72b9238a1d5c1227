// Conformance per API version with HubSpot's published OpenAPI files (test/fixtures/hubspot-official/,
// copied unchanged): for v3, 2026-03 and 2026-09, every operation of the client is driven against the
// sandbox (success and error paths), and every request the client sends and every response the sandbox
// gives is checked by ajv against the operation's schema in the file for that version.
//
// Requests no published file describes are listed per version and must be exactly the known ones
// (the v3 side of owners, account, properties, CRM records and associations: HubSpot publishes no v3 /
// v4 files for them; the seed spec covers the v3 task associations). Where HubSpot departs from its
// own files, a named deviation (deviations.ts) is applied to an in-memory copy; a test proves each one
// is needed and nothing else is relaxed.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { HubSpotClient } from '../../../src/hubspot/client';
import { API_VERSIONS, type ApiVersion } from '../../../src/hubspot/endpoints';
import type { HttpExchange } from '../../../src/hubspot/httpClient';
import { TASK_ASSOCIATION_TYPE_IDS } from '../../../src/hubspot/types';
import { DEMO_OWNER_ID } from '../../support/demo';
import { rejection, testClient } from '../client/support/clients';
import { useSandbox } from '../client/support/sandbox';
import { call } from '../sandbox/helpers';
import type { Sandbox } from '../../../sandbox/types';
import { OFFICIAL_DEVIATIONS } from './deviations';
import { loadDocuments, OpenApiChecker, withDeviations } from './openapi';
import { OFFICIAL_DIR } from './openapi.test';

const FILES = [
  'tasks.v3.json', 'tasks.2026-03.json', 'tasks.2026-09.json', 'associations.2026-09.json', 'owners.2026-09.json',
  'account-info.2026-09.json', 'properties.2026-09.json', 'contacts.2026-09.json', 'companies.2026-09.json', 'deals.2026-09.json',
  'oauth.2026-09.json', 'oauth.v1.json',
] as const;
const DUE = String(Date.UTC(2026, 11, 24, 9));

/** What no published file describes, per version (operation names of the client). */
const UNCOVERED: Record<ApiVersion, string[]> = {
  // HubSpot publishes no v3 owners / account / properties / contacts / companies / deals file and no v4
  // associations file; the seed spec (conformance.test.ts) covers the v3 task association calls.
  v3: [
    'accountDetails', 'batchReadCompanies', 'batchReadContacts', 'batchReadDeals', 'batchReadTaskAssociations', 'createTaskAssociation',
    'deleteTaskAssociation', 'listOwners', 'listTaskAssociations', 'searchCompanies', 'searchContacts', 'searchDeals', 'taskProperty',
  ],
  // owners.2026-09.json names no 2026-03 alias: a 2026-03 client reads owners at /crm/v3/owners (endpoints.ts).
  '2026-03': ['listOwners'],
  '2026-09': [],
};

interface Checked {
  e: HttpExchange;
  problems: string[];
  pristine: string[];
}

/** Every operation of the client once or more, success and error paths, under `version`. */
async function driveEveryOperation(client: HubSpotClient, intruder: HubSpotClient, version: ApiVersion, sandbox: Sandbox): Promise<void> {
  const [contact] = (await client.crm.searchObjects('contacts', '', { limit: 2, properties: ['email'] })).items;
  const [company] = (await client.crm.searchObjects('companies', 'a', { limit: 2 })).items;
  const [deal] = (await client.crm.searchObjects('deals', '', { limit: 1 })).items;
  await client.crm.readObjects('contacts', [contact.id, '404404'], ['email', 'firstname']);
  await client.crm.readObjects('companies', [company.id], ['name']);
  await client.crm.readObjects('deals', [deal.id], ['dealname']);
  await client.owners.listOwners({ limit: 5 });
  await client.account.accountDetails();
  await client.account.taskProperty('hs_task_status');
  const page = await client.tasks.listTasks({ limit: 5, properties: ['hs_task_subject', 'hs_task_reminders'], archived: false });
  await client.tasks.listTasks({ limit: 5, after: page.cursor });
  const created = await client.tasks.createTask({
    properties: { hs_timestamp: DUE, hs_task_subject: `Conformance ${version}`, hs_task_body: null, hs_task_priority: 'HIGH' },
    associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS.contacts }] }],
  });
  const plain = await client.tasks.createTask({ properties: { hs_timestamp: DUE, hs_task_subject: 'No associations' } });
  await client.tasks.getTask(created.id, ['hs_task_subject', 'hs_task_reminders']);
  await client.tasks.getTask(created.id);
  await client.tasks.updateTask(created.id, { hs_task_status: 'COMPLETED', hs_task_body: null });
  await client.tasks.batchReadTasks([created.id, page.items[0].id, '404404'], ['hs_task_subject', 'hs_task_type']);
  const batch = await client.tasks.batchCreateTasks([
    { properties: { hs_timestamp: DUE, hs_task_subject: 'Batch 1' }, objectWriteTraceId: 'a' },
    { properties: { hs_timestamp: DUE, hs_task_subject: 'Batch 2' }, objectWriteTraceId: 'b' },
  ]);
  await client.tasks.batchUpdateTasks([{ id: created.id, properties: { hs_task_priority: 'LOW' } }, { id: '404404', properties: { hs_task_priority: 'LOW' } }]);
  const search = await client.tasks.searchTasks({
    filterGroups: [{ filters: [
      { propertyName: 'hs_task_priority', operator: 'IN', values: ['HIGH', 'MEDIUM'] },
      { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: '0', highValue: DUE },
    ] }, { filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: DEMO_OWNER_ID }] }],
    sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
    query: 'call',
    properties: ['hs_task_subject', 'hs_task_reminders'],
    limit: 3,
  });
  await client.tasks.searchTasks({ limit: 3, after: search.cursor ?? '3' });
  if (version === 'v3') {
    await client.tasks.listTaskAssociations(created.id, 'contacts');
  }
  await client.tasks.batchReadTaskAssociations([created.id, plain.id, '404404'], 'contacts');
  await client.tasks.createTaskAssociation(created.id, 'deals', deal.id);
  await client.tasks.createTaskAssociation(plain.id, 'companies', company.id);
  await client.tasks.deleteTaskAssociation(created.id, 'contacts', contact.id);
  await client.tasks.batchArchiveTasks(batch.results.map((t) => t.id));
  await client.tasks.archiveTask(created.id);
  // Error paths: 404, 400 and 401 bodies are part of the contract too.
  await rejection(client.tasks.getTask(created.id));
  await rejection(client.tasks.updateTask('404404', { hs_task_subject: 'x' }));
  await rejection(client.tasks.createTask({ properties: { hs_timestamp: 'soon' } }));
  await rejection(client.tasks.createTaskAssociation(plain.id, 'companies', '404404'));
  await rejection(client.tasks.searchTasks({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [{ propertyName: 'hs_task_priority', operator: 'EQ' as const, value: 'HIGH' }] })) }));
  await rejection(intruder.tasks.listTasks());
  await rejection(intruder.owners.listOwners());
  if (version === '2026-09') {
    // Write validation (enforced from 2026-09): HubSpot's 400 VALIDATION_ERROR naming the property.
    sandbox.setValidationRules({ tasks: { hs_task_subject: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['20'] }] } });
    try {
      await rejection(client.tasks.createTask({ properties: { hs_timestamp: DUE, hs_task_subject: 'A subject longer than twenty' } }));
      await rejection(client.tasks.updateTask(plain.id, { hs_task_subject: 'A subject longer than twenty' }));
      await rejection(client.tasks.batchCreateTasks([
        { properties: { hs_timestamp: DUE, hs_task_subject: 'Short' } },
        { properties: { hs_timestamp: DUE, hs_task_subject: 'A subject longer than twenty' } },
      ]).then((r) => { throw r.errors[0]?.cause ?? new Error('no error'); }));
    } finally {
      sandbox.setValidationRules({});
    }
  }
}

/** The tasks path of a version, as the sandbox serves it. */
function tasksPath(version: ApiVersion): string {
  return version === 'v3' ? '/crm/v3/objects/tasks' : `/crm/objects/${version}/tasks`;
}

/**
 * What the sandbox serves beyond the client's calls (batch upsert, in every version), sent raw: its
 * answers must match HubSpot's files as well. Recorded as exchanges like the client's.
 */
async function driveSandboxOnly(sandbox: Sandbox, version: ApiVersion, taskId: string): Promise<HttpExchange[]> {
  const out: HttpExchange[] = [];
  const send = async (method: 'POST', path: string, body: unknown) => {
    const reply = await call(sandbox, method, path, body);
    out.push({ operation: 'batchUpsertTasks', method, path, query: {}, requestBody: body, status: reply.status, responseText: reply.body === undefined ? '' : JSON.stringify(reply.body), attempt: 0 });
  };
  const upsert = `${tasksPath(version)}/batch/upsert`;
  await send('POST', upsert, { inputs: [{ id: taskId, idProperty: 'hs_object_id', properties: { hs_task_priority: 'MEDIUM' } }] });
  await send('POST', upsert, { inputs: [{ id: taskId, properties: { hs_task_priority: 'LOW' } }, { id: '404404', properties: { hs_task_priority: 'LOW' } }] });
  await send('POST', upsert, { inputs: [{ id: taskId, idProperty: 'hs_task_subject', properties: {} }] });
  return out;
}

describe('conformance with HubSpot\'s published OpenAPI files', () => {
  const ref = useSandbox();
  const docs = loadDocuments(OFFICIAL_DIR, FILES);
  const pristine = new OpenApiChecker(docs);
  const requests = new OpenApiChecker(withDeviations(docs, OFFICIAL_DEVIATIONS, 'request'));
  const responses = new OpenApiChecker(withDeviations(docs, OFFICIAL_DEVIATIONS, 'response'));
  const seen = new Map<ApiVersion, { checked: Checked[]; uncovered: HttpExchange[] }>();

  it('the copies in test/fixtures/hubspot-official/ are HubSpot\'s files unchanged', () => {
    const sums = fs.readFileSync(path.join(OFFICIAL_DIR, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split(/\s+/));
    assert.deepStrictEqual(sums.map(([, name]) => name).sort(), [...FILES].sort());
    const shared = path.resolve(OFFICIAL_DIR, '../../../../shared/hubspot/official');
    for (const [sum, name] of sums) {
      const digest = createHash('sha256').update(fs.readFileSync(path.join(OFFICIAL_DIR, name))).digest('hex');
      assert.strictEqual(digest, sum, name);
      // Beside ../shared (a developer's tree, CI), the copies must still be the published files.
      if (fs.existsSync(path.join(shared, name))) {
        assert.strictEqual(createHash('sha256').update(fs.readFileSync(path.join(shared, name))).digest('hex'), sum, `${name} differs from ../shared`);
      }
    }
  });

  for (const version of API_VERSIONS) {
    describe(`API version ${version}`, () => {
      before(async function () {
        this.timeout(20_000);
        ref.sandbox.reset();
        const exchanges: HttpExchange[] = [];
        const { client } = testClient(ref.sandbox.url, { apiVersion: version, onExchange: (e) => exchanges.push(e) });
        const intruder = testClient(ref.sandbox.url, { apiVersion: version, getToken: async () => 'not-a-token', onExchange: (e) => exchanges.push(e) }).client;
        try {
          await driveEveryOperation(client, intruder, version, ref.sandbox);
          const [task] = (await client.tasks.listTasks({ limit: 1 })).items;
          exchanges.push(...await driveSandboxOnly(ref.sandbox, version, task.id));
        } finally {
          client.dispose();
          intruder.dispose();
        }
        const checked: Checked[] = [];
        const uncovered: HttpExchange[] = [];
        for (const e of exchanges) {
          const op = requests.match(e.method, e.path);
          if (!op) {
            uncovered.push(e);
            continue;
          }
          // The body as it went over the wire (undefined members dropped).
          const wireBody = e.requestBody === undefined ? undefined : JSON.parse(JSON.stringify(e.requestBody));
          const status = e.status;
          const problems = [
            ...requests.checkRequest(op, e.query, wireBody).map((p) => `request ${p}`),
            ...(status === undefined ? [] : responses.checkResponse(op, status, e.responseText ?? '').map((p) => `response ${status} ${p}`)),
          ];
          const strict = [
            ...pristine.checkRequest(op, e.query, wireBody),
            ...(status === undefined ? [] : pristine.checkResponse(op, status, e.responseText ?? '')),
          ];
          checked.push({ e, problems, pristine: strict });
        }
        seen.set(version, { checked, uncovered });
      });

      it('every request the client sends and every response the sandbox gives matches the file', () => {
        const { checked } = seen.get(version)!;
        assert.ok(checked.length >= 15, `only ${checked.length} exchanges were checked`);
        const problems = checked.flatMap(({ e, problems: p }) => p.map((x) => `${e.operation}: ${e.method} ${e.path}: ${x}`));
        assert.deepStrictEqual(problems, []);
      });

      it('every operation of the client was checked, except the calls no published file describes', () => {
        const { checked, uncovered } = seen.get(version)!;
        const operations = [...new Set(checked.map(({ e }) => e.operation))].sort();
        const expected = [
          'accountDetails', 'batchArchiveTasks', 'batchUpsertTasks', 'batchReadCompanies', 'batchReadContacts', 'batchReadDeals', 'batchReadTaskAssociations',
          'batchReadTasks', 'batchCreateTasks', 'batchUpdateTasks', 'createTask', 'createTaskAssociation', 'deleteTask', 'deleteTaskAssociation',
          'getTask', 'listOwners', 'listTasks', 'searchCompanies', 'searchContacts', 'searchDeals', 'searchTasks', 'taskProperty', 'updateTask',
          ...(version === 'v3' ? ['listTaskAssociations'] : []),
        ].filter((o) => !UNCOVERED[version].includes(o)).sort();
        assert.deepStrictEqual(operations, expected);
        assert.deepStrictEqual([...new Set(uncovered.map((e) => e.operation))].sort(), UNCOVERED[version],
          uncovered.map((e) => `${e.method} ${e.path}`).join('\n'));
      });

      it('success and error statuses were exercised', () => {
        const statuses = new Set(seen.get(version)!.checked.map(({ e }) => e.status));
        for (const s of [200, 201, 204, 207, 400, 401, 404]) {
          assert.ok(statuses.has(s), `no ${s} was checked`);
        }
        if (version === '2026-09') {
          const invalid = seen.get(version)!.checked.filter(({ e }) => e.status === 400 && /"VALIDATION_ERROR"/.test(e.responseText ?? '') && /hs_task_subject/.test(e.responseText ?? ''));
          const operations = new Set(invalid.map(({ e }) => e.operation));
          assert.deepStrictEqual(['batchCreateTasks', 'createTask', 'updateTask'].filter((o) => !operations.has(o)), [], 'write validation errors checked');
        }
      });
    });
  }

  // A suite of its own: mocha runs a suite's tests before its child suites, and this one needs them all.
  describe('deviations', () => {
    it('each deviation from the published files is needed, and the pristine files flag nothing else', () => {
      assert.strictEqual(seen.size, API_VERSIONS.length);
      const all = [...seen.values()].flatMap((v) => v.checked.flatMap((c) => c.pristine));
      assert.deepStrictEqual(all.filter((p) => !OFFICIAL_DEVIATIONS.some((d) => d.explains(p))), []);
      for (const d of OFFICIAL_DEVIATIONS) {
        assert.ok(all.some((p) => d.explains(p)), `deviation "${d.id}" is never needed: drop it`);
      }
    });
  });
});
