// Account details (portal id and UI domain, to open a task in the browser) and task property
// definitions (the account's real status / priority / type option lists).
import type { AccountApi } from './api';
import type { Endpoints } from './endpoints';
import type { HttpClient } from './httpClient';
import { accountDetails, propertyDefinition } from './shapes';
import type { AccountDetails, PropertyDefinition } from './types';

export class HubSpotAccountApi implements AccountApi {
  constructor(private readonly http: HttpClient, private readonly endpoints: () => Endpoints) {}

  async accountDetails(): Promise<AccountDetails> {
    const { data } = await this.http.request(this.endpoints().accountDetails(), accountDetails);
    return data;
  }

  async taskProperty(name: string): Promise<PropertyDefinition> {
    const { data } = await this.http.request(this.endpoints().taskProperty(name), propertyDefinition);
    return data;
  }
}
