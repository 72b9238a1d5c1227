// The extension's OAuth pieces against the sandbox over real sockets: PKCE, the one-use loopback redirect,
// the whole code flow through the consent page (Grant and Deny), the token endpoint's two grants, "me" by
// introspection (2026-09 and v1), revoke, and the session's refresh rules: before expiry, once after a 401,
// ONE refresh for 20 concurrent requests, invalid_grant → ended once, never a loop.
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PORTAL_ID, OAUTH_TASK_SCOPES } from '../../../sandbox/server';
import type { Sandbox } from '../../../sandbox/types';
import { codeChallengeS256, createCodeVerifier, createState } from '../../../src/auth/oauth/pkce';
import { startLoopbackRedirect } from '../../../src/auth/oauth/loopback';
import { OAuthError, OAuthTokens } from '../../../src/auth/oauth/oauthTokens';
import { OAuthSession, type OAuthSessionStore } from '../../../src/auth/oauth/oauthSession';
import { parseCredential, serializeCredential, type OAuthCredential } from '../../../src/auth/credential';
import { HubSpotClient } from '../../../src/hubspot/client';
import { oauthAuthorizeUrl, type ApiVersion } from '../../../src/hubspot/endpoints';
import { useSandbox } from '../client/support/sandbox';
import { DEMO_OWNER_EMAIL } from '../../support/demo';

const silent = { info: () => undefined, warn: () => undefined, debug: () => undefined };
const PAGES = { done: 'Signed in.', failed: 'Not signed in.' };

function tokensFor(sandbox: Sandbox, version: ApiVersion = '2026-09', secret?: string): OAuthTokens {
  return new OAuthTokens({ baseUrl: sandbox.url, clientId: DEMO_CLIENT_ID, clientSecret: async () => secret, apiVersion: () => version, fetch: nodeFetch });
}

/** What a browser does with the authorize URL: shows the consent page, the user presses Grant or Deny, follows the redirect. */
async function consent(authorizeUrl: string, decision: 'grant' | 'deny'): Promise<number> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  assert.equal(page.status, 200, html);
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(requestId, 'the consent form carries its request id');
  const answer = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: requestId, decision, portal: String(DEMO_PORTAL_ID) }).toString(), redirect: 'manual',
  });
  assert.equal(answer.status, 302);
  const back = await fetch(answer.headers.get('location') ?? '');
  await back.text();
  return back.status;
}

/** The extension's flow up to the token answer, with the browser played by `consent`. */
async function browserSignIn(sandbox: Sandbox, decision: 'grant' | 'deny') {
  const verifier = createCodeVerifier();
  const state = createState();
  const loopback = await startLoopbackRedirect(state, 10_000, PAGES);
  const authorize = new URL(oauthAuthorizeUrl(sandbox.url));
  authorize.search = new URLSearchParams({
    client_id: DEMO_CLIENT_ID, redirect_uri: loopback.localUri, scope: OAUTH_TASK_SCOPES.join(' '), state,
    code_challenge: codeChallengeS256(verifier), code_challenge_method: 'S256',
  }).toString();
  const browserStatus = await consent(authorize.href, decision);
  const result = await loopback.result;
  return { result, browserStatus, verifier, redirectUri: loopback.localUri };
}

function credentialOf(sandbox: Sandbox): OAuthCredential {
  const pair = sandbox.oauth.mint(DEMO_PORTAL_ID, DEMO_OWNER_EMAIL);
  const now = Date.now();
  return { kind: 'oauth', accessToken: pair.access_token, refreshToken: pair.refresh_token, issuedAt: now, expiresAt: now + pair.expires_in * 1000, clientId: DEMO_CLIENT_ID, grant: 'g1' };
}

function memoryStore(initial: OAuthCredential): OAuthSessionStore & { stored: OAuthCredential; expiredCalls: number } {
  const store = {
    stored: initial,
    expiredCalls: 0,
    read: async () => store.stored,
    store: async (next: OAuthCredential) => { store.stored = next; },
    expired: async () => { store.expiredCalls++; },
  };
  return store;
}

const refreshes = (sandbox: Sandbox) => sandbox.requests().filter((e) => e.operation === 'oauthToken' && (e.body as { grant_type?: string })?.grant_type === 'refresh_token');

describe('OAuth (extension side, against the sandbox)', () => {
  const ref = useSandbox();
  beforeEach(() => {
    ref.sandbox.oauth.reset();
    ref.sandbox.configure({ accessTokenLifetimeSec: 1800 });
  });

  it('PKCE S256 matches RFC 7636 appendix B; verifiers and states are fresh and URL-safe', () => {
    assert.equal(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const a = createCodeVerifier();
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, createCodeVerifier());
    assert.notEqual(createState(), createState());
  });

  it('the authorize page is HubSpot\'s app for api(-eu1).hubapi.com and the host itself otherwise', () => {
    assert.equal(oauthAuthorizeUrl('https://api.hubapi.com'), 'https://app.hubspot.com/oauth/authorize');
    assert.equal(oauthAuthorizeUrl('https://api-eu1.hubapi.com'), 'https://app-eu1.hubspot.com/oauth/authorize');
    assert.equal(oauthAuthorizeUrl('http://127.0.0.1:4010'), 'http://127.0.0.1:4010/oauth/authorize');
  });

  it('Grant: the loopback takes the code once, the code + verifier give tokens, introspection names the user', async () => {
    const { sandbox } = ref;
    const { result, browserStatus, verifier, redirectUri } = await browserSignIn(sandbox, 'grant');
    assert.equal(browserStatus, 200);
    assert.equal(result.kind, 'code');
    // One use: the server is closed after the callback.
    await assert.rejects(fetch(redirectUri), /fetch failed/);
    const tokens = tokensFor(sandbox);
    const credential = await tokens.exchangeCode(result.kind === 'code' ? result.code : '', verifier, redirectUri);
    assert.equal(credential.kind, 'oauth');
    assert.ok(credential.refreshToken && credential.accessToken);
    assert.ok(credential.expiresAt > Date.now() + 1_700_000);
    assert.deepEqual(await tokens.owner(credential.accessToken), { email: DEMO_OWNER_EMAIL, userId: (await tokensFor(sandbox, 'v3').owner(credential.accessToken)).userId, hubId: DEMO_PORTAL_ID });
    assert.equal((await tokensFor(sandbox, 'v3').owner(credential.accessToken)).email, DEMO_OWNER_EMAIL);
    // The stored form survives a round trip; a bare token still reads as a key.
    assert.deepEqual(parseCredential(serializeCredential(credential)), credential);
    assert.deepEqual(parseCredential('pat-na1-abc'), { kind: 'key', token: 'pat-na1-abc' });
    // A code works once.
    await assert.rejects(tokens.exchangeCode(result.kind === 'code' ? result.code : '', verifier, redirectUri), (e) => e instanceof OAuthError && e.isInvalidGrant);
  });

  it('Deny: the loopback reports access_denied; a wrong state neither ends nor spends the sign-in; timeout and cancel settle', async () => {
    const { result, browserStatus } = await browserSignIn(ref.sandbox, 'deny');
    assert.equal(browserStatus, 400);
    assert.deepEqual(result.kind === 'error' && result.error, 'access_denied');

    const loopback = await startLoopbackRedirect('right', 10_000, PAGES);
    const forged = await fetch(`${loopback.localUri}?code=x&state=wrong`);
    assert.equal(forged.status, 404);
    const real = await fetch(`${loopback.localUri}?code=c1&state=right`);
    assert.equal(real.status, 200);
    assert.deepEqual(await loopback.result, { kind: 'code', code: 'c1' });

    const timing = await startLoopbackRedirect('s', 50, PAGES);
    assert.deepEqual(await timing.result, { kind: 'timeout' });
    const cancelled = await startLoopbackRedirect('s', 10_000, PAGES);
    cancelled.cancel();
    assert.deepEqual(await cancelled.result, { kind: 'cancelled' });
    assert.match(cancelled.localUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('the client secret is sent when set, and HubSpot\'s refusal never quotes a token or the secret', async () => {
    const { sandbox } = ref;
    const credential = credentialOf(sandbox);
    const withSecret = await tokensFor(sandbox, '2026-09', DEMO_CLIENT_SECRET).refresh(credential.refreshToken);
    assert.ok(withSecret.accessToken);
    const wrong = 'not-the-secret-1234';
    await assert.rejects(tokensFor(sandbox, '2026-09', wrong).refresh(withSecret.refreshToken), (e: unknown) => {
      assert.ok(e instanceof OAuthError);
      assert.equal(e.error, 'invalid_client');
      assert.ok(!e.message.includes(wrong) && !e.message.includes(withSecret.refreshToken));
      return true;
    });
    // v1 paths refresh too.
    assert.ok((await tokensFor(sandbox, 'v3').refresh(withSecret.refreshToken)).accessToken);
  });

  it('20 concurrent requests at expiry: exactly ONE refresh request, all 20 succeed', async () => {
    const { sandbox } = ref;
    const credential = { ...credentialOf(sandbox), expiresAt: Date.now() - 1 };
    sandbox.oauth.expireAccessTokens();
    const store = memoryStore(credential);
    const session = new OAuthSession(credential, tokensFor(sandbox), store, silent);
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: () => session.accessToken(), onUnauthorized: (t) => session.unauthorized(t), maxRetries: 0 });
    sandbox.clearRequests();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.tasks.listTasks({ limit: 1, properties: [] })));
    client.dispose();
    assert.equal(results.length, 20);
    assert.equal(refreshes(sandbox).length, 1);
    assert.notEqual(store.stored.refreshToken, credential.refreshToken, 'the rotated refresh token is kept');
    assert.equal(store.stored.grant, credential.grant);
  });

  it('a 401 (expired early, as HubSpot may) → one refresh, the request is sent once more and succeeds', async () => {
    const { sandbox } = ref;
    const credential = credentialOf(sandbox); // fresh by its own clock
    sandbox.oauth.expireAccessTokens(); // …but HubSpot says no
    const store = memoryStore(credential);
    const session = new OAuthSession(credential, tokensFor(sandbox), store, silent);
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: () => session.accessToken(), onUnauthorized: (t) => session.unauthorized(t), maxRetries: 0 });
    sandbox.clearRequests();
    const created = await client.tasks.createTask({ properties: { hs_task_subject: 'after a 401', hs_timestamp: new Date().toISOString() } });
    client.dispose();
    assert.ok(created.id);
    assert.equal(refreshes(sandbox).length, 1);
    const creates = sandbox.requests().filter((e) => e.operation === 'createTask');
    assert.deepEqual(creates.map((e) => e.status), [401, 201], 'refused once, created once: nothing duplicated');
  });

  it('a revoked refresh token: the session ends ONCE, requests fail as signed out, no refresh loop', async () => {
    const { sandbox } = ref;
    const credential = { ...credentialOf(sandbox), expiresAt: Date.now() - 1 };
    sandbox.oauth.revokeAll();
    const store = memoryStore(credential);
    const session = new OAuthSession(credential, tokensFor(sandbox), store, silent);
    const client = new HubSpotClient({ baseUrl: sandbox.url, getToken: () => session.accessToken(), onUnauthorized: (t) => session.unauthorized(t), maxRetries: 0 });
    sandbox.clearRequests();
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.tasks.listTasks({ limit: 1, properties: [] })));
    await assert.rejects(client.tasks.listTasks({ limit: 1, properties: [] }), (e: Error & { kind?: string }) => e.kind === 'authentication');
    client.dispose();
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    assert.equal(refreshes(sandbox).length, 1);
    assert.equal(store.expiredCalls, 1);
    assert.equal(await session.accessToken(), undefined);
  });

  it('another window rotated the refresh token first: its pair is adopted instead of signing out', async () => {
    const { sandbox } = ref;
    const credential = { ...credentialOf(sandbox), expiresAt: Date.now() - 1 };
    const tokens = tokensFor(sandbox);
    const store = memoryStore(credential);
    const session = new OAuthSession(credential, tokens, store, silent);
    // The other window refreshes (rotating ours away) and stores its pair.
    store.stored = { ...(await tokens.refresh(credential.refreshToken)), grant: credential.grant };
    const token = await session.accessToken();
    assert.equal(token, store.stored.accessToken);
    assert.equal(store.expiredCalls, 0);
  });

  it('revoke: the refresh token is dead afterwards (2026-09 and v1)', async () => {
    const { sandbox } = ref;
    for (const version of ['2026-09', 'v3'] as const) {
      const credential = credentialOf(sandbox);
      await tokensFor(sandbox, version).revoke(credential.refreshToken);
      await assert.rejects(tokensFor(sandbox).refresh(credential.refreshToken), (e) => e instanceof OAuthError && e.isInvalidGrant);
    }
  });
});
