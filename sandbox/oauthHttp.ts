// The OAuth endpoints over HTTP: the authorize page (GET shows consent, POST answers it with a
// redirect), the 2026-09 token / introspect / revoke endpoints and the legacy v1 ones. Bodies are
// form-encoded as at HubSpot. Every call is in the request log under an `oauth…` operation, with the
// grant type but never a code, verifier, secret or token (a token in a v1 path is logged as `{token}`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { errorBody } from './errors';
import { delay, readBody, sendJson } from './http';
import { ConsentPageError, OAuthAuthority, OAuthError } from './oauth';
import { consentPage, CONSENT_CSP, errorPage } from './oauthPage';
import type { RequestLogEntry } from './types';

export const OAUTH_PREFIX = '/oauth/';

export interface OAuthHttpParts {
  authority: OAuthAuthority;
  latencyMs(): number;
  record(entry: RequestLogEntry): void;
  /** A status the next token-endpoint call answers instead of its grant (a HubSpot outage), or undefined. */
  takeTokenFailure(): number | undefined;
}

interface Outcome {
  status: number;
  /** JSON body, or HTML when `html` is set. */
  body?: unknown;
  html?: string;
  location?: string;
  portalId?: number;
}

type Endpoint = {
  operation: string;
  apiVersion: '2026-09' | 'v1';
  /** Form fields worth keeping in the log (none of them secret). */
  logged: string[];
  handle(form: URLSearchParams, query: URLSearchParams, pathToken: string): Outcome;
};

function endpoints(authority: OAuthAuthority): Record<string, Endpoint> {
  const token: Endpoint = {
    operation: 'oauthToken', apiVersion: '2026-09', logged: ['grant_type', 'client_id'],
    handle: (form, query) => {
      // v1 also takes client_secret and refresh_token in the query string.
      for (const name of ['client_secret', 'refresh_token']) {
        const v = query.get(name);
        if (v !== null && !form.has(name)) {
          form.set(name, v);
        }
      }
      const { response, portalId } = authority.token(form);
      return { status: 200, body: response, portalId };
    },
  };
  return {
    'GET /oauth/authorize': {
      operation: 'oauthAuthorize', apiVersion: 'v1', logged: [],
      handle: (_form, query) => {
        const begun = authority.beginAuthorization(query);
        return begun.kind === 'redirect'
          ? { status: 302, location: begun.location }
          : { status: 200, html: consentPage(begun.request, begun.accounts, begun.email) };
      },
    },
    'POST /oauth/authorize': {
      operation: 'oauthConsent', apiVersion: 'v1', logged: ['decision', 'portal'],
      handle: (form) => ({ status: 302, location: authority.decide(form.get('request') ?? '', form.get('decision') ?? '', form.get('portal')) }),
    },
    'POST /oauth/2026-09/token': token,
    'POST /oauth/v1/token': { ...token, apiVersion: 'v1' },
    'POST /oauth/2026-09/token/introspect': {
      operation: 'oauthIntrospect', apiVersion: '2026-09', logged: ['token_type_hint', 'client_id'],
      handle: (form) => ({ status: 200, body: authority.introspect(form) }),
    },
    'POST /oauth/2026-09/token/revoke': {
      operation: 'oauthRevoke', apiVersion: '2026-09', logged: ['token_type_hint', 'client_id'],
      handle: (form) => {
        authority.revoke(form);
        return { status: 200 };
      },
    },
    'GET /oauth/v1/access-tokens/{token}': {
      operation: 'oauthAccessTokenInfo', apiVersion: 'v1', logged: [],
      handle: (_f, _q, t) => ({ status: 200, body: authority.accessTokenInfo(t) }),
    },
    'GET /oauth/v1/refresh-tokens/{token}': {
      operation: 'oauthRefreshTokenInfo', apiVersion: 'v1', logged: [],
      handle: (_f, _q, t) => ({ status: 200, body: authority.refreshTokenInfo(t) }),
    },
    'DELETE /oauth/v1/refresh-tokens/{token}': {
      operation: 'oauthDeleteRefreshToken', apiVersion: 'v1', logged: [],
      handle: (_f, _q, t) => {
        authority.deleteRefreshToken(t);
        return { status: 204 };
      },
    },
  };
}

/** `/oauth/v1/access-tokens/abc` → the route key with `{token}`, and the token. */
function routeOf(method: string, path: string): { key: string; logPath: string; pathToken: string } {
  const m = /^\/oauth\/v1\/(access-tokens|refresh-tokens)\/([^/]+)$/.exec(path);
  if (m) {
    let pathToken = '';
    try {
      pathToken = decodeURIComponent(m[2]);
    } catch {
      pathToken = '';
    }
    const logPath = `/oauth/v1/${m[1]}/{token}`;
    return { key: `${method} ${logPath}`, logPath, pathToken };
  }
  return { key: `${method} ${path}`, logPath: path, pathToken: '' };
}

const SECRET_QUERY = new Set(['client_secret', 'refresh_token', 'code', 'code_verifier', 'token']);

export function createOAuthHandler(parts: OAuthHttpParts): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const table = endpoints(parts.authority);
  return async (req, res, url) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const { key, logPath, pathToken } = routeOf(method, url.pathname);
    const endpoint = table[key];
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => !SECRET_QUERY.has(k)));
    const entry: RequestLogEntry = { method, path: logPath, query, status: 0, durationMs: 0 };
    const raw = await readBody(req);
    if (parts.latencyMs() > 0) {
      await delay(parts.latencyMs());
    }
    let outcome: Outcome;
    try {
      if (!endpoint) {
        const known = Object.keys(table).some((k) => k.endsWith(` ${key.slice(key.indexOf(' ') + 1)}`));
        throw new OAuthError(known ? 405 : 404, 'invalid_request', known ? 'METHOD_NOT_ALLOWED' : 'OBJECT_NOT_FOUND', `Unable to route ${method} ${logPath}`);
      }
      entry.operation = endpoint.operation;
      entry.apiVersion = endpoint.apiVersion;
      let form = new URLSearchParams();
      if (method === 'POST') {
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded') {
          throw new OAuthError(400, 'invalid_request', 'VALIDATION_ERROR', 'The body must be application/x-www-form-urlencoded');
        }
        form = new URLSearchParams(raw);
        const logged = Object.fromEntries(endpoint.logged.filter((n) => form.has(n)).map((n) => [n, form.get(n)]));
        if (Object.keys(logged).length > 0) {
          entry.body = logged;
        }
      }
      const failure = endpoint.operation === 'oauthToken' ? parts.takeTokenFailure() : undefined;
      if (failure !== undefined) {
        // The grant is not looked at: a refresh token sent during an outage stays valid.
        outcome = { status: failure, body: errorBody(failure === 429 ? 'RATE_LIMITS' : 'INTERNAL_ERROR', failure === 429 ? 'You have reached your secondly limit.' : 'Service temporarily unavailable') };
        entry.fault = failure === 429 ? '429' : String(failure) as '500' | '502' | '503';
      } else {
        outcome = endpoint.handle(form, url.searchParams, pathToken);
      }
    } catch (e) {
      outcome = failure(e, url.pathname === '/oauth/authorize');
    }
    if (outcome.portalId !== undefined) {
      entry.portalId = outcome.portalId;
    }
    send(res, outcome);
    entry.status = outcome.status;
    entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
    parts.record(entry);
  };
}

function failure(e: unknown, browser: boolean): Outcome {
  if (e instanceof ConsentPageError || (browser && !(e instanceof OAuthError))) {
    return { status: 400, html: errorPage((e as Error).message) };
  }
  if (e instanceof OAuthError) {
    // Both vocabularies: RFC 6749 `error` for OAuth libraries, HubSpot's error shape for everything else.
    const body = { ...errorBody(e.category, e.message), error: e.error, error_description: e.message };
    return { status: e.status, body };
  }
  return { status: 500, body: errorBody('INTERNAL_ERROR', `internal error: ${(e as Error).message}`) };
}

function send(res: ServerResponse, outcome: Outcome): void {
  // Token answers must not be cached anywhere (RFC 6749 §5.1).
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  if (outcome.location) {
    res.writeHead(outcome.status, { ...headers, Location: outcome.location });
    res.end();
    return;
  }
  if (outcome.html !== undefined) {
    res.writeHead(outcome.status, {
      ...headers, 'Content-Type': 'text/html;charset=utf-8', 'Content-Security-Policy': CONSENT_CSP,
      'X-Frame-Options': 'DENY', 'Content-Length': String(Buffer.byteLength(outcome.html)),
    });
    res.end(outcome.html);
    return;
  }
  const body = outcome.body as { correlationId?: string } | undefined;
  sendJson(res, outcome.status, outcome.body, body?.correlationId ? { ...headers, 'X-HubSpot-Correlation-Id': body.correlationId } : headers);
}
