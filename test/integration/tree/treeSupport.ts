// Shared set-up of the tree's in-host tests: a quiet configuration (no timers, no reminders), the
// sandbox token signed in as the demo owner, and helpers that read the tree like the view does.
import * as assert from 'assert';
import { isDeepStrictEqual } from 'util';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import type { TaskFilters } from '../../../src/tasks/filters';
import type { GroupId } from '../../../src/tasks/grouping';
import type { TreeNode } from '../../../src/views/treeNodes';
import { activateExtension } from '../support/extension';
import { sandbox, SANDBOX_TOKEN, type LoggedRequest } from '../support/sandbox';
import { DEMO_OWNER_ID } from '../../support/demo';
import { QUIET_SETTINGS } from '../../support/quietSettings';
import { waitFor } from '../../support/waitFor';
import { configure } from '../support/settings';

export { configure };

export async function signedInContainer(): Promise<Container> {
  const c = await activateExtension();
  await configure(QUIET_SETTINGS);
  await c.auth.ready;
  if (!c.auth.isSignedIn || c.auth.isRejected) {
    await c.auth.signIn(SANDBOX_TOKEN);
  }
  await c.auth.setMe(DEMO_OWNER_ID);
  return c;
}

/** Demo data, default filters, due grouping, everything loaded, request log empty. */
export async function freshTree(c: Container): Promise<void> {
  await configure(QUIET_SETTINGS);
  await sandbox.configure({ searchLagMs: 0, faults: null, latencyMs: 0, rateLimits: false });
  await sandbox.reset('demo');
  // Other suites' writes (tasksChanged) are still overlaid on search results; the data was just replaced.
  c.tree.tasks.forgetWrites();
  // Each of these reloads the visible tree (searches that count against the client's 5 per second), so
  // only what another test changed is set; the refresh below loads it once either way.
  const filters: TaskFilters = { owner: 'mine', hideCompleted: true, statuses: [], text: '' };
  if (!isDeepStrictEqual({ ...c.tree.tasks.filters }, filters) || c.tree.tasks.saved) {
    // The optional filters (teammate, record, due window) cleared too, and no view saved by "Show Due Tasks".
    await c.tree.tasks.setFilters({ ...filters, ownerName: undefined, record: undefined, due: undefined });
  }
  if (c.tree.tasks.groupBy !== 'due') {
    await c.tree.tasks.setGroupBy('due');
  }
  if (c.tree.provider.showArchived) {
    await vscode.commands.executeCommand('hubspotTasks.toggleArchived');
  }
  await c.tree.refresh();
  await idle(c);
  await sandbox.clearRequests();
}

/** Waits until no group is loading (the real view may be rendering too), nor its pages' records. */
export async function idle(c: Container): Promise<void> {
  await c.tree.tasks.ensureLoaded();
  await waitFor(() => c.tree.tasks.groups().every((g) => !g.loading) && !c.tree.provider.crm.records?.busy, { what: 'groups and their records to finish loading' });
}

export async function children(c: Container, node?: TreeNode): Promise<TreeNode[]> {
  return (await c.tree.provider.getChildren(node)) ?? [];
}

export async function rootLabels(c: Container): Promise<string[]> {
  const nodes = await children(c);
  return nodes.map((node) => String(c.tree.provider.getTreeItem(node).label));
}

export async function groupNode(c: Container, id: GroupId): Promise<TreeNode> {
  const node = (await children(c)).find((n) => n.kind === 'group' && n.id === id);
  assert.ok(node, `group ${id} in the tree`);
  return node;
}

export async function taskNodes(c: Container, id: GroupId): Promise<Array<Extract<TreeNode, { kind: 'task' }>>> {
  return (await children(c, await groupNode(c, id))).filter((n): n is Extract<TreeNode, { kind: 'task' }> => n.kind === 'task');
}

export async function requests(operation?: string): Promise<LoggedRequest[]> {
  // The admin endpoint answers `{requests: [...]}`.
  const raw = (await sandbox.requests()) as LoggedRequest[] | { requests: LoggedRequest[] };
  const all = Array.isArray(raw) ? raw : raw.requests;
  return operation ? all.filter((r) => r.operation === operation) : all;
}

export function searchBody(r: LoggedRequest): { limit?: number; after?: string; query?: string; filterGroups?: Array<{ filters: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }> } {
  return r.body as ReturnType<typeof searchBody>;
}
