// Where `hubspotTasks.todo.defaultAssociations` comes from decides whether it may apply silently. The
// user's own value does; a value a repository put in its workspace or folder settings attaches every
// new task (and the code around its TODO) to records the repository chose, so those are shown for
// consent first. Pure: fed with what `WorkspaceConfiguration.inspect()` returns.

/** The parts of `vscode.WorkspaceConfiguration.inspect()` used here. */
export interface SettingInspection {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface DefaultAssociationsSource {
  /** The effective value (VS Code's precedence: folder, workspace, user, default). */
  values: string[];
  /** Those of `values` the user did not choose in their own settings: they need consent. */
  fromWorkspace: string[];
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : undefined;
}

export function defaultAssociationsSource(inspected: SettingInspection | undefined): DefaultAssociationsSource {
  const folder = strings(inspected?.workspaceFolderValue);
  const workspace = strings(inspected?.workspaceValue);
  const user = strings(inspected?.globalValue);
  const values = folder ?? workspace ?? user ?? strings(inspected?.defaultValue) ?? [];
  if (!folder && !workspace) {
    return { values, fromWorkspace: [] };
  }
  const own = new Set((user ?? []).map((v) => v.toLowerCase()));
  return { values, fromWorkspace: values.filter((v) => !own.has(v.toLowerCase())) };
}

/** The associations to apply: the user's own, plus the workspace's ones the user kept ticked. */
export function consentedAssociations(source: DefaultAssociationsSource, kept: readonly string[]): string[] {
  const keep = new Set(kept);
  const needs = new Set(source.fromWorkspace);
  return source.values.filter((v) => !needs.has(v) || keep.has(v));
}
