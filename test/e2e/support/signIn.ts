// Signing in through the UI, as a user does: the HubSpot view, F1 → "HubSpot: Sign In", the token typed into
// the password box, the confirmation toast, and "Which HubSpot owner are you?" answered with the demo user.
// One copy for every browser test (a change to the sign-in flow is fixed here once).
import type { Page } from 'playwright-core';
import { DEMO_OWNER_EMAIL, SANDBOX_TOKEN } from '../../support/demo';
import { openActivity, quickInput, runCommand, viewPane, waitForNotification } from './workbench';

/** Called at each step ('token-prompt', 'signed-in', 'which-owner'): tests take their screenshots there. */
export type SignInStep = (step: 'token-prompt' | 'signed-in' | 'which-owner') => Promise<unknown>;

export interface SignInOptions {
  /** Default: the sandbox's own token. */
  token?: string;
  /** The owner to pick as "me" (default the demo user). */
  ownerEmail?: string;
  /**
   * The owner picker must show (a fresh browser profile has no remembered "me"). By default it is answered if
   * it shows, and the sign-in is done once either it or the tasks show.
   */
  expectOwnerPick?: boolean;
  onStep?: SignInStep;
}

/** Rows the Tasks view shows before it knows whose tasks to list: not tasks. */
const PROMPT_ROWS = /Choose which HubSpot owner|Show everyone's tasks|Sign in/;

/** Runs "HubSpot: Sign In" and submits `token` in its password box (no wait for the answer). */
export async function enterToken(page: Page, token = SANDBOX_TOKEN, onStep?: SignInStep): Promise<void> {
  await runCommand(page, 'HubSpot: Sign In');
  const input = (await quickInput(page)).locator('input[type="password"]');
  await input.waitFor({ state: 'visible' });
  await onStep?.('token-prompt');
  await input.fill(token);
  await input.press('Enter');
}

/** Signs in through the palette and answers the owner picker; resolves once the account is usable. */
export async function signIn(page: Page, options: SignInOptions = {}): Promise<void> {
  const email = options.ownerEmail ?? DEMO_OWNER_EMAIL;
  await openActivity(page, 'HubSpot');
  await enterToken(page, options.token, options.onStep);
  await waitForNotification(page, /Signed in to HubSpot portal/);
  await options.onStep?.('signed-in');
  const ownerPick = page.locator('.quick-input-widget', { hasText: 'Which HubSpot owner are you?' });
  if (!options.expectOwnerPick) {
    // The tree lists tasks only once it knows whose: whichever shows first says whether "me" is known.
    const taskRow = viewPane(page, 'Tasks').locator('.monaco-list-row').filter({ hasNotText: PROMPT_ROWS }).first();
    await ownerPick.or(taskRow).first().waitFor({ state: 'visible' });
    if (!(await ownerPick.isVisible())) {
      return;
    }
  }
  await ownerPick.waitFor({ state: 'visible' });
  await ownerPick.locator('input').fill(email);
  await options.onStep?.('which-owner');
  await ownerPick.locator('.monaco-list-row', { hasText: email }).first().click();
  await ownerPick.waitFor({ state: 'hidden' });
}
