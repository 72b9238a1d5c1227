// "HubSpot: Choose API Version…" in the main bundle: the command only. Its quick pick loads on first use from
// its own bundle (apiVersionPick/, dist/apiVersionPick.js).
import * as vscode from 'vscode';
import { configuredApiVersion } from '../auth/clientFactory';
import { Commands } from '../constants';
import type { FeatureHost } from '../featureHost';
import { API_VERSIONS, DEFAULT_API_VERSION } from '../hubspot/endpoints';
import { lazyFeature } from '../util/lazyFeature';
import type * as ApiVersionPickModule from './apiVersionPick/apiVersionPick';

export function registerApiVersionCommand(host: Pick<FeatureHost, 'notify' | 'log' | 'register'>): void {
  // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./apiVersionPick.js`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pick = lazyFeature('Choose API Version', () => require('./apiVersionPick/apiVersionPick') as typeof ApiVersionPickModule, host.log);
  host.register(vscode.commands.registerCommand(Commands.chooseApiVersion, () => pick.get().chooseApiVersion({
    notify: host.notify, versions: API_VERSIONS, defaultVersion: DEFAULT_API_VERSION, current: configuredApiVersion,
  })));
}
