// Stands in for the workspace TODO commands' lazy half in the main bundle and loads it
// (dist/todoWorkspace.js) on first use: scanning the workspace, the review quick pick and planning a
// clean-up happen only when the user runs one of those commands, so activation and the tree load none of
// it (bench P5: dist/extension.js ≤ 150 KB). It hands the bundle the main bundle's TODO parser and settings
// (TodoToolkit), which the open documents' CodeLens and hovers need here anyway.
import type { Notifier } from '../../ui/notifier';
import type { Logger } from '../../util/logger';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';
import { languageForFile } from '../core/languages';
import { DEFAULT_TAGS, findTodos, todoKeys } from '../core/todoParser';
import { markDoneEdit, removeEdits } from '../core/writeBack';
import { DocumentTodos } from '../documentTodos';
import type { LinkedTodos } from '../linkedTodos';
import { readTodoSettings, secretFileMatcher } from '../todoSettings';
import type * as TodoWorkspaceModule from './todoWorkspace';
import type { TodoWorkspace } from './todoWorkspace';
import type { TodoToolkit } from './todoToolkit';
import type { ScanStorage, WorkspaceScanHooks } from './workspaceTodos';

export interface TodoWorkspaceLoaderDeps {
  readonly notify: Pick<Notifier, 'pick' | 'progress'>;
  readonly linked: Pick<LinkedTodos, 'read'>;
  readonly log: Pick<Logger, 'debug'>;
  /** Only in ExtensionMode.Test (the composition root's TestHooks). */
  readonly hooks?: WorkspaceScanHooks;
  /** Where scan results are kept between sessions (context.storageUri; none without a workspace). */
  readonly scanStorage?: ScanStorage;
}

export class TodoWorkspaceLoader implements TodoWorkspace {
  private readonly feature: LazyFeature<TodoWorkspace>;

  constructor(deps: TodoWorkspaceLoaderDeps) {
    const toolkit: TodoToolkit = {
      findTodos, todoKeys, languageForFile, defaultTags: DEFAULT_TAGS,
      languageOf: (document) => DocumentTodos.languageOf(document),
      relativePath: (uri) => DocumentTodos.relativePath(uri),
      readTodoSettings, secretFileMatcher, markDoneEdit, removeEdits,
    };
    // A literal relative path, so both builds resolve it: under `tsc` (out/src/todo/workspace/) it is the
    // compiled module next to this one; esbuild.js (LAZY_BUNDLES) rewrites it to `./todoWorkspace.js`,
    // which Node resolves next to dist/extension.js. Type-only imports above keep it out of this bundle.
    this.feature = lazyFeature('Workspace TODOs', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lazy = require('./todoWorkspace') as typeof TodoWorkspaceModule;
      return lazy.createTodoWorkspace({ notify: deps.notify, linked: deps.linked, toolkit, hooks: deps.hooks, scanStorage: deps.scanStorage });
    }, deps.log);
  }

  todos(...args: Parameters<TodoWorkspace['todos']>): ReturnType<TodoWorkspace['todos']> {
    return this.feature.get().todos(...args);
  }

  folderTodos(...args: Parameters<TodoWorkspace['folderTodos']>): ReturnType<TodoWorkspace['folderTodos']> {
    return this.feature.get().folderTodos(...args);
  }

  scanWithProgress(): ReturnType<TodoWorkspace['scanWithProgress']> {
    return this.feature.get().scanWithProgress();
  }

  withText(candidates: Parameters<TodoWorkspace['withText']>[0]): ReturnType<TodoWorkspace['withText']> {
    return this.feature.get().withText(candidates);
  }

  review(...args: Parameters<TodoWorkspace['review']>): ReturnType<TodoWorkspace['review']> {
    return this.feature.get().review(...args);
  }

  planCleanUp(...args: Parameters<TodoWorkspace['planCleanUp']>): ReturnType<TodoWorkspace['planCleanUp']> {
    return this.feature.get().planCleanUp(...args);
  }

  /** Stops the loaded feature's file watchers; nothing to do when it never loaded. */
  dispose(): void {
    this.feature.current?.dispose();
  }
}
