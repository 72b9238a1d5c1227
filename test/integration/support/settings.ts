// Writes user settings for in-host tests. Each write goes through VS Code's settings file and comes back as
// a configuration change (hundreds of ms on a loaded machine), so a value the user settings already hold
// is not written again: the tests reset the same quiet values before nearly every case.
import { isDeepStrictEqual } from 'util';
import * as vscode from 'vscode';

export async function configure(values: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    const config = vscode.workspace.getConfiguration();
    if (isDeepStrictEqual(config.inspect(key)?.globalValue, value)) {
      continue;
    }
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }
}
