// Sign-in state: the token lives in SecretStorage only; the account details (portal id, UI domain)
// are remembered in globalState so the view and "Open in HubSpot" work offline and at startup
// without a request. Follows other windows through `secrets.onDidChange`. Both are kept per API origin
// (credentialKeys.ts): the token signed in at one host is never handed to a client of another, and a base
// URL that moves to another host finds the user signed out there until they sign in for it.
import * as vscode from 'vscode';
import type * as HttpTransportModule from '../hubspot/httpTransport';
import type { HubSpotApi } from '../hubspot/api';
import type { AccountDetails } from '../hubspot/types';
import { isErrorOfKind, isHubSpotError } from '../hubspot/errors';
import { ContextKeys, Settings } from '../constants';
import { configuredApiVersion, configuredBaseUrl } from './clientFactory';
import { accountStateKey, accountsStateKey, activeAccountKey, apiOrigin, LEGACY_TOKEN_SECRET_KEY, tokenSecretKey } from './credentialKeys';
import type { Notifier } from '../ui/notifier';
import type { Logger } from '../util/logger';
import { DisposableStore } from '../util/disposableStore';
import { bearerOf, type OAuthCredential, parseCredential, serializeCredential, type StoredCredential } from './credential';
import type { OAuthFeature, OAuthSession } from './oauth/oauthFeature';
import type * as OAuthModule from './oauth/oauthFeature';
import { type LazyFeature, lazyFeature } from '../util/lazyFeature';

export interface Account {
  portalId: number;
  uiDomain: string;
  timeZone: string;
}

/** node-fetch from its own bundle (dist/httpTransport.js), loaded on the first token request, as the HTTP client loads it. */
const lazyFetch = (...args: Parameters<typeof HttpTransportModule.fetch>): ReturnType<typeof HttpTransportModule.fetch> =>
  // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./httpTransport.js`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../hubspot/httpTransport') as typeof HttpTransportModule).fetch(...args);

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
  /** A key, or an OAuth token pair (whose access token `oauthSession` keeps fresh). */
  private credential: StoredCredential | undefined;
  private oauthSessionValue: OAuthSession | undefined;
  /** The browser sign-in, refresh and revoke: loaded only when someone uses OAuth (dist/oauth.js). */
  readonly oauth: LazyFeature<OAuthFeature>;
  /** The API origin of the user's base URL: the only one `token` was issued for and is handed to. */
  private origin: string | undefined;
  /** The active account at `origin` in this workspace (several may be signed in there: one per portal). */
  private portal: number | undefined;
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
    private readonly notify: Pick<Notifier, 'info' | 'error' | 'warn' | 'input' | 'progress' | 'pick'>,
    /** Opens the consent page (in-host tests answer it without a browser). */
    openExternal: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri),
  ) {
    // Its own bundle (dist/oauth.js): a window signed in with a key never loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.oauth = lazyFeature('OAuth', () => (require('./oauth/oauthFeature') as typeof OAuthModule).createOAuthFeature({
      secrets: context.secrets, log, notify, baseUrl: configuredBaseUrl, apiVersion: configuredApiVersion, signIn: (credential) => this.signIn(credential), openExternal, fetch: lazyFetch,
    }), log);
    this.origin = apiOrigin(configuredBaseUrl());
    this.portal = this.activePortal(this.origin);
    this.accountValue = this.accountOf(this.portal) ?? context.globalState.get<Account>(accountStateKey(this.origin));
    this.disposables.add(
      this.changed,
      context.secrets.onDidChange((event) => {
        // Any key of this host: which key is the active account's follows the account details, which another
        // window (or an older version's migration) may have changed together with the secret.
        if (this.origin && event.key.startsWith(tokenSecretKey(this.origin))) {
          if (event.key !== this.secretKey()) {
            this.changed.fire(); // another account at this host signed in or out: the Accounts menu
          }
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
    return this.credential !== undefined;
  }

  /** 'key' (service key, private-app token: no user, never expires) or 'oauth' (a user's, expires); undefined when signed out. */
  get tokenKind(): StoredCredential['kind'] | undefined {
    return this.credential?.kind;
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
    if (origin !== this.origin || !this.credential) {
      return undefined;
    }
    // Refreshed shortly before it expires (one refresh shared by every request that asks meanwhile).
    return this.credential.kind === 'oauth' ? this.session(this.credential).accessToken() : this.credential.token;
  }

  /**
   * HubSpot answered 401 to `token`: true when a request may be sent once more with a fresh one (an OAuth
   * token was refreshed, here or by a concurrent request). Keys: false (the caller reports the rejection).
   */
  async onUnauthorized(origin: string, token: string): Promise<boolean> {
    await this.loading;
    const credential = this.credential;
    if (origin !== this.origin || credential?.kind !== 'oauth') {
      return false;
    }
    return this.session(credential).unauthorized(token);
  }

  private session(credential: OAuthCredential): OAuthSession {
    // The feature parses, refreshes and tells the user; this keeps only what is private here.
    // The account this session refreshes: a switch meanwhile must not file its tokens under another account.
    const key = this.secretKey();
    this.oauthSessionValue ??= this.oauth.get().session(credential, {
      read: async () => (key ? this.context.secrets.get(key) : undefined),
      store: async (next) => {
        if (this.credential?.kind === 'oauth' && key && key === this.secretKey()) { // not when signed out or switched meanwhile
          this.credential = next;
          await this.context.secrets.store(key, serializeCredential(next));
        }
      },
      // The refresh token is dead: signed out here; waiting requests then find no token (no refresh loop).
      expired: async () => {
        if (this.credential?.kind !== 'oauth') {
          return false;
        }
        this.rejectionShown = true;
        await this.signOut(false);
        return true;
      },
    });
    return this.oauthSessionValue;
  }

  /** Validates with HubSpot (account details + a one-task read) BEFORE storing the token. */
  async signIn(raw: string | OAuthCredential): Promise<Account> {
    const credential: StoredCredential = typeof raw === 'string' ? { kind: 'key', token: raw.trim() } : raw;
    const token = bearerOf(credential);
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
    // Another portal at this host is one more account (the first keeps its key); the same portal is signed in anew.
    const first = this.context.globalState.get<Account>(accountStateKey(origin));
    const asFirst = !first || first.portalId === account.portalId;
    if (asFirst) {
      await this.context.globalState.update(accountStateKey(origin), account);
    }
    await this.context.globalState.update(accountsStateKey(origin), [...this.accountList(origin).filter((a) => a.portalId !== account.portalId), account]);
    await this.context.secrets.store(asFirst ? tokenSecretKey(origin) : tokenSecretKey(origin, account.portalId), serializeCredential(credential));
    if (origin !== this.origin) {
      this.log.info(`Signed in to HubSpot portal ${account.portalId} at a host the base URL has since left.`);
      return account;
    }
    await this.context.workspaceState.update(activeAccountKey(origin), account.portalId);
    this.portal = account.portalId;
    this.accountValue = account;
    this.credential = credential;
    this.oauthSessionValue = undefined;
    this.rejected = false;
    this.rejectionShown = false;
    this.meCache = undefined;
    this.accountCheck = undefined;
    this.log.info(`Signed in to HubSpot portal ${account.portalId}.`);
    await this.publish();
    return account;
  }

  /**
   * Signs out of the active account (tokens of other accounts and hosts stay theirs); the workspace then works
   * in another account signed in at this host, if any.
   */
  async signOut(revoke = true): Promise<void> {
    const credential = this.credential;
    const key = this.secretKey();
    this.credential = undefined;
    this.oauthSessionValue = undefined;
    this.meCache = undefined;
    if (credential?.kind === 'oauth' && revoke) {
      // The refresh token would outlive the sign-out otherwise; a failure (offline) is logged, not shown.
      await this.oauth.get().revoke(credential);
    }
    if (key) {
      await this.context.secrets.delete(key);
    }
    this.forgetAccount(this.portal);
    this.log.info('Signed out of HubSpot.');
    await this.publish();
    const next = this.accountList()[0];
    if (next && revoke) {
      await this.switchAccount(next.portalId);
    }
  }

  /** The accounts signed in at the current host (the Accounts menu, the account switcher). */
  get accounts(): readonly Account[] {
    return this.accountList();
  }

  /**
   * Makes `portalId` (an account signed in at this host) the one this workspace works in, remembered for it.
   * Everything that follows `accountKey` (tree, status bar, reminders, editor, TODOs) reloads for it.
   */
  async switchAccount(portalId: number): Promise<boolean> {
    await this.loading;
    const account = this.accountOf(portalId);
    if (!account || !this.origin) {
      return false;
    }
    await this.context.workspaceState.update(activeAccountKey(this.origin), portalId);
    if (portalId === this.portal && this.credential) {
      return true;
    }
    this.portal = portalId;
    this.accountValue = account;
    this.credential = undefined;
    this.oauthSessionValue = undefined;
    this.meCache = undefined;
    this.accountCheck = undefined;
    this.rejected = false;
    this.rejectionShown = false;
    this.loading = this.reloadToken();
    await this.loading;
    this.log.info(`Working in HubSpot portal ${portalId}.`);
    await this.publish();
    return this.isSignedIn;
  }

  /**
   * Signs out of `portalId` at this host without switching to it (the Accounts menu); the active account
   * signs out through `signOut`.
   */
  async signOutAccount(portalId: number): Promise<void> {
    if (portalId === this.portal) {
      return this.signOut();
    }
    const key = this.secretKey(this.origin, portalId);
    if (!key) {
      return;
    }
    const credential = parseCredential(await this.context.secrets.get(key));
    if (credential?.kind === 'oauth') {
      await this.oauth.get().revoke(credential);
    }
    await this.context.secrets.delete(key);
    this.forgetAccount(portalId);
    this.log.info(`Signed out of HubSpot portal ${portalId}.`);
    this.changed.fire();
  }

  /** Every account signed in at `origin`, in sign-in order (an older version's single sign-in counts as one). */
  private accountList(origin = this.origin): Account[] {
    if (!origin) {
      return [];
    }
    const list = this.context.globalState.get<Account[]>(accountsStateKey(origin));
    const first = this.context.globalState.get<Account>(accountStateKey(origin));
    return Array.isArray(list) ? list : first ? [first] : [];
  }

  private accountOf(portalId: number | undefined): Account | undefined {
    return this.accountList().find((a) => a.portalId === portalId);
  }

  /** The workspace's remembered account at `origin`, else the first one signed in there. */
  private activePortal(origin: string | undefined): number | undefined {
    if (!origin) {
      return undefined;
    }
    const chosen = this.context.workspaceState.get<number>(activeAccountKey(origin));
    const list = this.accountList(origin);
    return list.find((a) => a.portalId === chosen)?.portalId
      ?? this.context.globalState.get<Account>(accountStateKey(origin))?.portalId ?? list[0]?.portalId;
  }

  /** Where the credential of `portalId` at `origin` is kept: the first account (or, none known, an older version's sign-in) under the host's own key. */
  private secretKey(origin = this.origin, portalId = this.portal): string | undefined {
    if (!origin) {
      return undefined;
    }
    const first = this.context.globalState.get<Account>(accountStateKey(origin))?.portalId;
    return first === undefined || portalId === undefined || portalId === first ? tokenSecretKey(origin) : tokenSecretKey(origin, portalId);
  }

  /** Drops a signed-out account from the host's list (its "me" stays remembered for a later sign-in). */
  private forgetAccount(portalId: number | undefined): void {
    const origin = this.origin;
    if (!origin || portalId === undefined) {
      return;
    }
    // The first account's details stay (they say whose the host's own key is, should it sign in again).
    void this.context.globalState.update(accountsStateKey(origin), this.accountList(origin).filter((a) => a.portalId !== portalId));
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
    if (!email && !remembered && this.credential?.kind === 'oauth') {
      // An OAuth token names its user: their owner is found by their email, nobody is asked.
      const found = await this.oauth.get().ownerOf(this.credential, this.client);
      if (found) {
        await this.setMe(found.id, found.email);
        return found.id;
      }
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
          if (this.secretKey() === (this.origin && tokenSecretKey(this.origin))) {
            await this.context.globalState.update(accountStateKey(this.origin), account);
            await this.context.globalState.update(accountsStateKey(this.origin!), [...this.accountList().filter((a) => a.portalId !== this.portal), account]);
            this.portal = account.portalId;
          }
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
    if (!this.credential) {
      return; // signed out (an expired OAuth sign-in said so already): nothing was rejected
    }
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
    this.credential = undefined;
    this.oauthSessionValue = undefined;
    this.accountCheck = undefined;
    this.portal = this.activePortal(origin);
    this.accountValue = this.accountOf(this.portal) ?? this.context.globalState.get<Account>(accountStateKey(origin));
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
    const before = this.credential;
    const origin = this.origin;
    const key = this.secretKey(origin);
    let stored: string | undefined;
    let read = false;
    try {
      stored = key ? (await this.context.secrets.get(key)) || undefined : undefined;
      read = true;
    } catch (error) {
      this.log.error(`Reading the token from the secret store failed: ${String(error)}`);
    }
    if (origin !== this.origin || key !== this.secretKey()) {
      return; // the base URL or the account moved on meanwhile; that one's read decides
    }
    const credential = parseCredential(stored);
    if (read && !credential && before) {
      this.forgetAccount(this.portal); // signed out of it in another window: no longer in the Accounts menu
    } else if (credential && origin && this.accountValue && this.accountValue.portalId === this.portal && !this.accountOf(this.portal)) {
      // Signed in to it again (another window, a migration): listed again.
      void this.context.globalState.update(accountsStateKey(origin), [...this.accountList(origin), this.accountValue]);
    }
    if (credential?.kind === 'oauth' && before?.kind === 'oauth' && credential.grant === before.grant) {
      // A refresh (here or in another window): the same sign-in with a newer pair, nothing to announce.
      this.credential = credential;
      this.oauthSessionValue?.adopt(credential);
      return;
    }
    if (credential && before && serializeCredential(credential) === serializeCredential(before)) {
      await this.setContext();
      return;
    }
    this.credential = credential;
    this.oauthSessionValue = undefined;
    if (before !== this.credential) {
      this.rejected = false;
      this.rejectionShown = false;
      this.meCache = undefined;
      // Another window may have signed in to another account: its details are in globalState.
      this.accountValue = this.accountOf(this.portal) ?? this.context.globalState.get<Account>(accountStateKey(origin)) ?? this.accountValue;
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
