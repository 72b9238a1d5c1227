// Batch read / create / update of tasks: at most 100 inputs; a partial failure is a 207 listing one
// error per failed input (create errors echo the input's objectWriteTraceId).
import type { ApiObject, BatchError } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { HttpError, isHttpError, validationError } from '../errors';
import { requestedFromBody, toApiObject } from '../objects';
import { HandlerResult, Route } from '../router';
import { applyCreate, prepareCreate, prepareUpdate, written } from '../taskWrites';
import { READ_SCOPE, TASKS_PATH, WRITE_SCOPE } from './tasks';

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
  const err: BatchError = { status: 'error', category: e.category, message: e.message, context: ctx };
  if (e.extras.subCategory) {
    err.subCategory = e.extras.subCategory;
  }
  return err;
}

function traceContext(input: unknown): Record<string, string[]> {
  const trace = (input as { objectWriteTraceId?: unknown } | null)?.objectWriteTraceId;
  return trace === undefined || trace === null ? {} : { objectWriteTraceId: [String(trace)] };
}

export function batchRoutes(deps: ApiDeps): Route[] {
  return [
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
        const results: ApiObject[] = [];
        const errors: BatchError[] = [];
        for (const input of batchInputs(body)) {
          try {
            const task = applyCreate(deps, prepareCreate(deps, input));
            const out: ApiObject & { objectWriteTraceId?: string } = written(task);
            const trace = traceContext(input).objectWriteTraceId;
            if (trace) {
              out.objectWriteTraceId = trace[0];
            }
            results.push(out);
          } catch (e) {
            errors.push(inputError(e, traceContext(input)));
          }
        }
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
            deps.store.update('tasks', task, prepareUpdate(deps, input?.properties), deps.now());
            results.push(written(task));
          } catch (e) {
            errors.push(inputError(e, context));
          }
        });
        return batchResult(startedAt, results, errors, 200);
      },
    },
  ];
}
