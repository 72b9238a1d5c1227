// HubSpot's OAuth token endpoints: code exchange, refresh, who a token belongs to, revoke. Form-encoded,
// no bearer; paths from endpoints.ts. Tokens, codes, verifiers and the client secret never reach a log line or
// an error message (HubSpot's own words are scrubbed of them too). No vscode import.
import { randomUUID } from 'crypto';
import type nodeFetch from 'node-fetch';
import { type ApiVersion, oauthEndpointsFor } from '../../hubspot/endpoints';
import type { OAuthCredential } from '../credential';

export interface OAuthTokensOptions {
  baseUrl: string;
  clientId: string;
  /** The optional client secret (SecretStorage), read per request. */
  clientSecret: () => Promise<string | undefined>;
  apiVersion: () => ApiVersion;
  now?: () => number;
  timeoutMs?: number;
  /** The main bundle's node-fetch, passed in: this lazy bundle would otherwise carry its own copy (~22 KB). */
  fetch: (...args: Parameters<typeof nodeFetch>) => ReturnType<typeof nodeFetch>;
}

/** The token endpoint refused (`error` is RFC 6749's: `invalid_grant`, `invalid_client`, …) or was unreachable (`network`). */
export class OAuthError extends Error {
  constructor(readonly error: string, message: string, readonly status?: number) {
    super(message);
  }

  /** The refresh token (or code) is dead for good: revoked, rotated away, expired. Signing in again is the only way. */
  get isInvalidGrant(): boolean {
    return this.error === 'invalid_grant';
  }
}

export interface TokenOwner {
  email?: string;
  userId?: number;
  hubId?: number;
}

export class OAuthTokens {
  private readonly now: () => number;

  constructor(private readonly options: OAuthTokensOptions) {
    this.now = options.now ?? Date.now;
  }

  get clientId(): string {
    return this.options.clientId;
  }

  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<OAuthCredential> {
    return this.grant({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri });
  }

  refresh(refreshToken: string): Promise<OAuthCredential> {
    return this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** The user and portal an access token names (introspection; v1's access-token info). */
  async owner(accessToken: string): Promise<TokenOwner> {
    const endpoint = oauthEndpointsFor(this.options.apiVersion()).introspect(accessToken);
    const body = endpoint.method === 'POST' ? await this.form({ token: accessToken, token_type_hint: 'access_token' }) : undefined;
    const info = await this.send(endpoint.method, endpoint.path, body, [accessToken]) as Record<string, unknown>;
    if (info.active === false) {
      throw new OAuthError('invalid_token', 'HubSpot says the access token is not active.');
    }
    return {
      email: typeof info.user === 'string' ? info.user : undefined,
      userId: typeof info.user_id === 'number' ? info.user_id : undefined,
      hubId: typeof info.hub_id === 'number' ? info.hub_id : undefined,
    };
  }

  async revoke(refreshToken: string): Promise<void> {
    const endpoint = oauthEndpointsFor(this.options.apiVersion()).revoke(refreshToken);
    const body = endpoint.method === 'POST' ? await this.form({ token: refreshToken, token_type_hint: 'refresh_token' }) : undefined;
    await this.send(endpoint.method, endpoint.path, body, [refreshToken]);
  }

  private async grant(fields: Record<string, string>): Promise<OAuthCredential> {
    const issuedAt = this.now();
    const body = await this.form(fields);
    const path = oauthEndpointsFor(this.options.apiVersion()).token;
    const json = await this.send('POST', path, body, Object.values(fields)) as Record<string, unknown>;
    const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = json;
    if (typeof accessToken !== 'string' || typeof expiresIn !== 'number') {
      throw new OAuthError('malformed_response', 'HubSpot\'s token answer has no access token or lifetime.');
    }
    return {
      kind: 'oauth', accessToken, expiresAt: issuedAt + expiresIn * 1000, issuedAt, clientId: this.options.clientId, grant: randomUUID(),
      // A refresh answer may keep the refresh token (no rotation): then the one sent stays valid.
      refreshToken: typeof refreshToken === 'string' ? refreshToken : fields.refresh_token ?? '',
    };
  }

  private async form(fields: Record<string, string>): Promise<URLSearchParams> {
    const form = new URLSearchParams({ ...fields, client_id: this.options.clientId });
    const secret = await this.options.clientSecret();
    if (secret) {
      form.set('client_secret', secret);
    }
    return form;
  }

  private async send(method: string, path: string, body: URLSearchParams | undefined, secrets: string[]): Promise<unknown> {
    const hide = [...secrets, ...(body?.get('client_secret') ? [body.get('client_secret') as string] : [])];
    const scrub = (text: string): string => hide.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('[REDACTED]'), text);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 15_000);
    let status: number;
    let text: string;
    try {
      const res = await this.options.fetch(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        body: body?.toString(),
        redirect: 'manual',
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-fetch's and the DOM's AbortSignal types differ
        signal: controller.signal as any,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw new OAuthError('network', scrub(`Could not reach HubSpot's token endpoint: ${e instanceof Error ? e.message : String(e)}`));
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = undefined;
    }
    if (status < 200 || status >= 300) {
      const o = (json ?? {}) as Record<string, unknown>;
      const error = typeof o.error === 'string' ? o.error : status === 401 ? 'invalid_client' : 'server_error';
      const said = typeof o.error_description === 'string' ? o.error_description : typeof o.message === 'string' ? o.message : `HTTP ${status}`;
      throw new OAuthError(error, scrub(`HubSpot refused the token request (${error}): ${said}`), status);
    }
    if (json === undefined) {
      throw new OAuthError('malformed_response', `HubSpot's token endpoint sent a response that is not JSON (${status}).`, status);
    }
    return json;
  }
}
