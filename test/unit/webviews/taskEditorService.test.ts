// The editor's HubSpot work against the real sandbox over real sockets: what it reads, what it
// writes (only differences), and that a concurrent change is reported instead of overwritten.
import * as assert from 'assert';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import type { TaskFields } from '../../../src/webviews/protocol';
import { TaskEditorService, fieldErrorsOf } from '../../../src/webviews/taskEditor/taskEditorService';
import { testClient, type TestClient } from '../client/support/clients';
import { DEMO_OWNER_ID } from '../../support/demo';

const DUE = Date.UTC(2027, 2, 3, 14, 30);

function draft(overrides: Partial<TaskFields> = {}): TaskFields {
  return {
    subject: 'Follow up with Northwind', notes: '<p>Line 1<br>Line &lt;2&gt;</p>', dueAt: DUE, reminderAt: null, status: 'NOT_STARTED',
    priority: 'HIGH', type: 'CALL', ownerId: DEMO_OWNER_ID, associations: [], ...overrides,
  };
}

describe('TaskEditorService (against the sandbox)', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  let tc: TestClient;
  let service: TaskEditorService;
  const ops = () => sandbox.requests().map((r) => r.operation);

  before(async () => {
    sandbox = await startSandbox({ seed: 'demo' });
  });
  after(async () => sandbox.close());
  beforeEach(() => {
    sandbox.reset('demo');
    sandbox.clearRequests();
    tc = testClient(sandbox.url);
    service = new TaskEditorService(tc.client, tc.logger);
  });

  async function findRecord(objectType: 'contacts' | 'companies' | 'deals', query: string) {
    const [first] = await service.search(objectType, query);
    assert.ok(first, `no ${objectType} found for ${query}`);
    return first;
  }

  it('creates a task with its associations inline, in one request', async () => {
    const company = await findRecord('companies', 'Northwind');
    assert.strictEqual(company.label, 'Northwind Traders');
    assert.strictEqual(company.detail, 'northwind-traders.example');
    sandbox.clearRequests();

    const outcome = await service.save({ fields: draft() }, draft({ associations: [company] }));
    assert.strictEqual(outcome.kind, 'saved');
    assert.deepStrictEqual(ops(), ['createTask']);
    const body = sandbox.requests()[0].body as { properties: Record<string, string>; associations: unknown[] };
    assert.strictEqual(body.properties.hs_task_body, '<p>Line 1<br>Line &lt;2&gt;</p>');
    assert.strictEqual(body.properties.hs_timestamp, new Date(DUE).toISOString());
    assert.deepStrictEqual(body.associations, [{ to: { id: company.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] }]);

    const id = outcome.kind === 'saved' ? outcome.base.taskId as string : '';
    const loaded = await service.loadTask(id);
    assert.deepStrictEqual(loaded.fields, { ...draft(), associations: [company] });
    assert.deepStrictEqual(loaded.updatedAt, outcome.kind === 'saved' ? outcome.base.updatedAt : undefined);
  });

  it('updates only the changed properties, and one PUT / DELETE per changed association', async () => {
    const contact = await findRecord('contacts', 'a');
    const deal = await findRecord('deals', 'license');
    const created = await service.save({ fields: draft() }, draft({ associations: [contact] }));
    assert.strictEqual(created.kind, 'saved');
    const base = created.kind === 'saved' ? created.base : undefined as never;
    sandbox.clearRequests();

    const outcome = await service.save(base, { ...base.fields, subject: 'Renamed', associations: [deal] });
    assert.strictEqual(outcome.kind, 'saved');
    assert.deepStrictEqual(ops(), ['getTask', 'updateTask', 'deleteTaskAssociation', 'createTaskAssociation', 'getTask']);
    assert.deepStrictEqual(sandbox.requests()[1].body, { properties: { hs_task_subject: 'Renamed' } });
    assert.match(sandbox.requests()[2].path, new RegExp(`/associations/contacts/${contact.id}/204$`));
    assert.match(sandbox.requests()[3].path, new RegExp(`/associations/deals/${deal.id}/216$`));
    const reloaded = await service.loadTask(base.taskId as string);
    assert.deepStrictEqual(reloaded.fields.associations.map((a) => a.id), [deal.id]);
    assert.strictEqual(reloaded.fields.subject, 'Renamed');
  });

  it('writes nothing when nothing changed (only the version check)', async () => {
    const created = await service.save({ fields: draft() }, draft());
    const base = created.kind === 'saved' ? created.base : undefined as never;
    sandbox.clearRequests();
    await service.save(base, base.fields);
    assert.deepStrictEqual(ops(), ['getTask', 'getTask']);
  });

  it('reports a conflict instead of overwriting a change made in HubSpot meanwhile', async () => {
    const created = await service.save({ fields: draft() }, draft());
    const base = created.kind === 'saved' ? created.base : undefined as never;
    // Someone else edits the subject and the priority (HubSpot's updatedAt moves on).
    // Versions are ms timestamps: repeat the (idempotent) edit until HubSpot's stamp has moved on.
    let changed;
    do {
      changed = await tc.client.tasks.updateTask(base.taskId as string, { hs_task_subject: 'Changed elsewhere', hs_task_priority: 'LOW' });
    } while (changed.updatedAt === base.updatedAt);
    sandbox.clearRequests();

    const outcome = await service.save(base, { ...base.fields, subject: 'My edit' });
    assert.strictEqual(outcome.kind, 'conflict');
    assert.deepStrictEqual(outcome.kind === 'conflict' ? outcome.changed : [], ['subject', 'priority']);
    assert.strictEqual(outcome.kind === 'conflict' ? outcome.latest.fields.subject : '', 'Changed elsewhere');
    assert.ok(!ops().includes('updateTask'), `no write expected, got ${ops().join(',')}`);
  });

  it('maps HubSpot VALIDATION_ERRORs to the fields they name', async () => {
    const error = await service.save({ fields: draft() }, draft({ ownerId: '99999999' })).then(() => undefined, (e: unknown) => e);
    assert.deepStrictEqual(fieldErrorsOf(error)?.map((e) => e.field), ['ownerId']);
  });

  it('reads options from HubSpot property definitions and owners from the owners API', async () => {
    const choices = await service.loadChoices();
    assert.ok(choices.options.type.some((o) => o.value === 'MEETING'), 'sandbox type options beyond the documented three');
    assert.ok(choices.options.priority.some((o) => o.value === 'NONE'));
    assert.ok(choices.owners.some((o) => o.email === 'demo@example.com' && o.label === 'Dana Demo'));
    sandbox.clearRequests();
    await service.loadChoices();
    assert.deepStrictEqual(ops(), [], 'choices are cached');
  });
});
