// Owners (`/crm/v3/owners`, `/crm/owners/2026-09`): who a task is assigned to, and which owner is "me".
import type { OwnersApi, Page } from './api';
import type { Endpoints } from './endpoints';
import type { HttpClient } from './httpClient';
import { collection, owner } from './shapes';
import type { Owner } from './types';

const OWNERS_LIMIT_MAX = 500;
/** Guard against a server that keeps answering with a cursor. */
const MAX_PAGES = 200;

export class HubSpotOwnersApi implements OwnersApi {
  constructor(private readonly http: HttpClient, private readonly endpoints: () => Endpoints) {}

  async listOwners(options: { limit?: number; after?: string; email?: string } = {}): Promise<Page<Owner>> {
    const limit = options.limit === undefined ? undefined : Math.max(1, Math.min(OWNERS_LIMIT_MAX, Math.floor(options.limit)));
    const { data } = await this.http.request({
      ...this.endpoints().listOwners(),
      query: { limit, after: options.after, email: options.email },
    }, collection(owner));
    return { items: data.results, cursor: data.paging?.next?.after };
  }

  async allOwners(): Promise<Owner[]> {
    const owners: Owner[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { items, cursor } = await this.listOwners({ limit: OWNERS_LIMIT_MAX, after });
      owners.push(...items);
      if (!cursor || seen.has(cursor)) {
        break;
      }
      seen.add(cursor);
      after = cursor;
    }
    return owners;
  }

  /** HubSpot filters by exact email; compared case-insensitively here in case it does not. */
  async findOwnerByEmail(email: string): Promise<Owner | undefined> {
    const wanted = email.trim().toLowerCase();
    if (!wanted) {
      return undefined;
    }
    const { items } = await this.listOwners({ email: email.trim(), limit: 100 });
    return items.find((o) => o.email.toLowerCase() === wanted);
  }
}
