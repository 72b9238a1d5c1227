// "Create HubSpot Task from Selection" in the main bundle: the command only; the work loads on first use
// from its own bundle (src/todo/selection/, dist/selectionTask.js).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import type * as SelectionModule from '../todo/selection/selectionTaskFeature';
import type { SelectionTaskFeature } from '../todo/selection/selectionTaskFeature';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import type { TaskEditorsLoader } from '../webviews/taskEditor/registerTaskEditor';

export function registerSelectionTask(host: FeatureHost, editors: Pick<TaskEditorsLoader, 'create'>): LazyFeature<SelectionTaskFeature> {
  const feature = lazyFeature('Task from selection', () => {
    // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./selectionTask.js`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('../todo/selection/selectionTaskFeature') as typeof SelectionModule;
    return module.createSelectionTask({
      client: host.client,
      notify: host.notify,
      log: host.log,
      isSignedIn: () => host.auth.isSignedIn,
      openEditor: (prefill) => {
        editors.create(prefill);
      },
    });
  }, host.log);
  host.register(vscode.commands.registerCommand(Commands.createFromSelection, () => feature.get().run(vscode.window.activeTextEditor)));
  return feature;
}
