// In-host helpers: our extension, its manifest, its Container and the hooks tests steer (both from the
// command the extension registers only in ExtensionMode.Test: activate() returns nothing).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { EXTENSION_ID, TEST_CONTAINER_COMMAND } from '../../../src/constants';
import type { TestHandOff, TestHooks } from '../../../src/testHooks';

export interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes: {
    commands?: Array<{ command: string; title: string; category?: string }>;
    views?: Record<string, Array<{ id: string; name: string; type?: string }>>;
    viewsContainers?: Record<string, Array<{ id: string; title: string }>>;
    configuration?: { properties: Record<string, { default?: unknown; type?: string | string[] }> } | Array<{ properties: Record<string, { default?: unknown }> }>;
  };
}

export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  }
  return extension;
}

/**
 * Activates the extension (if needed) and returns its Container, handed over by a command that exists only
 * when VS Code runs the extension for tests. A command run in the same extension host passes its result by
 * reference, so this is the live Container, not a copy.
 */
export async function activateExtension(): Promise<Container> {
  return (await handOff()).container;
}

/**
 * The hooks the in-host tests steer (src/testHooks.ts), live, from the same test-only command: the TODO
 * review's answer, the clean-up's confirmation, the TODO creator's hooks. Give them back with `resetHooks`.
 */
export async function testHooks(): Promise<TestHooks> {
  return (await handOff()).hooks;
}

/** Back to the extension's own behaviour: the real review quick pick, the refactor preview, no creator hooks. */
export function resetHooks(hooks: TestHooks): void {
  hooks.review = undefined;
  hooks.confirmCleanUp = undefined;
  hooks.wrapClient = undefined;
  hooks.afterChunk = undefined;
  hooks.reminderChoice = undefined;
  hooks.openExternal = undefined;
  hooks.onScanProgress = undefined;
  hooks.onScanned = undefined;
}

async function handOff(): Promise<TestHandOff<Container>> {
  await ourExtension().activate();
  const handed = await vscode.commands.executeCommand<TestHandOff<Container> | undefined>(TEST_CONTAINER_COMMAND);
  if (!handed) {
    throw new Error(`${TEST_CONTAINER_COMMAND} returned nothing: is the extension running in ExtensionMode.Test?`);
  }
  return handed;
}

/** package.json as shipped, read at run time so new contributions are checked without editing tests. */
export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ourExtension().extensionPath, 'package.json'), 'utf8')) as Manifest;
}

/** All `contributes.configuration` properties, whether configuration is one object or an array of them. */
export function configurationProperties(m: Manifest = manifest()): Record<string, { default?: unknown }> {
  const configuration = m.contributes.configuration;
  if (!configuration) {
    return {};
  }
  const sections = Array.isArray(configuration) ? configuration : [configuration];
  return Object.assign({}, ...sections.map((section) => section.properties)) as Record<string, { default?: unknown }>;
}
