// The locale every date, time and week start is shown in (tasks/dateFormat.ts): VS Code's display
// language with the system's region.
import * as vscode from 'vscode';
import { userLocale } from '../tasks/dateFormat';

export function displayLocale(): string {
  return userLocale(vscode.env.language);
}
