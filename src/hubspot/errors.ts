// Typed errors of the HubSpot client. Callers branch on `kind` (or instanceof) and show `message`,
// which is HubSpot's own message when it sent one. No error text ever contains the token: the HTTP
// layer scrubs it before constructing any of these.

export type HubSpotErrorKind =
  | 'authentication'
  | 'missing-scopes'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'malformed-response'
  | 'search-limit'
  /** Any other HTTP failure (405, 413, a 403 that is not about scopes…). */
  | 'unexpected';

export interface HubSpotErrorInit {
  status?: number;
  correlationId?: string;
  category?: string;
  cause?: unknown;
}

/**
 * Marks every HubSpotError process-wide (`Symbol.for`): the lazily loaded bundles that use it (esbuild.js
 * LAZY_BUNDLES: the task editor, TODO creation, the tree's task actions) carry their own copy of this
 * module, so `instanceof` one of THEIR classes is false for an error thrown by the main bundle's client.
 * isHubSpotError / isErrorOfKind check this brand.
 */
const BRAND: unique symbol = Symbol.for('hubspot-tasks.HubSpotError');

export class HubSpotError extends Error {
  readonly status?: number;
  readonly correlationId?: string;
  readonly category?: string;

  constructor(readonly kind: HubSpotErrorKind, message: string, init: HubSpotErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.correlationId = init.correlationId;
    this.category = init.category;
  }

  get [BRAND](): true {
    return true;
  }
}

/** 401, or no token at all. */
export class AuthenticationError extends HubSpotError {
  constructor(message: string, init?: HubSpotErrorInit) {
    super('authentication', message, init);
  }
}

/** 403 MISSING_SCOPES; `scopes` names what the token lacks (may be empty when HubSpot did not say). */
export class MissingScopesError extends HubSpotError {
  constructor(message: string, readonly scopes: string[], init?: HubSpotErrorInit) {
    super('missing-scopes', message, init);
  }
}

export class NotFoundError extends HubSpotError {
  constructor(message: string, init?: HubSpotErrorInit) {
    super('not-found', message, init);
  }
}

export interface FieldError {
  field?: string;
  message: string;
}

/** 400 (also 409 / 422): the request was rejected; `fieldErrors` names the offending properties. */
export class ValidationError extends HubSpotError {
  constructor(message: string, readonly fieldErrors: FieldError[], init?: HubSpotErrorInit) {
    super('validation', message, init);
  }
}

/** 429 that outlasted the retries. */
export class RateLimitError extends HubSpotError {
  constructor(message: string, readonly retryAfterMs: number, readonly policyName?: string, init?: HubSpotErrorInit) {
    super('rate-limited', message, init);
  }
}

export class ServerError extends HubSpotError {
  constructor(message: string, init?: HubSpotErrorInit) {
    super('server', message, init);
  }
}

/**
 * No usable HTTP response. `ambiguous` is true when the request may have reached HubSpot and been
 * applied (connection reset or timeout after sending): a create must then not be repeated blindly.
 */
export class NetworkError extends HubSpotError {
  constructor(message: string, readonly timedOut: boolean, readonly ambiguous: boolean, init?: HubSpotErrorInit) {
    super('network', message, init);
  }
}

/**
 * A 2xx whose body is not JSON or not the expected shape. `status` is the HTTP status: a 201 means a
 * create WAS applied even though its result could not be read.
 */
export class MalformedResponseError extends HubSpotError {
  constructor(message: string, init?: HubSpotErrorInit) {
    super('malformed-response', message, init);
  }
}

/**
 * A body larger than the client reads (counted after decompression: a few hundred KB of gzip can
 * expand to gigabytes). Not retried: the same request would get the same answer.
 */
export class ResponseTooLargeError extends MalformedResponseError {
  constructor(readonly limitBytes: number, init?: HubSpotErrorInit) {
    super(`HubSpot sent a response larger than ${Math.round(limitBytes / (1024 * 1024))} MB; it was not read. A proxy or server in HubSpot's place may be misbehaving.`, init);
  }
}

/** HubSpot search cannot page past 10,000 results; refused before sending. */
export class SearchLimitError extends HubSpotError {
  constructor(readonly requestedEnd: number, readonly maxResults: number) {
    super('search-limit', `HubSpot search can return at most ${maxResults} results; narrow the filters to see results past that.`);
  }
}

export function isHubSpotError(e: unknown): e is HubSpotError {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true;
}

interface ErrorOfKind {
  authentication: AuthenticationError;
  'missing-scopes': MissingScopesError;
  'not-found': NotFoundError;
  validation: ValidationError;
  'rate-limited': RateLimitError;
  server: ServerError;
  network: NetworkError;
  'malformed-response': MalformedResponseError;
  'search-limit': SearchLimitError;
  unexpected: HubSpotError;
}

/** `e instanceof NotFoundError` (etc.) that also holds across bundle copies of this module (see BRAND). */
export function isErrorOfKind<K extends HubSpotErrorKind>(e: unknown, kind: K): e is ErrorOfKind[K] {
  return isHubSpotError(e) && e.kind === kind;
}
