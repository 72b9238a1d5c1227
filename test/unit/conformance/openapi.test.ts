// The checker itself must catch violations, or the conformance suite could not fail.
import * as assert from 'assert';
import * as path from 'path';
import { loadSpec, SpecChecker } from './openapi';

export const SPEC_FILE = path.resolve(__dirname, '../../../../test/fixtures/tasks-api.openapi.yml');

describe('OpenAPI checker', () => {
  const checker = new SpecChecker(loadSpec(SPEC_FILE));

  it('knows the 12 operations of the spec', () => {
    assert.strictEqual(checker.operationIds().length, 12);
  });

  it('routes literal paths before templates', () => {
    assert.strictEqual(checker.match('POST', '/crm/v3/objects/tasks/search')?.operationId, 'searchTasks');
    assert.strictEqual(checker.match('POST', '/crm/v3/objects/tasks/batch/read')?.operationId, 'batchReadTasks');
    assert.strictEqual(checker.match('GET', '/crm/v3/objects/tasks/42')?.pathParams.taskId, '42');
    assert.strictEqual(checker.match('PUT', '/crm/v3/objects/tasks/1/associations/contacts/2/204')?.operationId, 'createTaskAssociation');
    assert.strictEqual(checker.match('GET', '/crm/v3/owners'), undefined);
  });

  it('rejects a list limit above 100, an unknown query parameter and a non-boolean archived', () => {
    const op = checker.match('GET', '/crm/v3/objects/tasks')!;
    assert.deepStrictEqual(checker.checkRequest(op, { limit: '100', archived: 'true' }, undefined), []);
    const errors = checker.checkRequest(op, { limit: '101', archived: 'yes', foo: '1' }, undefined);
    assert.strictEqual(errors.length, 3, errors.join('\n'));
  });

  it('rejects non-string property values and a bad operator in request bodies', () => {
    const create = checker.match('POST', '/crm/v3/objects/tasks')!;
    assert.deepStrictEqual(checker.checkRequest(create, {}, { properties: { hs_task_subject: 'x' } }), []);
    assert.strictEqual(checker.checkRequest(create, {}, { properties: { hs_timestamp: 1 } }).length, 1);
    assert.strictEqual(checker.checkRequest(create, {}, undefined).length, 1, 'body required');
    const search = checker.match('POST', '/crm/v3/objects/tasks/search')!;
    assert.strictEqual(checker.checkRequest(search, {}, { filterGroups: [{ filters: [{ propertyName: 'a', operator: 'LIKE' }] }] }).length, 1);
    assert.strictEqual(checker.checkRequest(search, {}, { limit: 201, after: 0 }).length, 2);
  });

  it('rejects malformed responses and accepts null property values only when told', () => {
    const get = checker.match('GET', '/crm/v3/objects/tasks/1')!;
    const task = { id: '1', properties: { hs_task_body: null }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00Z' };
    assert.strictEqual(checker.checkResponse(get, 200, JSON.stringify(task), {}).length, 1);
    assert.deepStrictEqual(checker.checkResponse(get, 200, JSON.stringify(task), { nullPropertyValues: true }), []);
    assert.strictEqual(checker.checkResponse(get, 200, JSON.stringify({ ...task, id: 1 }), { nullPropertyValues: true }).length, 1);
    assert.strictEqual(checker.checkResponse(get, 200, JSON.stringify({ ...task, createdAt: 'yesterday' }), { nullPropertyValues: true }).length, 1);
    assert.strictEqual(checker.checkResponse(get, 200, '{"id":', {}).length, 1);
    const list = checker.match('GET', '/crm/v3/objects/tasks')!;
    assert.strictEqual(checker.checkResponse(list, 200, JSON.stringify({ results: {} }), {}).length, 1);
    assert.strictEqual(checker.checkResponse(list, 200, JSON.stringify({ results: [], paging: { next: { after: 5 } } }), {}).length, 1);
  });

  it('holds error bodies to the Error schema and empty statuses to no body', () => {
    const del = checker.match('DELETE', '/crm/v3/objects/tasks/1')!;
    assert.deepStrictEqual(checker.checkResponse(del, 204, '', {}), []);
    assert.strictEqual(checker.checkResponse(del, 204, '{}', {}).length, 1);
    assert.deepStrictEqual(checker.checkResponse(del, 404, JSON.stringify({ status: 'error', message: 'm', correlationId: 'c', category: 'OBJECT_NOT_FOUND' }), {}), []);
    assert.strictEqual(checker.checkResponse(del, 500, JSON.stringify({ status: 'error', message: 5 }), {}).length, 1);
  });
});
