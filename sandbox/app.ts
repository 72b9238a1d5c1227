// The request pipeline of the HubSpot API: latency → injected fault (before) → auth → scopes →
// rate limits → route handler → injected fault (after) → response, logged without headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { TokenCheck } from './auth';
import { errorBody, HttpError, validationError } from './errors';
import { FAULT_MESSAGES, FaultInjector, gzipBomb, isBeforeFault, oversizedBody } from './faults';
import { delay, readBody, sendJson, sendRaw } from './http';
import { RateLimiter, limitBody } from './rateLimits';
import { RequestContext, Router } from './router';
import { FaultKind, RequestLogEntry, SandboxKnobs } from './types';

const MAX_LOG_ENTRIES = 100_000;

export interface AppParts {
  router: Router;
  /** Another account's routes (the same paths over its own data); the default `router` when undefined. */
  routerFor?: (portalId: number) => Router | undefined;
  tokens: TokenCheck;
  limiter: RateLimiter;
  faults: FaultInjector;
  knobs: () => SandboxKnobs;
  log: RequestLogEntry[];
  /** Responses held by a `hang` fault: dropped on close. */
  hanging: Set<NodeJS.Timeout>;
}

export async function handleApi(parts: AppParts, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const entry: RequestLogEntry = { method, path, query: Object.fromEntries(url.searchParams), status: 0, durationMs: 0 };
  const match = parts.router.match(method, path);
  if (match.kind === 'found') {
    entry.operation = match.route.operation;
    if (match.route.apiVersion) {
      entry.apiVersion = match.route.apiVersion;
    }
  }
  const finish = (status: number, fault?: FaultKind) => {
    entry.status = status;
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
    if (fault) {
      entry.fault = fault;
    }
    parts.log.push(entry);
    if (parts.log.length > MAX_LOG_ENTRIES) {
      parts.log.splice(0, parts.log.length - MAX_LOG_ENTRIES);
    }
  };

  const rawBody = await readBody(req);
  let body: unknown;
  let bodyError: HttpError | undefined;
  if (rawBody.trim() !== '') {
    try {
      body = JSON.parse(rawBody);
      entry.body = body;
    } catch (e) {
      bodyError = validationError(`Invalid input JSON on line 1, column 1: ${(e as Error).message}`);
    }
  }

  const knobs = parts.knobs();
  if (knobs.latencyMs > 0) {
    await delay(knobs.latencyMs);
  }

  const fault = parts.faults.draw();
  if (fault && isBeforeFault(fault)) {
    sendFault(res, fault);
    finish(fault === '429' ? 429 : Number(fault), fault);
    return;
  }

  let status: number;
  let responseBody: unknown;
  let headers: Record<string, string> = {};
  try {
    const identity = parts.tokens.authenticate(req.headers.authorization);
    const { token } = identity;
    entry.portalId = identity.portalId;
    entry.credential = identity.credential;
    // Every authenticated request counts, whatever happens next (as at HubSpot).
    // An OAuth app's limit is per account, not per access token (each refresh gives a new one).
    const limitKey = identity.credential === 'oauth' ? `oauth-app:${identity.portalId}` : token;
    const decision = parts.limiter.admit(limitKey, match.kind === 'found' && match.route.isSearch === true, knobs.rateLimits, knobs.rateLimitPer10s);
    headers = decision.headers;
    if (decision.rejected) {
      throw new HttpError(429, 'RATE_LIMITS', decision.rejected.message, decision.rejected.extras);
    }
    if (match.kind === 'not-found') {
      throw new HttpError(404, 'OBJECT_NOT_FOUND', `Unable to route ${method} ${path}`);
    }
    if (match.kind === 'method-not-allowed') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `HTTP method ${method} is not supported by this resource`);
    }
    parts.tokens.authorize(identity, match.route.scope);
    if (bodyError) {
      throw bodyError;
    }
    const ctx: RequestContext = { method, path, params: match.params, query: url.searchParams, body };
    const portalMatch = parts.routerFor?.(identity.portalId)?.match(method, path) ?? match;
    const result = (portalMatch.kind === 'found' ? portalMatch.route : match.route).handler(ctx);
    status = result.status;
    responseBody = result.body;
  } catch (e) {
    const err = e instanceof HttpError ? e : new HttpError(500, 'INTERNAL_ERROR', `internal error: ${(e as Error).message}`);
    status = err.status;
    const errBody = err.body();
    responseBody = errBody;
    headers = { ...headers, ...err.headers, 'X-HubSpot-Correlation-Id': errBody.correlationId };
  }

  if (fault === 'reset') {
    // The request was applied but the client never hears back.
    finish(status, fault);
    req.socket.destroy();
    return;
  }
  if (fault === 'hang') {
    finish(status, fault);
    const timer = setTimeout(() => {
      parts.hanging.delete(timer);
      req.socket.destroy();
    }, knobs.timeoutHangMs);
    parts.hanging.add(timer);
    return;
  }
  if (fault === 'malformed') {
    const text = responseBody === undefined ? '' : JSON.stringify(responseBody);
    sendRaw(res, status === 204 ? 200 : status, `${text.slice(0, Math.floor(text.length / 2))}<!-- upstream truncated`, headers);
    finish(status, fault);
    return;
  }
  if (fault === 'gzip-bomb' || fault === 'oversized') {
    const text = responseBody === undefined ? '{}' : JSON.stringify(responseBody);
    const parts = fault === 'gzip-bomb' ? gzipBomb(text) : [oversizedBody(text)];
    const length = parts.reduce((n, p) => n + p.length, 0);
    // A client that gives up early closes the socket: the rest of the write then fails, which is fine.
    res.on('error', () => undefined);
    res.writeHead(status === 204 ? 200 : status, {
      ...headers, 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(length),
      ...(fault === 'gzip-bomb' ? { 'Content-Encoding': 'gzip' } : {}),
    });
    for (const part of parts) {
      res.write(part);
    }
    res.end();
    finish(status, fault);
    return;
  }
  sendJson(res, status, responseBody, headers);
  finish(status);
}

function sendFault(res: ServerResponse, fault: FaultKind): void {
  if (fault === '429') {
    const { message, extras } = limitBody('TEN_SECONDLY_ROLLING', 'You have reached your ten_secondly_rolling limit.');
    const body = errorBody('RATE_LIMITS', message, extras);
    sendJson(res, 429, body, { 'X-HubSpot-Correlation-Id': body.correlationId });
    return;
  }
  const [category, message] = FAULT_MESSAGES[fault as '500' | '502' | '503'];
  const body = errorBody(category, message);
  sendJson(res, Number(fault), body, { 'X-HubSpot-Correlation-Id': body.correlationId });
}
