// Actions on tasks from the tree (context menu, inline icons, palette). With several tasks selected,
// updates go as batch updates: ONE request per 100 tasks (the client chunks). The actions themselves are
// their own bundle (treeTaskActions/, dist/treeTaskActions.js), loaded on the first one.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Priority } from '../tasks/task';
import { lazyFeature } from '../util/lazyFeature';
import type { TaskNode, TreeNode } from '../views/treeNodes';
import type { TreeContext } from './treeContext';
import type * as TreeTaskActionsModule from './treeTaskActions/treeTaskActions';
import type { TaskRef, TreeTaskAction } from './treeTaskActions/treeTaskActions';

const t = vscode.l10n.t;

/** A tree command gets (clicked node, all selected nodes), a task id from elsewhere, or nothing. */
type Target = TreeNode | string | undefined;

/**
 * For callers without UI (other features, tests): a third argument answers the question the command
 * would otherwise ask, e.g. `executeCommand(Commands.setPriority, taskId, undefined, { priority: 'HIGH' })`.
 */
export interface CommandAnswers {
  priority?: Priority;
  /** Unix ms or ISO-8601. */
  due?: number | string;
  /** Archive without the confirmation dialog. */
  confirmed?: boolean;
}

export function registerTaskCommands(ctx: TreeContext): vscode.Disposable[] {
  // A literal relative path, so both builds resolve it: under `tsc` (out/src/commands/) it is the compiled
  // module; esbuild.js (LAZY_BUNDLES) rewrites it to `./treeTaskActions.js`, which Node resolves next to
  // dist/extension.js. Type-only imports above keep it out of this bundle.
  const actions = lazyFeature('Tree task actions', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./treeTaskActions/treeTaskActions') as typeof TreeTaskActionsModule;
  }, ctx.log);
  const register = (id: string, action: TreeTaskAction) =>
    vscode.commands.registerCommand(id, async (target: Target, selection?: TreeNode[], answers?: CommandAnswers) => {
      const tasks = resolveTargets(ctx, target, Array.isArray(selection) ? selection : undefined);
      if (tasks.length === 0) {
        void ctx.notify.info(t('Select one or more tasks in the HubSpot Tasks view first.'));
        return;
      }
      await actions.get().runTreeTaskAction(ctx, action, tasks, answers ?? {});
    });
  return [
    register(Commands.complete, 'complete'),
    register(Commands.reopen, 'reopen'),
    register(Commands.setPriority, 'setPriority'),
    register(Commands.setDueDate, 'setDueDate'),
    register(Commands.archive, 'archive'),
    register(Commands.openInHubSpot, 'openInHubSpot'),
    register(Commands.copyLink, 'copyLink'),
  ];
}

function resolveTargets(ctx: TreeContext, target: Target, selection: TreeNode[] | undefined): TaskRef[] {
  const fromNodes = (nodes: readonly TreeNode[]) =>
    nodes.filter((n): n is TaskNode => n.kind === 'task').map((n) => ({ id: n.task.id, task: n.task }));
  if (typeof target === 'string') {
    return [{ id: target, task: ctx.service.findTask(target) }];
  }
  if (target && selection?.includes(target)) {
    return fromNodes(selection); // right-click inside a multi-selection acts on all of it
  }
  if (target) {
    return fromNodes([target]);
  }
  return fromNodes(ctx.view.selection); // command palette: the view's selection
}
