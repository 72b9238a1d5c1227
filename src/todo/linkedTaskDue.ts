// A linked task's due time (`hs_timestamp`: Unix ms or ISO 8601), shared by the decorations and the hover.
import type { ApiTask } from '../hubspot/types';

export function linkedTaskDue(task: ApiTask): number | undefined {
  const value = task.properties.hs_timestamp;
  if (!value) {
    return undefined;
  }
  const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(n) ? n : undefined;
}
