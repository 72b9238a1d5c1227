// One owner for a class's disposables (as vscode-pull-request-github's common/lifecycle.ts): what is added
// is disposed once, in reverse order (later parts may use earlier ones while shutting down), and one
// failing dispose() is logged, not thrown, so it cannot leave the rest running. No `vscode` import: a
// vscode.Disposable is anything with dispose().
export interface DisposableLike {
  dispose(): unknown;
}

export class DisposableStore implements DisposableLike {
  private readonly items: DisposableLike[] = [];

  /** Adds items to dispose later; returns the first. */
  add<T extends DisposableLike>(...items: [T, ...DisposableLike[]]): T {
    this.items.push(...items);
    return items[0];
  }

  dispose(): void {
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        // No logger here (it may be among the items): the extension host's console keeps it.
        console.error('[hubspot-tasks] dispose failed', error);
      }
    }
  }
}
