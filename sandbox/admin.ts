// Admin endpoints for tests and benchmarks under /__sandbox/: no token, not logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http';
import { parseRateLimit } from './rateLimits';
import { BatchCreateErrors, FaultKind, KNOWN_FAULT_KINDS, RulesSpec, Sandbox, SandboxKnobs, SeedSpec } from './types';

export const ADMIN_PREFIX = '/__sandbox/';

export async function handleAdmin(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text.trim() ? JSON.parse(text) : {};
  } catch (e) {
    sendJson(res, 400, { error: `invalid JSON: ${(e as Error).message}` });
    return;
  }
  try {
    switch (route) {
      case 'GET /__sandbox/health':
        return sendJson(res, 200, { ok: true });
      case 'GET /__sandbox/requests':
        return sendJson(res, 200, { requests: sandbox.requests() });
      case 'DELETE /__sandbox/requests':
        sandbox.clearRequests();
        return sendJson(res, 204, undefined);
      case 'GET /__sandbox/state':
        return sendJson(res, 200, sandbox.state());
      case 'GET /__sandbox/config':
        return sendJson(res, 200, sandbox.knobs());
      case 'POST /__sandbox/config':
        sandbox.configure(parseKnobs(body));
        return sendJson(res, 200, sandbox.knobs());
      case 'GET /__sandbox/validation-rules':
        return sendJson(res, 200, sandbox.validationRules());
      case 'PUT /__sandbox/validation-rules':
        sandbox.setValidationRules(body as RulesSpec);
        return sendJson(res, 200, sandbox.validationRules());
      case 'GET /__sandbox/portals':
        return sendJson(res, 200, { portals: sandbox.portals().map((p) => ({ ...p, state: sandbox.state(p.portalId) })) });
      case 'GET /__sandbox/oauth':
        return sendJson(res, 200, sandbox.oauth.stats());
      case 'POST /__sandbox/oauth/expire':
        return sendJson(res, 200, { expired: sandbox.oauth.expireAccessTokens() });
      case 'POST /__sandbox/oauth/revoke-all':
        return sendJson(res, 200, { revoked: sandbox.oauth.revokeAll() });
      case 'POST /__sandbox/oauth/fail-next': {
        const b = body as { count?: unknown; status?: unknown };
        const status = b.status ?? 503;
        if (typeof b.count !== 'number' || !Number.isInteger(b.count) || b.count < 0 || ![500, 502, 503, 429].includes(status as number)) {
          throw new Error('fail-next needs {count: whole number, status?: 500 | 502 | 503 | 429}');
        }
        sandbox.oauth.failNextTokenRequests(b.count, status as 500 | 502 | 503 | 429);
        return sendJson(res, 200, { failing: b.count, status });
      }
      case 'POST /__sandbox/oauth/reset':
        sandbox.oauth.reset();
        return sendJson(res, 200, sandbox.oauth.stats());
      case 'POST /__sandbox/oauth/mint': {
        const b = body as { portalId?: unknown; email?: unknown; scopes?: unknown };
        if (typeof b.portalId !== 'number' || typeof b.email !== 'string' || (b.scopes !== undefined && !(Array.isArray(b.scopes) && b.scopes.every((x) => typeof x === 'string')))) {
          throw new Error('mint needs {portalId: number, email: string, scopes?: string[]}');
        }
        return sendJson(res, 200, sandbox.oauth.mint(b.portalId, b.email, b.scopes as string[] | undefined));
      }
      case 'POST /__sandbox/reset':
        sandbox.reset(parseSeed((body as { seed?: unknown }).seed));
        return sendJson(res, 200, sandbox.state());
      default:
        return sendJson(res, 404, { error: `no admin endpoint ${route}` });
    }
  } catch (e) {
    sendJson(res, 400, { error: (e as Error).message });
  }
}

export function parseSeed(raw: unknown): SeedSpec | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (raw === 'demo' || raw === 'empty') {
    return raw;
  }
  const tasks = (raw as { tasks?: unknown }).tasks;
  if (typeof tasks === 'number' && Number.isInteger(tasks) && tasks >= 0) {
    return { tasks };
  }
  throw new Error('seed must be "demo", "empty" or {"tasks": N}');
}

export function parseKnobs(raw: unknown): Partial<SandboxKnobs> {
  const k = (raw ?? {}) as Record<string, unknown>;
  const out: Partial<SandboxKnobs> = {};
  const nonNegative = (name: 'latencyMs' | 'searchLagMs' | 'timeoutHangMs') => {
    if (k[name] !== undefined) {
      if (typeof k[name] !== 'number' || (k[name] as number) < 0) {
        throw new Error(`${name} must be a non-negative number`);
      }
      out[name] = k[name] as number;
    }
  };
  nonNegative('latencyMs');
  nonNegative('searchLagMs');
  nonNegative('timeoutHangMs');
  if (k.rateLimits !== undefined) {
    if (typeof k.rateLimits !== 'boolean') {
      throw new Error('rateLimits must be a boolean');
    }
    out.rateLimits = k.rateLimits;
  }
  if (k.rateLimitPer10s !== undefined) {
    out.rateLimitPer10s = parseRateLimit(k.rateLimitPer10s, 'rateLimitPer10s');
  }
  if (k.accessTokenLifetimeSec !== undefined) {
    if (typeof k.accessTokenLifetimeSec !== 'number' || !Number.isInteger(k.accessTokenLifetimeSec) || k.accessTokenLifetimeSec < 0) {
      throw new Error('accessTokenLifetimeSec must be a whole number of seconds ≥ 0');
    }
    out.accessTokenLifetimeSec = k.accessTokenLifetimeSec;
  }
  if (k.rotateRefreshTokens !== undefined) {
    if (typeof k.rotateRefreshTokens !== 'boolean') {
      throw new Error('rotateRefreshTokens must be a boolean');
    }
    out.rotateRefreshTokens = k.rotateRefreshTokens;
  }
  if (k.oauthUserEmail !== undefined) {
    if (typeof k.oauthUserEmail !== 'string' || !k.oauthUserEmail.includes('@')) {
      throw new Error('oauthUserEmail must be an email address');
    }
    out.oauthUserEmail = k.oauthUserEmail;
  }
  if (k.batchCreateErrors !== undefined) {
    const modes: BatchCreateErrors[] = ['by-version', 'whole-batch', 'per-input'];
    if (!modes.includes(k.batchCreateErrors as BatchCreateErrors)) {
      throw new Error(`batchCreateErrors must be one of ${modes.join(', ')}`);
    }
    out.batchCreateErrors = k.batchCreateErrors as BatchCreateErrors;
  }
  if (k.faults !== undefined) {
    if (k.faults === null) {
      out.faults = null;
    } else {
      const f = k.faults as Record<string, unknown>;
      if (typeof f.rate !== 'number' || f.rate < 0 || f.rate > 1 || typeof f.seed !== 'number') {
        throw new Error('faults must be {rate: 0..1, seed: number, kinds?: FaultKind[]}');
      }
      const kinds = f.kinds === undefined ? undefined : f.kinds as unknown[];
      if (kinds && (!Array.isArray(kinds) || kinds.some((x) => !(KNOWN_FAULT_KINDS as readonly unknown[]).includes(x)))) {
        throw new Error(`fault kinds must be among ${KNOWN_FAULT_KINDS.join(', ')}`);
      }
      out.faults = { rate: f.rate, seed: f.seed, kinds: kinds as FaultKind[] | undefined };
    }
  }
  return out;
}
