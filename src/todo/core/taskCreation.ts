// Creates the tasks of many TODOs with batch create, ⌈N/100⌉ create requests, and never a duplicate.
//
// Every input carries its TODO's key twice: as `objectWriteTraceId` (pairs results and per-input errors
// with TODOs) and as a token in the task body (`markerToken`). When a create chunk fails ambiguously —
// the request may have reached HubSpot and been applied (connection reset, timeout, 5xx, a truncated
// answer) — the keys of that chunk are looked up with a CONTAINS_TOKEN search on hs_task_body, retried
// for a bounded time because search lags behind writes; only the TODOs still not found are sent again.
// A TODO that may exist in HubSpot without being confirmed (`unchecked`) is looked up by its marker
// first on a later run (`checkFirst`) and sent only once proven absent.
// Write validation (HubSpot's 2026-09 rules): one invalid input may fail a whole batch with a 400 and
// nothing created, the message naming at most the first failing property, not which input it was. Such
// a batch is split in halves and each half sent again until every invalid input stands alone: the
// valid ones are created once (a 400 created nothing, so resending them is safe), each invalid one is
// reported with the rule's message, and its TODO is left as it was. A 207 naming the inputs needs no split.
// No `vscode` import: tested in Node against the sandbox.
import type { BatchInputError, BatchResult, HubSpotApi } from '../../hubspot/api';
import { readableValidationMessage } from '../../hubspot/errorMapping';
import { isErrorOfKind, isHubSpotError } from '../../hubspot/errors';
import type { ApiTask, CreateInput, FilterGroup } from '../../hubspot/types';
import type { Logger } from '../../util/logger';
import { markerToken } from './taskContent';

export interface TodoInput {
  /** The TODO's stable key; also the input's objectWriteTraceId. */
  key: string;
  input: CreateInput;
}

export interface CreationResult {
  /** key → the task now in HubSpot (created now, or found by its marker after an ambiguous failure). */
  created: Map<string, ApiTask>;
  /** key → why it was not created (HubSpot's message). */
  failed: Map<string, string>;
  /** Keys not attempted because the user cancelled. */
  cancelled: string[];
  /** How many were found by marker instead of being created again. */
  recovered: number;
  /**
   * Keys not created here whose create may nevertheless have been applied (an ambiguous failure, or a
   * look-up that failed): a later run must look them up by marker before sending them (`checkFirst`).
   */
  unchecked: Set<string>;
}

export interface CreationOptions {
  signal?: AbortSignal;
  /** After each chunk: the TODOs created in it (link them now, so cancelling keeps them linked). */
  onChunk?: (created: { key: string; task: ApiTask }[], done: number, total: number) => Promise<void> | void;
  /** How long to keep looking for a possibly-created task before sending it again (default 10 s). */
  lookupWindowMs?: number;
  /** Create attempts per chunk (default 3). */
  maxAttempts?: number;
  logger?: Logger;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Keys an earlier run left `unchecked`, with when it ended (ms): these are looked up by marker before
   * any create; found → linked, not sent; look-up failing again → reported and kept unchecked.
   */
  checkFirst?: ReadonlyMap<string, number>;
}

export const CHUNK = 100;
/** HubSpot's search allows 5 filter groups (OR'ed): five markers per search request. */
const MARKERS_PER_SEARCH = 5;

/** Could HubSpot have applied the request that failed with this error? */
export function isAmbiguousCreateFailure(error: unknown): boolean {
  if (!isHubSpotError(error)) {
    return false;
  }
  if (error.kind === 'network') {
    return (error as { ambiguous?: boolean }).ambiguous !== false;
  }
  return error.kind === 'server' || error.kind === 'malformed-response';
}

export async function createTasksForTodos(api: HubSpotApi, items: readonly TodoInput[], options: CreationOptions = {}): Promise<CreationResult> {
  const result: CreationResult = { created: new Map(), failed: new Map(), cancelled: [], recovered: 0, unchecked: new Set() };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let done = 0;
  // A chunk's TODOs are linked while the next chunk is on its way to HubSpot: the link write (edits and
  // saves in the editor) overlaps a round trip instead of adding to it. Links are still written one
  // chunk at a time, in order; `onChunk` starts synchronously, so a cancel it triggers stops the next chunk.
  let linking: Promise<unknown> = Promise.resolve();
  try {
    for (let start = 0; start < items.length; start += CHUNK) {
      const chunk = items.slice(start, start + CHUNK);
      if (options.signal?.aborted) {
        result.cancelled.push(...items.slice(start).map((item) => item.key));
        break;
      }
      const createdHere = await createChunk(api, chunk, result, options, sleep);
      done += chunk.length;
      await linking;
      linking = Promise.resolve(options.onChunk?.(createdHere, done, items.length));
      // Awaited before the next chunk's links (or below); until then a failure is not "unhandled".
      linking.catch(() => undefined);
    }
  } catch (error) {
    // Never return while links are still being written; the create's error is the one to report.
    await linking.catch(() => undefined);
    throw error;
  }
  await linking;
  return result;
}

async function createChunk(
  api: HubSpotApi,
  chunk: readonly TodoInput[],
  result: CreationResult,
  options: CreationOptions,
  sleep: (ms: number) => Promise<void>,
): Promise<{ key: string; task: ApiTask }[]> {
  const createdHere: { key: string; task: ApiTask }[] = [];
  const record = (key: string, task: ApiTask) => {
    if (result.created.has(key)) {
      return;
    }
    result.created.set(key, task);
    createdHere.push({ key, task });
  };
  const lookupWindowMs = options.lookupWindowMs ?? 10_000;
  let pending = await checkEarlierRuns(api, chunk, result, record, options, sleep);
  // Every key sent in an ambiguous create: unless confirmed created, a later run must check it first.
  const maybeApplied = new Set<string>();
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const batch = await createIsolatingInvalid(api, pending, options);
    const ambiguous = new Set<string>();
    const byKey = new Map(pending.map((p) => [p.key, p]));
    const unpaired: ApiTask[] = [];
    for (const task of batch.results) {
      const key = task.objectWriteTraceId;
      if (key && byKey.has(key)) {
        record(key, task);
      } else {
        unpaired.push(task);
      }
    }
    for (const error of batch.errors) {
      classify(error, byKey, ambiguous, result);
    }
    // Results without a trace id (HubSpot does not promise to echo it): whoever is left unaccounted for
    // is found by marker below rather than guessed.
    for (const p of pending) {
      if (!result.created.has(p.key) && !result.failed.has(p.key) && !ambiguous.has(p.key) && unpaired.length > 0) {
        ambiguous.add(p.key);
      }
    }
    if (ambiguous.size === 0) {
      break;
    }
    for (const key of ambiguous) {
      maybeApplied.add(key);
    }
    options.logger?.warn(`Task create was ambiguous for ${ambiguous.size} TODO(s); looking for them by marker before retrying.`);
    const unconfirmed = new Set<string>();
    const found = await findByMarkers(api, [...ambiguous], lookupWindowMs, sleep, options.signal, unconfirmed);
    for (const [key, task] of found) {
      record(key, task);
      result.recovered++;
      ambiguous.delete(key);
    }
    // Never send again what could not be looked up: HubSpot may hold it already.
    for (const key of unconfirmed) {
      if (ambiguous.delete(key)) {
        result.failed.set(key, NOT_CHECKED);
      }
    }
    pending = pending.filter((p) => ambiguous.has(p.key));
    if (pending.length === 0) {
      break;
    }
    if (attempt >= maxAttempts || options.signal?.aborted) {
      for (const p of pending) {
        result.failed.set(p.key, 'HubSpot did not confirm the task; it was not created (checked by its marker).');
      }
      break;
    }
  }
  for (const key of maybeApplied) {
    if (!result.created.has(key)) {
      result.unchecked.add(key);
    }
  }
  return createdHere;
}

/** A batch rejected as a whole because an input broke a rule (or was otherwise invalid): nothing was
 * created, and the error does not say which input it was. */
function isWholeBatchRejection(error: BatchInputError): boolean {
  return error.cause !== undefined && isErrorOfKind(error.cause, 'validation') && error.cause.status === 400;
}

/**
 * One batch create of `inputs`; a whole-batch 400 over several inputs is split in halves, each sent
 * again (recursively), so the answer pairs every input with its own result or error. A single input's
 * 400 becomes that input's error with the rule's message (no `cause`: it is final, not ambiguous).
 * `knownInvalid`: the inputs are known to hold an invalid one (their batch was refused and the half
 * before them went through), so a group of several is split without sending it: that answer is known.
 */
async function createIsolatingInvalid(api: HubSpotApi, inputs: readonly TodoInput[], options: CreationOptions, knownInvalid = false): Promise<BatchResult<ApiTask>> {
  if (knownInvalid && inputs.length > 1) {
    return createHalves(api, inputs, options);
  }
  const batch = await api.tasks.batchCreateTasks(inputs.map((p) => ({ ...p.input, objectWriteTraceId: p.key })));
  const out: BatchResult<ApiTask> = { results: [...batch.results], errors: [] };
  for (const error of batch.errors) {
    if (!isWholeBatchRejection(error)) {
      // Per-input errors (a 207) carry HubSpot's message with the property list as JSON: put it into words.
      out.errors.push(error.cause === undefined ? { ...error, message: readableValidationMessage(error.message) } : error);
      continue;
    }
    const rejected = inputs.filter((p) => error.ids.includes(p.key));
    if (rejected.length === 1) {
      out.errors.push({ message: error.message, category: error.category, status: error.status, ids: [rejected[0].key] });
      continue;
    }
    if (options.signal?.aborted) {
      out.errors.push({ ...error, cause: undefined, message: CANCELLED_WHILE_ISOLATING });
      continue;
    }
    options.logger?.info(`HubSpot refused a batch of ${rejected.length} tasks (${error.message}); sending it again in halves to find the invalid input(s).`);
    const sub = await createHalves(api, rejected, options);
    out.results.push(...sub.results);
    out.errors.push(...sub.errors);
  }
  return out;
}

/** Sends the halves of a group that holds an invalid input; when the first half goes through, the
 * invalid input is in the second. */
async function createHalves(api: HubSpotApi, inputs: readonly TodoInput[], options: CreationOptions): Promise<BatchResult<ApiTask>> {
  const half = Math.ceil(inputs.length / 2);
  const first = await createIsolatingInvalid(api, inputs.slice(0, half), options);
  const second = await createIsolatingInvalid(api, inputs.slice(half), options, first.errors.length === 0);
  return { results: [...first.results, ...second.results], errors: [...first.errors, ...second.errors] };
}

const CANCELLED_WHILE_ISOLATING = 'HubSpot refused the batch this TODO was in because of an invalid input; cancelled before it was sent again.';

const NOT_CHECKED = 'HubSpot may have created this task, but it could not be checked; it was not sent again, to avoid a duplicate.';

/**
 * The chunk's TODOs an earlier run left unchecked are looked up by marker before anything is sent:
 * found → recorded (linked, not created again); look-up failing → reported, still unchecked; proven
 * absent → sent. Returns what may be sent.
 */
async function checkEarlierRuns(
  api: HubSpotApi,
  chunk: readonly TodoInput[],
  result: CreationResult,
  record: (key: string, task: ApiTask) => void,
  options: CreationOptions,
  sleep: (ms: number) => Promise<void>,
): Promise<TodoInput[]> {
  const checkFirst = options.checkFirst;
  const suspects = checkFirst ? chunk.filter((p) => checkFirst.has(p.key)) : [];
  if (suspects.length === 0) {
    return [...chunk];
  }
  // Search lags behind writes: wait out what is left of the look-up window since the earlier run.
  const lastRun = Math.max(...suspects.map((p) => checkFirst!.get(p.key) ?? 0));
  const windowMs = Math.max(0, lastRun + (options.lookupWindowMs ?? 10_000) - Date.now());
  options.logger?.info(`${suspects.length} TODO(s) may have been created by an earlier run; looking for them by marker first.`);
  const unconfirmed = new Set<string>();
  const found = await findByMarkers(api, suspects.map((p) => p.key), windowMs, sleep, options.signal, unconfirmed);
  for (const [key, task] of found) {
    record(key, task);
    result.recovered++;
  }
  for (const p of suspects) {
    if (found.has(p.key)) {
      continue;
    }
    // Not proven absent (the look-up failed, or was cut short by a cancel): still not sent.
    if (unconfirmed.has(p.key)) {
      result.failed.set(p.key, NOT_CHECKED);
      result.unchecked.add(p.key);
    } else if (options.signal?.aborted && windowMs > 0) {
      result.cancelled.push(p.key);
      result.unchecked.add(p.key);
    }
  }
  return chunk.filter((p) => !result.created.has(p.key) && !result.failed.has(p.key) && !result.cancelled.includes(p.key));
}

function classify(error: BatchInputError, byKey: Map<string, TodoInput>, ambiguous: Set<string>, result: CreationResult): void {
  const keys = error.ids.filter((id) => byKey.has(id));
  if (error.cause !== undefined && isAmbiguousCreateFailure(error.cause)) {
    for (const key of keys) {
      ambiguous.add(key);
    }
    return;
  }
  for (const key of keys) {
    result.failed.set(key, error.message);
  }
}

/**
 * Looks for tasks carrying the given markers, repeating the search (1 s, 2 s, 4 s … apart) until all
 * are found or the window has passed: a task created a moment ago may not be searchable yet.
 */
export async function findByMarkers(
  api: HubSpotApi,
  keys: readonly string[],
  windowMs: number,
  sleep: (ms: number) => Promise<void>,
  signal?: AbortSignal,
  /** Filled with the missing keys whose last look-up failed (not known to be absent). */
  unconfirmed = new Set<string>(),
): Promise<Map<string, ApiTask>> {
  const found = new Map<string, ApiTask>();
  let extraPasses = 0;
  const deadline = Date.now() + windowMs;
  let delay = 1000;
  // No window (nothing was written moments ago): the first pass is the last, but for failed look-ups.
  let finalPass = windowMs <= 0;
  for (;;) {
    const missing = keys.filter((key) => !found.has(key));
    for (let i = 0; i < missing.length; i += MARKERS_PER_SEARCH) {
      const group = missing.slice(i, i + MARKERS_PER_SEARCH);
      const filterGroups: FilterGroup[] = group.map((key) => ({ filters: [{ propertyName: 'hs_task_body', operator: 'CONTAINS_TOKEN', value: markerToken(key) }] }));
      try {
        const page = await api.tasks.searchTasks({ filterGroups, properties: ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_timestamp', 'hubspot_owner_id'], limit: 100 });
        for (const task of page.items) {
          const body = task.properties.hs_task_body ?? '';
          for (const key of group) {
            if (!found.has(key) && body.includes(markerToken(key))) {
              found.set(key, task);
            }
          }
        }
        for (const key of group) {
          unconfirmed.delete(key);
        }
      } catch {
        // A failed look-up proves nothing: try again on the next round.
        for (const key of group) {
          unconfirmed.add(key);
        }
      }
    }
    if (found.size === keys.length || signal?.aborted) {
      return found;
    }
    // After the window, keep asking (a few more passes) only about keys whose look-up failed.
    if (finalPass && (unconfirmed.size === 0 || ++extraPasses > 3)) {
      return found;
    }
    if (finalPass) {
      await sleep(1000 * extraPasses);
      continue;
    }
    // A pass takes time (many searches): the first keys may have been searched before they could be
    // visible. So the last pass always starts once the whole window has passed.
    const remaining = deadline - Date.now();
    finalPass = delay >= remaining;
    await sleep(finalPass ? Math.max(0, remaining) : delay);
    delay *= 2;
  }
}
