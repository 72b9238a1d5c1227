// HubSpot CRM search rules shared by task search and contact / company / deal search: limit ≤ 200,
// and no page may reach past the 10,000th result (HubSpot answers 400; we refuse before sending).
import type { SearchPage } from './api';
import { SearchLimitError } from './errors';
import type { SearchRequest, SearchResponse } from './types';

export const SEARCH_LIMIT_MAX = 200;
export const SEARCH_RESULTS_MAX = 10_000;
/** HubSpot's default page size when `limit` is absent. */
const SEARCH_DEFAULT_LIMIT = 10;

/** The wire body: limit clamped, `after` as the string the spec types it as. Throws SearchLimitError. */
export function searchRequestBody(request: SearchRequest): SearchRequest {
  const body: SearchRequest = { ...request };
  const limit = request.limit === undefined ? undefined : Math.max(1, Math.min(SEARCH_LIMIT_MAX, Math.floor(request.limit)));
  if (limit !== undefined) {
    body.limit = limit;
  }
  if (request.after === undefined || request.after === '') {
    delete body.after;
    return body;
  }
  body.after = String(request.after);
  const offset = Number(body.after);
  if (Number.isInteger(offset) && offset + (limit ?? SEARCH_DEFAULT_LIMIT) > SEARCH_RESULTS_MAX) {
    throw new SearchLimitError(offset + (limit ?? SEARCH_DEFAULT_LIMIT), SEARCH_RESULTS_MAX);
  }
  return body;
}

/**
 * A cursor at or past 10,000 is dropped: no page can be fetched there, so a "load more" must not be
 * offered (`total` still says how many matched).
 */
export function toSearchPage<T>(data: SearchResponse<T>): SearchPage<T> {
  const after = data.paging?.next?.after;
  const offset = Number(after);
  const cursor = after !== undefined && !(Number.isInteger(offset) && offset >= SEARCH_RESULTS_MAX) ? after : undefined;
  return { items: data.results, cursor, total: data.total };
}
