// `--data FILE`: the account is loaded from FILE when it exists and written back after changes.
// Writes go to a temp file that is fsync'ed and renamed over FILE, so a kill at any moment leaves
// either the old or the new complete file, never a torn one. Writes are debounced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AccountData } from './store';

export const SAVE_DEBOUNCE_MS = 25;

export function loadAccount(file: string): AccountData | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw e;
  }
  const data = JSON.parse(text) as AccountData;
  if (data.version !== 1) {
    throw new Error(`${file}: unsupported sandbox data version ${String(data.version)}`);
  }
  return data;
}

export function writeAtomically(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** Debounced saver: `schedule()` after every change, `flush()` on close. */
export class Persister {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  /** Grows with the file: a large account is not re-serialised on every write of a burst. */
  private debounceMs = SAVE_DEBOUNCE_MS;

  constructor(private readonly file: string, private readonly snapshot: () => AccountData) {}

  schedule(): void {
    this.dirty = true;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        try {
          this.flush();
        } catch (e) {
          // A failed background save must not take the server down; the next change retries.
          this.dirty = true;
          console.error(`sandbox: could not save ${this.file}: ${(e as Error).message}`);
        }
      }, this.debounceMs);
    }
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.dirty) {
      this.dirty = false;
      const started = Date.now();
      writeAtomically(this.file, JSON.stringify(this.snapshot()));
      this.debounceMs = Math.max(SAVE_DEBOUNCE_MS, 2 * (Date.now() - started));
    }
  }

  /** Saves now, even without changes (a fresh seed). */
  saveNow(): void {
    this.dirty = true;
    this.flush();
  }
}
