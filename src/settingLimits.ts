// Floors and caps of the numeric settings, applied in code. package.json's minimum and maximum only guide
// the Settings editor: a hand-edited settings.json, a repository's `.vscode/settings.json` included, may hold
// any number, and an interval of 0.00001 minutes would be a timer every millisecond spending the portal's
// daily API quota. No vscode import (unit-tested).

export interface SettingLimits {
  /** For a missing or non-numeric value (a hand-edited settings.json may hold any JSON type). */
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  /** A value at or below this switches the feature off and is kept as is (intervals: 0 = off). */
  readonly off?: number;
  readonly integer?: boolean;
}

export const SETTING_LIMITS = {
  /** The Tasks view and status bar: at most one refresh a minute, at least one a day. */
  autoRefreshMinutes: { fallback: 5, min: 1, max: 24 * 60, off: 0 },
  /** Linked-TODO statuses: the same bounds. */
  statusRefreshMinutes: { fallback: 5, min: 1, max: 24 * 60, off: 0 },
  /** HubSpot's search returns at most 200 per page. */
  pageSize: { fallback: 50, min: 1, max: 200, integer: true },
  /** The workspace scanner holds one buffer of this size: 10 MB at most. */
  maxFileSizeKB: { fallback: 1024, min: 1, max: 10 * 1024 },
  /** Duplicate checks search HubSpot every few seconds while this lasts: two minutes at most. */
  duplicateCheckSeconds: { fallback: 10, min: 1, max: 120 },
  /** Ten years ahead is the furthest a default due date is meant to go. */
  defaultDueInDays: { fallback: 7, min: 0, max: 3650 },
} as const satisfies Record<string, SettingLimits>;

/** `value` within `limits`: non-numbers get the fallback, `off` stays off, others are clamped. */
export function clampSetting(value: unknown, limits: SettingLimits): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return limits.fallback;
  }
  if (limits.off !== undefined && value <= limits.off) {
    return limits.off;
  }
  const n = limits.integer ? Math.floor(value) : value;
  return Math.min(limits.max, Math.max(limits.min, n));
}
