// "HubSpot: Choose API Version…" (its own bundle, dist/apiVersionPick.js): a quick pick of the HubSpot API
// versions that writes the choice to the user's `hubspotTasks.apiVersion`, as the Settings editor would. The
// client reads the setting per request, so the next request goes to the chosen version's paths, no reload.
import * as vscode from 'vscode';
import { Settings } from '../../constants';
import type { ApiVersion } from '../../hubspot/endpoints';
import type { Notifier, PickItem } from '../../ui/notifier';

const t = vscode.l10n.t;

export interface ApiVersionPickDeps {
  notify: Pick<Notifier, 'pick' | 'status'>;
  /** Every version the client can speak, oldest first, and the one it speaks without a setting. */
  versions: readonly ApiVersion[];
  defaultVersion: ApiVersion;
  /** The version requests go to now. */
  current: () => ApiVersion;
}

/** Asks for a version and applies it; resolves to the version chosen (undefined: cancelled). */
export async function chooseApiVersion(deps: ApiVersionPickDeps): Promise<ApiVersion | undefined> {
  const current = deps.current();
  const latest = deps.versions[deps.versions.length - 1];
  const items: PickItem<{ version: ApiVersion }>[] = deps.versions.map((version) => ({
    version,
    label: version,
    description: [
      version === current ? t('current') : undefined,
      version === deps.defaultVersion ? t('default') : undefined,
      version === latest ? t('latest') : undefined,
    ].filter(Boolean).join(' · ') || undefined,
    detail: describe(version),
    icon: version === current ? 'check' : undefined,
  }));
  const choice = await deps.notify.pick(items, {
    title: t('HubSpot: Choose API Version'),
    placeHolder: t('The HubSpot API version the next requests go to (no reload needed)'),
  });
  if (!choice) {
    return undefined;
  }
  // The default is written as no value, so settings.json keeps only what the user changed.
  const value = choice.version === deps.defaultVersion ? undefined : choice.version;
  await vscode.workspace.getConfiguration().update(Settings.apiVersion, value, vscode.ConfigurationTarget.Global);
  deps.notify.status(t('HubSpot API version: {0}', choice.version), 5_000);
  return choice.version;
}

function describe(version: ApiVersion): string {
  switch (version) {
    case 'v3':
      return t("HubSpot's legacy numeric API (/crm/v3/…). HubSpot ends its support in 2027.");
    case '2026-03':
      return t("HubSpot's date-based API of March 2026 (/crm/objects/2026-03/…).");
    case '2026-09':
      return t("HubSpot's date-based API of September 2026 (/crm/objects/2026-09/…): HubSpot enforces your account's property validation rules on writes.");
  }
}
