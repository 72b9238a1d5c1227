// Contacts, companies and deals: found by free text to associate a task, read by id to show names.
import type { CrmApi, SearchPage } from './api';
import { chunk } from './batch';
import type { Endpoints } from './endpoints';
import type { HttpClient } from './httpClient';
import { searchRequestBody, toSearchPage } from './search';
import { apiObject, batchResponse, searchResponse } from './shapes';
import type { ApiObject, AssociatedObjectType } from './types';

/** What a picker needs to name a record (FACTS.md: the fields `query` searches). */
export const DEFAULT_OBJECT_PROPERTIES: Record<AssociatedObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'company'],
  companies: ['name', 'domain'],
  deals: ['dealname', 'dealstage', 'amount'],
};

export class HubSpotCrmApi implements CrmApi {
  constructor(private readonly http: HttpClient, private readonly endpoints: () => Endpoints) {}

  async searchObjects(
    objectType: AssociatedObjectType,
    query: string,
    options: { limit?: number; properties?: string[]; after?: string } = {},
  ): Promise<SearchPage<ApiObject>> {
    const body = searchRequestBody({
      query,
      limit: options.limit ?? 20,
      properties: options.properties ?? DEFAULT_OBJECT_PROPERTIES[objectType],
      after: options.after,
    });
    const { data } = await this.http.request(this.endpoints().searchObjects(objectType, body), searchResponse(apiObject));
    return toSearchPage(data);
  }

  /** Records that no longer exist are simply absent from the result (HubSpot's 207 names them). */
  async readObjects(objectType: AssociatedObjectType, ids: string[], properties: string[]): Promise<ApiObject[]> {
    const out: ApiObject[] = [];
    const wanted = properties.length > 0 ? properties : DEFAULT_OBJECT_PROPERTIES[objectType];
    const endpoints = this.endpoints();
    for (const part of chunk([...new Set(ids)])) {
      const { data } = await this.http.request(endpoints.batchReadObjects(objectType, part, wanted), batchResponse(apiObject));
      out.push(...data.results);
    }
    return out;
  }
}
