// A notification when one of my tasks becomes due (its due time or its reminder time), with
// Complete, Open and Snooze (15 min, 1 h, tomorrow 9:00). At most one per task per time across windows:
// a window claims the reminder in globalState (shared by all windows) and only the claim's owner shows
// it. A snooze is kept in globalState too, so it outlives the window that set it: after a reload, or in
// whichever window is open when it ends, the reminder comes back once, and never before.
import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import { Commands, Settings } from '../constants';
import type { HubSpotApi } from '../hubspot/api';
import type { TaskActions } from '../services/taskActions';
import { buildReminderSearch } from '../tasks/grouping';
import { isCompleted, parseTask, type Task } from '../tasks/task';
import type { Notifier } from '../ui/notifier';
import type { Logger } from '../util/logger';
import { DisposableStore } from '../util/disposableStore';
import { lazyFeature, type LazyFeature } from '../util/lazyFeature';
import type * as ReminderPromptModule from './reminderPrompt/reminderPrompt';

const t = vscode.l10n.t;
const SHOWN_KEY = 'hubspotTasks.remindersShown';
const LOOKAHEAD_MS = 10 * 60_000;
/** A due time missed by less than this (window just opened, machine woke up) still reminds. */
const GRACE_MS = 2 * 60_000;
const SNOOZES_KEY = 'hubspotTasks.reminderSnoozes';
/** Let another window's claim reach this window's globalState before checking who won. */
const CLAIM_SETTLE_MS = 1_500;

type Claims = Record<string, { by: string; at: number }>;
/** Per task: when its snoozed reminder comes back, and the subject to show then. */
type Snoozes = Record<string, { until: number; subject: string }>;

/** What the user can answer a reminder with. */
export type ReminderChoice = 'complete' | 'open' | 'snooze15' | 'snooze60' | 'snoozeTomorrow';

/**
 * Asks what to do about a due task (the notification); in-host tests answer through TestHooks instead of
 * a click (src/testHooks.ts `reminderChoice`).
 */
export type ReminderPrompt = (task: Pick<Task, 'id' | 'subject'>) => Promise<ReminderChoice | undefined>;

/** When a snooze chosen at `now` ends: 15 min, 1 h, or 9:00 tomorrow in the user's time zone. */
export function snoozeUntil(choice: Extract<ReminderChoice, `snooze${string}`>, now: Date): number {
  if (choice === 'snooze15') {
    return now.getTime() + 15 * 60_000;
  }
  if (choice === 'snooze60') {
    return now.getTime() + 60 * 60_000;
  }
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
  return tomorrow.getTime();
}

export class DueReminders implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private poll: NodeJS.Timeout | undefined;
  private readonly reminded = new vscode.EventEmitter<{ taskId: string; key: string }>();
  /** Fires when this window shows a reminder (tests wait on it). */
  readonly onDidRemind = this.reminded.event;
  private readonly answered = new vscode.EventEmitter<{ taskId: string; key: string; choice: ReminderChoice | undefined }>();
  /** Fires when a reminder's answer (Complete, Open, a snooze, or none) has been carried out. */
  readonly onDidAnswer = this.answered.event;
  private readonly disposables = new DisposableStore();
  private prompt: LazyFeature<typeof ReminderPromptModule> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: HubSpotApi,
    private readonly auth: AuthService,
    private readonly actions: TaskActions,
    private readonly log: Logger,
    private readonly notify: Notifier,
    /** In-host tests only (ExtensionMode.Test): answers reminders while `reminderChoice` is set. */
    private readonly testHooks?: { reminderChoice?: ReminderPrompt },
  ) {
    this.disposables.add(
      this.reminded,
      this.answered,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.reminders)) {
          this.restart();
        }
      }),
      auth.onDidChange(() => this.restart()),
    );
    void auth.ready.then(() => this.restart());
  }

  private get enabled(): boolean {
    return vscode.workspace.getConfiguration().get<boolean>(Settings.reminders, true);
  }

  private restart(): void {
    this.stop();
    if (!this.enabled || !this.auth.isSignedIn) {
      return;
    }
    void this.check();
    this.poll = setInterval(() => void this.check(), LOOKAHEAD_MS / 2);
  }

  private stop(): void {
    if (this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  /** Reminders waiting for their time in this window (`taskId@time`). */
  scheduled(): string[] {
    return [...this.timers.keys()];
  }

  /** ONE search for my open tasks due (or with a reminder) in the next few minutes. */
  async check(): Promise<void> {
    const me = await this.auth.me();
    if (!me) {
      return;
    }
    const now = Date.now();
    this.scheduleSnoozes(now);
    try {
      const page = await this.client.tasks.searchTasks(buildReminderSearch(me, now - GRACE_MS, now + LOOKAHEAD_MS));
      for (const task of page.items.map(parseTask)) {
        for (const time of [task.due, task.reminder]) {
          if (time && time.getTime() >= now - GRACE_MS && time.getTime() < now + LOOKAHEAD_MS && !this.snoozed(task.id, now)) {
            this.schedule(task, `${task.id}@${time.getTime()}`, time.getTime());
          }
        }
      }
    } catch (error) {
      this.log.debug(`Reminder check skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(task: Pick<Task, 'id' | 'subject'> & Partial<Task>, key: string, fireAt: number): void {
    if (this.timers.has(key) || this.claims()[key]) {
      return;
    }
    this.timers.set(key, setTimeout(() => void this.fire(task, key), Math.max(0, fireAt - Date.now())));
  }

  private claims(): Claims {
    return this.context.globalState.get<Claims>(SHOWN_KEY) ?? {};
  }

  private async claim(key: string): Promise<boolean> {
    if (this.claims()[key]) {
      return false;
    }
    const mine = vscode.env.sessionId;
    const pruned = Object.fromEntries(Object.entries(this.claims()).filter(([, c]) => c.at > Date.now() - 7 * 86_400_000));
    await this.context.globalState.update(SHOWN_KEY, { ...pruned, [key]: { by: mine, at: Date.now() } });
    await new Promise((resolve) => setTimeout(resolve, CLAIM_SETTLE_MS));
    return this.claims()[key]?.by === mine;
  }

  /** Snoozed reminders that end within the look-ahead, from any window, before or after a reload. */
  private scheduleSnoozes(now: number): void {
    for (const [taskId, snooze] of Object.entries(this.snoozes())) {
      if (snooze.until < now + LOOKAHEAD_MS) {
        this.schedule({ id: taskId, subject: snooze.subject }, snoozeKey(taskId, snooze.until), snooze.until);
      }
    }
  }

  /** A snooze of this task still running: its due-time reminder waits for it. */
  private snoozed(taskId: string, now: number): boolean {
    return (this.snoozes()[taskId]?.until ?? 0) > now;
  }

  /** Snoozes in every window (globalState), for tests and diagnostics. */
  snoozes(): Snoozes {
    return this.context.globalState.get<Snoozes>(SNOOZES_KEY) ?? {};
  }

  private async fire(task: Pick<Task, 'id' | 'subject'> & Partial<Task>, key: string): Promise<void> {
    this.timers.delete(key);
    if (!this.enabled || (task.status !== undefined && isCompleted(task as Task)) || !(await this.claim(key))) {
      return;
    }
    const snooze = this.snoozes()[task.id];
    if (snooze && snoozeKey(task.id, snooze.until) === key) {
      // The snooze ended: drop it (the claim keeps it from showing twice), unless the task was done meanwhile.
      await this.setSnooze(task.id, undefined);
      const current = await this.client.tasks.getTask(task.id, ['hs_task_status', 'hs_task_subject']).catch(() => undefined);
      if (current && isCompleted(parseTask(current))) {
        return;
      }
    }
    this.reminded.fire({ taskId: task.id, key });
    const choice = await (this.testHooks?.reminderChoice ?? ((asked: Pick<Task, 'id' | 'subject'>) => this.ask(asked)))(task);
    if (choice === 'complete') {
      try {
        await this.actions.complete([task.id]);
      } catch (error) {
        void this.notify.error(t('Could not complete the task: {0}', error instanceof Error ? error.message : String(error)));
      }
    } else if (choice === 'open') {
      await vscode.commands.executeCommand(Commands.editTask, task.id);
    } else if (choice) {
      const until = snoozeUntil(choice, new Date());
      await this.setSnooze(task.id, { until, subject: task.subject });
      this.scheduleSnoozes(Date.now());
    }
    this.answered.fire({ taskId: task.id, key, choice });
  }

  /** The notification and its snooze picker, from their own bundle (loaded on the first reminder). */
  private ask(task: Pick<Task, 'id' | 'subject'>): Promise<ReminderChoice | undefined> {
    this.prompt ??= lazyFeature('Reminder prompt', () => {
      // A literal relative path: esbuild.js (LAZY_BUNDLES) rewrites it to `./reminderPrompt.js`.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('./reminderPrompt/reminderPrompt') as typeof ReminderPromptModule;
    }, this.log);
    return this.prompt.get().askReminder(this.notify, task);
  }

  private async setSnooze(taskId: string, snooze: Snoozes[string] | undefined): Promise<void> {
    const rest = Object.fromEntries(Object.entries(this.snoozes())
      // Also forget snoozes that ended over a week ago (their task was never seen again).
      .filter(([id, s]) => id !== taskId && s.until > Date.now() - 7 * 86_400_000));
    await this.context.globalState.update(SNOOZES_KEY, snooze ? { ...rest, [taskId]: snooze } : rest);
  }

  dispose(): void {
    this.stop();
    this.disposables.dispose();
  }
}

function snoozeKey(taskId: string, until: number): string {
  return `${taskId}@snooze@${until}`;
}
