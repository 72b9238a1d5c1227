// The sandbox's OAuth over real sockets: the consent page (Grant / Deny), PKCE S256 and state, the
// token endpoint's two grants, rotation and revocation of refresh tokens, introspection, the legacy v1
// endpoints, access-token lifetime, granted scopes on API calls, and what the request log keeps.
import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PORTAL_ID, SECOND_PORTAL_ID, startSandbox } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { loadDocuments, OpenApiChecker } from '../conformance/openapi';
import { OFFICIAL_DIR } from '../conformance/openapi.test';
import { call } from './helpers';

const REDIRECT = 'http://127.0.0.1:53682/callback';
const SCOPES = 'oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.owners.read';

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function form(sandbox: Sandbox, path: string, fields: Record<string, string>): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${sandbox.url}${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function authorizeUrl(sandbox: Sandbox, params: Record<string, string>): string {
  return `${sandbox.url}/oauth/authorize?${new URLSearchParams({ client_id: DEMO_CLIENT_ID, redirect_uri: REDIRECT, scope: SCOPES, ...params }).toString()}`;
}

/** The consent page for a fresh PKCE pair; its HTML and the request id its form posts back. */
async function consent(sandbox: Sandbox, params: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const res = await fetch(authorizeUrl(sandbox, { state: 'st-1', code_challenge: challenge, code_challenge_method: 'S256', ...params }), { redirect: 'manual' });
  const html = await res.text();
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { status: res.status, headers: res.headers, html, requestId, verifier };
}

async function answer(sandbox: Sandbox, requestId: string, decision: 'grant' | 'deny', portal = String(DEMO_PORTAL_ID)): Promise<URL> {
  const res = await fetch(`${sandbox.url}/oauth/authorize`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: requestId, decision, portal }).toString(), redirect: 'manual',
  });
  assert.equal(res.status, 302, await res.text());
  return new URL(res.headers.get('location') ?? '');
}

/** The whole browser dance for a portal: a token answer. */
async function signIn(sandbox: Sandbox, portal = String(DEMO_PORTAL_ID), scope = SCOPES) {
  const c = await consent(sandbox, { scope });
  const back = await answer(sandbox, c.requestId, 'grant', portal);
  const r = await form(sandbox, '/oauth/2026-09/token', {
    grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: c.verifier, redirect_uri: REDIRECT, client_id: DEMO_CLIENT_ID,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { access_token: string; refresh_token: string; expires_in: number; hub_id: number; user_id: number; scopes: string[] };
}

describe('sandbox: OAuth', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'demo' });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.configure({ accessTokenLifetimeSec: 1800, rotateRefreshTokens: true });
    sandbox.oauth.reset();
    sandbox.clearRequests();
  });

  it('shows a consent page listing the requested scopes and the user\'s accounts, under a strict CSP', async () => {
    const c = await consent(sandbox, { scope: 'crm.objects.contacts.read <script>', optional_scope: 'crm.objects.deals.read' });
    // An unknown scope is refused before any page: see the next test. Here, a clean request:
    assert.equal(c.status, 302);
    const ok = await consent(sandbox, { optional_scope: 'crm.objects.deals.read nonsense.scope' });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const listed = [...ok.html.matchAll(/data-scope="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(listed, [...SCOPES.split(' '), 'crm.objects.deals.read'], 'requested scopes, then the known optional ones');
    assert.match(ok.html, /demo@example\.com/);
    assert.match(ok.html, new RegExp(`<option value="${DEMO_PORTAL_ID}" selected>`));
    assert.match(ok.html, new RegExp(`<option value="${SECOND_PORTAL_ID}">Globex Client Portal`));
    assert.match(ok.html, /id="grant"[^>]*>Grant</);
    assert.match(ok.html, /id="deny"[^>]*>Deny</);
  });

  it('redirects errors back with the state, but never to a redirect URI or client it does not trust', async () => {
    const challenge = pkce().challenge;
    const cases: [Record<string, string>, string][] = [
      [{ scope: 'crm.objects.contacts.read evil.scope', code_challenge: challenge, code_challenge_method: 'S256' }, 'invalid_scope'],
      [{ code_challenge: challenge, code_challenge_method: 'plain' }, 'invalid_request'],
      [{}, 'invalid_request'],
      [{ response_type: 'token', code_challenge: challenge, code_challenge_method: 'S256' }, 'unsupported_response_type'],
    ];
    for (const [params, error] of cases) {
      const res = await fetch(authorizeUrl(sandbox, { state: 'xyz', ...params }), { redirect: 'manual' });
      assert.equal(res.status, 302, JSON.stringify(params));
      const back = new URL(res.headers.get('location') ?? '');
      assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
      assert.equal(back.searchParams.get('error'), error, JSON.stringify(params));
      assert.equal(back.searchParams.get('state'), 'xyz');
    }
    const untrusted: Record<string, string>[] = [{ client_id: 'someone-else' }, { redirect_uri: 'http://evil.example/cb' }, { redirect_uri: 'not a url' }];
    for (const params of untrusted) {
      const res = await fetch(authorizeUrl(sandbox, { code_challenge: challenge, code_challenge_method: 'S256', ...params }), { redirect: 'manual' });
      assert.equal(res.status, 400, JSON.stringify(params));
      assert.equal(res.headers.get('location'), null);
      assert.match(await res.text(), /id="error"/);
    }
  });

  it('Deny sends the browser back with error=access_denied and the state; the request cannot be answered twice', async () => {
    const c = await consent(sandbox);
    const back = await answer(sandbox, c.requestId, 'deny');
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'st-1');
    assert.equal(back.searchParams.get('code'), null);
    const again = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `request=${c.requestId}&decision=grant&portal=${DEMO_PORTAL_ID}`, redirect: 'manual',
    });
    assert.equal(again.status, 400);
  });

  it('Grant gives a one-use code that only the PKCE verifier and the same redirect URI redeem', async () => {
    const c = await consent(sandbox);
    const back = await answer(sandbox, c.requestId, 'grant');
    assert.equal(back.searchParams.get('state'), 'st-1');
    const code = back.searchParams.get('code') ?? '';
    assert.ok(code.length > 20);
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: DEMO_CLIENT_ID };
    const wrongVerifier = await form(sandbox, '/oauth/2026-09/token', { ...base, code_verifier: pkce().verifier });
    assert.equal(wrongVerifier.status, 400);
    assert.equal(wrongVerifier.body.error, 'invalid_grant');
    assert.equal(wrongVerifier.body.category, 'BAD_CODE_VERIFIER');
    assert.match(wrongVerifier.body.correlationId, /^[0-9a-f-]{36}$/);
    const wrongRedirect = await form(sandbox, '/oauth/2026-09/token', { ...base, code_verifier: c.verifier, redirect_uri: 'http://127.0.0.1:1/other' });
    assert.equal(wrongRedirect.body.error, 'invalid_grant');
    const wrongSecret = await form(sandbox, '/oauth/2026-09/token', { ...base, code_verifier: c.verifier, client_secret: 'nope' });
    assert.equal(wrongSecret.body.error, 'invalid_client');

    const ok = await form(sandbox, '/oauth/2026-09/token', { ...base, code_verifier: c.verifier, client_secret: DEMO_CLIENT_SECRET });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.token_type, 'bearer');
    assert.equal(ok.body.expires_in, 1800);
    assert.equal(ok.body.hub_id, DEMO_PORTAL_ID);
    assert.equal(ok.body.user_id, 9_100_001);
    assert.deepEqual(ok.body.scopes, SCOPES.split(' '));
    assert.notEqual(ok.body.access_token, ok.body.refresh_token);
    const tasks = await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=1', undefined, ok.body.access_token);
    assert.equal(tasks.status, 200);

    // Replaying the code fails and takes back what it gave (a stolen code is worthless).
    const replay = await form(sandbox, '/oauth/2026-09/token', { ...base, code_verifier: c.verifier });
    assert.equal(replay.body.error, 'invalid_grant');
    const refreshed = await form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: ok.body.refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(refreshed.body.error, 'invalid_grant');
  });

  it('rotates refresh tokens: the used one answers 400 invalid_grant, the new one works', async () => {
    const t = await signIn(sandbox);
    const refresh = (token: string) => form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: token, client_id: DEMO_CLIENT_ID });
    const r1 = await refresh(t.refresh_token);
    assert.equal(r1.status, 200);
    assert.notEqual(r1.body.refresh_token, t.refresh_token);
    assert.notEqual(r1.body.access_token, t.access_token);
    const stale = await refresh(t.refresh_token);
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error, 'invalid_grant');
    assert.equal(stale.body.category, 'BAD_REFRESH_TOKEN');
    assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, r1.body.access_token)).status, 200);
    const r2 = await refresh(r1.body.refresh_token);
    assert.equal(r2.status, 200);
    // Without rotation the same refresh token keeps working.
    sandbox.configure({ rotateRefreshTokens: false });
    const r3 = await refresh(r2.body.refresh_token);
    assert.equal(r3.body.refresh_token, r2.body.refresh_token);
    assert.equal((await refresh(r2.body.refresh_token)).status, 200);
  });

  it('revokes: a revoked refresh token is invalid_grant and its access tokens answer 401', async () => {
    const t = await signIn(sandbox);
    const revoked = await form(sandbox, '/oauth/2026-09/token/revoke', { token: t.refresh_token, token_type_hint: 'refresh_token', client_id: DEMO_CLIENT_ID });
    assert.equal(revoked.status, 200);
    const r = await form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'invalid_grant');
    const api = await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, t.access_token);
    assert.equal(api.status, 401);
    assert.equal(api.body.category, 'INVALID_AUTHENTICATION');
    // Unknown tokens revoke quietly (RFC 7009); an unknown client does not.
    assert.equal((await form(sandbox, '/oauth/2026-09/token/revoke', { token: 'nothing', client_id: DEMO_CLIENT_ID })).status, 200);
    assert.equal((await form(sandbox, '/oauth/2026-09/token/revoke', { token: 'nothing', client_id: 'x' })).body.error, 'invalid_client');
    // The admin's "uninstall": every grant at once.
    const t2 = await signIn(sandbox);
    assert.equal(sandbox.oauth.revokeAll(), 1);
    assert.equal((await form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t2.refresh_token, client_id: DEMO_CLIENT_ID })).body.error, 'invalid_grant');
  });

  it('expires access tokens after the configured seconds with 401 EXPIRED_AUTHENTICATION', async () => {
    sandbox.configure({ accessTokenLifetimeSec: 0 });
    const t = await signIn(sandbox);
    assert.equal(t.expires_in, 0);
    const expired = await call(sandbox, 'GET', '/crm/v3/objects/tasks', undefined, t.access_token);
    assert.equal(expired.status, 401);
    assert.equal(expired.body.category, 'EXPIRED_AUTHENTICATION');
    assert.match(expired.body.message, /expired \d+ second\(s\) ago/);
    // Through the admin endpoint, as in-host tests set it.
    const cfg = await fetch(`${sandbox.url}/__sandbox/config`, { method: 'POST', body: JSON.stringify({ accessTokenLifetimeSec: 600 }) });
    assert.equal(((await cfg.json()) as { accessTokenLifetimeSec: number }).accessTokenLifetimeSec, 600);
    const r = await form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(r.body.expires_in, 600);
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=1', undefined, r.body.access_token)).status, 200);
    // "Expire every access token now", without waiting.
    const expire = await fetch(`${sandbox.url}/__sandbox/oauth/expire`, { method: 'POST' });
    assert.deepEqual(await expire.json(), { expired: 1 });
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=1', undefined, r.body.access_token)).body.category, 'EXPIRED_AUTHENTICATION');
  });

  it('holds an OAuth token to the scopes the user granted (403 MISSING_SCOPES)', async () => {
    const t = await signIn(sandbox, String(DEMO_PORTAL_ID), 'oauth crm.objects.contacts.read');
    assert.equal((await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=1', undefined, t.access_token)).status, 200);
    const owners = await call(sandbox, 'GET', '/crm/v3/owners', undefined, t.access_token);
    assert.equal(owners.status, 403);
    assert.deepEqual(owners.body.errors[0].context.requiredGranularScopes, ['crm.objects.owners.read']);
    assert.equal((await call(sandbox, 'POST', '/crm/v3/objects/tasks', { properties: { hs_task_subject: 'x' } }, t.access_token)).status, 403);
    assert.equal((await call(sandbox, 'GET', '/account-info/v3/details', undefined, t.access_token)).status, 200);
  });

  it('introspects (2026-09) and describes tokens (v1): user, portal, scopes; dead tokens are inactive', async () => {
    const t = await signIn(sandbox);
    const a = await form(sandbox, '/oauth/2026-09/token/introspect', { token: t.access_token, token_type_hint: 'access_token', client_id: DEMO_CLIENT_ID });
    assert.equal(a.status, 200);
    assert.equal(a.body.active, true);
    assert.equal(a.body.token_type, 'access_token');
    assert.equal(a.body.user, 'demo@example.com');
    assert.equal(a.body.hub_id, DEMO_PORTAL_ID);
    assert.equal(a.body.user_id, 9_100_001);
    assert.equal(a.body.scope, SCOPES);
    assert.ok(a.body.exp > Date.now() / 1000);
    const r = await form(sandbox, '/oauth/2026-09/token/introspect', { token: t.refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(r.body.active, true);
    assert.equal(r.body.token_type, 'refresh_token');
    assert.deepEqual((await form(sandbox, '/oauth/2026-09/token/introspect', { token: 'bogus', client_id: DEMO_CLIENT_ID })).body, { active: false });

    const info = await call(sandbox, 'GET', `/oauth/v1/access-tokens/${encodeURIComponent(t.access_token)}`, undefined, null);
    assert.equal(info.status, 200);
    assert.equal(info.body.user, 'demo@example.com');
    assert.equal(info.body.hub_id, DEMO_PORTAL_ID);
    assert.equal(info.body.token, t.access_token);
    assert.ok(info.body.expires_in > 1700 && info.body.expires_in <= 1800);
    assert.equal((await call(sandbox, 'GET', '/oauth/v1/access-tokens/unknown', undefined, null)).status, 404);
    const rinfo = await call(sandbox, 'GET', `/oauth/v1/refresh-tokens/${t.refresh_token}`, undefined, null);
    assert.equal(rinfo.body.client_id, DEMO_CLIENT_ID);
    assert.equal((await call(sandbox, 'DELETE', `/oauth/v1/refresh-tokens/${t.refresh_token}`, undefined, null)).status, 204);
    assert.equal((await form(sandbox, '/oauth/2026-09/token/introspect', { token: t.refresh_token, client_id: DEMO_CLIENT_ID })).body.active, false);
    assert.equal((await call(sandbox, 'GET', `/oauth/v1/access-tokens/${t.access_token}`, undefined, null)).status, 404);
  });

  it('answers the v1 token endpoint too, and refuses a body that is not form-encoded', async () => {
    const t = await signIn(sandbox);
    const v1 = await form(sandbox, '/oauth/v1/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
    assert.equal(v1.status, 200);
    assert.equal(typeof v1.body.access_token, 'string');
    const json = await call(sandbox, 'POST', '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: v1.body.refresh_token, client_id: DEMO_CLIENT_ID }, null);
    assert.equal(json.status, 400);
    assert.equal(json.body.error, 'invalid_request');
    assert.equal((await form(sandbox, '/oauth/2026-09/token', { grant_type: 'password', client_id: DEMO_CLIENT_ID })).body.error, 'unsupported_grant_type');
  });

  it('logs token requests by grant type and portal, and never a code, verifier, secret or token', async () => {
    const t = await signIn(sandbox);
    for (let i = 0, token = t.refresh_token; i < 3; i++) {
      const r = await form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: token, client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET });
      token = r.body.refresh_token;
    }
    await call(sandbox, 'GET', `/oauth/v1/access-tokens/${t.access_token}`, undefined, null);
    await call(sandbox, 'GET', '/crm/v3/objects/tasks?limit=1', undefined, t.access_token);
    const log = sandbox.requests();
    const tokenCalls = log.filter((e) => e.operation === 'oauthToken');
    assert.deepEqual(tokenCalls.map((e) => (e.body as { grant_type: string }).grant_type), ['authorization_code', 'refresh_token', 'refresh_token', 'refresh_token']);
    assert.ok(tokenCalls.every((e) => e.status === 200 && e.portalId === DEMO_PORTAL_ID && e.apiVersion === '2026-09'));
    assert.deepEqual(log.filter((e) => e.operation?.startsWith('oauth')).map((e) => e.operation),
      ['oauthAuthorize', 'oauthConsent', 'oauthToken', 'oauthToken', 'oauthToken', 'oauthToken', 'oauthAccessTokenInfo']);
    assert.equal(log.find((e) => e.operation === 'oauthAccessTokenInfo')?.path, '/oauth/v1/access-tokens/{token}');
    const api = log.find((e) => e.operation === 'listTasks');
    assert.equal(api?.credential, 'oauth');
    assert.equal(api?.portalId, DEMO_PORTAL_ID);
    const text = JSON.stringify(log);
    for (const secret of [t.access_token, t.refresh_token, DEMO_CLIENT_SECRET, 'code_verifier']) {
      assert.ok(!text.includes(secret), `log holds ${secret.slice(0, 12)}…`);
    }
    assert.equal(sandbox.oauth.stats().issued.refresh_token, 3);
  });

  it('answers the next token requests with an outage when told to, and the refresh token survives it', async () => {
    const t = await signIn(sandbox);
    const fail = await fetch(`${sandbox.url}/__sandbox/oauth/fail-next`, { method: 'POST', body: JSON.stringify({ count: 2, status: 503 }) });
    assert.deepEqual(await fail.json(), { failing: 2, status: 503 });
    const refresh = () => form(sandbox, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: DEMO_CLIENT_ID });
    const first = await refresh();
    assert.equal(first.status, 503);
    assert.equal(first.body.category, 'INTERNAL_ERROR');
    assert.equal((await refresh()).status, 503);
    assert.equal((await refresh()).status, 200, 'not rotated away by the failed attempts');
    assert.deepEqual(sandbox.requests().filter((e) => e.operation === 'oauthToken').map((e) => [e.status, e.fault]),
      [[200, undefined], [503, '503'], [503, '503'], [200, undefined]]);
    assert.equal((await fetch(`${sandbox.url}/__sandbox/oauth/fail-next`, { method: 'POST', body: JSON.stringify({ count: 1, status: 404 }) })).status, 400);
  });

  it('counts an app\'s OAuth requests per account, whatever access token they carry', async () => {
    sandbox.reset(); // fresh rate-limit windows: earlier tests called with OAuth tokens of the demo portal
    sandbox.configure({ rateLimits: true, rateLimitPer10s: 2 });
    try {
      const a = sandbox.oauth.mint(DEMO_PORTAL_ID, 'demo@example.com');
      const b = sandbox.oauth.mint(DEMO_PORTAL_ID, 'demo@example.com');
      const other = sandbox.oauth.mint(SECOND_PORTAL_ID, 'demo@example.com');
      assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, a.access_token)).status, 200);
      assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, b.access_token)).status, 200);
      assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, b.access_token)).status, 429, 'a fresh token does not get a fresh window');
      assert.equal((await call(sandbox, 'GET', '/crm/v3/owners', undefined, other.access_token)).status, 200, 'another account has its own');
    } finally {
      sandbox.configure({ rateLimits: false, rateLimitPer10s: 100 });
      sandbox.reset();
    }
  });

  it('signs in as the user named by oauthUserEmail, offering only that user\'s accounts', async () => {
    sandbox.configure({ oauthUserEmail: 'akira.sato@globex.example' });
    try {
      const c = await consent(sandbox);
      assert.match(c.html, /akira\.sato@globex\.example/);
      assert.deepEqual([...c.html.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1])), [SECOND_PORTAL_ID]);
      const back = await answer(sandbox, c.requestId, 'grant', String(SECOND_PORTAL_ID));
      const t = await form(sandbox, '/oauth/2026-09/token', {
        grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', code_verifier: c.verifier, redirect_uri: REDIRECT, client_id: DEMO_CLIENT_ID,
      });
      assert.equal(t.body.hub_id, SECOND_PORTAL_ID);
      assert.equal(t.body.user_id, 9_300_002);
      // A portal the user is not in cannot be chosen by editing the form.
      const c2 = await consent(sandbox);
      const forged = await fetch(`${sandbox.url}/oauth/authorize`, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `request=${c2.requestId}&decision=grant&portal=${DEMO_PORTAL_ID}`, redirect: 'manual',
      });
      assert.equal(forged.status, 400);
    } finally {
      sandbox.configure({ oauthUserEmail: 'demo@example.com' });
    }
  });

  it('demands the client secret when started with oauthRequireSecret', async () => {
    const strict = await startSandbox({ port: 0, seed: 'empty', oauthRequireSecret: true, oauthClientId: 'org-app', oauthClientSecret: 'org-secret' });
    try {
      const t = strict.oauth.mint(DEMO_PORTAL_ID, 'demo@example.com');
      const without = await form(strict, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: 'org-app' });
      assert.equal(without.body.error, 'invalid_client');
      const withSecret = await form(strict, '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: 'org-app', client_secret: 'org-secret' });
      assert.equal(withSecret.status, 200);
    } finally {
      await strict.close();
    }
  });
});

describe('sandbox: OAuth answers match HubSpot\'s published files (oauth.2026-09.json, oauth.v1.json)', () => {
  let sandbox: Sandbox;
  const checker = new OpenApiChecker(loadDocuments(OFFICIAL_DIR, ['oauth.2026-09.json', 'oauth.v1.json']));
  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
  });
  after(() => sandbox.close());

  async function raw(method: string, path: string, fields?: Record<string, string>): Promise<{ status: number; text: string }> {
    const res = await fetch(`${sandbox.url}${path}`, {
      method, headers: fields ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}, body: fields ? new URLSearchParams(fields).toString() : undefined,
    });
    return { status: res.status, text: await res.text() };
  }

  function check(method: string, path: string, status: number, text: string, schemaPath = path): void {
    const op = checker.match(method, schemaPath);
    assert.ok(op, `${method} ${schemaPath} is in the files`);
    assert.deepEqual(checker.checkResponse(op, status, text), [], `${method} ${path} ${status}: ${text}`);
  }

  it('token, introspect, token info and errors have the shapes of the files', async () => {
    const t = await signIn(sandbox);
    const v1 = await raw('POST', '/oauth/v1/token', { grant_type: 'refresh_token', refresh_token: t.refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(v1.status, 200);
    check('POST', '/oauth/v1/token', v1.status, v1.text);
    // oauth.2026-09.json declares no success body for its token endpoint: it is held to the v1 one.
    const v3 = await raw('POST', '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: JSON.parse(v1.text).refresh_token, client_id: DEMO_CLIENT_ID });
    assert.equal(v3.status, 200);
    check('POST', '/oauth/2026-09/token', v3.status, v3.text, '/oauth/v1/token');
    const { access_token: access, refresh_token: refresh } = JSON.parse(v3.text) as { access_token: string; refresh_token: string };
    for (const token of [access, refresh, 'unknown']) {
      const r = await raw('POST', '/oauth/2026-09/token/introspect', { token, client_id: DEMO_CLIENT_ID });
      check('POST', '/oauth/2026-09/token/introspect', r.status, r.text);
    }
    const info = await raw('GET', `/oauth/v1/access-tokens/${access}`);
    assert.equal(info.status, 200);
    check('GET', `/oauth/v1/access-tokens/${access}`, info.status, info.text);
    const rinfo = await raw('GET', `/oauth/v1/refresh-tokens/${refresh}`);
    check('GET', `/oauth/v1/refresh-tokens/${refresh}`, rinfo.status, rinfo.text);
    const revoke = await raw('POST', '/oauth/2026-09/token/revoke', { token: refresh, client_id: DEMO_CLIENT_ID });
    assert.equal(revoke.status, 200);
    const bad = await raw('POST', '/oauth/2026-09/token', { grant_type: 'refresh_token', refresh_token: refresh, client_id: DEMO_CLIENT_ID });
    assert.equal(bad.status, 400);
    check('POST', '/oauth/2026-09/token', bad.status, bad.text);
    const gone = await raw('GET', '/oauth/v1/access-tokens/nope');
    check('GET', '/oauth/v1/access-tokens/nope', gone.status, gone.text);
    // The checker can fail: a token answer without expires_in is refused.
    const broken = JSON.stringify({ ...JSON.parse(v1.text), expires_in: undefined });
    assert.notDeepEqual(checker.checkResponse(checker.match('POST', '/oauth/v1/token')!, 200, broken), []);
  });
});
