// TODOs whose task HubSpot may hold although no run could confirm it (an ambiguous create whose marker
// look-up kept failing, or was cut short). Remembered across runs, per HubSpot account, so the next
// run looks each one up by its marker before any create: never a second task for one TODO.
// No `vscode` import: tested in Node.
import type { KeyValueStore } from '../../services/events';
import type { CreationResult, TodoInput } from './taskCreation';

const STATE_KEY = 'hubspotTasks.todo.unchecked';
/** Bounds workspace state; the oldest entries go first (their TODOs were most likely handled since). */
const MAX_KEYS = 5_000;

/** account → TODO key → when the run that left it unchecked ended (ms). */
type Stored = Record<string, Record<string, number>>;

export class UncheckedTodos {
  constructor(private readonly store: KeyValueStore, private readonly now: () => number = Date.now) {}

  /** The keys among `keys` to look up before creating, with when they were left unchecked. */
  get(account: string, keys: readonly string[]): Map<string, number> {
    const known = this.entries(account);
    const out = new Map<string, number>();
    for (const key of keys) {
      const at = known[key];
      if (typeof at === 'number') {
        out.set(key, at);
      }
    }
    return out;
  }

  /** After a run over `items`: keeps what is still unchecked, forgets what was settled. */
  async settle(account: string, items: readonly TodoInput[], result: CreationResult): Promise<void> {
    const all = this.read();
    const known = { ...this.entries(account) };
    const cancelled = new Set(result.cancelled);
    const at = this.now();
    let changed = false;
    for (const { key } of items) {
      if (result.unchecked.has(key)) {
        known[key] = at;
        changed = true;
      } else if (!cancelled.has(key) && key in known) {
        // Created, found, or proven absent and refused for another reason: nothing left to check.
        delete known[key];
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    const kept = Object.entries(known).sort((a, b) => b[1] - a[1]).slice(0, MAX_KEYS);
    const next: Stored = { ...all, [account]: Object.fromEntries(kept) };
    if (kept.length === 0) {
      delete next[account];
    }
    await this.store.update(STATE_KEY, next);
  }

  private entries(account: string): Record<string, number> {
    const value = this.read()[account];
    return value && typeof value === 'object' ? value : {};
  }

  private read(): Stored {
    const value = this.store.get<unknown>(STATE_KEY);
    return value && typeof value === 'object' ? (value as Stored) : {};
  }
}
