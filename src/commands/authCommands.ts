// Sign in (validate, then store), sign out, and choosing which HubSpot owner "me" is.
import * as vscode from 'vscode';
import { SignInError } from '../auth/authService';
import { Commands, Settings } from '../constants';

const OAUTH_CLIENT_ID = 'hubspotTasks.oauth.clientId';
import { ownerDisplayName } from '../tasks/owners';
import type { PickItem } from '../ui/notifier';
import type { TreeContext } from './treeContext';

const t = vscode.l10n.t;

export function registerAuthCommands(ctx: TreeContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.signIn, () => signIn(ctx)),
    vscode.commands.registerCommand(Commands.signInWithKey, () => signInWithKey(ctx)),
    vscode.commands.registerCommand(Commands.signInWithBrowser, () => signInWithBrowser(ctx)),
    vscode.commands.registerCommand(Commands.setOAuthClientSecret, () => ctx.auth.oauth.get().setClientSecret()),
    vscode.commands.registerCommand(Commands.signOut, () => signOut(ctx)),
    vscode.commands.registerCommand(Commands.selectMe, () => selectMe(ctx)),
  ];
}

/**
 * Where the organisation registered a HubSpot app (`hubspotTasks.oauth.clientId` set), "Sign in with HubSpot
 * (browser)" and "Sign in with a key" side by side; otherwise straight to the key (no app to sign in through).
 */
async function signIn(ctx: TreeContext): Promise<boolean> {
  if (!vscode.workspace.getConfiguration().inspect<unknown>(OAUTH_CLIENT_ID)?.globalValue) {
    return signInWithKey(ctx);
  }
  const way = await ctx.auth.oauth.get().chooseWay();
  return way === 'browser' ? signInWithBrowser(ctx) : way === 'key' ? signInWithKey(ctx) : false;
}

async function signInWithBrowser(ctx: TreeContext): Promise<boolean> {
  // An OAuth token names its user: "me" is found without asking unless no owner has their email.
  const signedIn = await ctx.auth.oauth.get().signInWithBrowser();
  if (signedIn && !(await ctx.auth.me())) {
    await selectMe(ctx);
  }
  return signedIn;
}

async function signInWithKey(ctx: TreeContext): Promise<boolean> {
  // Service Keys first: since late August 2026 HubSpot no longer lets anyone create a private app, but the
  // tokens of existing ones keep working.
  let prompt = t('Paste a HubSpot service key (HubSpot: Settings → Integrations → Service Keys) or an existing private app\'s access token. It is checked with HubSpot, then kept in VS Code\'s secret storage.');
  for (;;) {
    const token = await ctx.notify.input({
      title: t('HubSpot: Sign In'),
      prompt,
      password: true,
      ignoreFocusOut: true,
      placeHolder: t('Service key or access token (for the local sandbox: sandbox-token)'),
      validateInput: (value) => (value.trim() ? undefined : t('Enter a token')),
    });
    if (token === undefined) {
      return false;
    }
    try {
      // In the status bar, not a notification: VS Code keeps a progress notification on screen for at least
      // 800 ms after its task ends (progressService.ts), so "Checking…" lingered beside "Signed in".
      const account = await ctx.notify.progress(
        { location: vscode.ProgressLocation.Window, title: t('Checking the token with HubSpot…') },
        () => ctx.auth.signIn(token),
      );
      void ctx.notify.info(t('Signed in to HubSpot portal {0}.', account.portalId));
      if (!(await ctx.auth.me())) {
        await selectMe(ctx);
      }
      return true;
    } catch (error) {
      const message = error instanceof SignInError ? error.message : String(error);
      ctx.log.warn(`Sign-in refused: ${message}`);
      const retry = t('Try Again');
      // The message may quote HubSpot's own words: the notifier makes it inert here and as the prompt below.
      const choice = await ctx.notify.error(message, retry);
      if (choice !== retry) {
        return false;
      }
      prompt = message;
    }
  }
}

async function signOut(ctx: TreeContext): Promise<void> {
  await ctx.auth.signOut();
  void ctx.notify.info(t('Signed out of HubSpot. The token was removed from secret storage.'));
}

interface OwnerPick extends PickItem {
  ownerId: string;
  email: string;
}

async function selectMe(ctx: TreeContext): Promise<string | undefined> {
  if (!ctx.auth.isSignedIn) {
    void ctx.notify.warn(t('Sign in to HubSpot first.'));
    return undefined;
  }
  const current = await ctx.auth.me();
  const picks = ctx.notify.progress({ location: { viewId: 'hubspotTasks.tasks' } }, async (): Promise<OwnerPick[]> => {
    const owners = await ctx.client.owners.allOwners();
    return owners
      .filter((o) => !o.archived)
      .map((o) => ({
        // Names and emails are typed by other users: only our own icon renders (the notifier escapes theirs).
        icon: o.id === current ? 'check' : undefined,
        label: ownerDisplayName(o),
        description: o.email,
        detail: o.type === 'QUEUE' ? t('Queue') : undefined,
        ownerId: o.id,
        email: o.email,
      }));
  });
  let choice: OwnerPick | undefined;
  try {
    choice = await ctx.notify.pick(picks, {
      title: t('Which HubSpot owner are you?'),
      placeHolder: t('Your tasks are the ones assigned to this owner (type to search by name or email)'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
  } catch (error) {
    void ctx.notify.error(t('Could not list HubSpot owners: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!choice) {
    return undefined;
  }
  await ctx.auth.setMe(choice.ownerId, choice.email);
  const configured = vscode.workspace.getConfiguration().get<string>(Settings.ownerEmail);
  if (configured && configured.toLowerCase() !== choice.email.toLowerCase()) {
    void ctx.notify.info(t('The setting {0} names another owner; it takes precedence until you change it.', Settings.ownerEmail));
  }
  return choice.ownerId;
}
