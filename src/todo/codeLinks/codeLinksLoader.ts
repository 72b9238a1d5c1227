// Stands in for "code and task linked both ways" in the main bundle and loads it (dist/codeLinks.js) on first
// use: "Go to Code", or, once the user is signed in, shortly after start-up, because noticing linked TODOs
// that disappear needs the index built before they do. Activation itself loads none of it.
import * as vscode from 'vscode';
import type { FeatureHost } from '../../featureHost';
import { lazyFeature, type LazyFeature } from '../../util/lazyFeature';
import { languageForFile } from '../core/languages';
import { DEFAULT_TAGS, findTodos } from '../core/todoParser';
import { DocumentTodos } from '../documentTodos';
import { TodoCommands } from '../todoCommandIds';
import { readTodoSettings, secretFileMatcher } from '../todoSettings';
import type * as CodeLinksModule from './codeLinks';
import type { CodeLinks, CodeLinksDeps, CodeLinksHooks } from './codeLinks';

/** After start-up, before the index is built: the window's own start-up work goes first. */
const START_DELAY_MS = 3_000;

/** `folderTodos`: the workspace TODO commands' scan of a folder (their cache), which the index's first scan shares. */
export function registerCodeLinks(host: Pick<FeatureHost, 'client' | 'auth' | 'log' | 'tasksChanged' | 'notify' | 'register'>, folderTodos: CodeLinksDeps['folderTodos'], hooks?: CodeLinksHooks): LazyFeature<CodeLinks> {
  // A literal path: esbuild.js (LAZY_BUNDLES) rewrites it to ./codeLinks.js; under tsc it is the module next to this one.
  const feature = lazyFeature('Code links', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = require('./codeLinks') as typeof CodeLinksModule;
    const toolkit = { findTodos, languageForFile, defaultTags: DEFAULT_TAGS, languageOf: DocumentTodos.languageOf, relativePath: DocumentTodos.relativePath, readTodoSettings, secretFileMatcher };
    return host.register(lazy.createCodeLinks({ ...host, toolkit, hooks, folderTodos }));
  }, host.log);
  host.register(vscode.commands.registerCommand(TodoCommands.goToCode, (arg: unknown) => feature.get().goToCode(arg)));
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    if (host.auth.isSignedIn && !timer && !feature.current) {
      timer = setTimeout(() => {
        try {
          feature.get();
        } catch (error) {
          host.log.warn(`Linked TODO index not started: ${error instanceof Error ? error.message : String(error)}`);
        }
      }, START_DELAY_MS);
    }
  };
  host.register(host.auth.onDidChange(start));
  host.register({ dispose: () => clearTimeout(timer) });
  void host.auth.ready.then(start);
  return feature;
}
