// What "New Task" / "Edit Task" accept as arguments from their many callers. No editor import, so it
// is unit-tested in plain Node.

export const TASK_ID = /^\d{1,30}$/;

/** The task id in a command argument, if there is one. */
export function taskIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' || typeof arg === 'number') {
    const id = String(arg).trim();
    return TASK_ID.test(id) ? id : undefined;
  }
  if (typeof arg === 'object' && arg !== null) {
    const record = arg as { task?: { id?: unknown }; taskId?: unknown; id?: unknown };
    // A tree item's own `id` may be a node id, so the task it carries wins.
    for (const candidate of [record.task?.id, record.taskId, record.id]) {
      const id = taskIdOf(candidate);
      if (id) {
        return id;
      }
    }
  }
  return undefined;
}

/** Optional prefill of a new task (e.g. from a TODO comment): only known, well-typed fields. */
export function prefillOf(arg: unknown): { subject?: string; notes?: string; dueAt?: number } | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  const { subject, notes, dueAt } = arg as Record<string, unknown>;
  const prefill: { subject?: string; notes?: string; dueAt?: number } = {};
  if (typeof subject === 'string') {
    prefill.subject = subject.slice(0, 10_000);
  }
  if (typeof notes === 'string') {
    prefill.notes = notes.slice(0, 100_000);
  }
  if (typeof dueAt === 'number' && Number.isFinite(dueAt)) {
    prefill.dueAt = dueAt;
  }
  return Object.keys(prefill).length > 0 ? prefill : undefined;
}
