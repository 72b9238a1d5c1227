// The main bundle's TODO parsing and settings, as the workspace bundle receives them. Everything here is
// already in dist/extension.js (open documents' CodeLens and hovers need it at once), so passing it in,
// instead of importing it by value, keeps a second copy of the comment scanner and the language table
// (≈ 25 KB) out of dist/todoWorkspace.js. Built by todoWorkspaceLoader.ts.
import type { DocumentTodos } from '../documentTodos';
import type { languageForFile } from '../core/languages';
import type { DEFAULT_TAGS, findTodos, todoKeys } from '../core/todoParser';
import type { markDoneEdit, removeEdits } from '../core/writeBack';
import type { readTodoSettings, secretFileMatcher } from '../todoSettings';

export interface TodoToolkit {
  readonly findTodos: typeof findTodos;
  readonly todoKeys: typeof todoKeys;
  readonly languageForFile: typeof languageForFile;
  readonly defaultTags: typeof DEFAULT_TAGS;
  /** DocumentTodos.languageOf: the editor's language when it has a comment syntax, else by file name. */
  readonly languageOf: typeof DocumentTodos.languageOf;
  /** DocumentTodos.relativePath: the workspace-relative, `/`-separated path TODO keys are made of. */
  readonly relativePath: typeof DocumentTodos.relativePath;
  readonly readTodoSettings: typeof readTodoSettings;
  readonly secretFileMatcher: typeof secretFileMatcher;
  readonly markDoneEdit: typeof markDoneEdit;
  readonly removeEdits: typeof removeEdits;
}
