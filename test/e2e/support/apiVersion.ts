// Choosing the HubSpot API version in the browser as a user does: F1 → "HubSpot: Choose API Version", the row
// of the version clicked. The extension writes the user setting through the workbench, which applies it at
// once. (code-server does not notice a settings.json written from outside while it runs: measured, the
// workbench did not apply a status-bar setting written that way within 20 s, so tests cannot set it on disk.)
import type { Page } from 'playwright-core';
import { quickInput, runCommand } from './workbench';

/** `onShown`: called while the picker shows (a test's screenshot). */
export async function chooseApiVersion(page: Page, version: 'v3' | '2026-03' | '2026-09', onShown?: () => Promise<unknown>): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'HubSpot: Choose API Version');
  const widget = await quickInput(page);
  // The exact label: the other rows' details mention versions too.
  const row = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${version}\\s*$`) }) });
  await row.waitFor({ state: 'visible' });
  await onShown?.();
  await row.click();
  // Shown once the setting is written (the command awaits the workbench's update).
  await page.locator('.part.statusbar', { hasText: `HubSpot API version: ${version}` }).waitFor({ state: 'visible' });
}
