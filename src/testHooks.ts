// What the in-host tests steer, and only they: the composition root (extension.ts) creates one of these
// only when VS Code runs the extension for tests (`ExtensionMode.Test`) and hands it out with the Container
// through the test-only command (TEST_CONTAINER_COMMAND). A user's extension has none, so no product class
// carries a switch for tests: the features receive the steered parts through their constructors.
import type { TodoPrompts } from './commands/todoCommands';
import type { CreatorHooks } from './todo/creation/todoCreator';
import type { ReminderPrompt } from './views/dueReminders';
import type { CodeLinksHooks } from './todo/codeLinks/codeLinks';
import type { WorkspaceScanHooks } from './todo/workspace/workspaceTodos';

// As CodeLinksHooks: the answer to the deleted-TODO prompt, and each run's outcome. As WorkspaceScanHooks: the
// workspace scan's progress, held between two slices of work.
export interface TestHooks extends CreatorHooks, CodeLinksHooks, WorkspaceScanHooks {
  /**
   * Answers the TODO review while set. Unset: the real multi-select quick pick, which tests answer with
   * workbench commands (test/integration/todo/support.ts `answerQuickPick`).
   */
  review?: TodoPrompts['review'];
  /**
   * False: clean-up edits apply without VS Code's refactor preview (unset: with it). The preview waits for
   * a click the tests cannot give in code-server, so this one question is answered here, not on screen.
   */
  confirmCleanUp?: boolean;
  /**
   * Answers a due reminder (Complete, Open, a snooze) while set, instead of the notification, whose
   * buttons the tests cannot click. Unset: the notification.
   */
  reminderChoice?: ReminderPrompt;
  /**
   * Opens the browser sign-in's consent page while set (the test plays the browser: consent page, Grant or Deny,
   * the redirect back to the loopback). Unset: `vscode.env.openExternal`.
   */
  openExternal?: (url: string) => Promise<boolean>;
  // And, as CreatorHooks, what the TODO creator is given when it loads: wrap its client (e.g. to provoke a
  // real 207), observe its chunks.
}

/** What the test-only command returns: the live Container (by reference, same extension host) and the hooks. */
export interface TestHandOff<C> {
  readonly container: C;
  readonly hooks: TestHooks;
}
