// Shows the signed-in HubSpot account in VS Code's Accounts menu, and lets that menu sign out.
// The session carries no access token: the token stays with this extension (SecretStorage), so a
// consenting extension learns the account, never the credential.
import * as vscode from 'vscode';
import { AUTH_PROVIDER_ID, Commands } from '../constants';
import type { AuthService } from './authService';
import { DisposableStore } from '../util/disposableStore';

export class HubSpotAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessionsChanged = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private last: vscode.AuthenticationSession | undefined;
  private readonly disposables = new DisposableStore();

  constructor(private readonly auth: AuthService) {
    this.disposables.add(
      this.sessionsChanged,
      vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'HubSpot', this, { supportsMultipleAccounts: false }),
      auth.onDidChange(() => this.announce()),
    );
    void auth.ready.then(() => this.announce());
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    await this.auth.ready;
    const session = this.currentSession();
    return session ? [session] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await vscode.commands.executeCommand(Commands.signIn);
    const session = this.currentSession();
    if (!session) {
      throw new Error(vscode.l10n.t('Sign-in to HubSpot was cancelled.'));
    }
    return session;
  }

  async removeSession(): Promise<void> {
    await this.auth.signOut();
  }

  private currentSession(): vscode.AuthenticationSession | undefined {
    if (!this.auth.isSignedIn) {
      return undefined;
    }
    const portal = this.auth.account?.portalId;
    const label = portal ? vscode.l10n.t('HubSpot portal {0}', portal) : vscode.l10n.t('HubSpot account');
    return { id: `hubspot-${portal ?? 'account'}`, accessToken: '', account: { id: String(portal ?? 'account'), label }, scopes: [] };
  }

  private announce(): void {
    const next = this.currentSession();
    const previous = this.last;
    if (previous?.id === next?.id && previous?.account.label === next?.account.label) {
      return;
    }
    this.last = next;
    this.sessionsChanged.fire({
      added: next && !previous ? [next] : [],
      removed: previous && !next ? [previous] : [],
      changed: previous && next ? [next] : [],
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
