// The "Create tasks from TODOs in the workspace" command without its UI (TodoCreator.create and
// workspaceTodos, minus vscode): scan with the project's scanner, key each TODO (todoKeys), resolve its
// hints (HintResolver: one batch read per record type), map it (taskContent.createInput), then create
// through the project's duplicate-safe bulk path (createTasksForTodos: ⌈N/100⌉ batch creates) — or,
// for the reference, one createTask per TODO as other extensions do, after the very same preparation.
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import type { HubSpotApi } from '../../src/hubspot/api';
import { createInput } from '../../src/todo/core/taskContent';
import { todoKeys } from '../../src/todo/core/todoParser';
import { scanWorkspace } from '../../src/todo/core/workspaceScanner';
import { HintResolver } from '../../src/todo/core/hintResolver';
import { createTasksForTodos, type CreationOptions, type CreationResult, type TodoInput } from '../../src/todo/core/taskCreation';
import { DEMO_OWNER_ID as DEMO_OWNER } from '../../test/support/demo';

export { DEMO_OWNER };
const DEFAULT_DUE_DAYS = 7;

export interface PreparedTodo extends TodoInput {
  path: string;
  line: number;
}

export interface BulkOutcome {
  todos: number;
  created: number;
  failed: number;
  inputs: PreparedTodo[];
  result?: CreationResult;
  /** Scan + keys + hint resolution + mapping, then the create requests (ms). */
  prepareMs: number;
  createMs: number;
}

export async function prepareTodos(api: HubSpotApi, root: string, now = new Date()): Promise<PreparedTodo[]> {
  const scan = await scanWorkspace({ root });
  const candidates = scan.files.flatMap((file) => {
    const keys = todoKeys(file.relativePath, file.todos);
    const documentText = fs.readFileSync(file.path, 'utf8');
    // Like workspaceTodos(): TODOs already linked to a task are not offered again.
    return file.todos.map((todo, i) => ({ file, todo, key: keys[i], documentText })).filter((c) => !c.todo.linkedTaskId);
  });
  const resolver = new HintResolver(api);
  await resolver.prefetch(candidates.flatMap((c) => c.todo.hints.associations));
  const out: PreparedTodo[] = [];
  for (const c of candidates) {
    const resolution = await resolver.resolve(c.todo.hints.associations);
    const { input } = createInput(
      { todo: c.todo, relativePath: c.file.relativePath, key: c.key, documentText: c.documentText },
      { now, ownerId: DEMO_OWNER, defaultDueDays: DEFAULT_DUE_DAYS },
      resolution.associations,
    );
    out.push({ key: c.key, input, path: c.file.path, line: c.todo.range.line });
  }
  return out;
}

export async function bulkCreateFromWorkspace(
  api: HubSpotApi, root: string, mode: 'batch' | 'one-per-todo', options: CreationOptions = {},
): Promise<BulkOutcome> {
  const started = performance.now();
  const inputs = await prepareTodos(api, root);
  const prepared = performance.now();
  const prepareMs = prepared - started;
  if (mode === 'batch') {
    const result = await createTasksForTodos(api, inputs, options);
    return { todos: inputs.length, created: result.created.size, failed: result.failed.size, inputs, result, prepareMs, createMs: performance.now() - prepared };
  }
  let created = 0;
  let failed = 0;
  for (const { input } of inputs) {
    try {
      await api.tasks.createTask(input);
      created++;
    } catch {
      failed++;
    }
  }
  return { todos: inputs.length, created, failed, inputs, prepareMs, createMs: performance.now() - prepared };
}
