// Actions on tasks from the tree (context menu, inline icons, palette). With several tasks selected,
// updates go as batch updates: ONE request per 100 tasks (the client chunks).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BatchInputError } from '../hubspot/api';
import { dueChoices, parseDueInput } from '../tasks/dueDateInput';
import { taskUrl } from '../tasks/links';
import type { Priority, Task } from '../tasks/task';
import type { WriteOutcome } from '../services/taskActions';
import type { PickItem } from '../ui/notifier';
import type { TaskNode, TreeNode } from '../views/treeNodes';
import { showWriteError } from './errorMessage';
import type { TreeContext } from './treeContext';

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
  const register = (id: string, run: (tasks: TaskRef[], answers: CommandAnswers) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (target: Target, selection?: TreeNode[], answers?: CommandAnswers) => {
      const tasks = resolveTargets(ctx, target, Array.isArray(selection) ? selection : undefined);
      if (tasks.length === 0) {
        void ctx.notify.info(t('Select one or more tasks in the HubSpot Tasks view first.'));
        return;
      }
      await run(tasks, answers ?? {});
    });
  return [
    register(Commands.complete, (tasks) => write(ctx, tasks, t('complete'), (ids, o) => ctx.actions.complete(ids, o))),
    register(Commands.reopen, (tasks) => write(ctx, tasks, t('reopen'), (ids, o) => ctx.actions.reopen(ids, o))),
    register(Commands.setPriority, (tasks, answers) => setPriority(ctx, tasks, answers.priority)),
    register(Commands.setDueDate, (tasks, answers) => setDueDate(ctx, tasks, answers.due)),
    register(Commands.archive, (tasks, answers) => archive(ctx, tasks, answers.confirmed === true)),
    register(Commands.openInHubSpot, (tasks) => openInHubSpot(ctx, tasks)),
    register(Commands.copyLink, (tasks) => copyLink(ctx, tasks)),
  ];
}

interface TaskRef {
  id: string;
  task?: Task;
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

async function write(
  ctx: TreeContext,
  tasks: TaskRef[],
  action: string,
  run: (ids: string[], options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }) => Promise<WriteOutcome>,
): Promise<void> {
  const ids = tasks.map((task) => task.id);
  try {
    const outcome = ids.length === 1
      ? await run(ids, {})
      : await withBatchProgress(ctx, t('Updating {0} tasks…', ids.length), (signal, progress) => run(ids, { signal, onProgress: progress }));
    reportBatchErrors(ctx, action, outcome.errors, ids.length);
  } catch (error) {
    showWriteError(ctx.notify, ctx.auth, action, error);
  }
}

function withBatchProgress<T>(ctx: TreeContext, title: string, run: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<T>): Thenable<T> {
  return ctx.notify.progress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    let reported = 0;
    return run(abort.signal, (done, total) => {
      progress.report({ increment: ((done - reported) / total) * 100, message: `${done}/${total}` });
      reported = done;
    });
  });
}

function reportBatchErrors(ctx: TreeContext, action: string, errors: BatchInputError[], total: number): void {
  if (errors.length === 0) {
    return;
  }
  const failed = errors.reduce((n, e) => n + Math.max(1, e.ids.length), 0);
  for (const error of errors) {
    ctx.log.warn(`Batch ${action} failed for ${error.ids.length} task(s): ${error.category} ${error.message}`);
  }
  if (errors.some((e) => e.cause && (e.cause as { kind?: string }).kind === 'authentication')) {
    ctx.auth.reportRejected();
    return;
  }
  // errors[0].message is HubSpot's text: made inert by the notifier.
  void ctx.notify.warn(t('Could not {0} {1} of {2} tasks: {3}', action, failed, total, errors[0].message));
}

async function setPriority(ctx: TreeContext, tasks: TaskRef[], given: Priority | undefined): Promise<void> {
  if (given) {
    await write(ctx, tasks, t('set the priority'), (ids, o) => ctx.actions.setPriority(ids, given, o));
    return;
  }
  const current = tasks.length === 1 ? tasks[0].task?.priority : undefined;
  const levels: Array<{ icon: string; label: string; value: Priority }> = [
    { icon: 'arrow-up', label: t('High'), value: 'HIGH' },
    { icon: 'dash', label: t('Medium'), value: 'MEDIUM' },
    { icon: 'arrow-down', label: t('Low'), value: 'LOW' },
    { icon: 'circle-slash', label: t('None'), value: 'NONE' },
  ];
  const choice = await ctx.notify.pick(
    levels.map((level) => ({ ...level, description: level.value === current ? t('current') : undefined })),
    { title: tasks.length === 1 ? t('Priority') : t('Priority of {0} tasks', tasks.length) },
  );
  if (choice) {
    await write(ctx, tasks, t('set the priority'), (ids, o) => ctx.actions.setPriority(ids, choice.value, o));
  }
}

async function setDueDate(ctx: TreeContext, tasks: TaskRef[], given: number | string | undefined): Promise<void> {
  if (given !== undefined) {
    const due = new Date(given);
    if (!Number.isNaN(due.getTime())) {
      await write(ctx, tasks, t('set the due date'), (ids, o) => ctx.actions.setDueDate(ids, due, o));
    }
    return;
  }
  const now = new Date();
  const keepTime = tasks.length === 1 ? tasks[0].task?.due : undefined;
  const custom = t('Other date…');
  const picks: Array<PickItem<{ date?: Date }>> = dueChoices(now, keepTime).map((choice) => ({
    label: t(choice.label),
    description: choice.date.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    date: choice.date,
  }));
  picks.push({ label: custom });
  const choice = await ctx.notify.pick(picks, { title: tasks.length === 1 ? t('Due date') : t('Due date of {0} tasks', tasks.length) });
  if (!choice) {
    return;
  }
  let date = choice.date;
  if (!date) {
    const text = await ctx.notify.input({
      title: t('Due date'),
      prompt: t('YYYY-MM-DD, YYYY-MM-DD HH:mm, today, tomorrow or +N (days from today), in your local time'),
      validateInput: (value) => (parseDueInput(value, new Date(), keepTime) ? undefined : t('Not a date this understands')),
    });
    date = text === undefined ? undefined : parseDueInput(text, new Date(), keepTime);
  }
  if (date) {
    const due = date;
    await write(ctx, tasks, t('set the due date'), (ids, o) => ctx.actions.setDueDate(ids, due, o));
  }
}

async function archive(ctx: TreeContext, tasks: TaskRef[], confirmed: boolean): Promise<void> {
  const confirm = t('Archive');
  const question = tasks.length === 1
    ? t('Archive the task "{0}"?', tasks[0].task?.subject ?? tasks[0].id)
    : t('Archive {0} tasks?', tasks.length);
  // The question quotes the subject (anyone's text): the notifier makes it inert.
  const choice = confirmed ? confirm : await ctx.notify.confirm(question, t('Archived tasks can be restored in HubSpot for 90 days.'), confirm);
  if (choice !== confirm) {
    return;
  }
  const ids = tasks.map((task) => task.id);
  const outcome = ids.length === 1
    ? await ctx.actions.archive(ids)
    : await withBatchProgress(ctx, t('Archiving {0} tasks…', ids.length), (signal, progress) => ctx.actions.archive(ids, { signal, onProgress: progress }));
  for (const id of outcome.archived) {
    const task = tasks.find((ref) => ref.id === id)?.task;
    if (task) {
      ctx.archived.add({ ...task, archived: true });
    }
  }
  if (outcome.error) {
    showWriteError(ctx.notify, ctx.auth, t('archive {0} of the tasks', ids.length - outcome.archived.length), outcome.error);
  }
}

function links(ctx: TreeContext, tasks: TaskRef[]): string[] | undefined {
  const account = ctx.auth.account;
  const urls = account ? tasks.map((task) => taskUrl(account, task.id)).filter((u): u is string => !!u) : [];
  if (urls.length === 0) {
    void ctx.notify.warn(t('The HubSpot account details are unknown: sign in again to open tasks in HubSpot.'));
    return undefined;
  }
  return urls;
}

async function openInHubSpot(ctx: TreeContext, tasks: TaskRef[]): Promise<void> {
  for (const url of links(ctx, tasks.slice(0, 10)) ?? []) {
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }
}

async function copyLink(ctx: TreeContext, tasks: TaskRef[]): Promise<void> {
  const urls = links(ctx, tasks);
  if (urls) {
    await vscode.env.clipboard.writeText(urls.join('\n'));
    ctx.notify.status(t('Copied {0} HubSpot link(s)', urls.length), 3000);
  }
}
