// startSandbox(): a local HubSpot on node:http. Composes the account (store + search index +
// persistence), the API pipeline (app.ts) and the admin endpoints, and owns the sockets so that
// close() really ends everything.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { AppParts, handleApi } from './app';
import { TokenCheck } from './auth';
import { ApiDeps } from './deps';
import { errorBody } from './errors';
import { sendJson } from './http';
import { FaultInjector } from './faults';
import { loadAccount, Persister } from './persistence';
import { RATE_LIMITS, RateLimiter } from './rateLimits';
import { Router } from './router';
import { accountRoutes } from './routes/account';
import { associationRoutes, versionedAssociationRoutes } from './routes/associations';
import { batchRoutes } from './routes/batch';
import { crmRoutes } from './routes/crm';
import { taskRoutes } from './routes/tasks';
import { SearchIndex } from './searchIndex';
import { seedAccount } from './seed';
import { Store } from './store';
import { ValidationRules } from './validationRules';
import { API_VERSIONS } from './versions';
import type { RequestLogEntry, Sandbox, SandboxKnobs, SandboxOptions, SandboxState, SeedSpec } from './types';

export type { FaultKind, RequestLogEntry, Sandbox, SandboxKnobs, SandboxOptions, SandboxState, SeedSpec } from './types';

export const DEFAULT_TOKEN = 'sandbox-token';
export const DEFAULT_NO_SCOPE_TOKEN = 'sandbox-token-noscopes';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed: SeedSpec = options.seed ?? 'demo';
  const knobs: SandboxKnobs = {
    rateLimits: options.rateLimits ?? false,
    rateLimitPer10s: options.rateLimitPer10s ?? RATE_LIMITS.perTenSeconds,
    latencyMs: options.latencyMs ?? 0,
    faults: options.faults ?? null,
    searchLagMs: options.searchLagMs ?? 0,
    timeoutHangMs: options.timeoutHangMs ?? 30_000,
    batchCreateErrors: options.batchCreateErrors ?? 'by-version',
  };

  const store = new Store(options.dataFile ? loadAccount(options.dataFile) ?? seedAccount(seed, options.now) : seedAccount(seed, options.now));
  const index = new SearchIndex(store, () => knobs.searchLagMs);
  const persister = options.dataFile ? new Persister(options.dataFile, () => store.toData()) : undefined;
  if (persister) {
    store.onChange(() => persister.schedule());
    persister.saveNow();
  }
  const faults = new FaultInjector();
  faults.configure(knobs.faults);

  let baseUrl = '';
  const rules = new ValidationRules(options.validationRules);
  const deps: ApiDeps = {
    store, index, now: Date.now, baseUrl: () => baseUrl, rules,
    // HubSpot enforces validation rules from the 2026-09 version on; older versions write unchecked.
    enforcesRules: (ver) => ver === '2026-09',
    batchCreateErrors: (ver) => knobs.batchCreateErrors === 'by-version'
      ? (ver === '2026-09' ? 'whole-batch' : 'per-input')
      : knobs.batchCreateErrors,
  };
  // Every version over the one store: a task created through v3 is read through 2026-09.
  const router = new Router().add(...associationRoutes(deps));
  for (const ver of API_VERSIONS) {
    router.add(...taskRoutes(deps, ver), ...batchRoutes(deps, ver), ...versionedAssociationRoutes(deps, ver), ...crmRoutes(deps, ver), ...accountRoutes(deps, ver));
  }
  const parts: AppParts = {
    router,
    tokens: new TokenCheck(new Set(options.tokens ?? [DEFAULT_TOKEN]), new Set(options.noScopeTokens ?? [DEFAULT_NO_SCOPE_TOKEN])),
    limiter: new RateLimiter(),
    faults,
    knobs: () => knobs,
    log: [],
    hanging: new Set(),
  };

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl || 'http://localhost');
    const work = url.pathname.startsWith(ADMIN_PREFIX)
      ? handleAdmin(sandbox, req, res, url.pathname)
      : handleApi(parts, req, res, url);
    work.catch((e: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 500, errorBody('INTERNAL_ERROR', `sandbox failure: ${(e as Error).message}`));
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const sandbox: Sandbox = {
    url: baseUrl,
    port,
    requests: (): RequestLogEntry[] => parts.log.slice(),
    clearRequests: () => {
      parts.log.length = 0;
    },
    configure: (change) => {
      Object.assign(knobs, change);
      if ('faults' in change) {
        faults.configure(knobs.faults);
      }
    },
    knobs: () => ({ ...knobs }),
    reset: (next) => {
      store.load(seedAccount(next ?? seed, options.now));
      index.rebuild();
      rules.replace(options.validationRules ?? {});
      parts.limiter.reset();
      faults.configure(knobs.faults);
      persister?.saveNow();
    },
    state: (): SandboxState => ({
      tasks: store.count('tasks', false),
      archivedTasks: store.count('tasks', true),
      contacts: store.count('contacts', false),
      companies: store.count('companies', false),
      deals: store.count('deals', false),
      owners: store.allOwners().length,
      associations: store.associationCount(),
      pendingIndex: index.pendingCount(),
    }),
    setValidationRules: (spec) => rules.replace(spec),
    validationRules: () => rules.toSpec(),
    flush: async () => {
      persister?.flush();
    },
    close: async () => {
      for (const timer of parts.hanging) {
        clearTimeout(timer);
      }
      parts.hanging.clear();
      persister?.flush();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) {
        socket.destroy();
      }
      await closed;
    },
  };
  return sandbox;
}
