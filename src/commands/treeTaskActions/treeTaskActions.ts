// The tree's task actions (its own bundle, dist/treeTaskActions.js): complete, reopen, priority, due date,
// archive, open and copy links, with their quick picks, batch progress and error reports. Only a click on
// one of them needs this, never activation or drawing the tree, so taskCommands.ts (in dist/extension.js)
// keeps the command registrations and loads this on the first action (a synchronous require of a few KB).
import * as vscode from 'vscode';
import type { BatchInputError } from '../../hubspot/api';
import { formatDayTime } from '../../tasks/dateFormat';
import { displayLocale } from '../../ui/displayLocale';
import { dueChoices, parseDueInput } from '../../tasks/dueDateInput';
import { taskUrl } from '../../tasks/links';
import type { Priority, Task } from '../../tasks/task';
import type { WriteOutcome } from '../../services/taskActions';
import type { PickItem } from '../../ui/notifier';
import { showWriteError } from '../errorMessage';
import type { CommandAnswers } from '../taskCommands';
import type { TreeContext } from '../treeContext';

const t = vscode.l10n.t;

export interface TaskRef {
  id: string;
  task?: Task;
}

export type TreeTaskAction = 'complete' | 'reopen' | 'setPriority' | 'setDueDate' | 'archive' | 'openInHubSpot' | 'copyLink';

export function runTreeTaskAction(ctx: TreeContext, action: TreeTaskAction, tasks: TaskRef[], answers: CommandAnswers): Promise<void> {
  switch (action) {
    case 'complete':
      return write(ctx, tasks, t('complete'), (ids, o) => ctx.actions.complete(ids, o));
    case 'reopen':
      return write(ctx, tasks, t('reopen'), (ids, o) => ctx.actions.reopen(ids, o));
    case 'setPriority':
      return setPriority(ctx, tasks, answers.priority);
    case 'setDueDate':
      return setDueDate(ctx, tasks, answers.due);
    case 'archive':
      return archive(ctx, tasks, answers.confirmed === true);
    case 'openInHubSpot':
      return openInHubSpot(ctx, tasks);
    case 'copyLink':
      return copyLink(ctx, tasks);
  }
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
  void ctx.notify.warn(total === 1
    ? t('Could not {0} the task: {1}', action, errors[0].message)
    : t('Could not {0} {1} of {2} tasks: {3}', action, failed, total, errors[0].message));
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
    description: formatDayTime(choice.date, displayLocale()),
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
    ctx.notify.status(urls.length === 1 ? t('Copied 1 HubSpot link') : t('Copied {0} HubSpot links', urls.length), 3000);
  }
}
