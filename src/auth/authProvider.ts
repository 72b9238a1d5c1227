// Shows each HubSpot account signed in at the current host in VS Code's Accounts menu, and lets that menu
// sign out of any of them.
// The session carries no access token: the token stays with this extension (SecretStorage), so a
// consenting extension learns the account, never the credential.
import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID, Commands } from '../constants';
import type { AuthService } from './authService';
import { DisposableStore } from '../util/disposableStore';

export class HubSpotAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessionsChanged = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private last: vscode.AuthenticationSession[] = [];
  private readonly disposables = new DisposableStore();

  constructor(private readonly auth: AuthService) {
    this.disposables.add(
      this.sessionsChanged,
      vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'HubSpot', this, { supportsMultipleAccounts: true }),
      auth.onDidChange(() => this.announce()),
    );
    void auth.ready.then(() => this.announce());
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    await this.auth.ready;
    return this.sessions();
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await vscode.commands.executeCommand(Commands.signIn);
    const session = this.currentSession();
    if (!session) {
      throw new Error(vscode.l10n.t('Sign-in to HubSpot was cancelled.'));
    }
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    const account = this.sessions().find((s) => s.id === sessionId);
    if (account) {
      await this.auth.signOutAccount(Number(account.account.id));
    }
  }

  /** The active account (the one the session-less `createSession` signs in) first. */
  private currentSession(): vscode.AuthenticationSession | undefined {
    return this.auth.isSignedIn ? this.sessions()[0] : undefined;
  }

  private sessions(): vscode.AuthenticationSession[] {
    const active = this.auth.isSignedIn ? this.auth.account?.portalId : undefined;
    const accounts = [...this.auth.accounts].sort((a, b) => Number(b.portalId === active) - Number(a.portalId === active));
    // "(active)" only tells one account from another.
    return accounts.map((a) => sessionOf(a.portalId, accounts.length > 1 && a.portalId === active));
  }

  private announce(): void {
    const next = this.sessions();
    const previous = this.last;
    const key = (s: vscode.AuthenticationSession) => `${s.id}|${s.account.label}`;
    const before = new Map(previous.map((s) => [s.id, s]));
    const after = new Map(next.map((s) => [s.id, s]));
    const added = next.filter((s) => !before.has(s.id));
    const removed = previous.filter((s) => !after.has(s.id));
    const changed = next.filter((s) => before.has(s.id) && key(before.get(s.id)!) !== key(s));
    this.last = next;
    if (added.length || removed.length || changed.length) {
      this.sessionsChanged.fire({ added, removed, changed });
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** No access token in a session: a consenting extension learns the account, never the credential. */
function sessionOf(portal: number, active: boolean): vscode.AuthenticationSession {
  const label = active ? vscode.l10n.t('HubSpot portal {0} (active)', portal) : vscode.l10n.t('HubSpot portal {0}', portal);
  return { id: `hubspot-${portal}`, accessToken: '', account: { id: String(portal), label }, scopes: [] };
}
