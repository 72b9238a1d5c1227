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
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEFAULT_ACCESS_TOKEN_LIFETIME_SEC, OAuthAuthority, PortalAccount } from './oauth';
import { createOAuthHandler, OAUTH_PREFIX } from './oauthHttp';
import { loadAccount, Persister } from './persistence';
import { DEMO_PORTAL, PortalProfile, SECOND_PORTAL, SECOND_PORTAL_TOKEN } from './portals';
import { RATE_LIMITS, RateLimiter } from './rateLimits';
import { Router } from './router';
import { accountRoutes } from './routes/account';
import { associationRoutes, versionedAssociationRoutes } from './routes/associations';
import { batchRoutes } from './routes/batch';
import { crmRoutes } from './routes/crm';
import { taskRoutes } from './routes/tasks';
import { SearchIndex } from './searchIndex';
import { DEMO_OWNER_EMAIL, seedAccount } from './seed';
import { Store } from './store';
import { ValidationRules } from './validationRules';
import { API_VERSIONS } from './versions';
import type { RequestLogEntry, Sandbox, SandboxKnobs, SandboxOptions, SandboxState, SeedSpec } from './types';

export type { FaultKind, RequestLogEntry, Sandbox, SandboxKnobs, SandboxOptions, SandboxState, SeedSpec } from './types';

export const DEFAULT_TOKEN = 'sandbox-token';
export const DEFAULT_NO_SCOPE_TOKEN = 'sandbox-token-noscopes';
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './oauth';
export { DEMO_PORTAL_ID, SECOND_PORTAL_DEMO_OWNER_ID, SECOND_PORTAL_ID, SECOND_PORTAL_TOKEN } from './portals';

/** The scopes the extension's calls need (what a consent grants by default in `mint`). */
export const OAUTH_TASK_SCOPES = ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.companies.read', 'crm.objects.deals.read', 'crm.objects.owners.read'] as const;

/** Every version over one account's store: a task created through v3 is read through 2026-09. */
function apiRouter(deps: ApiDeps): Router {
  const router = new Router().add(...associationRoutes(deps));
  for (const ver of API_VERSIONS) {
    router.add(...taskRoutes(deps, ver), ...batchRoutes(deps, ver), ...versionedAssociationRoutes(deps, ver), ...crmRoutes(deps, ver), ...accountRoutes(deps, ver));
  }
  return router;
}

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
    accessTokenLifetimeSec: options.accessTokenLifetimeSec ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SEC,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    oauthUserEmail: DEMO_OWNER_EMAIL,
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
  const depsOf = (account: Store, accountIndex: SearchIndex, accountRules: ValidationRules, profile: PortalProfile): ApiDeps => ({
    store: account, index: accountIndex, now: Date.now, baseUrl: () => baseUrl, rules: accountRules, details: profile.details,
    // HubSpot enforces validation rules from the 2026-09 version on; older versions write unchecked.
    enforcesRules: (ver) => ver === '2026-09',
    batchCreateErrors: (ver) => knobs.batchCreateErrors === 'by-version'
      ? (ver === '2026-09' ? 'whole-batch' : 'per-input')
      : knobs.batchCreateErrors,
  });
  const router = apiRouter(depsOf(store, index, rules, DEMO_PORTAL));
  // The second portal: its own records, index and rules behind the same routes; kept in memory only,
  // and built on first use (most runs never call it, and seeding it doubles a start's seeding time).
  let secondPortal: { store: Store; index: SearchIndex; rules: ValidationRules; router: Router } | undefined;
  const second = () => {
    if (!secondPortal) {
      const account = new Store(seedAccount('demo', options.now, SECOND_PORTAL.seed));
      const accountIndex = new SearchIndex(account, () => knobs.searchLagMs);
      const accountRules = new ValidationRules(options.validationRules);
      secondPortal = { store: account, index: accountIndex, rules: accountRules, router: apiRouter(depsOf(account, accountIndex, accountRules, SECOND_PORTAL)) };
    }
    return secondPortal;
  };
  const secondTokens = options.secondPortalTokens ?? [SECOND_PORTAL_TOKEN];
  const storeOf = (portalId: number) => portalId === SECOND_PORTAL.portalId ? second().store : store;
  const accountsOf = (email: string): PortalAccount[] => [DEMO_PORTAL, SECOND_PORTAL].flatMap((p) => {
    const owner = storeOf(p.portalId).allOwners().find((o) => !o.archived && o.email.toLowerCase() === email.toLowerCase());
    return owner ? [{ portalId: p.portalId, name: p.name, hubDomain: p.hubDomain, userId: owner.userId ?? 0, email: owner.email }] : [];
  });
  const oauthClientId = options.oauthClientId ?? DEMO_CLIENT_ID;
  const oauth = new OAuthAuthority(new Map([[oauthClientId, {
    clientId: oauthClientId, clientSecret: options.oauthClientSecret ?? DEMO_CLIENT_SECRET,
    requireSecret: options.oauthRequireSecret ?? false, name: 'HubSpot Tasks for VS Code',
  }]]), {
    accessTokenLifetimeSec: () => knobs.accessTokenLifetimeSec,
    rotateRefreshTokens: () => knobs.rotateRefreshTokens,
    userEmail: () => knobs.oauthUserEmail,
    accountsOf,
    now: Date.now,
  });
  const parts: AppParts = {
    router,
    // The demo portal's requests keep the match already made (no second routing pass on the hot path).
    routerFor: (portalId) => portalId === SECOND_PORTAL.portalId ? second().router : undefined,
    tokens: new TokenCheck(new Set(options.tokens ?? [DEFAULT_TOKEN]), new Set(options.noScopeTokens ?? [DEFAULT_NO_SCOPE_TOKEN]), DEMO_PORTAL.portalId, {
      portalKeys: new Map(secondTokens.map((t) => [t, SECOND_PORTAL.portalId])),
      oauth: (token) => oauth.lookupAccess(token),
    }),
    limiter: new RateLimiter(),
    faults,
    knobs: () => knobs,
    log: [],
    hanging: new Set(),
  };

  /** Statuses the next token-endpoint calls answer (POST /__sandbox/oauth/fail-next). */
  const tokenFailures: number[] = [];
  const handleOAuth = createOAuthHandler({
    authority: oauth,
    takeTokenFailure: () => tokenFailures.shift(),
    latencyMs: () => knobs.latencyMs,
    record: (entry) => {
      parts.log.push(entry);
      if (parts.log.length > 100_000) {
        parts.log.splice(0, parts.log.length - 100_000);
      }
    },
  });

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl || 'http://localhost');
    const work = url.pathname.startsWith(ADMIN_PREFIX)
      ? handleAdmin(sandbox, req, res, url.pathname)
      : url.pathname.startsWith(OAUTH_PREFIX)
        ? handleOAuth(req, res, url)
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
      const issued = store.issuedIds();
      store.load(seedAccount(next ?? seed, options.now));
      store.continueIds(issued);
      index.rebuild();
      rules.replace(options.validationRules ?? {});
      // The second portal always returns to its own demo seed; OAuth grants outlive a reset.
      secondPortal = undefined;
      parts.limiter.reset();
      faults.configure(knobs.faults);
      persister?.saveNow();
    },
    state: (portalId?: number): SandboxState => {
      const [s, i] = portalId === SECOND_PORTAL.portalId ? [second().store, second().index] : [store, index];
      return {
        tasks: s.count('tasks', false),
        archivedTasks: s.count('tasks', true),
        contacts: s.count('contacts', false),
        companies: s.count('companies', false),
        deals: s.count('deals', false),
        owners: s.allOwners().length,
        associations: s.associationCount(),
        pendingIndex: i.pendingCount(),
      };
    },
    portals: () => [
      { portalId: DEMO_PORTAL.portalId, name: DEMO_PORTAL.name, tokens: [...(options.tokens ?? [DEFAULT_TOKEN])] },
      { portalId: SECOND_PORTAL.portalId, name: SECOND_PORTAL.name, tokens: [...secondTokens] },
    ],
    oauth: {
      stats: () => oauth.stats(),
      expireAccessTokens: () => oauth.expireAccessTokens(),
      revokeAll: () => oauth.revokeAll(),
      mint: (portalId, email, scopes = [...OAUTH_TASK_SCOPES]) => oauth.mint(portalId, email, scopes, oauthClientId),
      reset: () => {
        oauth.reset();
        tokenFailures.length = 0;
      },
      failNextTokenRequests: (count, status = 503) => {
        tokenFailures.push(...Array<number>(count).fill(status));
      },
    },
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
