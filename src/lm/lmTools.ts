// The language model tools themselves, in their own bundle (dist/lmTools.js, esbuild.js LAZY_BUNDLES), loaded
// by registerLmTools.ts on the first prepare or invoke. Every answer is a text result: input mistakes, a
// signed-out extension and HubSpot failures come back as messages the model can relay, never as throws.
// Writes fire `tasksChanged` so the tree and status bar show them at once, as after a command.
import * as vscode from 'vscode';
import type { FeatureHost } from '../featureHost';
import type { ApiTask } from '../hubspot/types';
import { taskUrl } from '../tasks/links';
import { defaultAssociationsSource, type SettingInspection } from '../todo/core/associationSource';
import type { TodoCandidate, CreationSummary } from '../todo/creation/todoCreator';
import { createConfirmation, todosConfirmation, updateConfirmation } from './confirm';
import { dataBlock, quoted } from './format';
import { parseCreateInput, parseFindInput, parseGetInput, parseTodosInput, parseUpdateInput, type TodosRequest } from './input';
import { LmToolNames, type LmToolName } from './names';
import { RESULT_LINES_MAX, createTasks, errorText, findTasks, getTask, readForConfirmation, updateTasks, type ToolContext } from './operations';
import { displayLocale } from '../ui/displayLocale';

/** The TODO parts of the main bundle, passed in (importing them would copy the parser into this bundle). */
export interface LmTodoParts {
  documents: unknown;
  documentCandidates(documents: never, document: vscode.TextDocument): TodoCandidate[];
  workspaceTodos(): Promise<TodoCandidate[]>;
  withText(candidates: TodoCandidate[]): Promise<TodoCandidate[]>;
  create(candidates: readonly TodoCandidate[], options: { defaultAssociations?: readonly string[] }): Promise<CreationSummary>;
  inspectDefaultAssociations(): SettingInspection | undefined;
  defaultDueInDays(): number;
  signInCommand: string;
}

export type LmToolsDeps = Pick<FeatureHost, 'client' | 'auth' | 'log' | 'tasksChanged'> & { todo: LmTodoParts };

export interface LmTools {
  prepare(name: LmToolName, input: unknown): Promise<vscode.PreparedToolInvocation | undefined>;
  invoke(name: LmToolName, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult>;
}

export function createLmTools(deps: LmToolsDeps): LmTools {
  return new Tools(deps);
}

const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

class Tools implements LmTools {
  constructor(private readonly deps: LmToolsDeps) {}

  private context(): ToolContext {
    const { auth, client } = this.deps;
    const account = auth.account;
    return { client, me: () => auth.me(), now: () => new Date(), url: account ? (id) => taskUrl(account, id) : undefined };
  }

  private changed = (tasks: ApiTask[]): void => this.deps.tasksChanged.fire(tasks);

  async prepare(name: LmToolName, input: unknown): Promise<vscode.PreparedToolInvocation | undefined> {
    const now = new Date();
    try {
      switch (name) {
        case LmToolNames.find:
          return { invocationMessage: vscode.l10n.t('Searching HubSpot tasks') };
        case LmToolNames.get:
          return { invocationMessage: vscode.l10n.t('Reading HubSpot task HS-{0}', parseGetInput(input)) };
        case LmToolNames.create: {
          const tasks = parseCreateInput(input, now);
          // One message for one and one for many (translations need both forms, not "task(s)").
          const one = tasks.length === 1;
          return this.consent(
            one ? vscode.l10n.t('Create 1 HubSpot task?') : vscode.l10n.t('Create {0} HubSpot tasks?', tasks.length),
            createConfirmation(tasks, displayLocale()),
            one ? vscode.l10n.t('Creating 1 HubSpot task') : vscode.l10n.t('Creating {0} HubSpot tasks', tasks.length),
          );
        }
        case LmToolNames.update: {
          const request = parseUpdateInput(input, now);
          // Subjects and current states, so the person sees which tasks change: ⌈N/100⌉ batch reads.
          const found = await this.signedIn() ? await readForConfirmation(this.deps.client, request.taskIds).then((r) => r.results, () => []) : [];
          const one = request.taskIds.length === 1;
          return this.consent(
            one ? vscode.l10n.t('Change 1 HubSpot task?') : vscode.l10n.t('Change {0} HubSpot tasks?', request.taskIds.length),
            updateConfirmation(request, found, displayLocale()),
            one ? vscode.l10n.t('Updating 1 HubSpot task') : vscode.l10n.t('Updating {0} HubSpot tasks', request.taskIds.length),
          );
        }
        case LmToolNames.todos: {
          const request = parseTodosInput(input, now);
          const candidates = await this.todoCandidates(request);
          if (candidates.length === 0) {
            // Nothing will be written: no consent to ask for (invoke says there is nothing to do).
            return { invocationMessage: vscode.l10n.t('Looking for TODO comments') };
          }
          const source = defaultAssociationsSource(this.deps.todo.inspectDefaultAssociations());
          const previews = candidates.map((c) => ({ where: `${c.relativePath}:${c.todo.range.line + 1}`, text: c.todo.text, due: c.todo.hints.due }));
          return this.consent(
            candidates.length === 1 ? vscode.l10n.t('Create 1 HubSpot task from a TODO?') : vscode.l10n.t('Create {0} HubSpot tasks from TODOs?', candidates.length),
            todosConfirmation(previews, this.deps.todo.defaultDueInDays() === 1 ? vscode.l10n.t('in 1 day') : vscode.l10n.t('in {0} days', this.deps.todo.defaultDueInDays()), source.fromWorkspace),
            vscode.l10n.t('Creating HubSpot tasks from TODOs'),
          );
        }
      }
    } catch (error) {
      // Invalid input: no confirmation; invoke returns the same message to the model.
      this.deps.log.debug(`Language model tool ${name}: ${errorText(error, this.deps.todo.signInCommand)}`);
    }
    return undefined;
  }

  private consent(title: string, markdown: string, invocationMessage: string): vscode.PreparedToolInvocation {
    // Untrusted by default (no command links, no HTML); confirm.ts escaped every HubSpot or model value.
    const message = new vscode.MarkdownString(markdown);
    return { invocationMessage, confirmationMessages: { title, message } };
  }

  private async signedIn(): Promise<boolean> {
    await this.deps.auth.ready;
    return this.deps.auth.isSignedIn;
  }

  async invoke(name: LmToolName, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const { signInCommand } = this.deps.todo;
    // The chat's Stop: batch writes end before their next chunk of 100 and report what was sent.
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      if (!(await this.signedIn())) {
        return text(`Not signed in to HubSpot, so nothing was read or changed. Ask the user to run the command "HubSpot: Sign In" (${signInCommand}) and paste a service key (or a private-app token), then try again.`);
      }
      if (token.isCancellationRequested) {
        return text('Cancelled: nothing was sent to HubSpot.');
      }
      return text(await this.run(name, input, { ...this.context(), signal: controller.signal }));
    } catch (error) {
      this.deps.log.warn(`Language model tool ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return text(errorText(error, signInCommand));
    } finally {
      cancel.dispose();
    }
  }

  private async run(name: LmToolName, input: unknown, context: ToolContext): Promise<string> {
    const now = context.now();
    switch (name) {
      case LmToolNames.find:
        return findTasks(context, parseFindInput(input));
      case LmToolNames.get:
        return getTask(context, parseGetInput(input));
      case LmToolNames.create:
        return createTasks(context, parseCreateInput(input, now), this.changed);
      case LmToolNames.update:
        return updateTasks(context, parseUpdateInput(input, now), this.changed);
      case LmToolNames.todos:
        return this.todosToTasks(parseTodosInput(input, now));
      default:
        return `Unknown tool ${quoted(name)}.`;
    }
  }

  private async todoCandidates(request: TodosRequest): Promise<TodoCandidate[]> {
    const { todo } = this.deps;
    let candidates: TodoCandidate[];
    if (request.scope === 'file') {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        return [];
      }
      candidates = todo.documentCandidates(todo.documents as never, document);
    } else {
      candidates = await todo.withText((await todo.workspaceTodos()).filter((c) => !c.todo.linkedTaskId));
    }
    // "due Friday" from the prompt fills in TODOs without their own due: hint; a hint in the comment wins.
    return request.due === undefined ? candidates : candidates.map((c) => (c.todo.hints.due ? c : { ...c, todo: { ...c.todo, hints: { ...c.todo.hints, due: request.due } } }));
  }

  private async todosToTasks(request: TodosRequest): Promise<string> {
    const candidates = await this.todoCandidates(request);
    if (candidates.length === 0) {
      return request.scope === 'file' && !vscode.window.activeTextEditor ? 'No file is open in the editor: open one, or use scope "workspace".' : `No unlinked TODOs in the ${request.scope === 'file' ? 'active file' : 'workspace'}.`;
    }
    // The person confirmed the workspace-set default associations listed in the confirmation.
    const defaults = defaultAssociationsSource(this.deps.todo.inspectDefaultAssociations()).values;
    const summary = await this.deps.todo.create(candidates, { defaultAssociations: defaults });
    const byKey = new Map(candidates.map((c) => [c.key, c]));
    const where = (key: string) => {
      const c = byKey.get(key);
      return c ? `${c.relativePath}:${c.todo.range.line + 1}` : key;
    };
    const lines = [`Created ${summary.created.length} task(s) from TODOs${summary.recovered ? ` (${summary.recovered} found already created by an earlier attempt, not duplicated)` : ''}.`];
    const data = summary.created.slice(0, RESULT_LINES_MAX).map((c) => `- HS-${c.taskId} from ${quoted(where(c.key), 200)}: ${quoted(byKey.get(c.key)?.todo.text ?? '')}${c.linked ? '' : ' (TODO changed meanwhile: link not written)'}`);
    if (summary.created.length > data.length) {
      data.push(`- … and ${summary.created.length - data.length} more`);
    }
    for (const failure of summary.failed.slice(0, RESULT_LINES_MAX)) {
      data.push(`- failed for ${quoted(where(failure.key), 200)}: ${quoted(failure.message, 300)} (its TODO was left unchanged)`);
    }
    data.push(...summary.unresolved.slice(0, RESULT_LINES_MAX).map((problem) => `- hint not resolved: ${quoted(problem, 300)}`));
    if (data.length) {
      lines.push(dataBlock(data));
    }
    if (summary.cancelled) {
      lines.push(`${summary.cancelled} not created (cancelled).`);
    }
    return lines.join('\n');
  }
}
