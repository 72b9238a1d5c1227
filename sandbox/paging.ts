// Cursor paging of list endpoints: the cursor is the id of the first record of the next page
// (opaque to clients), and there is no `paging` on the last page.
import type { Paging } from '../src/hubspot/types';
import { validationError } from './errors';

export function parseListLimit(raw: string | null, def: number, max: number): number {
  if (raw === null || raw === '') {
    return def;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw validationError(`limit must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  if (n > max) {
    throw validationError(`The limit must be less than or equal to ${max}. Requested limit: ${n}.`, {
      errors: [{ message: `limit must be at most ${max}`, code: 'INVALID_LIMIT', context: { limit: [String(n)] } }],
    });
  }
  return n;
}

/** Page of `items` (in id order) starting at the record with id ≥ `after`. */
export function pageById<T extends { id: string }>(items: T[], after: string | null, limit: number): { page: T[]; nextAfter?: string } {
  let start = 0;
  if (after !== null && after !== '') {
    if (!/^\d+$/.test(after)) {
      throw validationError(`Invalid after cursor: ${JSON.stringify(after)}`);
    }
    const from = Number(after);
    start = items.findIndex((i) => Number(i.id) >= from);
    if (start < 0) {
      start = items.length;
    }
  }
  const page = items.slice(start, start + limit);
  const next = items[start + limit];
  return { page, nextAfter: next?.id };
}

/** Page by position (owners, associations): the cursor is the offset. */
export function pageByOffset<T>(items: T[], after: string | null, limit: number): { page: T[]; nextAfter?: string } {
  let start = 0;
  if (after !== null && after !== '') {
    if (!/^\d+$/.test(after)) {
      throw validationError(`Invalid after cursor: ${JSON.stringify(after)}`);
    }
    start = Number(after);
  }
  const end = start + limit;
  return { page: items.slice(start, end), nextAfter: end < items.length ? String(end) : undefined };
}

/** `paging.next` with a link that repeats the request with the new cursor. */
export function paging(baseUrl: string, path: string, query: URLSearchParams, nextAfter: string | undefined): { paging?: Paging } {
  if (nextAfter === undefined) {
    return {};
  }
  const q = new URLSearchParams(query);
  q.set('after', nextAfter);
  return { paging: { next: { after: nextAfter, link: `${baseUrl}${path}?${q.toString()}` } } };
}
