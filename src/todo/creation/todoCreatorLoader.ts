// Stands in for TodoCreator in the main bundle and loads it (dist/todoBulk.js) on the first creation:
// activation never needs the bulk path, so loading it there only cost start-up time and the main
// bundle's size (bench P5: dist/extension.js ≤ 150 KB).
import type { CreationSummary, CreatorHooks, TodoCandidate, TodoCreator, TodoCreatorDeps } from './todoCreator';
import type * as TodoBulkModule from './todoBulk';
import type { KeyValueStore } from '../../services/events';
import type { InspectedSetting } from './associationConsent';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';

export class TodoCreatorLoader {
  private readonly creator: LazyFeature<TodoCreator>;

  /**
   * `workspaceState`: where TODOs no run could confirm are remembered (the creator's UncheckedTodos).
   * `hooks`: passed to the creator when it loads; only the in-host tests' (ExtensionMode.Test) give any.
   */
  constructor(deps: TodoCreatorDeps, workspaceState: KeyValueStore, hooks?: CreatorHooks) {
    // A literal relative path, so both builds resolve it: under `tsc` (out/src/todo/creation/) it is the
    // compiled module next to this one; esbuild.js (LAZY_BUNDLES) rewrites it to `./todoBulk.js`, which
    // Node resolves next to dist/extension.js. Type-only imports above keep it out of the main bundle.
    this.creator = lazyFeature('TODO bulk creation', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lazy = require('./todoBulk') as typeof TodoBulkModule;
      return lazy.createTodoCreator(deps, workspaceState, hooks);
    }, deps.log);
  }

  /** Cancels the running creation before its next chunk. Nothing runs when the creator never loaded. */
  cancel(): void {
    this.creator.current?.cancel();
  }

  /** Asks about default associations a workspace set (loads the creator: a creation follows). */
  confirmDefaultAssociations(taskCount: number, defaults: InspectedSetting): Promise<string[] | undefined> {
    return this.creator.get().confirmDefaultAssociations(taskCount, defaults);
  }

  create(candidates: readonly TodoCandidate[], options?: { defaultAssociations?: readonly string[] }): Promise<CreationSummary> {
    return this.creator.get().create(candidates, options);
  }

  report(summary: CreationSummary, byKey: Map<string, TodoCandidate>): void {
    this.creator.get().report(summary, byKey);
  }
}
