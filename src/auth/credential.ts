// What one stored sign-in holds (SecretStorage only, never settings or state): a key (service key or
// private-app token, which never expires and names no user), or an OAuth token pair that expires and is
// refreshed. Kept in the same secret as keys always were: a key is a bare token, OAuth is JSON (HubSpot tokens
// never start with `{`), so a stored key from an older version still reads as a key. No vscode import.

export interface KeyCredential {
  kind: 'key';
  token: string;
}

export interface OAuthCredential {
  kind: 'oauth';
  accessToken: string;
  refreshToken: string;
  /** Epoch ms at which HubSpot stops accepting `accessToken`. */
  expiresAt: number;
  /** Epoch ms of issue: with `expiresAt`, the lifetime, from which the refresh margin is taken. */
  issuedAt: number;
  /** The app the tokens were issued to (refresh and revoke must name it). */
  clientId: string;
  /** Random, minted at sign-in and kept by refreshes: tells "the same sign-in, refreshed" from "signed in anew". */
  grant: string;
}

export type StoredCredential = KeyCredential | OAuthCredential;

export function parseCredential(stored: string | undefined): StoredCredential | undefined {
  if (!stored) {
    return undefined;
  }
  if (!stored.startsWith('{')) {
    return { kind: 'key', token: stored };
  }
  try {
    const value = JSON.parse(stored) as Partial<OAuthCredential>;
    if (value.kind === 'oauth' && typeof value.accessToken === 'string' && typeof value.refreshToken === 'string'
      && typeof value.expiresAt === 'number' && typeof value.clientId === 'string' && typeof value.grant === 'string') {
      return { kind: 'oauth', accessToken: value.accessToken, refreshToken: value.refreshToken, expiresAt: value.expiresAt,
        issuedAt: typeof value.issuedAt === 'number' ? value.issuedAt : value.expiresAt, clientId: value.clientId, grant: value.grant };
    }
  } catch {
    // unreadable: treated as no sign-in (the user signs in again)
  }
  return undefined;
}

export function serializeCredential(credential: StoredCredential): string {
  return credential.kind === 'key' ? credential.token : JSON.stringify(credential);
}

/** The bearer token a request sends with this credential. */
export function bearerOf(credential: StoredCredential): string {
  return credential.kind === 'key' ? credential.token : credential.accessToken;
}
