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

/**
 * The SecretStorage key of a credential issued for `origin`. Without `portalId`: the origin's first account
 * (the only key before several accounts were possible, so a sign-in kept by an older version stays readable
 * where it is); with it: every further account signed in at that origin.
 */
export function tokenSecretKey(origin: string, portalId?: number): string {
  return portalId === undefined ? `${TOKEN_SECRET_KEY}@${origin}` : `${TOKEN_SECRET_KEY}@${origin}#${portalId}`;
}

/** The globalState key of the details of every account signed in at `origin` (portal, UI domain, time zone). */
export function accountsStateKey(origin: string): string {
  return `hubspotTasks.accounts@${origin}`;
}

/** The workspaceState key of the portal this workspace works in at `origin` (one active account per workspace). */
export function activeAccountKey(origin: string): string {
  return `hubspotTasks.activeAccount@${origin}`;
}

/** The globalState key of the details of the account whose credential is under `tokenSecretKey(origin)` (the first one). */
export function accountStateKey(origin: string | undefined): string {
  return `hubspotTasks.account@${origin ?? 'none'}`;
}

/**
 * Before tokens were keyed by origin, one token was stored under TOKEN_SECRET_KEY itself; it is moved once
 * to the origin of the user-level base URL in force at that moment (see AuthService.migrateLegacyToken).
 */
export const LEGACY_TOKEN_SECRET_KEY = TOKEN_SECRET_KEY;
