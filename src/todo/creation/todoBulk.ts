// The lazily loaded half of "Create tasks from TODOs" (its own bundle, dist/todoBulk.js): hint
// resolution, task content, duplicate-safe batch creation and the progress UI. Loaded on first use by
// TodoCreatorLoader (todoCreatorLoader.ts), which passes in the container's shared instances.
import type { UncheckedTodos } from '../core/uncheckedTodos';
import { TodoCreator, type CreatorHooks, type TodoCreatorDeps } from './todoCreator';

export function createTodoCreator(deps: TodoCreatorDeps, unchecked: UncheckedTodos, hooks?: CreatorHooks): TodoCreator {
  return new TodoCreator(deps, unchecked, hooks);
}
