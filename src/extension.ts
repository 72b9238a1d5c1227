import * as vscode from 'vscode';
import { Container } from './container';

let container: Container | undefined;

export function activate(context: vscode.ExtensionContext): Container {
  container = new Container(context);
  context.subscriptions.push(container);
  return container;
}

export function deactivate(): void {
  container?.dispose();
  container = undefined;
}
