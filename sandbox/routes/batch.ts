// Batch read / create / update of tasks: at most 100 inputs; a partial failure is a 207 listing one
// error per failed input (create errors echo the input's objectWriteTraceId).
import type { ApiObject, BatchError } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { HttpError, isHttpError, validationError } from '../errors';
import { requestedFromBody, toApiObject } from '../objects';
import { HandlerResult, Route } from '../router';
import { applyCreate, prepareCreate, prepareUpdate, written } from '../taskWrites';
import { ApiVersion, objectsBase } from '../versions';
import { READ_SCOPE, WRITE_SCOPE } from './tasks';

export const MAX_BATCH_INPUTS = 100;

export function batchInputs(body: unknown): unknown[] {
  const inputs = (body as { inputs?: unknown } | null)?.inputs;
  if (!Array.isArray(inputs)) {
    throw validationError('Invalid input JSON on line 1, column 1: inputs must be an array');
  }
  if (inputs.length > MAX_BATCH_INPUTS) {
    throw validationError(`Batch input size ${inputs.length} exceeds the maximum of ${MAX_BATCH_INPUTS} inputs.`, {
      errors: [{ message: `at most ${MAX_BATCH_INPUTS} inputs per batch`, code: 'TOO_MANY_INPUTS', context: { inputs: [String(inputs.length)] } }],
    });
  }
  return inputs;
}

export function batchResult(startedAt: number, results: ApiObject[], errors: BatchError[], okStatus: number): HandlerResult {
  // HubSpot's StandardError always carries context, errors and links (empty when there is nothing to say).
  errors = errors.map((e) => ({ context: {}, errors: [], links: {}, ...e }));
  const body: Record<string, unknown> = {
    status: 'COMPLETE',
    results,
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date().toISOString(),
  };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
  }
  return { status: errors.length > 0 ? 207 : okStatus, body };
}

/** A failed input as one batch error; `context` names the input (ids / objectWriteTraceId) and the property. */
function inputError(e: unknown, context: Record<string, string[]>): BatchError {
  if (!isHttpError(e)) {
    throw e;
  }
  const propertyNames = (e.extras.errors ?? []).flatMap((x) => x.context?.propertyName ?? []);
  const ctx = { ...context };
  if (propertyNames.length > 0) {
    ctx.propertyName = propertyNames;
  }
  const err: BatchError & { errors?: unknown[] } = { status: 'error', category: e.category, message: e.message, context: ctx };
  if (e.extras.errors) {
    err.errors = e.extras.errors; // each failing property with its code, as in the single-write 400
  }
  if (e.extras.subCategory) {
    err.subCategory = e.extras.subCategory;
  }
  return err;
}

function traceContext(input: unknown): Record<string, string[]> {
  const trace = (input as { objectWriteTraceId?: unknown } | null)?.objectWriteTraceId;
  return trace === undefined || trace === null ? {} : { objectWriteTraceId: [String(trace)] };
}

export function batchRoutes(deps: ApiDeps, ver: ApiVersion = 'v3'): Route[] {
  const TASKS_PATH = objectsBase(ver, 'tasks');
  const routes: Route[] = [
    {
      method: 'POST', pattern: `${TASKS_PATH}/batch/read`, operation: 'batchReadTasks', scope: READ_SCOPE,
      handler: ({ body, query }) => {
        const startedAt = deps.now();
        const inputs = batchInputs(body);
        const archived = query.get('archived') === 'true';
        const requested = requestedFromBody((body as { properties?: unknown }).properties);
        const results: ApiObject[] = [];
        const missing: string[] = [];
        const seen = new Set<string>();
        for (const input of inputs) {
          const id = String((input as { id?: unknown } | null)?.id ?? '');
          if (seen.has(id)) {
            continue; // HubSpot answers a repeated id once
          }
          seen.add(id);
          const task = deps.store.get('tasks', id);
          if (task && task.archived === archived) {
            results.push(toApiObject('tasks', task, requested));
          } else {
            missing.push(id);
          }
        }
        const errors: BatchError[] = missing.length === 0 ? [] : [{
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: 'Could not get some TASK objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: missing },
        }];
        return batchResult(startedAt, results, errors, 200);
      },
    },
    {
      method: 'POST', pattern: `${TASKS_PATH}/batch/create`, operation: 'batchCreateTasks', scope: WRITE_SCOPE,
      handler: ({ body }) => {
        const startedAt = deps.now();
        const inputs = batchInputs(body);
        const prepared = inputs.map((input) => {
          try {
            return prepareCreate(deps, input, ver);
          } catch (e) {
            return e instanceof Error ? e : new Error(String(e));
          }
        });
        // Whole-batch mode: the first invalid input fails the batch with its own 400 and nothing is
        // created (what integrators report from HubSpot); the body does not say which input it was.
        const firstBad = prepared.find((p): p is Error => p instanceof Error);
        if (firstBad && deps.batchCreateErrors(ver) === 'whole-batch') {
          throw firstBad;
        }
        const results: ApiObject[] = [];
        const errors: BatchError[] = [];
        inputs.forEach((input, i) => {
          const p = prepared[i];
          if (p instanceof Error) {
            errors.push(inputError(p, traceContext(input)));
            return;
          }
          const task = applyCreate(deps, p);
          const out: ApiObject & { objectWriteTraceId?: string } = written(task);
          const trace = traceContext(input).objectWriteTraceId;
          if (trace) {
            out.objectWriteTraceId = trace[0];
          }
          results.push(out);
        });
        return batchResult(startedAt, results, errors, 201);
      },
    },
    {
      method: 'POST', pattern: `${TASKS_PATH}/batch/update`, operation: 'batchUpdateTasks', scope: WRITE_SCOPE,
      handler: ({ body }) => {
        const startedAt = deps.now();
        const inputs = batchInputs(body) as { id?: unknown; properties?: unknown; objectWriteTraceId?: unknown }[];
        const ids = inputs.map((i) => String(i?.id ?? ''));
        const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
        if (dupes.length > 0) {
          throw validationError(`Duplicate IDs found in batch input: [${[...new Set(dupes)].join(', ')}]. IDs must be unique`, {
            errors: [{ message: 'duplicate ids', code: 'DUPLICATE_IDS', context: { ids: [...new Set(dupes)] } }],
          });
        }
        const results: ApiObject[] = [];
        const errors: BatchError[] = [];
        inputs.forEach((input, i) => {
          const context = { ids: [ids[i]], ...traceContext(input) };
          try {
            const task = deps.store.live('tasks', ids[i]);
            if (!task) {
              throw new HttpError(404, 'OBJECT_NOT_FOUND', `Could not find TASK with id ${ids[i]}. It may be deleted or not exist.`);
            }
            deps.store.update('tasks', task, prepareUpdate(deps, input?.properties, ver), deps.now());
            results.push(written(task));
          } catch (e) {
            errors.push(inputError(e, context));
          }
        });
        return batchResult(startedAt, results, errors, 200);
      },
    },
    {
      // Tasks have no unique-value property of their own, so an upsert names the record by its id
      // (idProperty absent or hs_object_id): an existing task is updated, a missing one is an error.
      method: 'POST', pattern: `${TASKS_PATH}/batch/upsert`, operation: 'batchUpsertTasks', scope: WRITE_SCOPE,
      handler: ({ body }) => {
        const startedAt = deps.now();
        const inputs = batchInputs(body) as { id?: unknown; idProperty?: unknown; properties?: unknown; objectWriteTraceId?: unknown }[];
        for (const input of inputs) {
          if (input?.idProperty !== undefined && input.idProperty !== 'hs_object_id') {
            throw validationError(`${String(input.idProperty)} is not a unique value property of TASK; upsert by hs_object_id`, {
              errors: [{ message: 'not a unique property', code: 'INVALID_ID_PROPERTY', context: { idProperty: [String(input.idProperty)] } }],
            });
          }
        }
        const results: ApiObject[] = [];
        const errors: BatchError[] = [];
        for (const input of inputs) {
          const id = String(input?.id ?? '');
          const context = { ids: [id], ...traceContext(input) };
          try {
            const task = deps.store.live('tasks', id);
            if (!task) {
              throw new HttpError(404, 'OBJECT_NOT_FOUND', `Could not find TASK with id ${id}. It may be deleted or not exist.`);
            }
            deps.store.update('tasks', task, prepareUpdate(deps, input?.properties, ver), deps.now());
            results.push({ ...written(task), new: false } as ApiObject);
          } catch (e) {
            errors.push(inputError(e, context));
          }
        }
        return batchResult(startedAt, results, errors, 200);
      },
    },
    {
      // Archives every live task named; ids that are missing or already archived are skipped (204 either way).
      method: 'POST', pattern: `${TASKS_PATH}/batch/archive`, operation: 'batchArchiveTasks', scope: WRITE_SCOPE,
      handler: ({ body }) => {
        const ids = (batchInputs(body) as { id?: unknown }[]).map((i) => String(i?.id ?? ''));
        deps.store.change(() => {
          for (const id of ids) {
            const task = deps.store.live('tasks', id);
            if (task) {
              deps.store.archive('tasks', task, deps.now());
            }
          }
        });
        return { status: 204 };
      },
    },
  ];
  return routes.map((r) => ({ ...r, apiVersion: ver }));
}
