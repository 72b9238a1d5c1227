import * as assert from 'assert';
import { mapErrorResponse, rateLimitWaitMs, ResponseMeta } from '../../../src/hubspot/errorMapping';
import {
  AuthenticationError,
  HubSpotError,
  isHubSpotError,
  MissingScopesError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../../src/hubspot/errors';

function meta(status: number, headers: Record<string, string> = {}): ResponseMeta {
  return { status, header: (name) => headers[name.toLowerCase()] ?? null };
}

const body = (b: object) => JSON.stringify({ status: 'error', correlationId: 'c-1', ...b });

describe('mapErrorResponse', () => {
  it('401 → AuthenticationError with HubSpot message and correlationId', () => {
    const e = mapErrorResponse(meta(401), body({ message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' }));
    assert.ok(e instanceof AuthenticationError && isHubSpotError(e));
    assert.strictEqual(e.kind, 'authentication');
    assert.strictEqual(e.message, 'Authentication credentials not found.');
    assert.strictEqual(e.correlationId, 'c-1');
    assert.strictEqual(e.category, 'INVALID_AUTHENTICATION');
    assert.strictEqual(e.status, 401);
    assert.strictEqual(e.name, 'AuthenticationError');
  });

  it('403 MISSING_SCOPES names the scopes from errors[].context.requiredGranularScopes', () => {
    const e = mapErrorResponse(meta(403), body({
      category: 'MISSING_SCOPES',
      message: "This app hasn't been granted all required scopes to make this call.",
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: ['crm.objects.contacts.read', 'crm.objects.contacts.write'] } }],
    }));
    assert.ok(e instanceof MissingScopesError);
    assert.deepStrictEqual(e.scopes, ['crm.objects.contacts.read', 'crm.objects.contacts.write']);
    assert.match(e.message, /crm\.objects\.contacts\.read/);
  });

  it('403 MISSING_SCOPES without context finds the scope in the message', () => {
    const e = mapErrorResponse(meta(403), body({ category: 'MISSING_SCOPES', message: 'requires any of [crm.objects.owners.read]' }));
    assert.ok(e instanceof MissingScopesError);
    assert.deepStrictEqual(e.scopes, ['crm.objects.owners.read']);
  });

  it('a 403 that is not about scopes stays generic', () => {
    const e = mapErrorResponse(meta(403), body({ category: 'FORBIDDEN', message: 'Portal is locked.' }));
    assert.ok(!(e instanceof MissingScopesError));
    assert.strictEqual(e.kind, 'unexpected');
    assert.strictEqual(e.message, 'Portal is locked.');
  });

  it('404 → NotFoundError', () => {
    const e = mapErrorResponse(meta(404), body({ category: 'OBJECT_NOT_FOUND', message: 'resource not found' }));
    assert.ok(e instanceof NotFoundError);
  });

  it('400 → ValidationError with the property named from errors[].context.propertyName', () => {
    const e = mapErrorResponse(meta(400), body({
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid: [...]',
      errors: [{ message: 'hs_timestamp was not a valid date', code: 'INVALID_DATE', context: { propertyName: ['hs_timestamp'] } }],
    }));
    assert.ok(e instanceof ValidationError);
    assert.deepStrictEqual(e.fieldErrors, [{ field: 'hs_timestamp', message: 'hs_timestamp was not a valid date' }]);
  });

  it('400 with the property list only inside the message still names the field', () => {
    const listed = [{ isValid: false, message: 'INVALID_OPTION', error: 'INVALID_OPTION', name: 'hs_task_priority' }];
    const e = mapErrorResponse(meta(400), body({ category: 'VALIDATION_ERROR', message: `Property values were not valid: ${JSON.stringify(listed)}` }));
    assert.ok(e instanceof ValidationError);
    assert.deepStrictEqual(e.fieldErrors, [{ field: 'hs_task_priority', message: 'INVALID_OPTION' }]);
  });

  it('400 from a 2026-09 validation rule: one field error per failing property, and a message in words', () => {
    const listed = [
      { isValid: false, message: 'hs_task_subject must be at most 80 characters long (it has 95).', error: 'MAX_LENGTH_RULE_VIOLATED', name: 'hs_task_subject' },
      { isValid: false, message: 'must match the pattern ^[A-Z]', error: 'REGEX_RULE_VIOLATED', name: 'hs_task_body' },
    ];
    const e = mapErrorResponse(meta(400), body({
      category: 'VALIDATION_ERROR',
      message: `Property values were not valid: ${JSON.stringify(listed)}`,
      errors: listed.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
    }));
    assert.ok(e instanceof ValidationError);
    assert.deepStrictEqual(e.fieldErrors, listed.map((p) => ({ field: p.name, message: p.message })));
    assert.strictEqual(e.message, 'Property values were not valid: hs_task_subject must be at most 80 characters long (it has 95).; hs_task_body: must match the pattern ^[A-Z]');
  });

  it('400 without details keeps the message as the only field error', () => {
    const e = mapErrorResponse(meta(400), body({ category: 'VALIDATION_ERROR', message: 'limit must be at most 200' }));
    assert.ok(e instanceof ValidationError);
    assert.deepStrictEqual(e.fieldErrors, [{ field: undefined, message: 'limit must be at most 200' }]);
  });

  it('429 → RateLimitError with policy and wait from Retry-After', () => {
    const e = mapErrorResponse(meta(429, { 'retry-after': '2' }), body({ category: 'RATE_LIMITS', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' }));
    assert.ok(e instanceof RateLimitError);
    assert.strictEqual(e.policyName, 'TEN_SECONDLY_ROLLING');
    assert.strictEqual(e.retryAfterMs, 2_000);
  });

  it('5xx → ServerError; an HTML proxy page gets a readable message', () => {
    const e = mapErrorResponse(meta(502), '<html>Bad gateway</html>');
    assert.ok(e instanceof ServerError);
    assert.strictEqual(e.message, 'HubSpot is unavailable (502).');
    assert.strictEqual(e.correlationId, undefined);
  });

  it('other statuses → generic HubSpotError', () => {
    const e = mapErrorResponse(meta(405), '');
    assert.ok(e instanceof HubSpotError);
    assert.strictEqual(e.kind, 'unexpected');
    assert.strictEqual(e.status, 405);
  });
});

describe('rateLimitWaitMs', () => {
  it('prefers Retry-After (seconds)', () => {
    assert.strictEqual(rateLimitWaitMs(meta(429, { 'retry-after': '1.5' }), 'TEN_SECONDLY_ROLLING', 9_000), 1_500);
  });
  it('TEN_SECONDLY_ROLLING waits for the rest of the window the limiter knows about', () => {
    assert.strictEqual(rateLimitWaitMs(meta(429), 'TEN_SECONDLY_ROLLING', 3_200), 3_200);
  });
  it('TEN_SECONDLY_ROLLING with no knowledge waits the interval HubSpot announces', () => {
    assert.strictEqual(rateLimitWaitMs(meta(429, { 'x-hubspot-ratelimit-interval-milliseconds': '10000' }), 'TEN_SECONDLY_ROLLING'), 10_000);
  });
  it('the per-second search policy waits about a second', () => {
    assert.strictEqual(rateLimitWaitMs(meta(429), 'SECONDLY', 8_000), 1_000);
  });
});
