// Stands in for the task tooltip in the main bundle and loads it (dist/taskTooltip.js) on the first
// hover: the tooltip converts task notes from HTML, which neither activation nor drawing the tree needs.
// The load is a synchronous require() of a few KB inside resolveTreeItem (about a millisecond, logged by
// lazyFeature), so resolveTreeItem stays synchronous and the first tooltip is not a frame later.
import type { RecordRef } from '../../tasks/filters';
import type { Task } from '../../tasks/task';
import type { Logger } from '../../util/logger';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';
import type * as TaskTooltipModule from './taskTooltip';

export class TaskTooltipLoader {
  private readonly feature: LazyFeature<typeof TaskTooltipModule>;

  constructor(log: Pick<Logger, 'debug'>) {
    // A literal relative path, so both builds resolve it: under `tsc` (out/src/views/taskTooltip/) it is
    // the compiled module next to this one; esbuild.js (LAZY_BUNDLES) rewrites it to `./taskTooltip.js`,
    // which Node resolves next to dist/extension.js. Type-only imports above keep it out of this bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.feature = lazyFeature('Task tooltip', () => require('./taskTooltip') as typeof TaskTooltipModule, log);
  }

  tooltip(task: Task, ownerName: string | undefined, records?: RecordRef[]): string {
    return this.feature.get().taskTooltip(task, ownerName, records);
  }
}
