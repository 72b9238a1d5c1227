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
export type UiSink = Pick<typeof vscode.window, 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'withProgress' | 'showQuickPick' | 'showInputBox' | 'setStatusBarMessage'>;

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

/** A label: the longest a quick pick line or a title needs to be. */
export const LABEL_MAX = 200;
/** A quick-pick detail line or an input box prompt. */
export const LINE_MAX = 300;

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

  /**
   * A live quick pick (items replaced as the user types): src/ui/livePick.ts, loaded with the feature that
   * uses it (its own bundle), reports what it shows here so `onDidShow` sees it like every other pick.
   */
  reportShown(shown: Shown): void {
    this.emit(shown);
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

export function optional(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : inertText(text, max);
}

export function safePick(item: PickItem): Pick<vscode.QuickPickItem, 'label' | 'description' | 'detail'> {
  return {
    label: `${icon(item.icon)}${inertText(item.label, LABEL_MAX)}`,
    description: optional(item.description, LABEL_MAX),
    detail: optional(item.detail, LINE_MAX),
  };
}
