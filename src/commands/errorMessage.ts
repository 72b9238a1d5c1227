// One place that turns a failed write into what the user reads (typed errors up to this edge).
import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import { isErrorOfKind, isHubSpotError } from '../hubspot/errors';
import type { Notifier } from '../ui/notifier';

export function showWriteError(notify: Notifier, auth: AuthService, action: string, error: unknown): void {
  if (isHubSpotError(error) && error.kind === 'authentication') {
    auth.reportRejected();
    return;
  }
  let detail = error instanceof Error ? error.message : String(error);
  if (isHubSpotError(error) && error.kind === 'network') {
    detail = vscode.l10n.t('HubSpot is unreachable ({0})', detail);
  } else if (isErrorOfKind(error, 'missing-scopes')) {
    // `?? []`: an error of this kind built by another bundle's copy of the errors module may lack the list.
    const scopes = error.scopes ?? [];
    detail = scopes.length ? vscode.l10n.t('the token is missing the scopes {0}', scopes.join(', ')) : detail;
  }
  // The detail is the server's text: the notifier makes it inert (notifications render command links).
  void notify.error(vscode.l10n.t('Could not {0}: {1}', action, detail));
}
