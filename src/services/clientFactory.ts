// Builds the HubSpot client from the settings; the token is fetched per request from the auth
// service (SecretStorage), so it is never copied into settings, state or logs.
import * as vscode from 'vscode';
import type { AccountApi, CrmApi, HubSpotApi, OwnersApi, TasksApi } from '../hubspot/api';
import { HubSpotClient, type HubSpotClientOptions } from '../hubspot/client';
import type { Logger } from '../util/logger';
import { Settings } from '../constants';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

export function configuredBaseUrl(): string {
  const configured = vscode.workspace.getConfiguration().get<unknown>(Settings.baseUrl);
  const value = typeof configured === 'string' ? configured.trim() : undefined;
  return value ? value.replace(/\/+$/, '') : DEFAULT_BASE_URL;
}

/**
 * For tests only: in-host tests that point the extension at failing servers shorten the retry backoff and
 * lift the client's own pacing (HubSpot's 5 searches a second), so each case costs milliseconds of waiting
 * instead of seconds. The retries themselves are unchanged. Not a setting: users always get the defaults.
 */
export type ClientTestOptions = Pick<HubSpotClientOptions, 'retryBaseDelayMs' | 'searchesPerSecond' | 'requestsPer10s'>;

export function createClient(getToken: () => Promise<string | undefined>, logger: Logger, baseUrl = configuredBaseUrl(), testOptions: ClientTestOptions = {}): HubSpotClient {
  return new HubSpotClient({ baseUrl, getToken, logger, ...testOptions });
}

/**
 * A stable `HubSpotApi` for the whole extension: other features keep this one reference while the
 * client behind it is rebuilt when `hubspotTasks.baseUrl` changes. The client is built on first use, not
 * at activation: a signed-out window never needs one.
 */
export class SwitchableClient implements HubSpotApi, vscode.Disposable {
  private built: HubSpotClient | undefined;
  private testOptionsValue: ClientTestOptions = {};
  private readonly subscription: vscode.Disposable;

  constructor(private readonly getToken: () => Promise<string | undefined>, private readonly logger: Logger) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(Settings.baseUrl)) {
        // Close the old client's sockets so they do not linger; a request still in flight to the old
        // base URL ends as a network error, which its caller already reports.
        this.discard();
      }
    });
  }

  /** What tests set (see ClientTestOptions); other clients of the extension (sign-in) use them too. */
  get testOptions(): ClientTestOptions {
    return this.testOptionsValue;
  }

  /** Test seam (see ClientTestOptions): the client is rebuilt with them; `{}` goes back to the defaults. */
  setTestOptions(options: ClientTestOptions): void {
    this.testOptionsValue = { ...options };
    this.discard();
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
    this.built ??= createClient(this.getToken, this.logger, undefined, this.testOptionsValue);
    return this.built;
  }

  private discard(): void {
    this.built?.dispose();
    this.built = undefined;
  }
}
