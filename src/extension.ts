import * as vscode from 'vscode';
import { Container } from './container';

let container: Container | undefined;

export function activate(context: vscode.ExtensionContext): Container {
  const started = performance.now();
  container = new Container(context);
  context.subscriptions.push(container);
  // The synchronous activate() call, as VS Code's own activateCallTime counts it: for users who wonder
  // what an extension costs at start-up, and for the benchmark (bench/rows/p5Host.ts reads this line).
  container.log.info(`Activated in ${(performance.now() - started).toFixed(1)} ms`);
  return container;
}

export function deactivate(): void {
  container?.dispose();
  container = undefined;
}
