// The one way the extension puts text in front of the user outside its views: notifications, modal
// questions, progress, quick picks and input boxes. Every string that reaches VS Code here passes
// inertText (src/ui/inertText.ts), so a task subject or a server message can never become a clickable
// `command:` link or an icon; call sites compose messages with `vscode.l10n.t` as usual and cannot forget
// the step. eslint.config.mjs forbids calling those `vscode.window` functions anywhere else.
//
// Only type imports from `vscode`: the composition root hands in `vscode.window` (the sink), and plain
// mocha tests hand in a fake. `onDidShow` reports exactly what was passed to VS Code (tests wait on it).
import type * as vscode from 'vscode';
import { DEFAULT_MAX_LENGTH, inertText } from './inertText';

/** The `vscode.window` functions the notifier calls: `vscode.window` itself in the extension. */
export type UiSink = Pick<typeof vscode.window, 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'withProgress' | 'showQuickPick' | 'showInputBox' | 'setStatusBarMessage'>
  & Partial<Pick<typeof vscode.window, 'createQuickPick'>>;

export type Severity = 'info' | 'warning' | 'error';

/** What reached VS Code, after sanitising. */
export type Shown =
  | { kind: 'message'; severity: Severity; message: string; detail?: string; modal: boolean; items: string[] }
  | { kind: 'progress'; title?: string; message?: string }
  | { kind: 'quickPick'; title?: string; placeHolder?: string; items: Array<Pick<vscode.QuickPickItem, 'label' | 'description' | 'detail'>> }
  | { kind: 'input'; title?: string; prompt?: string; placeHolder?: string }
  | { kind: 'status'; text: string };

/**
 * A quick pick item whose label, description and detail may hold untrusted text; `icon` (a codicon id
 * such as `check`) is ours and is the only icon that renders.
 */
export type PickItem<T extends object = object> = T & Omit<vscode.QuickPickItem, 'iconPath'> & { icon?: string };

/**
 * A quick pick whose items the caller replaces while it is open (search as you type). Items go through
 * the same sanitising as `pick`'s; events hand back the caller's own items.
 */
export interface LivePick<T extends object> extends vscode.Disposable {
  /** What is typed; setting it (a prefill) searches as typing would. */
  value: string;
  readonly onDidChangeValue: vscode.Event<string>;
  /** The active item when Enter is pressed (undefined: none). */
  readonly onDidAccept: vscode.Event<PickItem<T> | undefined>;
  readonly onDidTriggerItemButton: vscode.Event<{ item: PickItem<T>; button: vscode.QuickInputButton }>;
  readonly onDidHide: vscode.Event<void>;
  /** Replaces the list; every item stays visible whatever is typed (the search already matched it). */
  setItems(items: readonly PickItem<T>[]): void;
  /** The progress bar under the input. */
  busy: boolean;
  show(): void;
  hide(): void;
}

/** A label: the longest a quick pick line or a title needs to be. */
const LABEL_MAX = 200;
/** A quick-pick detail line or an input box prompt. */
const LINE_MAX = 300;

export class Notifier {
  private readonly listeners = new Set<(shown: Shown) => void>();

  constructor(private readonly sink: UiSink) {}

  /** Every sanitised thing shown, as it was passed to VS Code. */
  onDidShow(listener: (shown: Shown) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  info<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
    return this.show('info', message, undefined, items);
  }

  warn<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
    return this.show('warning', message, undefined, items);
  }

  error<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
    return this.show('error', message, undefined, items);
  }

  /** A modal warning (a confirmation): `detail` is shown under the message. */
  confirm<T extends string>(message: string, detail: string | undefined, ...items: T[]): Thenable<T | undefined> {
    return this.show('warning', message, { modal: true, detail }, items);
  }

  /** `vscode.window.withProgress`, with the title and every reported message made inert. */
  progress<R>(
    options: vscode.ProgressOptions,
    task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
  ): Thenable<R> {
    const title = options.title === undefined ? undefined : inertText(options.title, LABEL_MAX);
    this.emit({ kind: 'progress', title });
    return this.sink.withProgress({ ...options, title }, (progress, token) => task({
      report: (value) => {
        const message = value.message === undefined ? undefined : inertText(value.message, LINE_MAX);
        this.emit({ kind: 'progress', title, message });
        progress.report({ ...value, message });
      },
    }, token));
  }

  /** `vscode.window.showQuickPick`: returns the chosen item(s) as given (with their own fields). */
  pick<T extends object>(items: readonly PickItem<T>[] | Thenable<readonly PickItem<T>[]>, options: vscode.QuickPickOptions & { canPickMany: true }): Thenable<PickItem<T>[] | undefined>;
  pick<T extends object>(items: readonly PickItem<T>[] | Thenable<readonly PickItem<T>[]>, options?: vscode.QuickPickOptions): Thenable<PickItem<T> | undefined>;
  pick<T extends object>(items: readonly PickItem<T>[] | Thenable<readonly PickItem<T>[]>, options: vscode.QuickPickOptions = {}): Thenable<PickItem<T> | PickItem<T>[] | undefined> {
    const safeOptions = { ...options, title: optional(options.title, LABEL_MAX), placeHolder: optional(options.placeHolder, LINE_MAX) };
    // What is shown is a copy; the caller gets back its own item (its extra fields, unchanged).
    const shown = Promise.resolve<readonly PickItem<T>[]>(items).then((list) => {
      const copies = list.map((item) => ({ item, shown: { ...item, ...safePick(item) } as vscode.QuickPickItem }));
      this.emit({ kind: 'quickPick', title: safeOptions.title, placeHolder: safeOptions.placeHolder, items: copies.map((c) => safePick(c.item)) });
      return copies;
    });
    const list: Thenable<readonly vscode.QuickPickItem[]> = shown.then((copies) => copies.map((c) => c.shown));
    const picked = this.sink.showQuickPick(list, safeOptions as vscode.QuickPickOptions) as Thenable<unknown>;
    return picked.then(async (choice) => {
      const copies = await shown;
      const original = (copy: unknown) => copies.find((c) => c.shown === copy)?.item;
      if (choice === undefined) {
        return undefined;
      }
      return Array.isArray(choice) ? choice.map(original).filter((item): item is PickItem<T> => !!item) : original(choice);
    });
  }

  /** `vscode.window.createQuickPick`, for lists that change as the user types; see LivePick. */
  livePick<T extends object>(options: { title?: string; placeHolder?: string }): LivePick<T> {
    if (!this.sink.createQuickPick) {
      throw new Error('This host has no createQuickPick.');
    }
    const quickPick = this.sink.createQuickPick<vscode.QuickPickItem>();
    const title = optional(options.title, LABEL_MAX);
    const placeHolder = optional(options.placeHolder, LINE_MAX);
    quickPick.title = title;
    quickPick.placeholder = placeHolder;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    let originals = new Map<vscode.QuickPickItem, PickItem<T>>();
    // VS Code reports typing only: a value set by the extension is passed on here, like a keystroke.
    const valueListeners = new Set<(value: string) => void>();
    const original = (shown: vscode.QuickPickItem | undefined) => (shown ? originals.get(shown) : undefined);
    const emit = (shown: Shown) => this.emit(shown);
    return {
      get value() {
        return quickPick.value;
      },
      set value(text: string) {
        quickPick.value = text;
        for (const listener of [...valueListeners]) {
          listener(text);
        }
      },
      onDidChangeValue: (listener, thisArg, disposables) => {
        const call = (value: string) => listener.call(thisArg, value);
        valueListeners.add(call);
        const typed = quickPick.onDidChangeValue(call);
        const subscription = { dispose: () => (valueListeners.delete(call), typed.dispose()) };
        disposables?.push(subscription);
        return subscription;
      },
      onDidAccept: (listener, thisArg, disposables) => quickPick.onDidAccept(() => listener.call(thisArg, original(quickPick.activeItems[0])), undefined, disposables),
      onDidTriggerItemButton: (listener, thisArg, disposables) => quickPick.onDidTriggerItemButton((event) => {
        const item = original(event.item);
        if (item) {
          listener.call(thisArg, { item, button: event.button });
        }
      }, undefined, disposables),
      onDidHide: quickPick.onDidHide,
      setItems(items) {
        originals = new Map(items.map((item) => [{ ...item, ...safePick(item), alwaysShow: true } as vscode.QuickPickItem, item]));
        quickPick.items = [...originals.keys()];
        // The first result is the one Enter takes (VS Code does not always activate one for a new list).
        const first = quickPick.items[0];
        quickPick.activeItems = first ? [first] : [];
        emit({ kind: 'quickPick', title, placeHolder, items: items.map(safePick) });
      },
      get busy() {
        return quickPick.busy;
      },
      set busy(value: boolean) {
        quickPick.busy = value;
      },
      show: () => quickPick.show(),
      hide: () => quickPick.hide(),
      dispose: () => quickPick.dispose(),
    };
  }

  /** `vscode.window.showInputBox`: title, prompt and place holder made inert (the value is the user's). */
  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    const safe = { ...options, title: optional(options.title, LABEL_MAX), prompt: optional(options.prompt, LINE_MAX), placeHolder: optional(options.placeHolder, LINE_MAX) };
    this.emit({ kind: 'input', title: safe.title, prompt: safe.prompt, placeHolder: safe.placeHolder });
    return this.sink.showInputBox(safe);
  }

  /** A short status-bar message (`$(icon)` would render there: ours only, through `icon`). */
  status(text: string, hideAfterMs: number, iconId?: string): vscode.Disposable {
    const shown = `${icon(iconId)}${inertText(text, LABEL_MAX)}`;
    this.emit({ kind: 'status', text: shown });
    return this.sink.setStatusBarMessage(shown, hideAfterMs);
  }

  private show<T extends string>(severity: Severity, message: string, options: { modal: boolean; detail?: string } | undefined, items: T[]): Thenable<T | undefined> {
    const safe = inertText(message, DEFAULT_MAX_LENGTH);
    const detail = options?.detail === undefined ? undefined : inertText(options.detail, DEFAULT_MAX_LENGTH);
    this.emit({ kind: 'message', severity, message: safe, detail, modal: options?.modal ?? false, items: [...items] });
    // Button labels are the caller's own (l10n) strings: VS Code returns the one clicked, compared by value.
    const rest: [vscode.MessageOptions, ...T[]] | T[] = options ? [{ modal: options.modal, detail }, ...items] : items;
    switch (severity) {
      case 'info':
        return this.sink.showInformationMessage<T>(safe, ...(rest as [vscode.MessageOptions, ...T[]]));
      case 'warning':
        return this.sink.showWarningMessage<T>(safe, ...(rest as [vscode.MessageOptions, ...T[]]));
      default:
        return this.sink.showErrorMessage<T>(safe, ...(rest as [vscode.MessageOptions, ...T[]]));
    }
  }

  private emit(shown: Shown): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(shown);
      } catch {
        // An observer's failure must not stop the message from being shown.
      }
    }
  }
}

/** Our own codicon ids only (`check`, `arrow-up`, `sync~spin`). */
function icon(id: string | undefined): string {
  return id && /^[a-z0-9-]+(~spin)?$/.test(id) ? `$(${id}) ` : '';
}

function optional(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : inertText(text, max);
}

function safePick(item: PickItem): Pick<vscode.QuickPickItem, 'label' | 'description' | 'detail'> {
  return {
    label: `${icon(item.icon)}${inertText(item.label, LABEL_MAX)}`,
    description: optional(item.description, LABEL_MAX),
    detail: optional(item.detail, LINE_MAX),
  };
}
