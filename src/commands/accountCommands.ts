// Several HubSpot accounts at one host (an agency's client portals): "Switch HubSpot Account" picks the one
// this workspace works in (remembered per workspace by AuthService), and a status-bar item names the active
// account and opens the same picker, shown only while more than one account is signed in.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { PickItem } from '../ui/notifier';
import type { TreeContext } from './treeContext';

const t = vscode.l10n.t;

export function registerAccountCommands(ctx: Pick<TreeContext, 'auth' | 'notify'>): vscode.Disposable[] {
  // Just left of the due-count item (priority 50): which account the count is of.
  const item = vscode.window.createStatusBarItem('hubspotTasks.account', vscode.StatusBarAlignment.Left, 51);
  item.name = t('HubSpot Account');
  item.command = Commands.switchAccount;
  const render = () => {
    const active = ctx.auth.isSignedIn ? ctx.auth.account : undefined;
    if (!active || ctx.auth.accounts.length < 2) {
      item.hide();
      return;
    }
    item.text = `$(organization) ${active.portalId}`;
    item.tooltip = t('HubSpot portal {0} ({1}): click to switch account', active.portalId, active.uiDomain);
    item.accessibilityInformation = { label: t('Active HubSpot account: portal {0}. Switch account', active.portalId) };
    item.show();
  };
  render();
  void ctx.auth.ready.then(render);
  return [item, ctx.auth.onDidChange(render), vscode.commands.registerCommand(Commands.switchAccount, () => switchAccount(ctx))];
}

/** Picks the account this workspace works in; true once it is active (false: cancelled or a new sign-in failed). */
async function switchAccount(ctx: Pick<TreeContext, 'auth' | 'notify'>): Promise<boolean> {
  await ctx.auth.ready;
  const active = ctx.auth.isSignedIn ? ctx.auth.account?.portalId : undefined;
  const accounts: PickItem<{ portalId?: number }>[] = ctx.auth.accounts.map((a) => ({
    portalId: a.portalId,
    label: t('HubSpot portal {0}', a.portalId),
    description: a.portalId === active ? t('active') : undefined,
    detail: a.uiDomain,
    icon: a.portalId === active ? 'check' : 'organization',
  }));
  const another: PickItem<{ portalId?: number }> = { label: t('Sign in to another account…'), icon: 'add' };
  const choice = await ctx.notify.pick([...accounts, another], { title: t('HubSpot: Switch Account'), placeHolder: t('The account this workspace works in') });
  if (!choice) {
    return false;
  }
  if (choice.portalId === undefined) {
    return (await vscode.commands.executeCommand<boolean>(Commands.signIn)) === true;
  }
  const signedIn = await ctx.auth.switchAccount(choice.portalId);
  if (!signedIn) {
    void ctx.notify.warn(t('The sign-in to HubSpot portal {0} is no longer stored. Sign in to it again.', choice.portalId));
  }
  return signedIn;
}
