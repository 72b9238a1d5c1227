// Keeps one OAuth sign-in's access token fresh: refreshed shortly before it expires and once after a 401,
// with ONE refresh in flight that every concurrent request waits on (HubSpot rotates refresh tokens: two
// refreshes with the same one would sign the user out). A dead refresh token (invalid_grant) ends the sign-in
// once; nothing retries it. No vscode import.
import type { OAuthCredential } from '../credential';
import { OAuthError, type OAuthTokens } from './oauthTokens';
import type { Logger } from '../../util/logger';

export interface OAuthSessionStore {
  /** The pair in SecretStorage now: another window may have refreshed (and rotated) it meanwhile. */
  read(): Promise<OAuthCredential | undefined>;
  /** Keeps the refreshed pair (before any request uses it, so a reload never finds a rotated-away one). */
  store(credential: OAuthCredential): Promise<void>;
  /** The refresh token is dead: sign out and say so (called at most once per session). */
  expired(): Promise<void>;
}

/** Refresh this long before expiry at most (HubSpot's tokens live 30 minutes)… */
const MAX_MARGIN_MS = 60_000;

export class OAuthSession {
  private current: OAuthCredential;
  private inFlight: Promise<OAuthCredential | undefined> | undefined;
  private ended = false;

  constructor(
    credential: OAuthCredential,
    private readonly tokens: OAuthTokens,
    private readonly store: OAuthSessionStore,
    private readonly log: Pick<Logger, 'info' | 'warn' | 'debug'>,
    private readonly now: () => number = Date.now,
  ) {
    this.current = credential;
  }

  /** Another window refreshed the same sign-in: use its pair. */
  adopt(credential: OAuthCredential): void {
    if (credential.grant === this.current.grant && credential.issuedAt >= this.current.issuedAt) {
      this.current = credential;
    }
  }

  /** The access token to send now: refreshed first when it is about to expire. */
  async accessToken(): Promise<string | undefined> {
    if (this.ended) {
      return undefined;
    }
    if (this.fresh(this.current)) {
      return this.current.accessToken;
    }
    const used = this.current;
    try {
      return (await this.refresh())?.accessToken;
    } catch (error) {
      // Unreachable token endpoint: a token not yet expired may still work; an expired one gets its 401.
      this.log.warn(`Refreshing the HubSpot access token failed: ${describe(error)}`);
      return used.accessToken;
    }
  }

  /** HubSpot answered 401 to `used`: true when a fresh token is ready for one more try. */
  async unauthorized(used: string): Promise<boolean> {
    if (this.ended) {
      return false;
    }
    if (this.current.accessToken !== used) {
      return true; // a concurrent request refreshed it already
    }
    try {
      const next = await this.refresh();
      return next !== undefined && next.accessToken !== used;
    } catch (error) {
      this.log.warn(`Refreshing the HubSpot access token after a 401 failed: ${describe(error)}`);
      return false;
    }
  }

  private fresh(credential: OAuthCredential): boolean {
    const lifetime = Math.max(0, credential.expiresAt - credential.issuedAt);
    // A fifth of the lifetime, at most a minute: short test lifetimes are not refreshed on every request.
    const margin = Math.min(MAX_MARGIN_MS, lifetime / 5);
    return credential.expiresAt - margin > this.now();
  }

  private refresh(): Promise<OAuthCredential | undefined> {
    this.inFlight ??= this.doRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async doRefresh(): Promise<OAuthCredential | undefined> {
    const before = this.current;
    const stored = await this.store.read();
    if (stored && stored.grant === before.grant && stored.refreshToken !== before.refreshToken && this.fresh(stored)) {
      this.current = stored; // another window refreshed first
      return stored;
    }
    let next: OAuthCredential;
    try {
      next = { ...(await this.tokens.refresh(before.refreshToken)), grant: before.grant };
    } catch (error) {
      if (!(error instanceof OAuthError && error.isInvalidGrant)) {
        throw error;
      }
      // Rotated away by another window's refresh meanwhile? Then its pair is the live one.
      const latest = await this.store.read();
      if (latest && latest.grant === before.grant && latest.refreshToken !== before.refreshToken) {
        this.current = latest;
        return latest;
      }
      this.ended = true;
      this.log.info('HubSpot refused the refresh token (invalid_grant): the sign-in has ended.');
      await this.store.expired();
      return undefined;
    }
    this.current = next;
    await this.store.store(next);
    this.log.debug(`HubSpot access token refreshed; it expires in ${Math.round((next.expiresAt - next.issuedAt) / 1000)} s.`);
    return next;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
