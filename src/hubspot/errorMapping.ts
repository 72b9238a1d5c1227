// Turns a non-2xx HubSpot response into a typed error. Pure: unit-tested without a server.
import {
  AuthenticationError,
  FieldError,
  HubSpotError,
  HubSpotErrorInit,
  MissingScopesError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from './errors';

/** The parts of HubSpot's error body we read; everything optional because a proxy may answer instead. */
interface LooseErrorBody {
  message?: unknown;
  correlationId?: unknown;
  category?: unknown;
  policyName?: unknown;
  errors?: unknown;
  context?: unknown;
}

export interface ResponseMeta {
  status: number;
  /** Lower-case header lookup. */
  header(name: string): string | null;
}

const TEN_SECONDS = 10_000;
const ONE_SECOND = 1_000;

export function mapErrorResponse(meta: ResponseMeta, bodyText: string, retryAfterMs?: number): HubSpotError {
  const body = parseLoose(bodyText);
  const status = meta.status;
  const init: HubSpotErrorInit = {
    status,
    correlationId: str(body.correlationId) ?? meta.header('x-hubspot-correlation-id') ?? undefined,
    category: str(body.category),
  };
  const message = str(body.message) ?? defaultMessage(status);
  if (status === 401) {
    return new AuthenticationError(message, init);
  }
  if (status === 403) {
    const scopes = requiredScopes(body);
    if (init.category === 'MISSING_SCOPES' || scopes.length > 0) {
      const named = scopes.length > 0 ? `${message} (required scope: ${scopes.join(', ')})` : message;
      return new MissingScopesError(named, scopes, init);
    }
    return new HubSpotError('unexpected', message, init);
  }
  if (status === 404) {
    return new NotFoundError(message, init);
  }
  if (status === 400 || status === 409 || status === 422) {
    const fields = fieldErrors(body, message);
    return new ValidationError(readableValidationMessage(message, fields), fields, init);
  }
  if (status === 429) {
    const policyName = str(body.policyName);
    return new RateLimitError(message, retryAfterMs ?? rateLimitWaitMs(meta, policyName), policyName, init);
  }
  if (status >= 500) {
    return new ServerError(message, init);
  }
  return new HubSpotError('unexpected', message, init);
}

/**
 * How long HubSpot asks us to wait after a 429: `Retry-After` when present, else by policy — the
 * rest of the 10-second window for TEN_SECONDLY_ROLLING, about a second for the search limit.
 * `windowRemainingMs` is what the client-side limiter knows about the current 10 s window.
 */
export function rateLimitWaitMs(meta: ResponseMeta, policyName: string | undefined, windowRemainingMs?: number): number {
  const retryAfter = meta.header('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) {
      return Math.ceil(seconds * 1000);
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - Date.now());
    }
  }
  const policy = (policyName ?? '').toUpperCase();
  if (policy.includes('SECONDLY') && !policy.startsWith('TEN')) {
    return ONE_SECOND;
  }
  const interval = Number(meta.header('x-hubspot-ratelimit-interval-milliseconds')) || TEN_SECONDS;
  if (windowRemainingMs !== undefined && windowRemainingMs > 0) {
    return Math.min(windowRemainingMs, interval);
  }
  return interval;
}

function parseLoose(text: string): LooseErrorBody {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as LooseErrorBody) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function defaultMessage(status: number): string {
  if (status === 401) { return 'HubSpot rejected the access token (401).'; }
  if (status === 403) { return 'The access token is not allowed to do this (403).'; }
  if (status === 404) { return 'Not found in HubSpot (404).'; }
  if (status === 429) { return 'HubSpot rate limit reached (429).'; }
  if (status >= 500) { return `HubSpot is unavailable (${status}).`; }
  return `HubSpot rejected the request (${status}).`;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

const SCOPE_KEYS = ['requiredGranularScopes', 'requiredScopes', 'scopes'];
// Scope names look like `crm.objects.contacts.read` or `tickets`; in a message we only trust dotted ones.
const SCOPE_IN_TEXT = /\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+){1,5}\b/g;

function requiredScopes(body: LooseErrorBody): string[] {
  const found: string[] = [];
  const contexts = [asRecord(body.context), ...(Array.isArray(body.errors) ? body.errors.map((e) => asRecord(asRecord(e)?.context)) : [])];
  for (const ctx of contexts) {
    for (const key of SCOPE_KEYS) {
      found.push(...stringList(ctx?.[key]));
    }
  }
  if (found.length === 0) {
    const texts = [str(body.message), ...(Array.isArray(body.errors) ? body.errors.map((e) => str(asRecord(e)?.message)) : [])];
    for (const text of texts) {
      for (const m of (text ?? '').matchAll(SCOPE_IN_TEXT)) {
        if (/^(crm|oauth|tickets|e-commerce|sales|content|automation|settings|files|forms|timeline|conversations)\b/.test(m[0])) {
          found.push(m[0]);
        }
      }
    }
  }
  return [...new Set(found)];
}

const FIELD_KEYS = ['propertyName', 'properties', 'field', 'name'];

function fieldErrors(body: LooseErrorBody, message: string): FieldError[] {
  const out: FieldError[] = [];
  if (Array.isArray(body.errors)) {
    for (const raw of body.errors) {
      const e = asRecord(raw);
      const text = str(e?.message);
      if (!e || !text) {
        continue;
      }
      const ctx = asRecord(e.context);
      const field = FIELD_KEYS.map((k) => stringList(ctx?.[k])[0] ?? str(e[k])).find((f) => f !== undefined)
        ?? (typeof e.in === 'string' && e.in !== 'body' && e.in !== 'query' ? e.in : undefined);
      out.push({ field, message: text });
    }
  }
  if (out.length === 0) {
    out.push(...propertyErrorsInMessage(message));
  }
  const ctx = asRecord(body.context);
  const ctxField = ctx ? FIELD_KEYS.map((k) => stringList(ctx[k])[0]).find((f) => f !== undefined) : undefined;
  if (out.length === 0) {
    out.push({ field: ctxField, message });
  }
  return out;
}

/** Each failing property and why, in one line: "hs_task_subject: too long; hs_timestamp: not a date". */
export function describeFieldErrors(fieldErrors: readonly FieldError[]): string {
  return fieldErrors.map((f) => (f.field && !f.message.includes(f.field) ? `${f.field}: ${f.message}` : f.message)).join('; ');
}

/**
 * HubSpot's VALIDATION_ERROR message with the property list it embeds as JSON put into words
 * ("Property values were not valid: hs_task_subject must be at most 80 characters long"), so whoever
 * shows the message (a notification, the log, a rejected TODO's report) shows the rule's own words.
 * Used for whole 400s and for the per-input errors of a batch, which carry only the message.
 */
export function readableValidationMessage(message: string, fields?: readonly FieldError[]): string {
  const start = message.indexOf('[{');
  if (start < 0) {
    return message;
  }
  const listed = propertyErrorsInMessage(message);
  const named = listed.length > 0 ? listed : (fields ?? []).filter((f) => f.message !== message);
  if (named.length === 0) {
    return message;
  }
  const head = message.slice(0, start).replace(/[\s:]+$/, '');
  return head ? `${head}: ${describeFieldErrors(named)}` : describeFieldErrors(named);
}

// HubSpot embeds per-property validation results as JSON in the message:
// "Property values were not valid: [{\"isValid\":false,\"message\":\"…\",\"name\":\"hs_timestamp\"}]".
function propertyErrorsInMessage(message: string): FieldError[] {
  const start = message.indexOf('[{');
  if (start < 0) {
    return [];
  }
  try {
    const list: unknown = JSON.parse(message.slice(start));
    if (!Array.isArray(list)) {
      return [];
    }
    return list.flatMap((item) => {
      const r = asRecord(item);
      const text = str(r?.message);
      return text ? [{ field: str(r?.name) ?? str(r?.propertyName), message: text }] : [];
    });
  } catch {
    return [];
  }
}
