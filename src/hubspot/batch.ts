// Runs a batch call in chunks of HubSpot's maximum (100) and merges per-input outcomes: a 207's
// errors are kept per input, and a chunk that fails entirely is reported as one error naming every
// input of that chunk, never thrown away.
import type { BatchInputError, BatchOptions, BatchResult } from './api';
import { isHubSpotError } from './errors';
import type { BatchResponse } from './types';

export const BATCH_LIMIT = 100;

export function chunk<T>(items: readonly T[], size: number = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/**
 * @param keyOf the id (read/update) or objectWriteTraceId (create) that names an input in errors.
 * @param send one HTTP call for one chunk.
 */
export async function runBatch<I, T>(
  inputs: readonly I[],
  keyOf: (input: I) => string,
  send: (chunk: I[]) => Promise<BatchResponse<T>>,
  options: BatchOptions = {},
): Promise<BatchResult<T>> {
  const result: BatchResult<T> = { results: [], errors: [] };
  let done = 0;
  for (const part of chunk(inputs)) {
    if (options.signal?.aborted) {
      break;
    }
    try {
      const response = await send(part);
      result.results.push(...response.results);
      for (const e of response.errors ?? []) {
        const ctx = e.context ?? {};
        result.errors.push({
          message: e.message,
          category: e.category,
          status: e.status,
          ids: [...(ctx.ids ?? []), ...(ctx.objectWriteTraceId ?? []), ...(ctx.id ?? [])],
        });
      }
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const entry: BatchInputError = {
        message: error.message,
        category: isHubSpotError(error) ? (error.category ?? error.kind) : 'UNKNOWN',
        ids: part.map(keyOf),
        cause: error,
      };
      if (isHubSpotError(error) && error.status !== undefined) {
        entry.status = String(error.status);
      }
      result.errors.push(entry);
    }
    done += part.length;
    options.onProgress?.(done, inputs.length);
  }
  return result;
}
