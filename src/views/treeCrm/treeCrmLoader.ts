// Stands in for the tree's CRM and filters bundle (dist/treeCrm.js) in the main bundle: loads it with the
// tree's first page, the first filter row or the first filter command. TasksTreeProvider.records() creates
// the one TaskRecords from it.
import type { HubSpotApi } from '../../hubspot/api';
import type { TaskRecords } from '../../services/taskRecords';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';
import type { Logger } from '../../util/logger';
import type * as TreeCrmModule from './treeCrm';

export class TreeCrmLoader {
  private readonly feature: LazyFeature<typeof TreeCrmModule>;
  /** Created by the provider on first use (never loads the bundle by itself). */
  records: TaskRecords | undefined;

  constructor(readonly client: HubSpotApi, readonly accountKey: () => string | undefined, readonly log: Pick<Logger, 'debug'>) {
    // A literal relative path, as taskTooltipLoader.ts: esbuild.js rewrites it to `./treeCrm.js`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.feature = lazyFeature('Tree CRM', () => require('./treeCrm') as typeof TreeCrmModule, log);
  }

  get module(): typeof TreeCrmModule {
    return this.feature.get();
  }
}
