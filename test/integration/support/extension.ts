// In-host helpers: our extension, its manifest, and its Container (from the command the extension registers
// only in ExtensionMode.Test: activate() returns nothing).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Container } from '../../../src/container';
import { EXTENSION_ID, TEST_CONTAINER_COMMAND } from '../../../src/constants';

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
  await ourExtension().activate();
  const container = await vscode.commands.executeCommand<Container | undefined>(TEST_CONTAINER_COMMAND);
  if (!container) {
    throw new Error(`${TEST_CONTAINER_COMMAND} returned nothing: is the extension running in ExtensionMode.Test?`);
  }
  return container;
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
