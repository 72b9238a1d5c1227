// "Go to Task…" in the main bundle: the command only. The quick pick and its HubSpot work load on first
// use from their own bundle (goToTask/, dist/goToTask.js).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import type { TaskService } from '../services/taskService';
import type * as GoToTaskModule from './goToTask/goToTask';
import type { GoToTask } from './goToTask/goToTask';

export function registerGoToTask(host: FeatureHost, tasks: Pick<TaskService, 'ownerName'>): LazyFeature<GoToTask> {
  const feature = lazyFeature('Go to Task', () => {
    // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./goToTask.js`.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('./goToTask/goToTask') as typeof GoToTaskModule;
    return host.register(module.createGoToTask({
      client: host.client,
      notify: host.notify,
      log: host.log,
      me: () => host.auth.me(),
      isSignedIn: () => host.auth.isSignedIn,
      ownerName: (id) => tasks.ownerName(id),
      accountKey: () => host.auth.accountKey,
    }));
  }, host.log);
  host.register(vscode.commands.registerCommand(Commands.goToTask, () => feature.get().show()));
  return feature;
}
