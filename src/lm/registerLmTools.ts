// Registers the language model tools (VS Code's agent chat calls them; package.json contributes their
// descriptions and schemas). Only names and this registration live in the main bundle: the tools load on
// their first use from dist/lmTools.js (esbuild.js LAZY_BUNDLES), so activation pays nothing for them.
import * as vscode from 'vscode';
import type { FeatureHost } from '../featureHost';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import type * as LmToolsModule from './lmTools';
import type { LmTodoParts, LmTools } from './lmTools';
import { LmToolNames } from './names';
import { Commands } from '../constants';
import type { TodoFeatures } from '../todo/registerTodoFeatures';
import { documentCandidates } from '../todo/todoCandidates';
import { inspectDefaultAssociations, readTodoSettings } from '../todo/todoSettings';

export function registerLmTools(host: FeatureHost, features: TodoFeatures): LazyFeature<LmTools> | undefined {
  // Hosts without the tool API (older VS Code forks) simply get no tools.
  if (typeof vscode.lm?.registerTool !== 'function') {
    return undefined;
  }
  // The TODO engine's parts as the commands use them (same scanning, creator and duplicate safety).
  const todo: LmTodoParts = {
    documents: features.documents,
    documentCandidates: documentCandidates as LmTodoParts['documentCandidates'],
    // The workspace scan loads from its own bundle (dist/todoWorkspace.js) on first use, as for the commands.
    workspaceTodos: () => features.workspace.todos(),
    withText: (candidates) => features.workspace.withText(candidates),
    create: async (candidates, options) => {
      const summary = await features.creator.create(candidates, options);
      // As after the commands: the new links' statuses (linked-TODO decorations) are read.
      void features.linked.refresh(false);
      return summary;
    },
    inspectDefaultAssociations: () => inspectDefaultAssociations().inspected,
    defaultDueInDays: () => readTodoSettings().defaultDueInDays,
    signInCommand: Commands.signIn,
  };
  const tools = lazyFeature('Language model tools', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = require('./lmTools') as typeof LmToolsModule;
    return lazy.createLmTools({ client: host.client, auth: host.auth, log: host.log, tasksChanged: host.tasksChanged, todo });
  }, host.log);
  for (const name of Object.values(LmToolNames)) {
    host.register(vscode.lm.registerTool<unknown>(name, {
      prepareInvocation: (options) => tools.get().prepare(name, options.input),
      invoke: (options, token) => tools.get().invoke(name, options.input, token),
    }));
  }
  return tools;
}
