// Sign in (validate, then store), sign out, and choosing which HubSpot owner "me" is.
import * as vscode from 'vscode';
import { SignInError } from '../auth/authService';
import { Commands, Settings } from '../constants';
import type { TreeContext } from './treeContext';

const t = vscode.l10n.t;

export function registerAuthCommands(ctx: TreeContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.signIn, () => signIn(ctx)),
    vscode.commands.registerCommand(Commands.signOut, () => signOut(ctx)),
    vscode.commands.registerCommand(Commands.selectMe, () => selectMe(ctx)),
  ];
}

async function signIn(ctx: TreeContext): Promise<boolean> {
  let prompt = t('Paste a HubSpot private-app access token or service key. It is checked with HubSpot, then kept in VS Code\'s secret storage.');
  for (;;) {
    const token = await vscode.window.showInputBox({
      title: t('HubSpot: Sign In'),
      prompt,
      password: true,
      ignoreFocusOut: true,
      placeHolder: t('Access token (for the local sandbox: sandbox-token)'),
      validateInput: (value) => (value.trim() ? undefined : t('Enter a token')),
    });
    if (token === undefined) {
      return false;
    }
    try {
      const account = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Checking the token with HubSpot…') },
        () => ctx.auth.signIn(token),
      );
      void vscode.window.showInformationMessage(t('Signed in to HubSpot portal {0}.', account.portalId));
      if (!(await ctx.auth.me())) {
        await selectMe(ctx);
      }
      return true;
    } catch (error) {
      const message = error instanceof SignInError ? error.message : String(error);
      ctx.log.warn(`Sign-in refused: ${message}`);
      const retry = t('Try Again');
      const choice = await vscode.window.showErrorMessage(message, retry);
      if (choice !== retry) {
        return false;
      }
      prompt = message;
    }
  }
}

async function signOut(ctx: TreeContext): Promise<void> {
  await ctx.auth.signOut();
  void vscode.window.showInformationMessage(t('Signed out of HubSpot. The token was removed from secret storage.'));
}

interface OwnerPick extends vscode.QuickPickItem {
  ownerId: string;
  email: string;
}

async function selectMe(ctx: TreeContext): Promise<string | undefined> {
  if (!ctx.auth.isSignedIn) {
    void vscode.window.showWarningMessage(t('Sign in to HubSpot first.'));
    return undefined;
  }
  const current = await ctx.auth.me();
  const picks = vscode.window.withProgress({ location: { viewId: 'hubspotTasks.tasks' } }, async (): Promise<OwnerPick[]> => {
    const owners = await ctx.client.owners.allOwners();
    return owners
      .filter((o) => !o.archived)
      .map((o) => ({
        label: `${o.id === current ? '$(check) ' : ''}${`${o.firstName} ${o.lastName}`.trim() || o.email}`,
        description: o.email,
        detail: o.type === 'QUEUE' ? t('Queue') : undefined,
        ownerId: o.id,
        email: o.email,
      }));
  });
  let choice: OwnerPick | undefined;
  try {
    choice = await vscode.window.showQuickPick(picks, {
      title: t('Which HubSpot owner are you?'),
      placeHolder: t('Your tasks are the ones assigned to this owner (type to search by name or email)'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
  } catch (error) {
    void vscode.window.showErrorMessage(t('Could not list HubSpot owners: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!choice) {
    return undefined;
  }
  await ctx.auth.setMe(choice.ownerId, choice.email);
  const configured = vscode.workspace.getConfiguration().get<string>(Settings.ownerEmail);
  if (configured && configured.toLowerCase() !== choice.email.toLowerCase()) {
    void vscode.window.showInformationMessage(t('The setting {0} names another owner; it takes precedence until you change it.', Settings.ownerEmail));
  }
  return choice.ownerId;
}
