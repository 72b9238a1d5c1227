// The task properties' definitions (status, priority, type: their options and the labels the portal gives
// them), read once per account and shared: the task editor's pickers, the tree's status filter and the
// TODO hover all show the same labels, and only the first of them asks HubSpot.
import type { AccountApi } from '../hubspot/api';
import type { PropertyDefinition } from '../hubspot/types';
import { statusLabel } from '../tasks/filters';

/** How long a definition is trusted (a portal admin may add a status meanwhile). */
const TTL_MS = 5 * 60_000;

export class TaskProperties {
  private readonly cache = new Map<string, { account: string | undefined; at: number; value: Promise<PropertyDefinition> }>();

  constructor(
    private readonly account: () => AccountApi,
    /** Which account the definitions are read from: another one reads them again. */
    private readonly accountKey: () => string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** `GET …/properties/tasks/{name}`, or its cached answer; a failed read is not kept. */
  definition(name: string): Promise<PropertyDefinition> {
    const account = this.accountKey();
    const cached = this.cache.get(name);
    if (cached && cached.account === account && this.now() - cached.at < TTL_MS) {
      return cached.value;
    }
    const value = this.account().taskProperty(name);
    const entry = { account, at: this.now(), value };
    this.cache.set(name, entry);
    value.catch(() => this.cache.get(name) === entry && this.cache.delete(name));
    return value;
  }

  /** The portal's label of `value` (e.g. NOT_STARTED → "Not started"); when unreadable, the value in words. */
  async label(name: string, value: string): Promise<string> {
    const definition = await this.definition(name).catch(() => undefined);
    return definition?.options.find((option) => option.value === value)?.label || statusLabel(value);
  }
}
