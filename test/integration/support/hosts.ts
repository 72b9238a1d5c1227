// Tokens are kept per API origin (src/auth/credentialKeys.ts): pointing the extension at another host signs it
// out there until a token for that host exists. Tests that need the extension signed in at a test server
// store that host's token the way a sign-in there would have left it, then wait for the auth service to read it.
import { accountStateKey, apiOrigin, tokenSecretKey } from '../../../src/auth/credentialKeys';
import type { Container } from '../../../src/container';
import { configure } from './settings';
import { waitFor } from './waitFor';

/** The SecretStorage key of the token for `baseUrl`'s host. */
export function tokenKeyFor(baseUrl: string): string {
  const origin = apiOrigin(baseUrl);
  if (!origin) {
    throw new Error(`not an http(s) URL: ${baseUrl}`);
  }
  return tokenSecretKey(origin);
}

/**
 * Points the user-level base URL at `baseUrl`; with `token`, as signed in there (stored for that host first).
 * Resolves once the auth service follows: signed in with `token`, or signed out for that host without one.
 */
export async function useHost(c: Container, baseUrl: string, token?: string): Promise<void> {
  const origin = apiOrigin(baseUrl);
  if (token && origin) {
    // A sign-in there would also have kept the account's details (portal, hence "me"): the current ones,
    // unless that host already has its own.
    if (c.auth.account && !c.context.globalState.get(accountStateKey(origin))) {
      await c.context.globalState.update(accountStateKey(origin), c.auth.account);
    }
    await c.context.secrets.store(tokenSecretKey(origin), token);
  }
  await configure({ 'hubspotTasks.baseUrl': baseUrl });
  const host = origin ? new URL(origin).host : undefined;
  await waitFor(async () => c.auth.host === host && (token && origin ? (await c.auth.getToken(origin)) === token : true), {
    what: `the auth service to follow the base URL to ${baseUrl}`,
  });
}
