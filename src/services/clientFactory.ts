// Builds the HubSpot client from the settings; the token is fetched per request from the auth
// service (SecretStorage), so it is never copied into settings, state or logs.
import * as vscode from 'vscode';
import type { AccountApi, CrmApi, HubSpotApi, OwnersApi, TasksApi } from '../hubspot/api';
import { HubSpotClient } from '../hubspot/client';
import type { Logger } from '../util/logger';
import { Settings } from '../constants';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

export function configuredBaseUrl(): string {
  const configured = vscode.workspace.getConfiguration().get<unknown>(Settings.baseUrl);
  const value = typeof configured === 'string' ? configured.trim() : undefined;
  return value ? value.replace(/\/+$/, '') : DEFAULT_BASE_URL;
}

export function createClient(getToken: () => Promise<string | undefined>, logger: Logger, baseUrl = configuredBaseUrl()): HubSpotClient {
  return new HubSpotClient({ baseUrl, getToken, logger });
}

/**
 * A stable `HubSpotApi` for the whole extension: other features keep this one reference while the
 * client behind it is rebuilt when `hubspotTasks.baseUrl` changes.
 */
export class SwitchableClient implements HubSpotApi, vscode.Disposable {
  private current: HubSpotClient;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly getToken: () => Promise<string | undefined>, private readonly logger: Logger) {
    this.current = createClient(getToken, logger);
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(Settings.baseUrl)) {
        // Close the old client's sockets so they do not linger; a request still in flight to the old
        // base URL ends as a network error, which its caller already reports.
        this.current.dispose();
        this.current = createClient(this.getToken, this.logger);
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
    this.current.dispose();
  }
}
