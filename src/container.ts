// The composition root: builds every service, view and command once, and owns their disposal.
import * as vscode from 'vscode';
import { Commands } from './constants';

export class Container implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly log: vscode.LogOutputChannel;

  constructor(readonly context: vscode.ExtensionContext) {
    this.log = this.register(vscode.window.createOutputChannel('HubSpot Tasks', { log: true }));
    this.register(vscode.commands.registerCommand(Commands.showLog, () => this.log.show()));
  }

  register<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    // Reverse order: later parts may depend on earlier ones while shutting down.
    for (const disposable of this.disposables.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        console.error('[hubspot-tasks] dispose failed', error);
      }
    }
  }
}
