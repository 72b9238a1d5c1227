// Write validation (issue 14 point 7): property validation rules set through HubSpot's
// property-validations API (or the sandbox's admin path), enforced on 2026-09 writes with HubSpot's
// 400 VALIDATION_ERROR naming each failing property; batch create in both modes HubSpot may use.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { call, taskInput } from './helpers';

const V09 = '/crm/objects/2026-09/tasks';
const RULES = '/crm/property-validations/2026-09/0-27';
const long = 'a subject far longer than twenty characters';

interface Listed { name: string; error: string; message: string; isValid: boolean }
/** The failing properties listed in HubSpot's message ("Property values were not valid: [...]"). */
function listed(message: string): Listed[] {
  const json = message.slice(message.indexOf('['));
  return JSON.parse(json) as Listed[];
}

describe('sandbox: write validation', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
  });
  beforeEach(async () => {
    sandbox.reset();
    sandbox.configure({ batchCreateErrors: 'by-version' });
    assert.equal((await call(sandbox, 'PUT', `${RULES}/hs_task_subject/rule-type/MAX_LENGTH`, { ruleArguments: ['20'] })).status, 204);
    assert.equal((await call(sandbox, 'PUT', `${RULES}/hs_task_body/rule-type/REGEX`, { ruleArguments: ['^[^<>]*$'] })).status, 204);
  });
  after(() => sandbox.close());

  it('sets and reads rules through the property-validations API, refusing bad ones', async () => {
    const all = await call(sandbox, 'GET', RULES);
    assert.deepEqual(all.body.results, [
      { propertyName: 'hs_task_subject', propertyValidationRules: [{ ruleType: 'MAX_LENGTH', ruleArguments: ['20'] }] },
      { propertyName: 'hs_task_body', propertyValidationRules: [{ ruleType: 'REGEX', ruleArguments: ['^[^<>]*$'] }] },
    ]);
    const one = await call(sandbox, 'GET', `/crm/property-validations/2026-09/tasks/hs_task_subject/rule-type/MAX_LENGTH`);
    assert.deepEqual(one.body, { ruleType: 'MAX_LENGTH', ruleArguments: ['20'] });
    const bad = await call(sandbox, 'PUT', `${RULES}/hs_task_subject/rule-type/MAX_LENGTH`, { ruleArguments: ['twenty'] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.category, 'VALIDATION_ERROR');
    assert.equal((await call(sandbox, 'PUT', `${RULES}/no_such_property/rule-type/MAX_LENGTH`, { ruleArguments: ['1'] })).status, 404);
  });

  it('2026-09: a violating create is a 400 VALIDATION_ERROR naming each failing property, and creates nothing', async () => {
    const r = await call(sandbox, 'POST', V09, taskInput(long, { hs_task_body: '<b>bold</b>', hs_task_priority: 'URGENT' }));
    assert.equal(r.status, 400);
    assert.equal(r.body.category, 'VALIDATION_ERROR');
    assert.equal(r.body.status, 'error');
    assert.ok(r.body.correlationId);
    const byName = Object.fromEntries(listed(r.body.message).map((p) => [p.name, p]));
    assert.deepEqual(Object.keys(byName).sort(), ['hs_task_body', 'hs_task_priority', 'hs_task_subject']);
    assert.match(byName.hs_task_subject.message, /at most 20 characters/);
    assert.equal(byName.hs_task_subject.error, 'MAX_LENGTH_RULE_VIOLATED');
    assert.match(byName.hs_task_body.message, /must match the pattern/);
    assert.equal(byName.hs_task_priority.error, 'INVALID_OPTION');
    assert.deepEqual(r.body.errors.map((e: { context: { propertyName: string[] } }) => e.context.propertyName[0]).sort(), ['hs_task_body', 'hs_task_priority', 'hs_task_subject']);
    assert.equal(sandbox.state().tasks, 0);
  });

  it('2026-09: a violating update is refused and leaves the task as it was; a valid one passes', async () => {
    const created = await call(sandbox, 'POST', V09, taskInput('short'));
    assert.equal(created.status, 201);
    const r = await call(sandbox, 'PATCH', `${V09}/${created.body.id}`, { properties: { hs_task_subject: long } });
    assert.equal(r.status, 400);
    assert.deepEqual(listed(r.body.message).map((p) => p.name), ['hs_task_subject']);
    const now = await call(sandbox, 'GET', `${V09}/${created.body.id}?properties=hs_task_subject`);
    assert.equal(now.body.properties.hs_task_subject, 'short');
    assert.equal((await call(sandbox, 'PATCH', `${V09}/${created.body.id}`, { properties: { hs_task_subject: 'still short' } })).status, 200);
    // Clearing a length-limited property is allowed.
    assert.equal((await call(sandbox, 'PATCH', `${V09}/${created.body.id}`, { properties: { hs_task_body: '' } })).status, 200);
  });

  it('v3 and 2026-03 write unchecked (HubSpot enforces the rules from 2026-09 on)', async () => {
    for (const base of ['/crm/v3/objects/tasks', '/crm/objects/2026-03/tasks']) {
      const r = await call(sandbox, 'POST', base, taskInput(long));
      assert.equal(r.status, 201, base);
    }
    assert.equal(sandbox.state().tasks, 2);
  });

  it('a REQUIRED rule (admin path) rejects a create without the property and an update clearing it', async () => {
    const put = await call(sandbox, 'PUT', '/__sandbox/validation-rules', { tasks: { hs_task_priority: [{ ruleType: 'REQUIRED' }] } }, null);
    assert.equal(put.status, 200);
    assert.deepEqual((await call(sandbox, 'GET', '/__sandbox/validation-rules', undefined, null)).body, { tasks: { hs_task_priority: [{ ruleType: 'REQUIRED', ruleArguments: [] }] } });
    const missing = await call(sandbox, 'POST', V09, taskInput('no priority'));
    assert.equal(missing.status, 400);
    assert.deepEqual(listed(missing.body.message).map((p) => [p.name, p.message]), [['hs_task_priority', 'hs_task_priority is required and cannot be empty.']]);
    const ok = await call(sandbox, 'POST', V09, taskInput('with priority', { hs_task_priority: 'LOW' }));
    assert.equal(ok.status, 201);
    assert.equal((await call(sandbox, 'PATCH', `${V09}/${ok.body.id}`, { properties: { hs_task_priority: '' } })).status, 400);
    assert.equal((await call(sandbox, 'PATCH', `${V09}/${ok.body.id}`, { properties: { hs_task_subject: 'other' } })).status, 200, 'an update not touching it passes');
    const refused = await call(sandbox, 'PUT', '/__sandbox/validation-rules', { tasks: { hs_task_priority: [{ ruleType: 'MAX_LENGTH' }] } }, null);
    assert.equal(refused.status, 400);
  });

  it('batch create, whole-batch mode (2026-09 default): one invalid input fails the batch, nothing is created', async () => {
    const r = await call(sandbox, 'POST', `${V09}/batch/create`, { inputs: [
      { ...taskInput('fine one'), objectWriteTraceId: 'a' },
      { ...taskInput(long), objectWriteTraceId: 'b' },
      { ...taskInput('fine two', { hs_task_body: '<i>x</i>' }), objectWriteTraceId: 'c' },
    ] });
    assert.equal(r.status, 400);
    assert.equal(r.body.category, 'VALIDATION_ERROR');
    // Only the first failing input is named, and not which input it was: a client must isolate it.
    assert.deepEqual(listed(r.body.message).map((p) => p.name), ['hs_task_subject']);
    assert.equal(sandbox.state().tasks, 0);
  });

  it('batch create, per-input mode: the valid inputs are created, a 207 lists each invalid one by its trace id', async () => {
    sandbox.configure({ batchCreateErrors: 'per-input' });
    const r = await call(sandbox, 'POST', `${V09}/batch/create`, { inputs: [
      { ...taskInput('fine one'), objectWriteTraceId: 'a' },
      { ...taskInput(long), objectWriteTraceId: 'b' },
      { ...taskInput('fine two', { hs_task_body: '<i>x</i>' }), objectWriteTraceId: 'c' },
      { ...taskInput('fine three'), objectWriteTraceId: 'd' },
    ] });
    assert.equal(r.status, 207);
    assert.deepEqual(r.body.results.map((t: { objectWriteTraceId: string }) => t.objectWriteTraceId), ['a', 'd']);
    assert.equal(r.body.numErrors, 2);
    assert.deepEqual(r.body.errors.map((e: { context: Record<string, string[]> }) => [e.context.objectWriteTraceId[0], e.context.propertyName[0]]), [['b', 'hs_task_subject'], ['c', 'hs_task_body']]);
    assert.match(r.body.errors[0].message, /at most 20 characters/);
    assert.deepEqual([r.body.errors[0].links, r.body.errors[0].errors.length > 0], [{}, true], 'StandardError shape');
    assert.equal(sandbox.state().tasks, 2);
  });

  it('the batch mode knob applies to every version: whole-batch also in v3 (type errors), per-input by default there', async () => {
    const bad = { inputs: [taskInput('ok'), taskInput('bad', { hs_task_priority: 'URGENT' })] };
    const perInput = await call(sandbox, 'POST', '/crm/v3/objects/tasks/batch/create', bad);
    assert.equal(perInput.status, 207);
    assert.equal(sandbox.state().tasks, 1);
    sandbox.configure({ batchCreateErrors: 'whole-batch' });
    const whole = await call(sandbox, 'POST', '/crm/v3/objects/tasks/batch/create', bad);
    assert.equal(whole.status, 400);
    assert.equal(sandbox.state().tasks, 1);
    const viaAdmin = await call(sandbox, 'POST', '/__sandbox/config', { batchCreateErrors: 'per-input' }, null);
    assert.equal(viaAdmin.body.batchCreateErrors, 'per-input');
  });

  it('batch update in 2026-09: a violating input is a per-input error, the others are applied', async () => {
    const created = await call(sandbox, 'POST', `${V09}/batch/create`, { inputs: [taskInput('one'), taskInput('two')] });
    const [a, b] = created.body.results.map((t: { id: string }) => t.id);
    const r = await call(sandbox, 'POST', `${V09}/batch/update`, { inputs: [{ id: a, properties: { hs_task_subject: long } }, { id: b, properties: { hs_task_subject: 'two!' } }] });
    assert.equal(r.status, 207);
    assert.deepEqual(r.body.errors[0].context, { ids: [a], propertyName: ['hs_task_subject'] });
    assert.deepEqual(r.body.results.map((t: { id: string }) => t.id), [b]);
  });

  it('reset() returns to the rules the sandbox was started with', async () => {
    const started = await startSandbox({ port: 0, seed: 'empty', validationRules: { tasks: { hs_task_subject: [{ ruleType: 'MIN_LENGTH', ruleArguments: ['3'] }] } } });
    try {
      assert.equal((await call(started, 'POST', V09, taskInput('ab'))).status, 400);
      started.setValidationRules({});
      assert.equal((await call(started, 'POST', V09, taskInput('ab'))).status, 201);
      started.reset();
      assert.equal((await call(started, 'POST', V09, taskInput('ab'))).status, 400);
    } finally {
      await started.close();
    }
  });
});
