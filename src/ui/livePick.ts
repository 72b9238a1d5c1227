// The live quick pick of "Go to Task…" (items replaced as the user types: vscode.window.createQuickPick).
// Apart from the Notifier (src/ui/notifier.ts), the one file allowed to create a quick pick (eslint.config.mjs),
// with the same rule: every label, description, detail, title and place holder passes the notifier's
// sanitising (safePick, inertText) before VS Code renders it. Its own file so that it loads with the lazy
// feature that uses it, not with activation.
import * as vscode from 'vscode';
import { LABEL_MAX, LINE_MAX, optional, safePick, type Notifier, type PickItem, type Shown } from './notifier';

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

/** `vscode.window.createQuickPick`, for lists that change as the user types; see LivePick. */
export function livePick<T extends object>(
  sink: Pick<typeof vscode.window, 'createQuickPick'>,
  notify: Pick<Notifier, 'reportShown'>,
  options: { title?: string; placeHolder?: string },
): LivePick<T> {
  const quickPick = sink.createQuickPick<vscode.QuickPickItem>();
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
  const emit = (shown: Shown) => notify.reportShown(shown);
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
