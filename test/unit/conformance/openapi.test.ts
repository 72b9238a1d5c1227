// The checker itself must catch violations, or the conformance suites could not fail.
import * as assert from 'assert';
import * as path from 'path';
import { NULL_PROPERTY_VALUES } from './deviations';
import { loadDocuments, OpenApiChecker, seedDocuments, withDeviations } from './openapi';

export const SPEC_FILE = path.resolve(__dirname, '../../../../test/fixtures/tasks-api.openapi.yml');
export const OFFICIAL_DIR = path.resolve(__dirname, '../../../../test/fixtures/hubspot-official');

describe('OpenAPI checker (ajv) on the seed spec', () => {
  const docs = seedDocuments(SPEC_FILE);
  const checker = new OpenApiChecker(docs);
  const relaxed = new OpenApiChecker(withDeviations(docs, [NULL_PROPERTY_VALUES], 'response'));

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
    assert.match(errors.join('\n'), /query\.limit: must be <= 100/);
    assert.match(errors.join('\n'), /query\.archived: expected boolean, got string/);
    assert.match(errors.join('\n'), /query parameter foo is not in the spec/);
  });

  it('rejects non-string property values and a bad operator in request bodies', () => {
    const create = checker.match('POST', '/crm/v3/objects/tasks')!;
    assert.deepStrictEqual(checker.checkRequest(create, {}, { properties: { hs_task_subject: 'x' } }), []);
    assert.deepStrictEqual(checker.checkRequest(create, {}, { properties: { hs_timestamp: 1 } }), ['body.properties.hs_timestamp: expected string, got number']);
    assert.deepStrictEqual(checker.checkRequest(create, {}, undefined), ['request body is required']);
    const search = checker.match('POST', '/crm/v3/objects/tasks/search')!;
    assert.match(checker.checkRequest(search, {}, { filterGroups: [{ filters: [{ propertyName: 'a', operator: 'LIKE' }] }] }).join('\n'),
      /body\.filterGroups\[0\]\.filters\[0\]\.operator: "LIKE" is not one of EQ/);
    assert.strictEqual(checker.checkRequest(search, {}, { limit: 201, after: 0 }).length, 2);
  });

  it('rejects malformed responses and accepts null property values only with the deviation', () => {
    const get = checker.match('GET', '/crm/v3/objects/tasks/1')!;
    const task = { id: '1', properties: { hs_task_body: null }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00Z' };
    assert.deepStrictEqual(checker.checkResponse(get, 200, JSON.stringify(task)), ['response.properties.hs_task_body: expected string, got null']);
    assert.deepStrictEqual(relaxed.checkResponse(get, 200, JSON.stringify(task)), []);
    assert.strictEqual(relaxed.checkResponse(get, 200, JSON.stringify({ ...task, id: 1 })).length, 1);
    assert.strictEqual(relaxed.checkResponse(get, 200, JSON.stringify({ ...task, createdAt: 'yesterday' })).length, 1);
    assert.strictEqual(relaxed.checkResponse(get, 200, JSON.stringify({ ...task, properties: { hs_task_body: 5 } })).length, 1, 'only null is relaxed');
    assert.deepStrictEqual(checker.checkResponse(get, 200, '{"id":'), ['status 200 body is not JSON']);
    const list = checker.match('GET', '/crm/v3/objects/tasks')!;
    assert.strictEqual(checker.checkResponse(list, 200, JSON.stringify({ results: {} })).length, 1);
    assert.strictEqual(checker.checkResponse(list, 200, JSON.stringify({ results: [], paging: { next: { after: 5 } } })).length, 1);
  });

  it('holds error bodies to the Error schema and empty statuses to no body', () => {
    const del = checker.match('DELETE', '/crm/v3/objects/tasks/1')!;
    assert.deepStrictEqual(checker.checkResponse(del, 204, ''), []);
    assert.strictEqual(checker.checkResponse(del, 204, '{}').length, 1);
    assert.deepStrictEqual(checker.checkResponse(del, 404, JSON.stringify({ status: 'error', message: 'm', correlationId: 'c', category: 'OBJECT_NOT_FOUND' })), []);
    assert.ok(checker.checkResponse(del, 500, JSON.stringify({ status: 'error', message: 5 })).length >= 1);
  });
});

describe('OpenAPI checker (ajv) on HubSpot\'s published files', () => {
  const checker = new OpenApiChecker(loadDocuments(OFFICIAL_DIR, ['tasks.v3.json', 'tasks.2026-03.json', 'tasks.2026-09.json', 'contacts.2026-09.json', 'associations.2026-09.json']));

  it('routes each version to its own file, the generic CRM templates by object type, and 2026-03 aliases', () => {
    assert.strictEqual(checker.match('POST', '/crm/v3/objects/tasks/batch/archive')?.document, 'tasks.v3.json');
    assert.strictEqual(checker.match('POST', '/crm/objects/2026-03/tasks/search')?.document, 'tasks.2026-03.json');
    assert.strictEqual(checker.match('POST', '/crm/objects/2026-09/tasks/search')?.document, 'tasks.2026-09.json');
    assert.strictEqual(checker.match('POST', '/crm/objects/2026-09/contacts/search')?.document, 'contacts.2026-09.json');
    const alias = checker.match('POST', '/crm/associations/2026-03/tasks/contacts/batch/read');
    assert.strictEqual(alias?.document, 'associations.2026-09.json', 'the 2026-03 path named in the 2026-09 operationId');
    assert.deepStrictEqual(alias?.pathParams, { fromObjectType: 'tasks', toObjectType: 'contacts' });
    assert.strictEqual(checker.match('GET', '/crm/v3/owners'), undefined);
  });

  it('checks OpenAPI 3.0 keywords: nullable, date-time and uuid formats, int32, required, comma-separated array parameters', () => {
    const get = checker.match('GET', '/crm/objects/2026-09/tasks/1')!;
    const task = { id: '1', archived: false, properties: { hs_task_body: null }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00Z' };
    assert.deepStrictEqual(checker.checkResponse(get, 200, JSON.stringify(task)), [], 'the date versions say nullable');
    const withoutArchived: Partial<typeof task> = { ...task };
    delete withoutArchived.archived;
    assert.deepStrictEqual(checker.checkResponse(get, 200, JSON.stringify(withoutArchived)), ["response: must have required property 'archived'"]);
    assert.deepStrictEqual(checker.checkResponse(get, 200, JSON.stringify({ ...task, updatedAt: '2026-01-01' })), ['response.updatedAt: must match format "date-time"']);
    const error = { status: 'error', message: 'm', category: 'OBJECT_NOT_FOUND' };
    assert.deepStrictEqual(checker.checkResponse(get, 404, JSON.stringify({ ...error, correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf' })), []);
    assert.deepStrictEqual(checker.checkResponse(get, 404, JSON.stringify({ ...error, correlationId: 'c-1' })), ['response.correlationId: must match format "uuid"']);
    assert.deepStrictEqual(checker.checkRequest(get, { properties: 'hs_task_subject,hs_timestamp', archived: 'false' }, undefined), []);
    const list = checker.match('GET', '/crm/objects/2026-09/tasks')!;
    assert.deepStrictEqual(checker.checkRequest(list, { limit: '3000000000' }, undefined), ['query.limit: must match format "int32"']);
    assert.deepStrictEqual(checker.checkResponse(list, 201, '{}'), ["response: must have required property 'results'"], 'an undeclared 2xx is held to the success schema');
  });
});
