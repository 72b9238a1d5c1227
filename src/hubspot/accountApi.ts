// Account details (portal id and UI domain, to open a task in the browser) and task property
// definitions (the account's real status / priority / type option lists).
import type { AccountApi } from './api';
import type { HttpClient } from './httpClient';
import { accountDetails, propertyDefinition } from './shapes';
import type { AccountDetails, PropertyDefinition } from './types';

export class HubSpotAccountApi implements AccountApi {
  constructor(private readonly http: HttpClient) {}

  async accountDetails(): Promise<AccountDetails> {
    const { data } = await this.http.request({
      operation: 'accountDetails', method: 'GET', path: '/account-info/v3/details', idempotent: true,
    }, accountDetails);
    return data;
  }

  async taskProperty(name: string): Promise<PropertyDefinition> {
    const { data } = await this.http.request({
      operation: 'taskProperty', method: 'GET', path: `/crm/v3/properties/tasks/${encodeURIComponent(name)}`, idempotent: true,
    }, propertyDefinition);
    return data;
  }
}
