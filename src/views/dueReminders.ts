// A notification when one of my tasks becomes due (its due time or its reminder time), with
// Complete, Open and Snooze. At most one per task per time across windows: a window claims the
// reminder in globalState (shared by all windows) and only the claim's owner shows it.
import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import { Commands, Settings } from '../constants';
import type { HubSpotApi } from '../hubspot/api';
import type { TaskActions } from '../services/taskActions';
import { buildReminderSearch } from '../tasks/grouping';
import { isCompleted, parseTask, type Task } from '../tasks/task';
import { inertText } from '../ui/inertText';
import type { Notifier } from '../ui/notifier';
import type { Logger } from '../util/logger';
import { DisposableStore } from '../util/disposableStore';

const t = vscode.l10n.t;
const SHOWN_KEY = 'hubspotTasks.remindersShown';
const LOOKAHEAD_MS = 10 * 60_000;
/** A due time missed by less than this (window just opened, machine woke up) still reminds. */
const GRACE_MS = 2 * 60_000;
const SNOOZE_MS = 10 * 60_000;
/** Let another window's claim reach this window's globalState before checking who won. */
const CLAIM_SETTLE_MS = 1_500;

type Claims = Record<string, { by: string; at: number }>;

export class DueReminders implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private poll: NodeJS.Timeout | undefined;
  private readonly reminded = new vscode.EventEmitter<{ taskId: string; key: string }>();
  /** Fires when this window shows a reminder (tests wait on it). */
  readonly onDidRemind = this.reminded.event;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: HubSpotApi,
    private readonly auth: AuthService,
    private readonly actions: TaskActions,
    private readonly log: Logger,
    private readonly notify: Notifier,
  ) {
    this.disposables.add(
      this.reminded,
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
    try {
      const page = await this.client.tasks.searchTasks(buildReminderSearch(me, now - GRACE_MS, now + LOOKAHEAD_MS));
      for (const task of page.items.map(parseTask)) {
        for (const time of [task.due, task.reminder]) {
          if (time && time.getTime() >= now - GRACE_MS && time.getTime() < now + LOOKAHEAD_MS) {
            this.schedule(task, `${task.id}@${time.getTime()}`, time.getTime());
          }
        }
      }
    } catch (error) {
      this.log.debug(`Reminder check skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(task: Task, key: string, fireAt: number): void {
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

  private async fire(task: Task, key: string): Promise<void> {
    this.timers.delete(key);
    if (!this.enabled || isCompleted(task) || !(await this.claim(key))) {
      return;
    }
    const complete = t('Complete');
    const open = t('Open');
    const snooze = t('Snooze 10 min');
    this.reminded.fire({ taskId: task.id, key });
    // The subject is anyone's text (a colleague can assign the task): the notifier makes it inert, and its
    // own cap here keeps a long subject from pushing the buttons' context out of the message.
    const choice = await this.notify.info(t('HubSpot task due: {0}', inertText(task.subject, 200) || t('(no subject)')), complete, open, snooze);
    if (choice === complete) {
      try {
        await this.actions.complete([task.id]);
      } catch (error) {
        void this.notify.error(t('Could not complete the task: {0}', error instanceof Error ? error.message : String(error)));
      }
    } else if (choice === open) {
      await vscode.commands.executeCommand(Commands.editTask, task.id);
    } else if (choice === snooze) {
      // A new key: the snoozed reminder is claimed again, once, by whichever window is open then.
      const at = Date.now() + SNOOZE_MS;
      this.schedule(task, `${key}+snooze@${at}`, at);
    }
  }

  dispose(): void {
    this.stop();
    this.disposables.dispose();
  }
}
