// Node types of the Tasks view and how each becomes a TreeItem. Task content is untrusted: labels
// and tooltips are plain strings (never MarkdownString); a task's tooltip (notes → text) is built on
// hover by taskTooltip/ (its own bundle).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { GroupState } from '../services/taskService';
import { statusLabel } from '../tasks/filters';
import type { GroupId } from '../tasks/grouping';
import { startOfLocalDay } from '../tasks/dueBuckets';
import { formatRelativeDue } from '../tasks/dateFormat';
import { displayLocale } from '../ui/displayLocale';
import { isCompleted, type Task } from '../tasks/task';

export type TreeNode = GroupNode | TaskNode | LoadMoreNode | MessageNode;

export interface GroupNode {
  readonly kind: 'group';
  readonly id: GroupId;
}

export interface TaskNode {
  readonly kind: 'task';
  readonly task: Task;
  /** undefined in the Archived list. */
  readonly groupId?: GroupId;
}

export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly groupId?: GroupId;
  readonly loaded: number;
  readonly total?: number;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly key: string;
  readonly text: string;
  readonly icon: string;
  readonly command?: vscode.Command;
  readonly tooltip?: string;
  readonly description?: string;
  /** A filter row: which filter the inline "clear" action clears. */
  readonly filter?: string;
}

const t = vscode.l10n.t;

export function groupItem(state: GroupState, expanded: boolean): vscode.TreeItem {
  const label = `${t(state.group.label)} (${state.total.toLocaleString()})`;
  const hasChildren = state.tasks.length > 0 || state.error !== undefined || state.cursor !== undefined;
  const item = new vscode.TreeItem(
    label,
    !hasChildren ? vscode.TreeItemCollapsibleState.None : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `group:${state.group.id}`;
  item.contextValue = 'group';
  item.iconPath = state.group.id === 'overdue' && state.total > 0
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
    : new vscode.ThemeIcon(GROUP_ICONS[state.group.id]);
  return item;
}

// Every group has an icon so task rows line up the same under each of them.
const GROUP_ICONS: Record<GroupId, string> = {
  overdue: 'warning', today: 'calendar', tomorrow: 'arrow-small-right', thisWeek: 'calendar', later: 'history',
  noDue: 'circle-slash', completedEarlier: 'pass', HIGH: 'arrow-up', MEDIUM: 'dash', LOW: 'arrow-down', NONE: 'circle-slash',
};

/** Overdue (before today) in the error colour; due earlier today in the warning colour. */
function lateness(task: Task, now: Date): vscode.ThemeColor | undefined {
  if (isCompleted(task) || task.due === undefined || task.due.getTime() >= now.getTime()) {
    return undefined;
  }
  return task.due.getTime() < startOfLocalDay(now).getTime()
    ? new vscode.ThemeColor('list.errorForeground')
    : new vscode.ThemeColor('list.warningForeground');
}

/** `record`: the task's primary record (company, else deal, else contact), once its page's read answered. */
export function taskItem(node: TaskNode, now: Date, ownerName: string | undefined, record?: string): vscode.TreeItem {
  const { task } = node;
  const item = new vscode.TreeItem(task.subject || t('(no subject)'), vscode.TreeItemCollapsibleState.None);
  item.id = `task:${node.groupId ?? 'archived'}:${task.id}`;
  const late = lateness(task, now);
  const overdue = late !== undefined;
  const describe: string[] = [];
  if (task.due) {
    describe.push(formatRelativeDue(task.due, now, t, displayLocale()));
  }
  if (record) {
    describe.push(record);
  }
  if (ownerName) {
    describe.push(ownerName);
  }
  item.description = describe.join(' · ');
  item.iconPath = taskIcon(task, late);
  // No tooltip here: the provider's resolveTreeItem builds it (notes → text) when one is hovered.
  item.contextValue = task.archived ? 'task.archived' : isCompleted(task) ? 'task.completed' : 'task.open';
  // Made from a TODO (its notes carry the marker, src/todo/core/taskContent.ts): it also gets "Go to Code".
  if (!task.archived && task.notesHtml.includes('TODO key: hstodo')) {
    item.contextValue += '.code';
  }
  if (!task.archived) {
    item.command = { command: Commands.editTask, title: t('Edit Task'), arguments: [task.id] };
  }
  item.accessibilityInformation = {
    label: [task.subject, overdue ? t('overdue') : '', item.description, statusLabel(task.status)].filter(Boolean).join(', '),
  };
  return item;
}

function taskIcon(task: Task, color: vscode.ThemeColor | undefined): vscode.ThemeIcon {
  if (isCompleted(task)) {
    return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  }
  switch (task.type) {
    case 'CALL':
      return new vscode.ThemeIcon('call-outgoing', color);
    case 'EMAIL':
      return new vscode.ThemeIcon('mail', color);
    default:
      return new vscode.ThemeIcon(task.status === 'IN_PROGRESS' ? 'circle-large-filled' : 'circle-large-outline', color);
  }
}

export function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const label = node.total !== undefined
    ? t('Load more ({0} of {1} shown)', node.loaded.toLocaleString(), node.total.toLocaleString())
    : t('Load more ({0} shown)', node.loaded.toLocaleString());
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `loadMore:${node.groupId ?? 'archived'}`;
  item.iconPath = new vscode.ThemeIcon('more');
  item.contextValue = 'loadMore';
  item.command = { command: Commands.loadMore, title: t('Load more'), arguments: [node] };
  return item;
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `message:${node.key}`;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.tooltip = node.tooltip ?? node.text;
  item.description = node.description;
  item.contextValue = node.filter ? 'filter' : 'message';
  return item;
}
