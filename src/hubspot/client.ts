// HubSpotClient: the HubSpotApi the extension uses, assembled from one HttpClient (auth, limits,
// retries, typed errors) and one small class per API family.
import type { Logger } from '../util/logger';
import { silentLogger } from '../util/logger';
import { HubSpotAccountApi } from './accountApi';
import type { AccountApi, CrmApi, HubSpotApi, OwnersApi, TasksApi } from './api';
import { HubSpotCrmApi } from './crmApi';
import { ApiVersion, DEFAULT_API_VERSION, endpointsFor } from './endpoints';
import { HttpClient, HttpExchange } from './httpClient';
import { HubSpotOwnersApi } from './ownersApi';
import { Clock, RateLimiter, systemClock } from './rateLimiter';
import { HubSpotTasksApi } from './tasksApi';

export const DEFAULT_BASE_URL = 'https://api.hubapi.com';

export interface HubSpotClientOptions {
  /** Default https://api.hubapi.com; the local sandbox is e.g. http://127.0.0.1:4010. */
  baseUrl?: string;
  /** Asked before every attempt, so a token changed in SecretStorage applies at once. */
  getToken: () => Promise<string | undefined>;
  logger?: Logger;
  /** Per attempt, from sending to the last byte of the body. Default 15000. */
  timeoutMs?: number;
  /**
   * A fixed client-side rolling limit (tests, benchmarks). Unset: paced by the limit the account
   * announces in X-HubSpot-RateLimit-Max / -Interval-Milliseconds (100 Free/Starter, 190
   * Professional/Enterprise), 100 per 10 s until the first response says.
   */
  requestsPer10s?: number;
  /** Default 5 (HubSpot's search limit). */
  searchesPerSecond?: number;
  /** Retries after a 429, or a 5xx / network failure of a request that is safe to repeat. Default 3. */
  maxRetries?: number;
  /** First backoff after a 5xx / network failure, doubling per attempt. Default 500. */
  retryBaseDelayMs?: number;
  /** Cap of any single wait, including a 429's Retry-After. Default 12000. */
  maxRetryDelayMs?: number;
  /** Time source of the rate limiter and retry waits (tests). */
  clock?: Clock;
  /**
   * The API version of each request (endpoints.ts), asked per request so a changed setting applies to
   * the next call without rebuilding the client. Default v3.
   */
  apiVersion?: ApiVersion | (() => ApiVersion);
  /** Sees every attempt's request and raw response (diagnostics, conformance tests). Never headers. */
  onExchange?: (exchange: HttpExchange) => void;
  /** Largest response body read, after decompression. Default 10 MB (MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
  /** A 401 to `token`: true when a refreshed token is ready for one more try (OAuth). */
  onUnauthorized?: (token: string) => Promise<boolean>;
}

export class HubSpotClient implements HubSpotApi {
  readonly tasks: TasksApi;
  readonly owners: OwnersApi;
  readonly crm: CrmApi;
  readonly account: AccountApi;
  readonly limiter: RateLimiter;
  private readonly http: HttpClient;

  constructor(options: HubSpotClientOptions) {
    const clock = options.clock ?? systemClock;
    this.limiter = new RateLimiter({
      requestsPerWindow: options.requestsPer10s ?? 100,
      followAnnounced: options.requestsPer10s === undefined,
      searchesPerWindow: options.searchesPerSecond ?? 5,
      clock,
    });
    this.http = new HttpClient({
      baseUrl: options.baseUrl || DEFAULT_BASE_URL,
      getToken: options.getToken,
      logger: options.logger ?? silentLogger,
      limiter: this.limiter,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: Math.max(0, options.maxRetries ?? 3),
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 12_000,
      sleep: (ms) => clock.sleep(ms),
      onExchange: options.onExchange,
      maxResponseBytes: options.maxResponseBytes,
      onUnauthorized: options.onUnauthorized,
    });
    const version = options.apiVersion ?? DEFAULT_API_VERSION;
    const endpoints = typeof version === 'function' ? () => endpointsFor(version()) : () => endpointsFor(version);
    this.tasks = new HubSpotTasksApi(this.http, endpoints);
    this.owners = new HubSpotOwnersApi(this.http, endpoints);
    this.crm = new HubSpotCrmApi(this.http, endpoints);
    this.account = new HubSpotAccountApi(this.http, endpoints);
  }

  /** Closes kept-alive connections. */
  dispose(): void {
    this.http.dispose();
  }
}
