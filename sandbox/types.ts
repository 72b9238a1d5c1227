// The sandbox's public contract: options, knobs, the Sandbox handle and the request log.
// Tests, benchmarks and the in-host harness program against these types only.
import type { OAuthStats, TokenResponse } from './oauth';
import type { RulesSpec } from './validationRules';

export type { RulesSpec } from './validationRules';

/** What an injected fault does. 5xx and 429 answer before the request is applied; `reset`, `hang` and
 * `malformed` happen after it was applied (the response is lost), which is the ambiguous case a client
 * must not blindly retry for creates. */
export type FaultKind = '500' | '502' | '503' | 'reset' | 'hang' | 'malformed' | '429' | HostileFaultKind;

/** A hostile server rather than a flaky one: the full, applied answer padded with whitespace to a huge
 * size, `gzip-bomb` as ~1 MB of gzip that inflates to 1 GiB, `oversized` as 16 MiB sent plainly. */
export type HostileFaultKind = 'gzip-bomb' | 'oversized';

/** The kinds drawn when a fault config names none (hostile kinds are only drawn when named). */
export const ALL_FAULT_KINDS: readonly FaultKind[] = ['500', '502', '503', 'reset', 'hang', 'malformed', '429'];

/** Every kind a fault config may name. */
export const KNOWN_FAULT_KINDS: readonly FaultKind[] = [...ALL_FAULT_KINDS, 'gzip-bomb', 'oversized'];

export interface FaultConfig {
  /** Fraction of requests (0..1) that get a fault. */
  rate: number;
  /** PRNG seed: the same seed and the same request sequence give the same faults. */
  seed: number;
  kinds?: FaultKind[];
}

export type SeedSpec = 'demo' | 'empty' | { tasks: number };

/** Behaviour that can change at run time (`configure`, `POST /__sandbox/config`). */
export interface SandboxKnobs {
  /** Enforce 100 requests / 10 s and 5 searches / s with 429s. Headers are sent either way. */
  rateLimits: boolean;
  /** The account's requests per rolling 10 s (HubSpot: 100 Free/Starter, 190 Professional/Enterprise);
   * announced in X-HubSpot-RateLimit-Max on every non-search response, enforced with `rateLimits`. */
  rateLimitPer10s: number;
  /** Added to every API request before it is handled. */
  latencyMs: number;
  /** null (or omitted) = no faults. */
  faults: FaultConfig | null;
  /** A write becomes visible to search only this long after it happened. */
  searchLagMs: number;
  /** How long a `hang` fault holds the response before dropping the connection. */
  timeoutHangMs: number;
  /**
   * How a batch create with invalid inputs is answered (which one HubSpot sends is uncertain):
   * 'whole-batch' = the first invalid input's 400 VALIDATION_ERROR and nothing created (what integrators
   * report); 'per-input' = the valid inputs created, a 207 with one error per invalid input;
   * 'by-version' (default) = whole-batch in 2026-09 (whose spec lists no 207), per-input in v3 and 2026-03.
   */
  batchCreateErrors: BatchCreateErrors;
  /** Seconds an OAuth access token lives from its issue (HubSpot: 1800). Read when a token is issued. */
  accessTokenLifetimeSec: number;
  /** A refresh answers with a new refresh token and the used one is dead (invalid_grant) from then on. */
  rotateRefreshTokens: boolean;
  /** The HubSpot user the consent page is signed in as (a user of the portals where it is an owner). */
  oauthUserEmail: string;
}

export type BatchCreateErrors = 'by-version' | 'whole-batch' | 'per-input';

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  host?: string;
  seed?: SeedSpec;
  /** Persist the account to this JSON file (loaded on start when it exists). */
  dataFile?: string;
  tokens?: string[];
  /** Tokens that authenticate but have no scopes: 403 MISSING_SCOPES on CRM endpoints. */
  noScopeTokens?: string[];
  rateLimits?: boolean;
  /** The account's requests per 10 s (default 100); see SandboxKnobs.rateLimitPer10s. */
  rateLimitPer10s?: number;
  latencyMs?: number;
  faults?: FaultConfig;
  searchLagMs?: number;
  timeoutHangMs?: number;
  batchCreateErrors?: BatchCreateErrors;
  /** Property validation rules, enforced on 2026-09 writes: `{tasks: {hs_task_subject: [{ruleType:
   * 'MAX_LENGTH', ruleArguments: ['80']}]}}` (see validationRules.ts). `reset()` returns to these. */
  validationRules?: RulesSpec;
  /** Milliseconds "now" for the demo seed's relative dates (tests); default Date.now(). */
  now?: number;
  /** See SandboxKnobs.accessTokenLifetimeSec (default 1800). */
  accessTokenLifetimeSec?: number;
  /** See SandboxKnobs.rotateRefreshTokens (default true). */
  rotateRefreshTokens?: boolean;
  /** The OAuth app the sandbox knows (default DEMO_CLIENT_ID / DEMO_CLIENT_SECRET, secret optional). */
  oauthClientId?: string;
  oauthClientSecret?: string;
  /** The token endpoint refuses a request without the client secret (default: PKCE alone suffices). */
  oauthRequireSecret?: boolean;
  /** Key tokens of the second demo portal (default SECOND_PORTAL_TOKEN); [] leaves it without keys. */
  secondPortalTokens?: string[];
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Spec operationId (e.g. 'searchTasks') or a sandbox name for extra endpoints ('listOwners'…). */
  operation?: string;
  /** Which API version's path was called: 'v3' (incl. the legacy /crm/v4/ paths), '2026-03', '2026-09'. */
  apiVersion?: string;
  status: number;
  durationMs: number;
  fault?: FaultKind;
  /** Parsed JSON request body (OAuth calls: the form's grant_type, client_id, decision only). Never a header, never a token. */
  body?: unknown;
  /** The account the request acted in (authenticated API calls, successful token answers). */
  portalId?: number;
  /** How an API request authenticated: a key token or an OAuth access token. */
  credential?: 'key' | 'oauth';
}

export interface SandboxState {
  tasks: number;
  archivedTasks: number;
  contacts: number;
  companies: number;
  deals: number;
  owners: number;
  associations: number;
  /** Writes not yet visible to search (search lag). */
  pendingIndex: number;
}

export interface Sandbox {
  /** http://HOST:PORT, no trailing slash. */
  url: string;
  port: number;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  configure(knobs: Partial<SandboxKnobs>): void;
  knobs(): SandboxKnobs;
  /** Re-seed (default: the seed it was started with); clears rate-limit windows. */
  reset(seed?: SeedSpec): void;
  /** The demo portal's counts, or another portal's (`SECOND_PORTAL_ID`). */
  state(portalId?: number): SandboxState;
  /** Every portal: id, name, key tokens. */
  portals(): { portalId: number; name: string; tokens: string[] }[];
  /** OAuth test controls (also under /__sandbox/oauth/…). */
  oauth: {
    stats(): OAuthStats;
    /** Every access token issued so far expires now; returns how many were alive. */
    expireAccessTokens(): number;
    /** Every grant is revoked (refresh → invalid_grant); returns how many. */
    revokeAll(): number;
    /** A token pair as a consent would give it, without the browser. */
    mint(portalId: number, email: string, scopes?: string[]): TokenResponse;
    /** Forgets every consent, code and token (and pending token-endpoint failures). */
    reset(): void;
    /** The next `count` token-endpoint calls answer `status` (500, 502, 503 or 429; default 503) without
     * looking at the grant, as during a HubSpot outage. Logged with `fault`. */
    failNextTokenRequests(count: number, status?: 500 | 502 | 503 | 429): void;
  };
  /** Replaces the account's property validation rules (enforced on 2026-09 writes). */
  setValidationRules(rules: RulesSpec): void;
  validationRules(): RulesSpec;
  /** Writes the data file now (when persisting). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
