// A due reminder's notification and its snooze picker, loaded on the first reminder from its own
// bundle (esbuild.js LAZY_BUNDLES, dist/reminderPrompt.js): activation only schedules reminders
// (src/views/dueReminders.ts), most windows never show one.
import * as vscode from 'vscode';
import type { Task } from '../../tasks/task';
import { formatTime } from '../../tasks/dateFormat';
import { displayLocale } from '../../ui/displayLocale';
import { inertText } from '../../ui/inertText';
import type { Notifier } from '../../ui/notifier';
import type { ReminderChoice } from '../dueReminders';

const t = vscode.l10n.t;

/** The notification: Complete, Open, Snooze… (then how long). */
export async function askReminder(notify: Notifier, task: Pick<Task, 'id' | 'subject'>): Promise<ReminderChoice | undefined> {
  const complete = t('Complete');
  const open = t('Open');
  const snooze = t('Snooze…');
  // The subject is anyone's text (a colleague can assign the task): the notifier makes it inert, and its
  // own cap here keeps a long subject from pushing the buttons' context out of the message.
  const choice = await notify.info(t('HubSpot task due: {0}', inertText(task.subject, 200) || t('(no subject)')), complete, open, snooze);
  if (choice === complete) {
    return 'complete';
  }
  if (choice === open) {
    return 'open';
  }
  if (choice !== snooze) {
    return undefined;
  }
  const picked = await notify.pick<{ choice: ReminderChoice }>([
    { label: t('15 minutes'), choice: 'snooze15' },
    { label: t('1 hour'), choice: 'snooze60' },
    // 9:00 as the user's locale writes it ("9:00 AM", "09:00"), like every other time shown.
    { label: t('Tomorrow at {0}', formatTime(new Date(2000, 0, 1, 9, 0), displayLocale())), choice: 'snoozeTomorrow' },
  ], { title: t('Snooze the reminder'), placeHolder: inertText(task.subject, 200) });
  return picked?.choice;
}
