// Bearer-token check with HubSpot's 401 and 403 bodies. Tokens are compared, never logged.
import { HttpError } from './errors';

export type TokenKind = 'full' | 'no-scopes';

export class TokenCheck {
  constructor(private readonly full: Set<string>, private readonly noScopes: Set<string>) {}

  /** The token of a request, or a 401 in HubSpot's words. */
  authenticate(header: string | undefined): { token: string; kind: TokenKind } {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const token = match?.[1];
    if (token && this.full.has(token)) {
      return { token, kind: 'full' };
    }
    if (token && this.noScopes.has(token)) {
      return { token, kind: 'no-scopes' };
    }
    throw new HttpError(401, 'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview');
  }

  /** A no-scope token may call only scope-free endpoints (account details). */
  authorize(kind: TokenKind, scope: string | undefined): void {
    if (!scope || kind === 'full') {
      return;
    }
    throw new HttpError(403, 'MISSING_SCOPES',
      'This app hasn\'t been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.', {
        errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [scope] } }],
        links: { scopes: 'https://developers.hubspot.com/scopes' },
      });
  }
}
