// Where a token may go: a stored token is keyed by the API origin it was signed in at, and only a client
// talking to that same origin is ever handed it. A base URL that moves to another host (a setting changed,
// or one that tries to) finds no token there: "sign in for this host". No vscode import.
import { TOKEN_SECRET_KEY } from '../constants';

/** The origin (`scheme://host:port`) of an http(s) base URL, or undefined when it is not one. */
export function apiOrigin(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The SecretStorage key of the token issued for `origin`. */
export function tokenSecretKey(origin: string): string {
  return `${TOKEN_SECRET_KEY}@${origin}`;
}

/** The globalState key of the account details (portal, UI domain) of the token signed in at `origin`. */
export function accountStateKey(origin: string | undefined): string {
  return `hubspotTasks.account@${origin ?? 'none'}`;
}

/**
 * Before tokens were keyed by origin, one token was stored under TOKEN_SECRET_KEY itself; it is moved once
 * to the origin of the user-level base URL in force at that moment (see AuthService.migrateLegacyToken).
 */
export const LEGACY_TOKEN_SECRET_KEY = TOKEN_SECRET_KEY;
