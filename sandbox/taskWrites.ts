// Validation and application of task writes, shared by the single and the batch endpoints so both
// reject exactly the same inputs. Validation happens fully before anything is written.
import type { ApiObject } from '../src/hubspot/types';
import { TASK_ASSOCIATION_TYPE_IDS } from '../src/hubspot/types';
import { notFound, PropertyProblem, propertyValidationError, validationError } from './errors';
import { ApiDeps } from './deps';
import { allSetProperties, toApiObject } from './objects';
import { normalizeWrite } from './properties';
import { AssociatedType, StoredObject } from './store';
import { ApiVersion } from './versions';

/** Type id → associated object type, for the HUBSPOT_DEFINED task associations. */
const TYPE_ID_TARGETS = new Map<number, AssociatedType>([
  [TASK_ASSOCIATION_TYPE_IDS.contacts, 'contacts'],
  [TASK_ASSOCIATION_TYPE_IDS.companies, 'companies'],
  [TASK_ASSOCIATION_TYPE_IDS.deals, 'deals'],
]);

export function associationTarget(typeId: number): AssociatedType | undefined {
  return TYPE_ID_TARGETS.get(typeId);
}

interface PreparedCreate {
  values: Record<string, string | null>;
  associations: { toType: AssociatedType; toId: string }[];
}

function asObject(raw: unknown, what: string): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError(`Invalid input JSON on line 1, column 1: ${what} must be an object`);
  }
  return raw as Record<string, unknown>;
}

export function prepareCreate(deps: ApiDeps, raw: unknown, ver: ApiVersion = 'v3'): PreparedCreate {
  const input = asObject(raw, 'the input');
  const { values, problems } = normalizeWrite(input.properties, {
    objectType: 'tasks', isCreate: true, ownerExists: (id) => deps.store.ownerExists(id),
  });
  problems.push(...ruleProblems(deps, ver, input.properties, true, problems));
  if (problems.length > 0) {
    throw propertyValidationError(problems);
  }
  return { values, associations: prepareAssociations(deps, input.associations) };
}

function prepareAssociations(deps: ApiDeps, raw: unknown): PreparedCreate['associations'] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw validationError('Invalid input JSON on line 1, column 1: associations must be an array');
  }
  const out: PreparedCreate['associations'] = [];
  for (const a of raw as { to?: { id?: unknown }; types?: { associationCategory?: unknown; associationTypeId?: unknown }[] }[]) {
    const toId = a?.to?.id === undefined ? undefined : String(a.to.id);
    if (!toId || !Array.isArray(a.types) || a.types.length === 0) {
      throw validationError('Invalid input JSON on line 1, column 1: each association needs to.id and types');
    }
    for (const t of a.types) {
      const typeId = Number(t?.associationTypeId);
      const toType = t?.associationCategory === 'HUBSPOT_DEFINED' ? associationTarget(typeId) : undefined;
      if (!toType) {
        throw validationError(`${t?.associationCategory ?? 'undefined'} association type ${String(t?.associationTypeId)} is not valid from a task. Known task association types: 204 (contact), 192 (company), 216 (deal).`, {
          subCategory: 'INVALID_ASSOCIATION_TYPE',
          errors: [{ message: 'invalid association type', code: 'INVALID_ASSOCIATION_TYPE', context: { associationTypeId: [String(t?.associationTypeId)] } }],
        });
      }
      if (!deps.store.live(toType, toId)) {
        throw validationError(`One or more associations are invalid: ${toType} ${toId} does not exist`, {
          subCategory: 'INVALID_ASSOCIATION_TARGET',
          errors: [{ message: `${toType} ${toId} does not exist`, code: 'INVALID_ASSOCIATION_TARGET', context: { toObjectId: [toId] } }],
        });
      }
      out.push({ toType, toId });
    }
  }
  return out;
}

export function applyCreate(deps: ApiDeps, prepared: PreparedCreate): StoredObject {
  return deps.store.change(() => {
    const task = deps.store.create('tasks', prepared.values, deps.now());
    for (const a of prepared.associations) {
      deps.store.associate(task.id, a.toType, a.toId);
    }
    return task;
  });
}

export function prepareUpdate(deps: ApiDeps, raw: unknown, ver: ApiVersion = 'v3'): Record<string, string | null> {
  const { values, problems } = normalizeWrite(raw, {
    objectType: 'tasks', isCreate: false, ownerExists: (id) => deps.store.ownerExists(id),
  });
  problems.push(...ruleProblems(deps, ver, raw, false, problems));
  if (problems.length > 0) {
    throw propertyValidationError(problems);
  }
  return values;
}

/** Breaches of the account's validation rules, for the properties not already rejected by type. */
function ruleProblems(deps: ApiDeps, ver: ApiVersion, rawProps: unknown, isCreate: boolean, already: PropertyProblem[]): PropertyProblem[] {
  if (!deps.enforcesRules(ver)) {
    return [];
  }
  const sent: Record<string, string | null> = {};
  if (rawProps && typeof rawProps === 'object' && !Array.isArray(rawProps)) {
    for (const [k, v] of Object.entries(rawProps as Record<string, unknown>)) {
      sent[k] = v === null || v === undefined ? null : String(v);
    }
  }
  const rejected = new Set(already.map((p) => p.name));
  return deps.rules.check('tasks', sent, isCreate).filter((p) => !rejected.has(p.name));
}

export function liveTaskOr404(deps: ApiDeps, id: string): StoredObject {
  const task = deps.store.live('tasks', id);
  if (!task) {
    throw notFound();
  }
  return task;
}

/** Create and update answer with every set property, as HubSpot does. */
export function written(task: StoredObject): ApiObject {
  return toApiObject('tasks', task, allSetProperties(task));
}
