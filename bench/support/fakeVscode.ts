// A minimal stand-in for the `vscode` module, so editor-facing code (the status bar, activate()) can
// run in plain Node for measurement. Anything not modelled below is a permissive stub: callable,
// constructible, every property another stub, never a thenable; values assigned to it are kept.
// It answers "how much work does this code do", not "does it behave in VS Code" (the in-host suite
// answers that).
import * as fs from 'fs';
import Module from 'module';

type Stub = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

function stub(name: string): Stub {
  const assigned = new Map<string | symbol, unknown>();
  const children = new Map<string | symbol, Stub>();
  const target = function () { /* stub */ } as unknown as Stub;
  const proxy: Stub = new Proxy(target, {
    get(_t, prop) {
      if (assigned.has(prop)) {
        return assigned.get(prop);
      }
      if (prop === 'then') {
        return undefined; // never a thenable: `await stub` resolves to it
      }
      if (prop === Symbol.toPrimitive) {
        return () => `[stub ${name}]`;
      }
      if (prop === Symbol.iterator) {
        return function* () { /* empty */ };
      }
      if (prop === 'dispose') {
        return () => undefined;
      }
      if (prop === 'toJSON') {
        return () => undefined;
      }
      let child = children.get(prop);
      if (!child) {
        child = stub(`${name}.${String(prop)}`);
        children.set(prop, child);
      }
      return child;
    },
    set(_t, prop, value) {
      assigned.set(prop, value);
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  });
  return proxy;
}

const disposable = () => ({ dispose: () => undefined });

class EventEmitter<T> {
  private listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) {
      l(value);
    }
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly onDispose: () => unknown) {}
  dispose(): void {
    this.onDispose();
  }
}

class Uri {
  constructor(readonly scheme: string, readonly path: string) {}
  static file(p: string): Uri {
    return new Uri('file', p);
  }
  static parse(value: string): Uri {
    return new Uri(value.split(':')[0], value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(): Uri {
    return this;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class TreeItem {
  constructor(readonly label: unknown, readonly collapsibleState?: number) {}
}

class Named {
  constructor(readonly id: string, readonly extra?: unknown) {}
}

function format(message: string, ...args: unknown[]): string {
  const values = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : args;
  return message.replace(/\{(\w+)\}/g, (m, key: string) => (key in (values as object) ? String((values as Record<string, unknown>)[key]) : m));
}

/** Settings as the package.json defaults (plus overrides), like a fresh profile. */
function configuration(defaults: Record<string, unknown>) {
  return {
    get: <T>(key: string, fallback?: T) => (key in defaults ? defaults[key] : fallback) as T,
    has: (key: string) => key in defaults,
    inspect: (key: string) => ({ key, defaultValue: defaults[key] }),
    update: async () => undefined,
  };
}

export interface FakeVscodeOptions {
  settings?: Record<string, unknown>;
}

export function createFakeVscode(options: FakeVscodeOptions = {}): Record<string, unknown> {
  const settings = options.settings ?? {};
  const base = stub('vscode');
  const overrides: Record<string, unknown> = {
    EventEmitter,
    Disposable,
    Uri,
    TreeItem,
    ThemeIcon: Named,
    ThemeColor: Named,
    MarkdownString: class { constructor(readonly value = '') {} appendMarkdown(v: string) { return v; } appendText(v: string) { return v; } },
    StatusBarAlignment: { Left: 1, Right: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    l10n: { t: (message: string | { message: string; args?: unknown[] }, ...args: unknown[]) => (typeof message === 'string' ? format(message, ...args) : format(message.message, ...(message.args ?? []))) },
    env: { language: 'en', machineId: 'bench', uriScheme: 'vscode', appName: 'bench', openExternal: async () => true, clipboard: { writeText: async () => undefined } },
    workspace: new Proxy({
      getConfiguration: () => configuration(settings),
      onDidChangeConfiguration: disposable,
      workspaceFolders: undefined,
    } as Record<string, unknown>, { get: (t, p) => (p in t ? t[p as string] : (base.workspace as Stub)[p]) }),
    commands: { registerCommand: disposable, executeCommand: async () => undefined, getCommands: async () => [] },
    authentication: new Proxy({
      getSession: async () => undefined,
      registerAuthenticationProvider: disposable,
      onDidChangeSessions: disposable,
    } as Record<string, unknown>, { get: (t, p) => (p in t ? t[p as string] : (base.authentication as Stub)[p]) }),
  };
  // Bundlers copy the module's own property names (esbuild's __toESM): list every name the real API exports.
  const names = new Set([...apiNames(), ...Object.keys(overrides)]);
  return new Proxy(overrides, {
    get: (t, p) => (p in t ? t[p as string] : base[p]),
    ownKeys: () => [...names],
    getOwnPropertyDescriptor: (t, p) => ({ configurable: true, enumerable: true, writable: true, value: p in t ? t[p as string] : base[p] }),
  });
}

/** Top-level names of the `vscode` module, from its type declarations. */
function apiNames(): string[] {
  try {
    const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
    return [...new Set([...dts.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]))];
  } catch {
    return [];
  }
}

/** A fresh ExtensionContext: empty secret storage (signed out), in-memory mementos. */
export function createFakeContext(extensionPath: string): Record<string, unknown> {
  const memento = () => {
    const values = new Map<string, unknown>();
    return { get: <T>(k: string, d?: T) => (values.has(k) ? values.get(k) : d) as T, update: async (k: string, v: unknown) => void values.set(k, v), keys: () => [...values.keys()], setKeysForSync: () => undefined };
  };
  const secrets = new Map<string, string>();
  const secretChanged = new EventEmitter<{ key: string }>();
  const base = stub('context');
  const context: Record<string, unknown> = {
    subscriptions: [],
    workspaceState: memento(),
    globalState: memento(),
    secrets: {
      get: async (k: string) => secrets.get(k),
      store: async (k: string, v: string) => { secrets.set(k, v); secretChanged.fire({ key: k }); },
      delete: async (k: string) => { secrets.delete(k); secretChanged.fire({ key: k }); },
      onDidChange: secretChanged.event,
    },
    extensionUri: Uri.file(extensionPath),
    extensionPath,
    extension: { id: 'hubspot-tasks-community.hubspot-tasks', packageJSON: {} },
    extensionMode: 1,
    logUri: Uri.file('/tmp'),
    globalStorageUri: Uri.file('/tmp'),
    storageUri: undefined,
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
  };
  return new Proxy(context, { get: (t, p) => (p in t ? t[p as string] : base[p]) });
}

/** Makes `require('vscode')` return `fake` in this process. */
export function installFakeVscode(fake: Record<string, unknown>): void {
  const internal = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
    _cache: Record<string, unknown>;
  };
  const original = internal._resolveFilename;
  internal._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : original.call(this, request, ...rest);
  };
  const cached = new Module('vscode');
  cached.exports = fake;
  cached.loaded = true;
  internal._cache.vscode = cached;
}
