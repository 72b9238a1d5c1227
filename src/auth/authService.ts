// Sign-in state: the token lives in SecretStorage only; the account details (portal id, UI domain)
// are remembered in globalState so the view and "Open in HubSpot" work offline and at startup
// without a request. Follows other windows through `secrets.onDidChange`. Both are kept per API origin
// (credentialKeys.ts): the token signed in at one host is never handed to a client of another, and a base
// URL that moves to another host finds the user signed out there until they sign in for it.
import * as vscode from 'vscode';
import type { HubSpotApi } from '../hubspot/api';
import type { AccountDetails } from '../hubspot/types';
import { isErrorOfKind, isHubSpotError } from '../hubspot/errors';
import { ContextKeys, Settings } from '../constants';
import { configuredBaseUrl } from './clientFactory';
import { accountStateKey, apiOrigin, LEGACY_TOKEN_SECRET_KEY, tokenSecretKey } from './credentialKeys';
import type { Notifier } from '../ui/notifier';
import type { Logger } from '../util/logger';
import { DisposableStore } from '../util/disposableStore';

export interface Account {
  portalId: number;
  uiDomain: string;
  timeZone: string;
}

/** Where the account details were kept before they were kept per host (moved by migrateLegacyToken). */
const ACCOUNT_STATE_KEY = 'hubspotTasks.account';
const meStateKey = (portalId: number | undefined) => `hubspotTasks.me.${portalId ?? 'unknown'}`;

/** Why a token was refused, in words the user can act on. */
export class SignInError extends Error {
  constructor(message: string, readonly reason: 'invalid' | 'missing-scopes' | 'network' | 'other') {
    super(message);
  }
}

/** A client of `baseUrl` for validating one token; disposed (its sockets closed) once the check is done. */
export type ClientForToken = (token: string, baseUrl: string) => HubSpotApi & { dispose(): void };

export class AuthService implements vscode.Disposable {
  private token: string | undefined;
  /** The API origin of the user's base URL: the only one `token` was issued for and is handed to. */
  private origin: string | undefined;
  /** The latest read of the token (a base URL change reads the new origin's). */
  private loading: Promise<void>;
  private accountValue: Account | undefined;
  private rejected = false;
  private rejectionShown = false;
  private meCache: string | undefined;
  /** Set when `hubspotTasks.baseUrl` changed: the token may now reach another account. */
  private accountCheck: { pending?: Promise<void> } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables = new DisposableStore();
  /** Fires after sign-in, sign-out (here or in another window), or a "me" change. */
  readonly onDidChange = this.changed.event;
  /** Resolves once the stored token has been read; await before trusting `isSignedIn`. */
  readonly ready: Promise<void>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly clientForToken: ClientForToken,
    private readonly client: HubSpotApi,
    private readonly log: Logger,
    /** Every message to the user goes through it (src/ui/notifier.ts). */
    private readonly notify: Pick<Notifier, 'info' | 'error'>,
  ) {
    this.origin = apiOrigin(configuredBaseUrl());
    this.accountValue = context.globalState.get<Account>(accountStateKey(this.origin));
    this.disposables.add(
      this.changed,
      context.secrets.onDidChange((event) => {
        if (this.origin && event.key === tokenSecretKey(this.origin)) {
          this.loading = this.reloadToken();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(Settings.ownerEmail)) {
          this.meCache = undefined;
          this.changed.fire();
        }
        if (event.affectsConfiguration(Settings.baseUrl)) {
          this.meCache = undefined;
          const origin = apiOrigin(configuredBaseUrl());
          if (origin !== this.origin) {
            this.switchOrigin(origin);
            return;
          }
          // The same host: "me" is remembered per account, find out which account this is before answering `me()`.
          this.accountCheck = {};
          this.changed.fire();
        }
      }),
    );
    this.ready = this.loading = this.migrateLegacyToken().then(() => this.reloadToken());
  }

  /** The host tokens are signed in at now (e.g. `api.hubapi.com`), for prompts; undefined for an invalid base URL. */
  get host(): string | undefined {
    return this.origin ? new URL(this.origin).host : undefined;
  }

  get isSignedIn(): boolean {
    return this.token !== undefined;
  }

  /** True after HubSpot answered 401 to the stored token, until the next sign-in. */
  get isRejected(): boolean {
    return this.rejected;
  }

  get account(): Account | undefined {
    return this.isSignedIn ? this.accountValue : undefined;
  }

  /**
   * Which HubSpot account data comes from (base URL and portal), or undefined when signed out:
   * caches of account data (owner names, …) are dropped when it changes.
   */
  get accountKey(): string | undefined {
    return this.isSignedIn ? `${configuredBaseUrl()}#${this.accountValue?.portalId ?? '?'}` : undefined;
  }

  /**
   * For the HTTP client only: never log or store what this returns. The token is handed out only to a client
   * of the origin it was signed in at; for any other origin (an old client, another host) there is none.
   */
  async getToken(origin: string): Promise<string | undefined> {
    await this.loading;
    return origin === this.origin ? this.token : undefined;
  }

  /** Validates with HubSpot (account details + a one-task read) BEFORE storing the token. */
  async signIn(rawToken: string): Promise<Account> {
    const token = rawToken.trim();
    if (!token) {
      throw new SignInError(vscode.l10n.t('The access token is empty.'), 'invalid');
    }
    // Validated at, and stored for, the origin in force when sign-in began (a base URL change meanwhile
    // does not move the token to the new host).
    const baseUrl = configuredBaseUrl();
    const origin = apiOrigin(baseUrl);
    if (!origin) {
      throw new SignInError(vscode.l10n.t('Could not reach HubSpot: the hubspotTasks.baseUrl setting is not an http(s) URL.'), 'network');
    }
    let details: AccountDetails;
    const client = this.clientForToken(token, baseUrl);
    try {
      // Account details need no scope, so a scoped read alongside tells "missing scopes" apart.
      [details] = await Promise.all([client.account.accountDetails(), client.tasks.listTasks({ limit: 1, properties: [] })]);
    } catch (error) {
      throw toSignInError(error);
    } finally {
      client.dispose();
    }
    const account: Account = { portalId: details.portalId, uiDomain: details.uiDomain, timeZone: details.timeZone };
    await this.context.globalState.update(accountStateKey(origin), account);
    await this.context.secrets.store(tokenSecretKey(origin), token);
    if (origin !== this.origin) {
      this.log.info(`Signed in to HubSpot portal ${account.portalId} at a host the base URL has since left.`);
      return account;
    }
    this.accountValue = account;
    this.token = token;
    this.rejected = false;
    this.rejectionShown = false;
    this.meCache = undefined;
    this.accountCheck = undefined;
    this.log.info(`Signed in to HubSpot portal ${account.portalId}.`);
    await this.publish();
    return account;
  }

  /** Signs out of the current host (tokens signed in at other hosts stay theirs). */
  async signOut(): Promise<void> {
    this.token = undefined;
    this.meCache = undefined;
    if (this.origin) {
      await this.context.secrets.delete(tokenSecretKey(this.origin));
    }
    this.log.info('Signed out of HubSpot.');
    await this.publish();
  }

  /** My HubSpot owner id: picked once per account, or found from the `ownerEmail` setting. */
  async me(): Promise<string | undefined> {
    await this.loading;
    if (!this.isSignedIn) {
      return undefined;
    }
    if (this.meCache) {
      return this.meCache;
    }
    await this.checkAccount();
    if (this.meCache) {
      return this.meCache;
    }
    const key = meStateKey(this.accountValue?.portalId);
    // A hand-edited settings.json may hold any JSON type here.
    const configured = vscode.workspace.getConfiguration().get<unknown>(Settings.ownerEmail);
    const email = typeof configured === 'string' ? configured.trim() : undefined;
    const remembered = this.context.globalState.get<{ id: string; email?: string }>(key);
    if (remembered && (!email || remembered.email?.toLowerCase() === email.toLowerCase())) {
      this.meCache = remembered.id;
      return remembered.id;
    }
    if (email) {
      try {
        const owner = await this.client.owners.findOwnerByEmail(email);
        if (owner) {
          await this.setMe(owner.id, owner.email);
          return owner.id;
        }
        this.log.warn(`No HubSpot owner has the email set in ${Settings.ownerEmail}.`);
      } catch (error) {
        this.log.warn(`Looking up the owner by email failed: ${String(error)}`);
      }
    }
    return remembered?.id;
  }

  /**
   * After a base URL change, asks HubSpot which account the token reaches (one request, shared by
   * concurrent callers) so `me()` answers from that account's remembered owner. When the check fails
   * (unreachable), the last known account stands and the next `me()` checks again.
   */
  private async checkAccount(): Promise<void> {
    const check = this.accountCheck;
    if (!check) {
      return;
    }
    check.pending ??= (async () => {
      try {
        const details = await this.client.account.accountDetails();
        if (this.accountCheck !== check) {
          return; // signed in (validated) or changed again meanwhile
        }
        this.accountCheck = undefined;
        if (details.portalId !== this.accountValue?.portalId) {
          const account: Account = { portalId: details.portalId, uiDomain: details.uiDomain, timeZone: details.timeZone };
          this.accountValue = account;
          this.meCache = undefined;
          await this.context.globalState.update(accountStateKey(this.origin), account);
          this.log.info(`The base URL now reaches HubSpot portal ${account.portalId}.`);
          this.changed.fire();
        }
      } catch (error) {
        check.pending = undefined;
        this.log.debug(`Could not check which account the base URL reaches: ${isHubSpotError(error) ? error.message : String(error)}`);
      }
    })();
    await check.pending;
  }

  async setMe(ownerId: string, email?: string): Promise<void> {
    await this.context.globalState.update(meStateKey(this.accountValue?.portalId), { id: ownerId, email });
    this.meCache = ownerId;
    this.changed.fire();
  }

  /**
   * Called by anything that got a 401: says so once, offers "Sign in again", never throws.
   * The token stays stored (it may be a transient HubSpot problem) until the user signs in again.
   */
  reportRejected(): void {
    this.rejected = true;
    if (this.rejectionShown) {
      return;
    }
    this.rejectionShown = true;
    this.changed.fire();
    const signInAgain = vscode.l10n.t('Sign in again');
    void this.notify
      .error(vscode.l10n.t('HubSpot rejected the token. Sign in again with a valid access token.'), signInAgain)
      .then((choice) => {
        if (choice === signInAgain) {
          void vscode.commands.executeCommand('hubspotTasks.signIn');
        }
      });
  }

  /**
   * The base URL now names another host: the token of the old one is dropped at once (no request to the new
   * host can get it), the new host's own token is read if the user ever signed in there, and otherwise the
   * user is told to sign in for this host.
   */
  private switchOrigin(origin: string | undefined): void {
    const wasSignedIn = this.isSignedIn;
    this.origin = origin;
    this.token = undefined;
    this.accountCheck = undefined;
    this.accountValue = this.context.globalState.get<Account>(accountStateKey(origin));
    this.log.info(`The base URL now names ${this.host ?? 'no valid host'}: tokens are kept per host.`);
    this.rejected = false;
    this.rejectionShown = false;
    this.loading = this.reloadToken().then(async () => {
      if (!wasSignedIn || this.isSignedIn || this.origin !== origin) {
        return;
      }
      await this.publish(); // signed out here: the welcome view and the status bar say "Sign in"
      if (origin) {
        const signIn = vscode.l10n.t('Sign In');
        void this.notify
          .info(vscode.l10n.t('HubSpot Tasks now uses {0}. Sign in for this host: your token for the previous host is not sent to it.', this.host ?? origin), signIn)
          .then((choice) => {
            if (choice === signIn) {
              void vscode.commands.executeCommand('hubspotTasks.signIn');
            }
          });
      }
    });
  }

  /**
   * Tokens stored before they were keyed by host (one un-keyed secret) are moved, once, to the origin of the
   * user-level base URL in force now: that is where this version of the extension sent it, and, read from
   * user settings only, not a host a repository chose. An invalid base URL leaves it where it is.
   */
  private async migrateLegacyToken(): Promise<void> {
    const origin = this.origin;
    if (!origin) {
      return;
    }
    try {
      const legacy = await this.context.secrets.get(LEGACY_TOKEN_SECRET_KEY);
      if (!legacy) {
        return;
      }
      if (!(await this.context.secrets.get(tokenSecretKey(origin)))) {
        await this.context.secrets.store(tokenSecretKey(origin), legacy);
        const account = this.context.globalState.get<Account>(ACCOUNT_STATE_KEY);
        if (account) {
          await this.context.globalState.update(accountStateKey(origin), account);
          this.accountValue = account;
        }
      }
      await this.context.secrets.delete(LEGACY_TOKEN_SECRET_KEY);
      await this.context.globalState.update(ACCOUNT_STATE_KEY, undefined);
      this.log.info(`The stored token is now kept for ${new URL(origin).host}.`);
    } catch (error) {
      this.log.error(`Moving the stored token to its host failed: ${String(error)}`);
    }
  }

  private async reloadToken(): Promise<void> {
    const before = this.token;
    const origin = this.origin;
    let token: string | undefined;
    try {
      token = origin ? (await this.context.secrets.get(tokenSecretKey(origin))) || undefined : undefined;
    } catch (error) {
      this.log.error(`Reading the token from the secret store failed: ${String(error)}`);
    }
    if (origin !== this.origin) {
      return; // the base URL moved on meanwhile; that host's read decides
    }
    this.token = token;
    if (before !== this.token) {
      this.rejected = false;
      this.rejectionShown = false;
      this.meCache = undefined;
      // Another window may have signed in to another account: its details are in globalState.
      this.accountValue = this.context.globalState.get<Account>(accountStateKey(origin)) ?? this.accountValue;
      await this.publish();
    } else {
      await this.setContext();
    }
  }

  private async publish(): Promise<void> {
    await this.setContext();
    this.changed.fire();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKeys.signedIn, this.isSignedIn);
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

function toSignInError(error: unknown): SignInError {
  if (isHubSpotError(error)) {
    switch (error.kind) {
      case 'authentication':
        return new SignInError(vscode.l10n.t('HubSpot refused this token: it is not a valid service key or private-app access token.'), 'invalid');
      case 'missing-scopes': {
        const scopes = isErrorOfKind(error, 'missing-scopes') ? error.scopes ?? [] : [];
        return new SignInError(
          scopes.length
            ? vscode.l10n.t('The token is missing these scopes: {0}. Add them to the service key (or the private app) and try again.', scopes.join(', '))
            : vscode.l10n.t('The token is missing required scopes: {0}', error.message),
          'missing-scopes',
        );
      }
      case 'network':
        return new SignInError(vscode.l10n.t('Could not reach HubSpot ({0}). Check the network or the hubspotTasks.baseUrl setting.', error.message), 'network');
      default:
        return new SignInError(vscode.l10n.t('HubSpot did not accept the sign-in: {0}', error.message), 'other');
    }
  }
  return new SignInError(vscode.l10n.t('Sign-in failed: {0}', error instanceof Error ? error.message : String(error)), 'other');
}
