// Turns reviewed TODOs into HubSpot tasks: resolves hints, builds the inputs, creates them in chunks of
// 100 with progress and cancel, links each chunk's TODOs as soon as it is created, and reports what
// failed. Returns a summary (also what the commands return, for tests). Part of the lazily loaded
// dist/todoBulk.js (see todoBulk.ts): it imports values only from modules no eager code needs.
import * as vscode from 'vscode';
import { ContextKeys } from '../../constants';
import type { FeatureHost } from '../../featureHost';
import type { HubSpotApi } from '../../hubspot/api';
import type { ApiTask } from '../../hubspot/types';
import { createInput, type TodoContext } from '../core/taskContent';
import type { TodoItem } from '../core/todoParser';
import { GitLinks } from './gitLinks';
import { HintResolver, parseDefaultAssociations } from '../core/hintResolver';
import { confirmDefaultAssociations, type InspectedSetting } from './associationConsent';
import type { LinkRequest, writeLinks } from '../linkWriter';
import { createTasksForTodos } from '../core/taskCreation';
import type { readTodoSettings } from '../todoSettings';
import type { UncheckedTodos } from '../core/uncheckedTodos';

export interface TodoCandidate {
  uri: vscode.Uri;
  relativePath: string;
  todo: TodoItem;
  key: string;
  /** The text the TODO was found in (for the surrounding code). */
  documentText: string;
}

export interface CreationSummary {
  created: { key: string; taskId: string; linked: boolean }[];
  failed: { key: string; message: string }[];
  cancelled: number;
  recovered: number;
  /** Hints that could not be resolved, per TODO (`file:line: @contact:x: no contact found`). */
  unresolved: string[];
}

/**
 * What in-host tests observe or change, given only by them (src/testHooks.ts, ExtensionMode.Test): wrap the
 * client (e.g. to make one input invalid → a real 207), observe chunks.
 */
export interface CreatorHooks {
  wrapClient?: (client: HubSpotApi) => HubSpotApi;
  afterChunk?: (done: number, total: number) => void;
}

/** The container's shared instances, and the parts of the main bundle this one uses (passed, not imported). */
export interface TodoCreatorDeps extends Pick<FeatureHost, 'client' | 'auth' | 'log' | 'tasksChanged' | 'notify'> {
  /** Passed in: it needs the TODO parser, which the main bundle has and this one would copy. */
  writeLinks: typeof writeLinks;
  /** Passed in for the same reason (the settings' defaults come from the parser and the language table). */
  readTodoSettings: typeof readTodoSettings;
}

export class TodoCreator {
  private current: AbortController | undefined;

  constructor(
    private readonly container: TodoCreatorDeps,
    /** TODOs earlier runs could not confirm: looked up by marker before any create (optional for tests). */
    private readonly unchecked?: UncheckedTodos,
    private readonly hooks: CreatorHooks = {},
  ) {}

  /** Cancels the running creation before its next chunk (same as the notification's Cancel). */
  cancel(): void {
    this.current?.abort();
  }

  /**
   * The default associations for `taskCount` new tasks: the user's own as they are, a workspace's only
   * those the user keeps ticked when asked (issue 13.11); undefined when the user cancelled.
   */
  confirmDefaultAssociations(taskCount: number, defaults: InspectedSetting): Promise<string[] | undefined> {
    return confirmDefaultAssociations(this.container.notify, taskCount, defaults);
  }

  /** `defaultAssociations`: what the user agreed to (confirmDefaultAssociations); default: the setting. */
  async create(candidates: readonly TodoCandidate[], options: { defaultAssociations?: readonly string[] } = {}): Promise<CreationSummary> {
    const settings = this.container.readTodoSettings();
    const summary: CreationSummary = { created: [], failed: [], cancelled: 0, recovered: 0, unresolved: [] };
    if (candidates.length === 0) {
      return summary;
    }
    const { log } = this.container;
    const client = this.hooks.wrapClient ? this.hooks.wrapClient(this.container.client) : this.container.client;
    return this.container.notify.progress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating HubSpot tasks from TODOs'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        this.current = controller;
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          const ownerId = await this.container.auth.me();
          const resolver = new HintResolver(client);
          const defaults = parseDefaultAssociations(options.defaultAssociations ?? settings.defaultAssociations);
          await resolver.prefetch([...defaults, ...candidates.flatMap((c) => c.todo.hints.associations)]);
          const now = new Date();
          const git = new GitLinks();
          const byKey = new Map(candidates.map((c) => [c.key, c]));
          const inputs = [];
          for (const candidate of candidates) {
            const resolution = await resolver.resolve([...candidate.todo.hints.associations, ...defaults]);
            const where = `${candidate.relativePath}:${candidate.todo.range.line + 1}`;
            summary.unresolved.push(...resolution.unresolved.map((problem) => `${where}: ${problem}`));
            const { webUrl, permalink, commit } = await git.links(candidate.uri, candidate.todo.range.line + 1);
            const context: TodoContext = { todo: candidate.todo, relativePath: candidate.relativePath, key: candidate.key, documentText: candidate.documentText, webUrl, permalink, commit };
            const { input, problems } = createInput(context, { now, ownerId, defaultDueDays: settings.defaultDueInDays, contextLines: settings.contextLines }, resolution.associations);
            summary.unresolved.push(...problems.map((problem) => `${where}: ${problem}`));
            inputs.push({ key: candidate.key, input });
          }
          progress.report({ message: vscode.l10n.t('0 of {0}', inputs.length) });
          let reported = 0;
          const account = this.container.auth.accountKey ?? '';
          const result = await createTasksForTodos(client, inputs, {
            checkFirst: this.unchecked?.get(account, inputs.map((i) => i.key)),
            signal: controller.signal,
            lookupWindowMs: settings.duplicateCheckMs,
            logger: log,
            onChunk: async (created, done, total) => {
              progress.report({ message: vscode.l10n.t('{0} of {1}', done, total), increment: ((done - reported) / total) * 100 });
              reported = done;
              this.hooks.afterChunk?.(done, total);
              if (created.length === 0) {
                return;
              }
              const requests: LinkRequest[] = created.map(({ key, task }) => ({ uri: byKey.get(key)!.uri, key, todo: byKey.get(key)!.todo, taskId: task.id }));
              const outcome = await this.container.writeLinks(requests, settings.linkFormat, settings.tags);
              const linked = new Set(outcome.linked.map((r) => r.key));
              for (const { key, task } of created) {
                summary.created.push({ key, taskId: task.id, linked: linked.has(key) });
              }
              for (const request of outcome.notFound) {
                log.warn(`Task ${request.taskId} was created, but its TODO changed before it could be linked (${request.uri.fsPath}).`);
              }
              this.container.tasksChanged.fire(created.map((c) => c.task) as ApiTask[]);
            },
          });
          await this.unchecked?.settle(account, inputs, result).catch((error: unknown) => log.warn(`Could not remember the TODOs to check next time: ${String(error)}`));
          summary.cancelled = result.cancelled.length;
          summary.recovered = result.recovered;
          for (const [key, message] of result.failed) {
            summary.failed.push({ key, message });
          }
          return summary;
        } finally {
          cancel.dispose();
          if (this.current === controller) {
            this.current = undefined;
          }
        }
      },
    );
  }

  /** One message for the user; details go to the log. */
  report(summary: CreationSummary, byKey: Map<string, TodoCandidate>): void {
    const { log } = this.container;
    for (const problem of summary.unresolved) {
      log.warn(problem);
    }
    for (const failure of summary.failed) {
      const c = byKey.get(failure.key);
      log.error(`Could not create a task for ${c ? `${c.relativePath}:${c.todo.range.line + 1}` : failure.key}: ${failure.message}`);
    }
    const created = summary.created.length;
    if (created > 0) {
      void vscode.commands.executeCommand('setContext', ContextKeys.createdTaskFromTodo, true);
    }
    const parts = [created === 1 ? vscode.l10n.t('Created 1 HubSpot task.') : vscode.l10n.t('Created {0} HubSpot tasks.', created)];
    if (summary.failed.length > 0) {
      parts.push(vscode.l10n.t('{0} failed; their TODOs were left unchanged.', summary.failed.length));
      // The first failure's own reason (e.g. the account's validation rule) right in the message; all of
      // them, each with its file and line, are in the log.
      const first = summary.failed[0];
      const c = byKey.get(first.key);
      parts.push(vscode.l10n.t('{0}: {1}', c ? `${c.relativePath}:${c.todo.range.line + 1}` : first.key, first.message));
    }
    if (summary.cancelled > 0) {
      parts.push(vscode.l10n.t('{0} not created (cancelled).', summary.cancelled));
    }
    const unlinked = summary.created.filter((c) => !c.linked).length;
    if (unlinked > 0) {
      parts.push(unlinked === 1 ? vscode.l10n.t('1 TODO changed meanwhile and was not rewritten.') : vscode.l10n.t('{0} TODOs changed meanwhile and were not rewritten.', unlinked));
    }
    if (summary.unresolved.length > 0) {
      parts.push(summary.unresolved.length === 1 ? vscode.l10n.t('1 hint could not be resolved.') : vscode.l10n.t('{0} hints could not be resolved.', summary.unresolved.length));
    }
    const message = parts.join(' ');
    const problems = summary.failed.length + summary.unresolved.length + unlinked > 0;
    const showLog = vscode.l10n.t('Show Log');
    const shown = problems ? this.container.notify.warn(message, showLog) : this.container.notify.info(message);
    void shown.then((choice) => {
      if (choice === showLog) {
        log.show();
      }
    });
  }
}
