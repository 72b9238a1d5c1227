// What route handlers share: the account, its search index, the clock and the public base URL.
import { SearchIndex } from './searchIndex';
import { Store } from './store';

export interface ApiDeps {
  store: Store;
  index: SearchIndex;
  now(): number;
  /** http://host:port, for paging links. */
  baseUrl(): string;
}
