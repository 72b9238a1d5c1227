// What "nothing lost" means after a chaos run, as assertions: exactly N tasks, each TODO linked to the
// one task that carries its marker, no duplicate, every file's text unchanged except the link headers.
import * as assert from 'assert';
import * as fs from 'fs';
import type { Sandbox } from '../../../../sandbox/types';
import { allTasks, scanTodos, tasksByMarker, unlinkedText, type ChaosOutcome } from './todoChaos';

export interface ChaosVerdict {
  tasks: number;
  linked: number;
  duplicates: number;
}

export async function assertNothingLost(sandbox: Sandbox, root: string, n: number, originals: Map<string, string>, outcome: ChaosOutcome, options: { keysMatch?: boolean } = {}): Promise<ChaosVerdict> {
  const todos = await scanTodos(root);
  assert.strictEqual(todos.length, n, 'every TODO comment is still there (and no TODO in a string was picked up)');
  const unlinked = todos.filter((t) => !t.linkedTaskId);
  assert.deepStrictEqual(unlinked.map((t) => `${t.relativePath}: ${t.text}`), [], `all ${n} TODOs linked after ${outcome.rounds} round(s): ${outcome.summaries.join(' | ')}`);

  const tasks = await allTasks(sandbox);
  assert.strictEqual(sandbox.state().tasks, n, 'exactly N tasks in the sandbox');
  assert.strictEqual(tasks.length, n);
  // Each task carries one TODO marker, and no marker is carried twice: no duplicate.
  const markers = tasks.map((t) => [...new Set((t.properties.hs_task_body ?? '').match(/hstodo[0-9a-f]+/g) ?? [])]);
  assert.ok(markers.every((m) => m.length === 1), 'every task carries exactly one TODO marker');
  const duplicates = markers.length - new Set(markers.map((m) => m[0])).size;
  assert.strictEqual(duplicates, 0, 'no TODO has two tasks');
  // The comments link exactly the tasks that exist, each once.
  assert.deepStrictEqual(new Set(todos.map((t) => t.linkedTaskId)), new Set(tasks.map((t) => t.id)), 'the N linked ids are the N tasks');
  if (options.keysMatch) {
    // Keys computed the way the extension does for this root: each TODO is linked to the task with its marker.
    const byMarker = tasksByMarker(tasks, todos.map((t) => t.key));
    for (const todo of todos) {
      assert.deepStrictEqual(byMarker.get(todo.key), [todo.linkedTaskId], `${todo.relativePath} "${todo.text}" is linked to the one task carrying its marker`);
    }
  }

  for (const [file, original] of originals) {
    const now = fs.readFileSync(file, 'utf8');
    assert.strictEqual(unlinkedText(now), original, `${file}: only the link headers changed`);
  }

  // The summaries account for every TODO of their round; the last round has no failure.
  if (outcome.results.length > 0) {
    let attempted = n;
    for (const result of outcome.results) {
      assert.strictEqual(result.created.size + result.failed.size + result.cancelled.length, attempted, 'each round accounts for every TODO it was given');
      for (const key of result.created.keys()) {
        assert.ok(!result.failed.has(key), 'a TODO is never both created and failed');
      }
      attempted = result.failed.size;
    }
    assert.strictEqual(attempted, 0);
  }
  return { tasks: tasks.length, linked: todos.length - unlinked.length, duplicates };
}
