// Set-up shared by the in-host TODO security tests (workspace default associations, secret files): files in
// the run's workspace, workspace-level settings, the sandbox's record of task creations, and VS Code's own
// quick pick answered through its workbench commands, as a keyboard would. Only the Container's type comes
// from src: the tests drive the extension through its commands and settings.
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { type LoggedRequest } from '../support/sandbox';
import { requests } from '../tree/treeSupport';
import { waitFor } from '../../support/waitFor';

/** What the notifier reports for a quick pick (src/ui/notifier.ts `Shown`), the fields these tests read. */
export interface ShownQuickPick {
  kind: 'quickPick';
  title?: string;
  placeHolder?: string;
  items: Array<{ label: string; description?: string; detail?: string }>;
}

/** What the TODO commands resolve with (src/todo `CreationSummary`), the fields these tests read. */
export interface CreatedSummary {
  created: Array<{ taskId: string; linked?: boolean }>;
  failed: unknown[];
}

export interface CreateInput {
  properties: Record<string, string>;
  associations?: Array<{ to: { id: string }; types: Array<{ associationTypeId: number }> }>;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the in-host suite needs a workspace folder');
  }
  return folder.uri;
}

/** Writes `relativePath` (under the workspace root) and returns its URI; not opened. */
export async function writeWorkspaceFile(relativePath: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

export async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** Every task-creating request the sandbox received since its log was cleared (batch or single). */
export async function createRequests(): Promise<LoggedRequest[]> {
  return (await requests()).filter((r) => r.operation === 'batchCreateTasks' || r.operation === 'createTask');
}

/** The task inputs of the create requests, as sent over the wire. */
export function createdInputs(logged: LoggedRequest[]): CreateInput[] {
  return logged.flatMap((r) => {
    const body = r.body as { inputs?: CreateInput[] } & CreateInput;
    return body.inputs ?? [body];
  });
}

/**
 * Sets a setting in the WORKSPACE's settings (`.vscode/settings.json` of the run's folder), as a cloned
 * repository would; `undefined` removes it. Resolves once VS Code reads the new value back.
 */
export async function setWorkspaceSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Workspace);
  await waitFor(() => JSON.stringify(vscode.workspace.getConfiguration().inspect(key)?.workspaceValue) === JSON.stringify(value), {
    what: `VS Code to read the workspace value of ${key}`,
  });
}

/** Records every quick pick the extension shows through its notifier, from now until disposed. */
export function recordQuickPicks(c: Container): { shown: ShownQuickPick[]; next(title: RegExp): Promise<ShownQuickPick>; dispose(): void } {
  const shown: ShownQuickPick[] = [];
  const listening = c.notify.onDidShow((s) => {
    if (s.kind === 'quickPick') {
      shown.push(s as ShownQuickPick);
    }
  });
  return {
    shown,
    next: (title) => waitFor(() => shown.find((s) => title.test(s.title ?? '')), { what: `a quick pick titled ${title}`, timeoutMs: 20_000 }),
    dispose: () => listening.dispose(),
  };
}

/**
 * Answers the quick pick on screen as the keyboard would: Space on the items at `untick` (0-based positions,
 * a multi-select list), then Enter. The notifier reports the pick once its items are handed to VS Code, and
 * these commands reach the workbench after them on the same channel.
 */
export async function answerQuickPick(untick: readonly number[] = []): Promise<void> {
  for (const position of untick) {
    await vscode.commands.executeCommand('quickInput.first');
    for (let i = 0; i < position; i++) {
      await vscode.commands.executeCommand('quickInput.next');
    }
    await vscode.commands.executeCommand('workbench.action.quickPickManyToggle');
  }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Escape on the quick pick on screen. */
export async function dismissQuickPick(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
}
