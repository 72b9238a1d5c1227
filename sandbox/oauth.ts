// HubSpot's OAuth 2.0 as the sandbox plays it (official/oauth.2026-09.json, oauth.v1.json, RFC 6749 /
// 7636 / 7009 / 7662): consent requests, one-use authorization codes bound to a PKCE S256 challenge and
// a redirect URI, access tokens that expire after a configurable number of seconds, refresh tokens that
// rotate (the old one is dead once used) and can be revoked, introspection. State and rules only: the
// HTTP side is oauthHttp.ts. No token value ever leaves this class except in the answer to its owner.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** The demo app's client id: an organisation's registered HubSpot app, as the sandbox knows it. */
export const DEMO_CLIENT_ID = 'sandbox-oauth-client';
/** The demo app's client secret: optional (PKCE makes it a public client), checked when sent. */
export const DEMO_CLIENT_SECRET = 'sandbox-oauth-secret';
/** HubSpot's access tokens live 30 minutes. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SEC = 1800;
const CODE_LIFETIME_MS = 5 * 60_000;
const CONSENT_LIFETIME_MS = 15 * 60_000;
/** The app id HubSpot reports for a token (AccessTokenInfoResponse.app_id). */
const DEMO_APP_ID = 4_200_001;

/** Scopes the consent page knows how to describe; any other requested scope → invalid_scope. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  oauth: 'Know who you are (basic OAuth access)',
  'crm.objects.contacts.read': 'View contacts, and the tasks and activities on them',
  'crm.objects.contacts.write': 'Create, edit and delete contacts, tasks and activities',
  'crm.objects.companies.read': 'View companies',
  'crm.objects.deals.read': 'View deals',
  'crm.objects.owners.read': 'View the users and teams who own records',
  'crm.schemas.contacts.write': 'Edit property settings',
};

export interface OAuthClient {
  clientId: string;
  /** Checked when sent; demanded only when `requireSecret`. */
  clientSecret?: string;
  requireSecret: boolean;
  name: string;
}

/** A HubSpot account the signed-in user belongs to, as the consent page offers it. */
export interface PortalAccount {
  portalId: number;
  name: string;
  hubDomain: string;
  userId: number;
  email: string;
}

/** What a token stands for: one user's consent to one client in one account. */
interface Grant {
  id: string;
  clientId: string;
  account: PortalAccount;
  scopes: string[];
  revoked: boolean;
}

interface AccessRecord { grant: Grant; issuedAt: number; expiresAt: number; revoked: boolean }
interface RefreshRecord { grant: Grant; issuedAt: number; state: 'active' | 'rotated' | 'revoked' }
interface CodeRecord { grant: Grant; redirectUri: string; challenge: string; expiresAt: number; used: boolean }

export interface ConsentRequest {
  id: string;
  client: OAuthClient;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  challenge: string;
  expiresAt: number;
}

/** An OAuth failure in RFC 6749 terms (`error`) and HubSpot's (`category`, e.g. BAD_REFRESH_TOKEN). */
export class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly category: string, message: string) {
    super(message);
  }
}

/** The browser cannot be sent back: a bad client id or redirect URI is shown, never redirected to. */
export class ConsentPageError extends Error {}

export interface TokenResponse {
  token_type: 'bearer';
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_use: 'access_token';
  hub_id: number;
  user_id: number;
  scopes: string[];
}

export type AccessLookup =
  | { kind: 'active'; portalId: number; scopes: ReadonlySet<string> }
  | { kind: 'expired'; expiredMsAgo: number }
  | { kind: 'revoked' };

export interface OAuthStats {
  /** Access tokens not expired nor revoked. */
  activeAccessTokens: number;
  activeRefreshTokens: number;
  /** Successful token answers per grant type since start (or `reset`). */
  issued: { authorization_code: number; refresh_token: number };
  pendingConsents: number;
}

export interface OAuthSettings {
  /** Seconds an access token lives; read at issue time. */
  accessTokenLifetimeSec(): number;
  /** Whether a refresh answers with a new refresh token and kills the old one. */
  rotateRefreshTokens(): boolean;
  /** The user the consent page is signed in as. */
  userEmail(): string;
  /** The accounts (portals) an email belongs to. */
  accountsOf(email: string): PortalAccount[];
  now(): number;
}

export class OAuthAuthority {
  private readonly consents = new Map<string, ConsentRequest>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private issued = { authorization_code: 0, refresh_token: 0 };

  constructor(private readonly clients: ReadonlyMap<string, OAuthClient>, private readonly settings: OAuthSettings) {}

  // ---- authorize (the browser) ----

  /** GET /oauth/authorize: a consent request to show, or a redirect carrying an error. */
  beginAuthorization(query: URLSearchParams): { kind: 'consent'; request: ConsentRequest; accounts: PortalAccount[]; email: string } | { kind: 'redirect'; location: string } {
    const client = this.clients.get(query.get('client_id') ?? '');
    if (!client) {
      throw new ConsentPageError('This app is not known to HubSpot (unknown client_id).');
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!isAllowedRedirect(redirectUri)) {
      throw new ConsentPageError('The redirect URI must be https, or http on localhost / 127.0.0.1.');
    }
    const state = query.get('state');
    const fail = (error: string, description: string) => ({ kind: 'redirect' as const, location: redirectWith(redirectUri, { error, error_description: description, state }) });
    const responseType = query.get('response_type');
    if (responseType !== null && responseType !== 'code') {
      return fail('unsupported_response_type', 'response_type must be code');
    }
    const requested = splitScopes(query.get('scope'));
    const unknown = requested.filter((s) => !(s in SCOPE_DESCRIPTIONS));
    if (requested.length === 0 || unknown.length > 0) {
      return fail('invalid_scope', requested.length === 0 ? 'scope is required' : `unknown scope: ${unknown.join(' ')}`);
    }
    // Optional scopes the app may do without: granted when known, silently dropped otherwise.
    const optional = splitScopes(query.get('optional_scope')).filter((s) => s in SCOPE_DESCRIPTIONS && !requested.includes(s));
    const challenge = query.get('code_challenge');
    const method = query.get('code_challenge_method');
    if (!challenge) {
      return fail('invalid_request', 'code_challenge is required (PKCE)');
    }
    if (method !== 'S256') {
      return fail('invalid_request', 'code_challenge_method must be S256');
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return fail('invalid_request', 'code_challenge must be the base64url SHA-256 of the verifier (43 characters)');
    }
    this.sweep();
    const request: ConsentRequest = {
      id: randomUUID(), client, redirectUri, scopes: [...requested, ...optional], state, challenge,
      expiresAt: this.settings.now() + CONSENT_LIFETIME_MS,
    };
    this.consents.set(request.id, request);
    const email = this.settings.userEmail();
    return { kind: 'consent', request, accounts: this.settings.accountsOf(email), email };
  }

  /** POST /oauth/authorize (the consent form): where to send the browser. A request is answered once. */
  decide(requestId: string, decision: string, portalId: string | null): string {
    const request = this.consents.get(requestId);
    this.consents.delete(requestId);
    if (!request || request.expiresAt < this.settings.now()) {
      throw new ConsentPageError('This sign-in request has expired or was already answered. Start again from the app.');
    }
    const state = request.state;
    if (decision !== 'grant') {
      return redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access', state });
    }
    const account = this.settings.accountsOf(this.settings.userEmail()).find((a) => String(a.portalId) === portalId);
    if (!account) {
      throw new ConsentPageError('Choose one of your HubSpot accounts.');
    }
    const grant: Grant = { id: randomUUID(), clientId: request.client.clientId, account, scopes: request.scopes, revoked: false };
    const code = `${randomUUID()}`;
    this.codes.set(code, { grant, redirectUri: request.redirectUri, challenge: request.challenge, expiresAt: this.settings.now() + CODE_LIFETIME_MS, used: false });
    return redirectWith(request.redirectUri, { code, state });
  }

  // ---- token endpoint ----

  /** POST /oauth/2026-09/token (and v1): the form's grant, or an OAuthError. */
  token(form: URLSearchParams): { response: TokenResponse; portalId: number } {
    const grantType = form.get('grant_type');
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      throw new OAuthError(400, 'unsupported_grant_type', 'BAD_GRANT_TYPE', 'grant_type must be authorization_code or refresh_token');
    }
    const client = this.client(form);
    if (grantType === 'authorization_code') {
      return this.exchangeCode(client, form);
    }
    return this.refreshGrant(client, form);
  }

  private exchangeCode(client: OAuthClient, form: URLSearchParams): { response: TokenResponse; portalId: number } {
    const code = form.get('code') ?? '';
    const record = this.codes.get(code);
    if (!record || record.expiresAt < this.settings.now() || record.grant.clientId !== client.clientId) {
      throw new OAuthError(400, 'invalid_grant', 'BAD_AUTH_CODE', 'missing or unknown auth code');
    }
    if (record.used) {
      // A replayed code may be a stolen one: what it gave is taken back (RFC 6749 §4.1.2).
      this.revokeGrant(record.grant);
      throw new OAuthError(400, 'invalid_grant', 'BAD_AUTH_CODE', 'auth code already used');
    }
    if (form.get('redirect_uri') !== record.redirectUri) {
      throw new OAuthError(400, 'invalid_grant', 'MISMATCH_REDIRECT_URI_AUTH_CODE', 'redirect_uri does not match the one the code was issued to');
    }
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
      throw new OAuthError(400, 'invalid_grant', 'BAD_CODE_VERIFIER', 'code_verifier must be 43 to 128 characters of [A-Za-z0-9._~-]');
    }
    if (s256(verifier) !== record.challenge) {
      throw new OAuthError(400, 'invalid_grant', 'BAD_CODE_VERIFIER', 'code_verifier does not match the code_challenge');
    }
    record.used = true;
    this.issued.authorization_code++;
    return { response: this.issue(record.grant, this.newRefreshToken(record.grant)), portalId: record.grant.account.portalId };
  }

  private refreshGrant(client: OAuthClient, form: URLSearchParams): { response: TokenResponse; portalId: number } {
    const token = form.get('refresh_token') ?? '';
    const record = this.refresh.get(token);
    if (!record || record.state !== 'active' || record.grant.revoked || record.grant.clientId !== client.clientId) {
      const why = !record || record.grant.clientId !== client.clientId ? 'missing or unknown refresh token'
        : record.state === 'rotated' ? 'refresh token was already used (rotated)' : 'refresh token was revoked';
      throw new OAuthError(400, 'invalid_grant', 'BAD_REFRESH_TOKEN', why);
    }
    let refreshToken = token;
    if (this.settings.rotateRefreshTokens()) {
      record.state = 'rotated';
      refreshToken = this.newRefreshToken(record.grant);
    }
    this.issued.refresh_token++;
    return { response: this.issue(record.grant, refreshToken), portalId: record.grant.account.portalId };
  }

  private client(form: URLSearchParams, query?: URLSearchParams): OAuthClient {
    const client = this.clients.get(form.get('client_id') ?? '');
    if (!client) {
      throw new OAuthError(400, 'invalid_client', 'BAD_CLIENT_ID', 'missing or unknown client_id');
    }
    const secret = form.get('client_secret') ?? query?.get('client_secret') ?? null;
    if (secret === null ? client.requireSecret : secret !== client.clientSecret) {
      throw new OAuthError(400, 'invalid_client', 'BAD_CLIENT_SECRET', secret === null ? 'client_secret is required' : 'client_secret does not match');
    }
    return client;
  }

  private issue(grant: Grant, refreshToken: string): TokenResponse {
    const now = this.settings.now();
    const lifetime = this.settings.accessTokenLifetimeSec();
    const accessToken = `CO${randomBytes(36).toString('base64url')}`;
    this.access.set(accessToken, { grant, issuedAt: now, expiresAt: now + lifetime * 1000, revoked: false });
    return {
      token_type: 'bearer', access_token: accessToken, refresh_token: refreshToken, expires_in: lifetime,
      token_use: 'access_token', hub_id: grant.account.portalId, user_id: grant.account.userId, scopes: [...grant.scopes],
    };
  }

  private newRefreshToken(grant: Grant): string {
    const token = `na1-${randomUUID()}`;
    this.refresh.set(token, { grant, issuedAt: this.settings.now(), state: 'active' });
    return token;
  }

  // ---- introspect, revoke, v1 token info ----

  /** POST …/token/introspect (RFC 7662): `{active: false}` for anything not alive or not this client's. */
  introspect(form: URLSearchParams): Record<string, unknown> {
    const client = this.client(form);
    const token = form.get('token') ?? '';
    const now = this.settings.now();
    const a = this.access.get(token);
    if (a && a.grant.clientId === client.clientId && this.accessAlive(a, now)) {
      return { active: true, token_type: 'access_token', ...this.describe(a.grant), iat: Math.floor(a.issuedAt / 1000), exp: Math.floor(a.expiresAt / 1000), expires_in: Math.max(0, Math.floor((a.expiresAt - now) / 1000)) };
    }
    const r = this.refresh.get(token);
    if (r && r.grant.clientId === client.clientId && r.state === 'active' && !r.grant.revoked) {
      return { active: true, token_type: 'refresh_token', ...this.describe(r.grant), iat: Math.floor(r.issuedAt / 1000) };
    }
    return { active: false };
  }

  /** POST …/token/revoke (RFC 7009): a refresh token takes its whole grant with it; unknown tokens are fine. */
  revoke(form: URLSearchParams): void {
    const client = this.client(form);
    const token = form.get('token') ?? '';
    const r = this.refresh.get(token);
    if (r && r.grant.clientId === client.clientId) {
      this.revokeGrant(r.grant);
      return;
    }
    const a = this.access.get(token);
    if (a && a.grant.clientId === client.clientId) {
      a.revoked = true;
    }
  }

  /** GET /oauth/v1/access-tokens/{token}. */
  accessTokenInfo(token: string): Record<string, unknown> {
    const a = this.access.get(token);
    const now = this.settings.now();
    if (!a || a.revoked || a.grant.revoked) {
      throw new OAuthError(404, 'invalid_token', 'NOT_FOUND', 'Token not found');
    }
    if (a.expiresAt <= now) {
      throw new OAuthError(401, 'invalid_token', 'EXPIRED_AUTHENTICATION', expiredMessage(now - a.expiresAt));
    }
    const g = a.grant;
    return {
      token, user: g.account.email, hub_domain: g.account.hubDomain, scopes: [...g.scopes], hub_id: g.account.portalId,
      app_id: DEMO_APP_ID, expires_in: Math.floor((a.expiresAt - now) / 1000), user_id: g.account.userId, token_type: 'access',
      is_private_distribution: false,
    };
  }

  /** GET /oauth/v1/refresh-tokens/{token}. */
  refreshTokenInfo(token: string): Record<string, unknown> {
    const r = this.refresh.get(token);
    if (!r || r.state !== 'active' || r.grant.revoked) {
      throw new OAuthError(404, 'invalid_grant', 'NOT_FOUND', 'Refresh token not found');
    }
    const g = r.grant;
    return { token, user: g.account.email, hub_domain: g.account.hubDomain, scopes: [...g.scopes], hub_id: g.account.portalId, client_id: g.clientId, user_id: g.account.userId, token_type: 'refresh' };
  }

  /** DELETE /oauth/v1/refresh-tokens/{token}. */
  deleteRefreshToken(token: string): void {
    const r = this.refresh.get(token);
    if (!r || r.state !== 'active' || r.grant.revoked) {
      throw new OAuthError(404, 'invalid_grant', 'NOT_FOUND', 'Refresh token not found');
    }
    this.revokeGrant(r.grant);
  }

  // ---- API authentication and test controls ----

  /** A Bearer token on an API request: whose, or why not. undefined = not an OAuth token at all. */
  lookupAccess(token: string): AccessLookup | undefined {
    const a = this.access.get(token);
    if (!a) {
      return undefined;
    }
    if (a.revoked || a.grant.revoked) {
      return { kind: 'revoked' };
    }
    const now = this.settings.now();
    if (a.expiresAt <= now) {
      return { kind: 'expired', expiredMsAgo: now - a.expiresAt };
    }
    return { kind: 'active', portalId: a.grant.account.portalId, scopes: new Set(a.grant.scopes) };
  }

  /** Tests: every access token issued so far expires now (the next API call with one gets a 401). */
  expireAccessTokens(): number {
    const now = this.settings.now();
    let n = 0;
    for (const a of this.access.values()) {
      if (a.expiresAt > now) {
        a.expiresAt = now;
        n++;
      }
    }
    return n;
  }

  /** Tests: every grant is revoked (refresh → invalid_grant, access → 401), as when an admin uninstalls the app. */
  revokeAll(): number {
    let n = 0;
    for (const r of this.refresh.values()) {
      if (!r.grant.revoked) {
        this.revokeGrant(r.grant);
        n++;
      }
    }
    return n;
  }

  /** Tests: a token pair for a user in an account without the browser (the grant a consent would give). */
  mint(portalId: number, email: string, scopes: string[], clientId = DEMO_CLIENT_ID): TokenResponse {
    const account = this.settings.accountsOf(email).find((a) => a.portalId === portalId);
    if (!account) {
      throw new Error(`${email} is not a user of portal ${portalId}`);
    }
    if (!this.clients.has(clientId)) {
      throw new Error(`unknown client_id ${clientId}`);
    }
    const unknown = scopes.filter((s) => !(s in SCOPE_DESCRIPTIONS));
    if (unknown.length > 0) {
      throw new Error(`unknown scopes: ${unknown.join(' ')}`);
    }
    const grant: Grant = { id: randomUUID(), clientId, account, scopes, revoked: false };
    return this.issue(grant, this.newRefreshToken(grant));
  }

  stats(): OAuthStats {
    const now = this.settings.now();
    return {
      activeAccessTokens: [...this.access.values()].filter((a) => this.accessAlive(a, now)).length,
      activeRefreshTokens: [...this.refresh.values()].filter((r) => r.state === 'active' && !r.grant.revoked).length,
      issued: { ...this.issued },
      pendingConsents: [...this.consents.values()].filter((c) => c.expiresAt >= now).length,
    };
  }

  /** Forgets every consent, code and token. */
  reset(): void {
    this.consents.clear();
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
    this.issued = { authorization_code: 0, refresh_token: 0 };
  }

  private accessAlive(a: AccessRecord, now: number): boolean {
    return !a.revoked && !a.grant.revoked && a.expiresAt > now;
  }

  private describe(g: Grant): Record<string, unknown> {
    return {
      client_id: g.clientId, scope: g.scopes.join(' '), scopes: [...g.scopes], sub: String(g.account.userId),
      hub_id: g.account.portalId, hub_domain: g.account.hubDomain, user_id: g.account.userId, user: g.account.email, app_id: DEMO_APP_ID,
    };
  }

  private revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const r of this.refresh.values()) {
      if (r.grant === grant && r.state === 'active') {
        r.state = 'revoked';
      }
    }
  }

  /** Answered or stale consents and codes are dropped, so a long-running demo does not grow. */
  private sweep(): void {
    const now = this.settings.now();
    for (const [id, c] of this.consents) {
      if (c.expiresAt < now) {
        this.consents.delete(id);
      }
    }
    for (const [code, c] of this.codes) {
      if (c.expiresAt < now && !c.used) {
        this.codes.delete(code);
      }
    }
  }
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function expiredMessage(msAgo: number): string {
  return `The OAuth token used to make this call expired ${Math.max(0, Math.round(msAgo / 1000))} second(s) ago.`;
}

function splitScopes(raw: string | null): string[] {
  return [...new Set((raw ?? '').split(/[\s+]+/).filter(Boolean))];
}

/** https anywhere; plain http only back to this machine (RFC 8252 loopback redirects, any port). */
export function isAllowedRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash) {
    return false;
  }
  if (url.protocol === 'https:') {
    return true;
  }
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function redirectWith(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null) {
      url.searchParams.set(k, v);
    }
  }
  return url.toString();
}
