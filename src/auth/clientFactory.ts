// Builds the HubSpot client from the settings; the token is fetched per request from the auth
// service (SecretStorage), so it is never copied into settings, state or logs.
import * as vscode from 'vscode';
import type { AccountApi, CrmApi, HubSpotApi, OwnersApi, TasksApi } from '../hubspot/api';
import { DEFAULT_BASE_URL, HubSpotClient } from '../hubspot/client';
import { ApiVersion, DEFAULT_API_VERSION, isApiVersion } from '../hubspot/endpoints';
import { apiOrigin } from './credentialKeys';
import type { Tuning } from '../tuning';
import type { Logger } from '../util/logger';
import { Settings } from '../constants';

/**
 * The user's base URL: workspace and folder values are ignored even if present. The setting is
 * application-scoped (and restricted in untrusted workspaces), so VS Code already drops them; reading only
 * the user and default values keeps a repository's `.vscode/settings.json` from choosing where requests go
 * on any VS Code that does not.
 */
export function configuredBaseUrl(): string {
  const inspected = vscode.workspace.getConfiguration().inspect<unknown>(Settings.baseUrl);
  const configured = inspected?.globalValue ?? inspected?.defaultValue;
  const value = typeof configured === 'string' ? configured.trim() : undefined;
  return value ? value.replace(/\/+$/, '') : DEFAULT_BASE_URL;
}

/**
 * `hubspotTasks.apiVersion`, read when each request is built, so changing it applies to the next request
 * without a reload. An unknown value (hand-edited settings.json) falls back to the default.
 */
export function configuredApiVersion(): ApiVersion {
  const value = vscode.workspace.getConfiguration().get<unknown>(Settings.apiVersion);
  return isApiVersion(value) ? value : DEFAULT_API_VERSION;
}

/** The token issued for an API origin (undefined for any other: it is never sent elsewhere). */
export type TokenForOrigin = (origin: string) => Promise<string | undefined>;
/** HubSpot answered 401 to the token of `origin`: true when a refreshed one is ready (AuthService.onUnauthorized). */
export type UnauthorizedAtOrigin = (origin: string, token: string) => Promise<boolean>;

/**
 * A client for `baseUrl` that asks for the token of that URL's origin only. The URL is sent as WHATWG parsed
 * it (`\\` → `/` and the like), so the host the request goes to is the origin the token was looked up for.
 */
export function createClient(
  tokenFor: TokenForOrigin, logger: Logger, baseUrl: string, tuning: Tuning['client'], apiVersion: () => ApiVersion = configuredApiVersion,
  unauthorized?: UnauthorizedAtOrigin,
): HubSpotClient {
  const origin = apiOrigin(baseUrl);
  const url = origin ? new URL(baseUrl).href.replace(/\/+$/, '') : baseUrl;
  return new HubSpotClient({
    baseUrl: url, getToken: async () => (origin ? tokenFor(origin) : undefined), logger, apiVersion, ...tuning,
    onUnauthorized: unauthorized && origin ? (token) => unauthorized(origin, token) : undefined,
  });
}

/**
 * A stable `HubSpotApi` for the whole extension: other features keep this one reference while the
 * client behind it is rebuilt when `hubspotTasks.baseUrl` changes. The client is built on first use, not
 * at activation: a signed-out window never needs one.
 */
export class SwitchableClient implements HubSpotApi, vscode.Disposable {
  private built: HubSpotClient | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly tokenFor: TokenForOrigin, private readonly logger: Logger, private readonly tuning: Tuning['client'],
    private readonly unauthorized?: UnauthorizedAtOrigin,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(Settings.baseUrl)) {
        // Close the old client's sockets so they do not linger; a request still in flight to the old
        // base URL ends as a network error, which its caller already reports.
        this.discard();
      }
    });
  }

  get tasks(): TasksApi {
    return this.current.tasks;
  }
  get owners(): OwnersApi {
    return this.current.owners;
  }
  get crm(): CrmApi {
    return this.current.crm;
  }
  get account(): AccountApi {
    return this.current.account;
  }

  dispose(): void {
    this.subscription.dispose();
    this.discard();
  }

  private get current(): HubSpotClient {
    this.built ??= createClient(this.tokenFor, this.logger, configuredBaseUrl(), this.tuning, configuredApiVersion, this.unauthorized);
    return this.built;
  }

  private discard(): void {
    this.built?.dispose();
    this.built = undefined;
  }
}
