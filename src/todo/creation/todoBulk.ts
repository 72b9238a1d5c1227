// The lazily loaded half of "Create tasks from TODOs" (its own bundle, dist/todoBulk.js): hint
// resolution, task content, duplicate-safe batch creation and the progress UI. Loaded on first use by
// TodoCreatorLoader (todoCreatorLoader.ts), which passes in the container's shared instances.
import type { KeyValueStore } from '../../services/events';
import { UncheckedTodos } from '../core/uncheckedTodos';
import { TodoCreator, type CreatorHooks, type TodoCreatorDeps } from './todoCreator';

/** `workspaceState`: where the TODOs no run could confirm are remembered (UncheckedTodos, built here: only creation reads it). */
export function createTodoCreator(deps: TodoCreatorDeps, workspaceState: KeyValueStore, hooks?: CreatorHooks): TodoCreator {
  return new TodoCreator(deps, new UncheckedTodos(workspaceState), hooks);
}
