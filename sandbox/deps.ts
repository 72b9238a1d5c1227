// What route handlers share: the account, its search index, the clock and the public base URL.
import type { AccountDetails } from '../src/hubspot/types';
import { SearchIndex } from './searchIndex';
import { Store } from './store';
import { ValidationRules } from './validationRules';
import { ApiVersion } from './versions';

export interface ApiDeps {
  store: Store;
  index: SearchIndex;
  now(): number;
  /** http://host:port, for paging links. */
  baseUrl(): string;
  /** The account's property validation rules (checked on writes of the versions that enforce them). */
  rules: ValidationRules;
  /** Whether writes through this version are checked against `rules` (2026-09 on, as at HubSpot). */
  enforcesRules(ver: ApiVersion): boolean;
  /** How a batch create with invalid inputs is answered in this version (see SandboxKnobs). */
  batchCreateErrors(ver: ApiVersion): 'whole-batch' | 'per-input';
  /** The account's details (portal id, time zone…); the demo portal's when unset. */
  details?: AccountDetails & Record<string, unknown>;
}
