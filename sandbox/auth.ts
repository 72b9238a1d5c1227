// Bearer-token check with HubSpot's 401 and 403 bodies. Tokens are compared, never logged.
// Three kinds of credential: the demo portal's keys (full or without scopes), other portals' keys
// (full), and OAuth access tokens (oauth.ts: the scopes the user granted, and an expiry).
import { HttpError } from './errors';
import { AccessLookup, expiredMessage } from './oauth';

export type TokenKind = 'full' | 'no-scopes';

/** Who a request is: its token, the account it acts in, and what it may do. */
export interface Identity {
  token: string;
  kind: TokenKind;
  portalId: number;
  credential: 'key' | 'oauth';
  /** An OAuth token's granted scopes; keys have every scope (or none, `kind`). */
  scopes?: ReadonlySet<string>;
}

export interface MoreCredentials {
  /** Key tokens of portals other than the demo one → their portal id. */
  portalKeys?: ReadonlyMap<string, number>;
  oauth?: (token: string) => AccessLookup | undefined;
}

const INVALID_MESSAGE = 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export class TokenCheck {
  constructor(
    private readonly full: Set<string>,
    private readonly noScopes: Set<string>,
    private readonly defaultPortalId = 0,
    private readonly more: MoreCredentials = {},
  ) {}

  /** The identity of a request, or a 401 in HubSpot's words. */
  authenticate(header: string | undefined): Identity {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const token = match?.[1];
    if (token && this.full.has(token)) {
      return { token, kind: 'full', portalId: this.defaultPortalId, credential: 'key' };
    }
    if (token && this.noScopes.has(token)) {
      return { token, kind: 'no-scopes', portalId: this.defaultPortalId, credential: 'key' };
    }
    const portalId = token ? this.more.portalKeys?.get(token) : undefined;
    if (token && portalId !== undefined) {
      return { token, kind: 'full', portalId, credential: 'key' };
    }
    const oauth = token ? this.more.oauth?.(token) : undefined;
    if (token && oauth?.kind === 'active') {
      return { token, kind: 'full', portalId: oauth.portalId, credential: 'oauth', scopes: oauth.scopes };
    }
    if (oauth?.kind === 'expired') {
      // HubSpot's answer to an expired access token: a client refreshes on this category.
      throw new HttpError(401, 'EXPIRED_AUTHENTICATION', expiredMessage(oauth.expiredMsAgo));
    }
    throw new HttpError(401, 'INVALID_AUTHENTICATION', INVALID_MESSAGE);
  }

  /** A no-scope token may call only scope-free endpoints (account details); an OAuth token only what was granted. */
  authorize(who: Identity, scope: string | undefined): void {
    if (!scope || (who.kind === 'full' && (!who.scopes || who.scopes.has(scope)))) {
      return;
    }
    throw new HttpError(403, 'MISSING_SCOPES',
      'This app hasn\'t been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.', {
        errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
        links: { scopes: 'https://developers.hubspot.com/scopes' },
      });
  }
}
