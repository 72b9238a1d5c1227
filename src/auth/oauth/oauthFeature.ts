// "Sign in with HubSpot (browser)": OAuth 2.0 authorization code with PKCE (S256) and a `state` check, the
// redirect caught by a one-use loopback server (through `asExternalUri`, so code-server and remote windows work
// too); plus what an OAuth sign-in needs afterwards (refresh, "me" from the token, revoke on sign-out).
// Its own bundle (dist/oauth.js): a window signed in with a key never loads it.
import * as vscode from 'vscode';
import type { ApiVersion } from '../../hubspot/endpoints';
import { oauthAuthorizeUrl } from '../../hubspot/endpoints';
import type { HubSpotApi } from '../../hubspot/api';
import type { OAuthCredential } from '../credential';
import type { Notifier } from '../../ui/notifier';
import type { Logger } from '../../util/logger';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import { startLoopbackRedirect } from './loopback';
import { OAuthError, OAuthTokens, type OAuthTokensOptions } from './oauthTokens';
import { OAuthSession } from './oauthSession';
import { parseCredential } from '../credential';

/** What AuthService lends an OAuth session: its secret, and signing out. */
export interface OAuthSessionHost {
  /** The stored credential now, serialized (another window may have refreshed it). */
  read(): Promise<string | undefined>;
  store(credential: OAuthCredential): Promise<void>;
  /** Signs out (without revoking); false when not signed in with OAuth any more. */
  expired(): Promise<boolean>;
}

export type { OAuthSession } from './oauthSession';

const t = vscode.l10n.t;

export const CLIENT_ID_SETTING = 'hubspotTasks.oauth.clientId';
/** Per client id: a secret entered for one app is never sent with another's id. */
const clientSecretKey = (clientId: string): string => `hubspotTasks.oauth.clientSecret@${clientId}`;

/** Tasks live on contacts' scopes; owners for "me" and names. */
const SCOPES = ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.owners.read'];
/** The tree's company and deal names: granted when the app asks for them, done without otherwise. */
const OPTIONAL_SCOPES = ['crm.objects.companies.read', 'crm.objects.deals.read'];
/** How long the loopback server waits for the browser: time to sign in to HubSpot and pick an account. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export interface OAuthFeatureDeps {
  secrets: vscode.SecretStorage;
  log: Logger;
  notify: Pick<Notifier, 'info' | 'error' | 'warn' | 'input' | 'progress' | 'pick'>;
  baseUrl: () => string;
  apiVersion: () => ApiVersion;
  /** Validates the tokens with HubSpot and keeps them (AuthService.signIn). */
  signIn: (credential: OAuthCredential) => Promise<{ portalId: number }>;
  openExternal: (uri: vscode.Uri) => Thenable<boolean>;
  timeoutMs?: number;
  fetch: OAuthTokensOptions['fetch'];
}

export interface OAuthFeature {
  /** "Sign in with HubSpot (browser)" or "Sign in with a key" (undefined: dismissed). */
  chooseWay(): Thenable<'browser' | 'key' | undefined>;
  /** True when signed in; false when cancelled, timed out, denied, not configured or refused (each said to the user). */
  signInWithBrowser(): Promise<boolean>;
  /** The command "Set OAuth Client Secret": entered (password box), kept in SecretStorage; empty removes it. */
  setClientSecret(): Promise<void>;
  session(credential: OAuthCredential, host: OAuthSessionHost): OAuthSession;
  /** My owner, found by the email the token names. Undefined when HubSpot names none or no owner has it. */
  ownerOf(credential: OAuthCredential, client: HubSpotApi): Promise<{ id: string; email: string } | undefined>;
  /** Revokes the refresh token (best effort: logged, never thrown). */
  revoke(credential: OAuthCredential): Promise<void>;
}

/** The user-level client id (application scope: a repository's settings cannot point sign-in at another app). */
export function configuredClientId(): string | undefined {
  const inspected = vscode.workspace.getConfiguration().inspect<unknown>(CLIENT_ID_SETTING);
  const value = inspected?.globalValue ?? inspected?.defaultValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function createOAuthFeature(deps: OAuthFeatureDeps): OAuthFeature {
  const tokens = (clientId: string): OAuthTokens => new OAuthTokens({
    baseUrl: deps.baseUrl(), clientId, apiVersion: deps.apiVersion, fetch: deps.fetch, clientSecret: async () => deps.secrets.get(clientSecretKey(clientId)),
  });

  async function signInWithBrowser(): Promise<boolean> {
    try {
      const account = await browserSignIn();
      if (account) {
        void deps.notify.info(t('Signed in to HubSpot portal {0}.', account.portalId));
      }
      return !!account;
    } catch (error) {
      // HubSpot's words (scrubbed of tokens) or the sign-in check's (SignInError).
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`Browser sign-in failed: ${message}`);
      void deps.notify.error(t('Sign-in with HubSpot failed: {0}', message));
      return false;
    }
  }

  async function browserSignIn(): Promise<{ portalId: number } | undefined> {
    const clientId = configuredClientId();
    if (!clientId) {
      const open = t('Open Settings');
      const choice = await deps.notify.warn(t('To sign in with HubSpot in the browser, set {0} to the client id of your organisation\'s HubSpot app (the extension\'s README says how to register one).', CLIENT_ID_SETTING), open);
      if (choice === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', CLIENT_ID_SETTING);
      }
      return undefined;
    }
    const verifier = createCodeVerifier();
    const state = createState();
    const loopback = await startLoopbackRedirect(state, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, {
      done: t('Signed in to HubSpot. You can close this tab and return to VS Code.'),
      failed: t('HubSpot did not sign you in. You can close this tab; VS Code says why.'),
    });
    try {
      // Desktop: the same URI. code-server, Codespaces, remote windows: a forwarded one the browser can reach.
      const redirectUri = (await vscode.env.asExternalUri(vscode.Uri.parse(loopback.localUri))).toString(true);
      const authorize = new URL(oauthAuthorizeUrl(deps.baseUrl()));
      authorize.search = new URLSearchParams({
        client_id: clientId, redirect_uri: redirectUri, scope: SCOPES.join(' '), optional_scope: OPTIONAL_SCOPES.join(' '),
        state, code_challenge: codeChallengeS256(verifier), code_challenge_method: 'S256',
      }).toString();
      const outcome = await deps.notify.progress(
        { location: vscode.ProgressLocation.Notification, title: t('Sign in to HubSpot in your browser…'), cancellable: true },
        async (_progress, cancel) => {
          const subscription = cancel.onCancellationRequested(() => loopback.cancel());
          try {
            if (!(await deps.openExternal(vscode.Uri.parse(authorize.href, true)))) {
              loopback.cancel();
            }
            return await loopback.result;
          } finally {
            subscription.dispose();
          }
        },
      );
      switch (outcome.kind) {
        case 'cancelled':
          void deps.notify.info(t('Sign-in with HubSpot was cancelled. You are not signed in.'));
          return undefined;
        case 'timeout':
          void deps.notify.error(t('Sign-in with HubSpot timed out: the browser did not come back within {0} minutes. You are not signed in.', Math.round((deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 60_000)));
          return undefined;
        case 'error':
          if (outcome.error === 'access_denied') {
            void deps.notify.info(t('Access was denied in HubSpot. You are not signed in.'));
          } else {
            void deps.notify.error(t('HubSpot did not sign you in ({0}): {1}', outcome.error, outcome.description ?? ''));
          }
          return undefined;
      }
      const code = outcome.code;
      const credential = await deps.notify.progress(
        // The status bar: a progress notification would stay up to 800 ms beside "Signed in" (see authCommands.ts).
        { location: vscode.ProgressLocation.Window, title: t('Signing in to HubSpot…') },
        async () => deps.signIn(await tokens(clientId).exchangeCode(code, verifier, redirectUri)),
      );
      return credential;
    } finally {
      loopback.cancel();
    }
  }

  async function setClientSecret(): Promise<void> {
    const clientId = configuredClientId();
    if (!clientId) {
      void deps.notify.warn(t('Set {0} first: the secret belongs to that app.', CLIENT_ID_SETTING));
      return;
    }
    const secret = await deps.notify.input({
      title: t('HubSpot: OAuth Client Secret'),
      prompt: t('The client secret of the HubSpot app {0}, if your organisation uses one (PKCE works without). Kept in VS Code\'s secret storage. Leave empty to remove it.', clientId),
      password: true,
      ignoreFocusOut: true,
    });
    if (secret === undefined) {
      return;
    }
    if (secret.trim()) {
      await deps.secrets.store(clientSecretKey(clientId), secret.trim());
      void deps.notify.info(t('The client secret is kept in secret storage.'));
    } else {
      await deps.secrets.delete(clientSecretKey(clientId));
      void deps.notify.info(t('The client secret was removed.'));
    }
  }

  return {
    chooseWay: () => (deps.notify.pick([
      { way: 'browser' as const, label: t('Sign in with HubSpot (browser)'), detail: t('As yourself, on HubSpot\'s sign-in page: no key needed.') },
      { way: 'key' as const, label: t('Sign in with a key'), detail: t('A service key, or an existing private app\'s access token.') },
    ], { title: t('HubSpot: Sign In'), ignoreFocusOut: true }) as Thenable<{ way: 'browser' | 'key' } | undefined>).then((choice) => choice?.way),
    signInWithBrowser,
    setClientSecret,
    session: (credential, host) => new OAuthSession(credential, tokens(credential.clientId), {
      read: async () => {
        const stored = parseCredential(await host.read());
        return stored?.kind === 'oauth' ? stored : undefined;
      },
      store: (next) => host.store(next),
      expired: async () => {
        if (await host.expired()) {
          deps.log.info('The HubSpot sign-in expired or was revoked: signed out.');
          const signInAgain = t('Sign in again');
          void deps.notify
            .error(t('Your HubSpot sign-in has expired or was revoked. Sign in again to see your tasks.'), signInAgain)
            .then((choice) => {
              if (choice === signInAgain) {
                void vscode.commands.executeCommand('hubspotTasks.signIn');
              }
            });
        }
      },
    }, deps.log),
    async ownerOf(credential, client) {
      try {
        const { email } = await tokens(credential.clientId).owner(credential.accessToken);
        if (!email) {
          return undefined;
        }
        const owner = await client.owners.findOwnerByEmail(email);
        if (!owner) {
          deps.log.warn('No HubSpot owner has the email of the signed-in user.');
        }
        return owner ? { id: owner.id, email: owner.email ?? email } : undefined;
      } catch (error) {
        deps.log.warn(`Finding the signed-in user's owner failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    },
    async revoke(credential) {
      try {
        await tokens(credential.clientId).revoke(credential.refreshToken);
        deps.log.info('The HubSpot refresh token was revoked.');
      } catch (error) {
        deps.log.warn(`Revoking the HubSpot refresh token failed: ${error instanceof OAuthError ? error.message : String(error)}`);
      }
    },
  };
}
