// The one place that speaks HTTP to HubSpot: bearer auth from a callback, client-side rate limiting,
// per-attempt timeouts, retries by safety class, typed errors and response shape checks.
// The token never reaches a log line or an error message.
import * as http from 'http';
import * as https from 'https';
import type { Response } from 'node-fetch';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import type { Logger } from '../util/logger';
import { mapErrorResponse, rateLimitWaitMs, ResponseMeta } from './errorMapping';
import {
  AuthenticationError,
  HubSpotError,
  MalformedResponseError,
  NetworkError,
  RateLimitError,
  ResponseTooLargeError,
} from './errors';
import type { RateLimiter } from './rateLimiter';
import type { Shape } from './shapes';
import type * as HttpTransportModule from './httpTransport';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequest {
  /** Name for logs and observers, e.g. the spec's operationId. */
  operation: string;
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /**
   * True when sending the request twice cannot apply it twice (reads, search, batch read, an update
   * with the same body, archive). Only these are retried after a 5xx or an ambiguous network failure.
   */
  idempotent: boolean;
  /** Counts against the per-second search limit. */
  search?: boolean;
}

export interface HttpResult<T> {
  status: number;
  data: T;
}

/** What one attempt sent and got back; for diagnostics and the conformance tests. Never headers. */
export interface HttpExchange {
  operation: string;
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  requestBody?: unknown;
  status?: number;
  responseText?: string;
  attempt: number;
  error?: HubSpotError;
}

export interface HttpClientOptions {
  baseUrl: string;
  getToken: () => Promise<string | undefined>;
  logger: Logger;
  limiter: RateLimiter;
  timeoutMs: number;
  maxRetries: number;
  /** First backoff after a 5xx / network failure; doubles per attempt. */
  retryBaseDelayMs: number;
  /** Upper bound of any single wait, including a 429's Retry-After. */
  maxRetryDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  onExchange?: (exchange: HttpExchange) => void;
  /** Largest response body read, after decompression (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /**
   * HubSpot answered 401 to `token`: resolves true when a fresh token is ready (an OAuth refresh). The request
   * is then sent once more, creates too: a 401 means HubSpot applied nothing.
   */
  onUnauthorized?: (token: string) => Promise<boolean>;
}

/** HubSpot's largest answers (a page of 100 tasks with long notes) are far below this. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

// A connection that was never established cannot have delivered the request.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export const REDACTED = '[redacted]';

/** Headers safe to log: Authorization never appears. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = k.toLowerCase() === 'authorization' ? `Bearer ${REDACTED}` : v;
  }
  return out;
}

export class HttpClient {
  private readonly baseUrl: string;
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private readonly httpsAgent = new https.Agent({ keepAlive: true });
  private readonly agents = { http: detectPrematureClose(this.httpAgent), https: detectPrematureClose(this.httpsAgent) };

  /** node-fetch, loaded from its own bundle on the first request (activate() sends none; see httpTransport.ts). */
  private readonly transport: LazyFeature<typeof HttpTransportModule>;

  constructor(private readonly options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = lazyFeature('HTTP transport', () => {
      // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./httpTransport.js`.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('./httpTransport') as typeof HttpTransportModule;
    }, options.logger);
  }

  dispose(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  async request<T>(req: HttpRequest, shape: Shape<T>): Promise<HttpResult<T>>;
  async request(req: HttpRequest): Promise<HttpResult<undefined>>;
  async request<T>(req: HttpRequest, shape?: Shape<T>): Promise<HttpResult<T | undefined>> {
    const { maxRetries } = this.options;
    let reauthorized = false;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(req, attempt, shape);
      if (outcome.ok) {
        return outcome.result;
      }
      const error = outcome.error;
      // Once per request: a second 401 with a fresh token is a real rejection, not an expiry.
      if (error.status === 401 && outcome.token && !reauthorized && this.options.onUnauthorized && await this.options.onUnauthorized(outcome.token)) {
        reauthorized = true;
        attempt--;
        continue;
      }
      const wait = attempt < maxRetries ? this.retryDelay(req, error, attempt) : undefined;
      if (wait === undefined) {
        throw error;
      }
      this.options.logger.debug(`HubSpot ${req.operation}: ${error.kind} (${error.status ?? '-'}), retry ${attempt + 1}/${maxRetries} in ${wait} ms`);
      if (error instanceof RateLimitError) {
        // Hold every queued request, not only this one: HubSpot's window is shared.
        this.options.limiter.pauseFor(wait);
      } else {
        await this.options.sleep(wait);
      }
    }
  }

  /** Milliseconds to wait before retrying, or undefined when the error must not be retried. */
  private retryDelay(req: HttpRequest, error: HubSpotError, attempt: number): number | undefined {
    const backoff = Math.min(this.options.maxRetryDelayMs, this.options.retryBaseDelayMs * 2 ** attempt);
    if (error instanceof RateLimitError) {
      // A 429 was rejected before anything was applied: safe to repeat for any request.
      return Math.min(this.options.maxRetryDelayMs, error.retryAfterMs);
    }
    if (error instanceof NetworkError) {
      return req.idempotent || !error.ambiguous ? backoff : undefined;
    }
    if (error instanceof ResponseTooLargeError) {
      return undefined;
    }
    if (error.kind === 'server' || error.kind === 'malformed-response') {
      return req.idempotent ? backoff : undefined;
    }
    return undefined;
  }

  private async attempt<T>(req: HttpRequest, attempt: number, shape?: Shape<T>):
    Promise<{ ok: true; result: HttpResult<T | undefined> } | { ok: false; error: HubSpotError; token?: string }> {
    let token: string | undefined;
    try {
      token = await this.options.getToken();
    } catch (e) {
      return { ok: false, error: new AuthenticationError('Could not read the HubSpot access token.', { cause: e }) };
    }
    if (!token) {
      return { ok: false, error: new AuthenticationError('Not signed in to HubSpot: no access token.') };
    }
    const release = await this.options.limiter.acquire(req.search ? 'search' : 'request');
    const query = toQuery(req.query);
    const exchange: HttpExchange = { operation: req.operation, method: req.method, path: req.path, query, requestBody: req.body, attempt };
    try {
      const result = await this.send(req, query, token, exchange, shape);
      return { ok: true, result };
    } catch (e) {
      const error = scrub(e instanceof HubSpotError ? e : new NetworkError(`Request to HubSpot failed: ${String(e)}`, false, true, { cause: e }), token);
      exchange.error = error;
      this.options.logger.debug(`HubSpot ${req.operation} failed: ${error.kind} ${error.status ?? ''} ${error.message}` +
        (error.correlationId ? ` (correlationId ${error.correlationId})` : ''));
      return { ok: false, error, token };
    } finally {
      release();
      this.options.onExchange?.(exchange);
    }
  }

  private async send<T>(req: HttpRequest, query: Record<string, string>, token: string, exchange: HttpExchange, shape?: Shape<T>):
    Promise<HttpResult<T | undefined>> {
    const qs = new URLSearchParams(query).toString();
    const url = `${this.baseUrl}${req.path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    this.options.logger.debug(`HubSpot → ${req.method} ${req.path}${qs ? `?${qs}` : ''}`, { headers: redactHeaders(headers) });
    const started = Date.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.options.timeoutMs);
    let res: Response;
    let text: string;
    try {
      try {
        res = await this.transport.get().fetch(url, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-fetch's and the DOM's AbortSignal types differ
          signal: controller.signal as any,
          // Never forward the bearer token to wherever a redirect points.
          redirect: 'manual',
          agent: (u) => (u.protocol === 'https:' ? this.agents.https : this.agents.http),
        });
      } catch (e) {
        throw networkError(e, timedOut, this.options.timeoutMs, false);
      }
      exchange.status = res.status;
      // Pace by the account's real limit (100 or 190 per 10 s, or any); search answers announce none.
      this.options.limiter.observe((name) => res.headers.get(name));
      try {
        text = await readCapped(res, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES);
      } catch (e) {
        if (e instanceof ResponseTooLargeError) {
          // Stop the transfer: the socket is closed rather than drained.
          controller.abort();
          throw new ResponseTooLargeError(e.limitBytes, { status: res.status });
        }
        // The status line arrived, so HubSpot received (and may have applied) the request.
        throw networkError(e, timedOut, this.options.timeoutMs, true);
      }
    } finally {
      clearTimeout(timer);
    }
    exchange.responseText = text;
    this.options.logger.debug(`HubSpot ← ${res.status} ${req.method} ${req.path} (${Date.now() - started} ms)`);
    const meta: ResponseMeta = { status: res.status, header: (name) => res.headers.get(name) };
    if (res.status < 200 || res.status >= 300) {
      const retryAfterMs = res.status === 429 ? rateLimitWaitMs(meta, policyOf(text), this.options.limiter.windowRemainingMs()) : undefined;
      throw mapErrorResponse(meta, text, retryAfterMs);
    }
    if (!shape) {
      return { status: res.status, data: undefined };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MalformedResponseError(`HubSpot sent a response that is not JSON (${res.status}, ${text.length} bytes).`, { status: res.status });
    }
    try {
      return { status: res.status, data: shape(json, 'response') };
    } catch (e) {
      if (e instanceof MalformedResponseError) {
        throw new MalformedResponseError(e.message, { status: res.status });
      }
      throw e;
    }
  }
}

/**
 * The body as text, or ResponseTooLargeError as soon as more than `maxBytes` arrived. Counted on the
 * decoded stream (node-fetch gunzips it): node-fetch's own `size` option rejects but keeps inflating
 * to the end, so a gzip bomb still burned CPU; leaving the loop here destroys the inflating stream.
 */
async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) {
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/**
 * node-fetch v2 notices a connection closed mid-body only for chunked responses; with a
 * Content-Length it waits until the timeout. This view of the shared keep-alive agent watches each
 * request's response and fails it at once when the socket closes before the body is complete.
 */
function detectPrematureClose<A extends http.Agent>(agent: A): A {
  const view = Object.create(agent) as A & { addRequest(req: http.ClientRequest, options: unknown): void };
  const shared = agent as A & { addRequest(req: http.ClientRequest, options: unknown): void };
  view.addRequest = (req, options) => {
    req.once('response', (res: http.IncomingMessage) => {
      res.once('close', () => {
        if (!res.complete) {
          // node-fetch listens for request errors and destroys the body stream with this one.
          req.emit('error', Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
        }
      });
    });
    shared.addRequest(req, options);
  };
  return view;
}

function toQuery(query: HttpRequest['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined) {
      out[k] = String(v);
    }
  }
  return out;
}

function policyOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { policyName?: unknown };
    return typeof body.policyName === 'string' ? body.policyName : undefined;
  } catch {
    return undefined;
  }
}

function networkError(e: unknown, timedOut: boolean, timeoutMs: number, afterHeaders: boolean): NetworkError {
  const code = (e as { code?: unknown }).code;
  if (timedOut) {
    return new NetworkError(`HubSpot did not answer within ${timeoutMs} ms.`, true, true, { cause: e });
  }
  const ambiguous = afterHeaders || typeof code !== 'string' || !NOT_SENT_CODES.has(code);
  const reason = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  const message = afterHeaders
    ? `The connection to HubSpot broke while reading its answer (${reason}).`
    : ambiguous ? `The connection to HubSpot was lost (${reason}).` : `Could not reach HubSpot (${reason}).`;
  return new NetworkError(message, false, ambiguous, { cause: e });
}

/** Defence in depth: whatever produced the text, the token does not leave in an error. */
function scrub<E extends HubSpotError>(error: E, token: string): E {
  if (token.length >= 4 && error.message.includes(token)) {
    Object.defineProperty(error, 'message', { value: error.message.split(token).join(REDACTED) });
  }
  return error;
}
