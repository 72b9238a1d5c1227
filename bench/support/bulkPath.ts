// The "Create tasks from TODOs in the workspace" path without the UI: scan the folder with the
// project's scanner, map each TODO with the project's TODO → task mapping (taskContent.createInput),
// then create — in batches of 100 (ours) or one request per TODO (the reference, as other extensions do).
// Until the TODO feature exposes its own editor-free bulk service this is the closest real path:
// every step is project code except the loop that ties them together.
import { createHash } from 'crypto';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import type { HubSpotApi } from '../../src/hubspot/api';
import { TASK_ASSOCIATION_TYPE_IDS, type CreateInput, type InlineAssociation } from '../../src/hubspot/types';
import { createInput } from '../../src/todo/core/taskContent';
import type { TodoItem } from '../../src/todo/core/todoParser';
import { scanWorkspace } from '../../src/todo/core/workspaceScanner';

export const DEMO_OWNER = '75000001';

export interface BulkOutcome {
  todos: number;
  created: number;
  failed: number;
  inputs: CreateInput[];
  /** Scan + mapping, then the create requests (ms). */
  prepareMs: number;
  createMs: number;
}

const KIND_TO_TYPE = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;

/** Inline associations for hints that name a record by id (no lookup request needed). */
function associationsOf(todo: TodoItem): InlineAssociation[] {
  return todo.hints.associations
    .filter((hint) => /^\d+$/.test(hint.value))
    .map((hint) => ({
      to: { id: hint.value },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_ASSOCIATION_TYPE_IDS[KIND_TO_TYPE[hint.kind]] }],
    }));
}

export async function todoInputs(root: string, now = new Date()): Promise<CreateInput[]> {
  const scan = await scanWorkspace({ root });
  const inputs: CreateInput[] = [];
  for (const file of scan.files) {
    const documentText = fs.readFileSync(file.path, 'utf8');
    for (const todo of file.todos) {
      const key = createHash('sha1').update(`${file.relativePath}\n${todo.range.line}\n${todo.text}`).digest('hex').slice(0, 16);
      const { input } = createInput(
        { todo, relativePath: file.relativePath, key, documentText },
        { now, ownerId: DEMO_OWNER, defaultDueDays: 7 },
        associationsOf(todo),
      );
      inputs.push(input);
    }
  }
  return inputs;
}

export async function bulkCreateFromWorkspace(client: HubSpotApi, root: string, mode: 'batch' | 'one-per-todo'): Promise<BulkOutcome> {
  const started = performance.now();
  const inputs = await todoInputs(root);
  const prepared = performance.now();
  const prepareMs = prepared - started;
  if (mode === 'batch') {
    const result = await client.tasks.batchCreateTasks(inputs);
    const failed = result.errors.reduce((n, e) => n + e.ids.length, 0);
    return { todos: inputs.length, created: result.results.length, failed, inputs, prepareMs, createMs: performance.now() - prepared };
  }
  let created = 0;
  let failed = 0;
  for (const input of inputs) {
    try {
      await client.tasks.createTask(input);
      created++;
    } catch {
      failed++;
    }
  }
  return { todos: inputs.length, created, failed, inputs, prepareMs, createMs: performance.now() - prepared };
}
