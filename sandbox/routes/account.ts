// Beyond the spec, what the extension needs: owners, account details, task property definitions.
import type { AccountDetails } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { notFound, validationError } from '../errors';
import { pageByOffset, paging, parseListLimit } from '../paging';
import { OBJECT_TYPES, ObjectType, PROPERTIES, propertyDefinition } from '../properties';
import { Route } from '../router';
import { objectTypeFromId, parseRule, HUBSPOT_RULE_TYPES } from '../validationRules';
import { accountDetailsPath, ApiVersion, ownersBase, propertiesBase, propertyValidationsBase } from '../versions';
import { READ_SCOPE } from './tasks';

export const ACCOUNT_DETAILS: AccountDetails & Record<string, unknown> = {
  portalId: 24681357,
  accountType: 'STANDARD',
  timeZone: 'US/Eastern',
  companyCurrency: 'USD',
  additionalCurrencies: [],
  utcOffset: '-05:00',
  utcOffsetMilliseconds: -18_000_000,
  uiDomain: 'app.hubspot.com',
  dataHostingLocation: 'na1',
};

const OWNERS_SCOPE = 'crm.objects.owners.read';
const PROPERTIES_WRITE_SCOPE = 'crm.schemas.contacts.write';

function objectTypeOr404(name: string): ObjectType {
  if (!(OBJECT_TYPES as readonly string[]).includes(name)) {
    throw validationError(`Unable to infer object type from: ${name}`, { subCategory: 'UNKNOWN_OBJECT_TYPE' });
  }
  return name as ObjectType;
}

function validationTypeOr400(raw: string): ObjectType {
  const type = objectTypeFromId(raw);
  if (!type) {
    throw validationError(`Unable to infer object type from: ${raw}`, { subCategory: 'UNKNOWN_OBJECT_TYPE' });
  }
  return type;
}

/** The property-validations API (official/property-validations.2026-09.json): read the rules, and PUT
 * one rule of a property, which is how an admin (or a test) configures them. */
function propertyValidationRoutes(deps: ApiDeps, ver: ApiVersion): Route[] {
  const base = propertyValidationsBase(ver);
  const routes: Route[] = [
    {
      method: 'GET', pattern: `${base}/:objectTypeId`, operation: 'listPropertyValidations', scope: READ_SCOPE,
      handler: ({ params }) => ({ status: 200, body: { results: deps.rules.list(validationTypeOr400(params.objectTypeId)) } }),
    },
    {
      method: 'GET', pattern: `${base}/:objectTypeId/:propertyName`, operation: 'getPropertyValidations', scope: READ_SCOPE,
      handler: ({ params }) => ({ status: 200, body: { results: deps.rules.forProperty(validationTypeOr400(params.objectTypeId), params.propertyName) } }),
    },
    {
      method: 'GET', pattern: `${base}/:objectTypeId/:propertyName/rule-type/:ruleType`, operation: 'getPropertyValidationRule', scope: READ_SCOPE,
      handler: ({ params }) => {
        const rule = deps.rules.forProperty(validationTypeOr400(params.objectTypeId), params.propertyName).find((r) => r.ruleType === params.ruleType);
        if (!rule) {
          throw notFound(`No ${params.ruleType} rule on ${params.propertyName}`);
        }
        return { status: 200, body: rule };
      },
    },
    {
      method: 'PUT', pattern: `${base}/:objectTypeId/:propertyName/rule-type/:ruleType`, operation: 'putPropertyValidationRule', scope: PROPERTIES_WRITE_SCOPE,
      handler: ({ params, body }) => {
        const type = validationTypeOr400(params.objectTypeId);
        if (!PROPERTIES[type][params.propertyName]) {
          throw notFound(`Unable to find property ${params.propertyName} on object type ${params.objectTypeId}`);
        }
        if (!HUBSPOT_RULE_TYPES.includes(params.ruleType)) {
          throw validationError(`ruleType must be one of ${HUBSPOT_RULE_TYPES.join(', ')} in the sandbox, got ${params.ruleType}`);
        }
        const b = (body ?? {}) as { ruleArguments?: unknown; shouldApplyNormalization?: unknown };
        let rule;
        try {
          rule = parseRule(params.ruleType, b.ruleArguments, b.shouldApplyNormalization);
        } catch (e) {
          throw validationError((e as Error).message);
        }
        deps.rules.put(type, params.propertyName, rule);
        return { status: 204 };
      },
    },
  ];
  return routes.map((r) => ({ ...r, apiVersion: ver }));
}

export function accountRoutes(deps: ApiDeps, ver: ApiVersion = 'v3'): Route[] {
  const ownerOptions = () => deps.store.allOwners().map((o, i) => ({
    label: `${o.firstName} ${o.lastName} (${o.email})`, value: o.id, displayOrder: i, hidden: false,
  }));
  const routes: Route[] = [
    {
      method: 'GET', pattern: ownersBase(ver), operation: 'listOwners', scope: OWNERS_SCOPE,
      handler: ({ query, path }) => {
        const limit = parseListLimit(query.get('limit'), 100, 500);
        const email = query.get('email')?.toLowerCase();
        const archived = query.get('archived') === 'true';
        const owners = deps.store.allOwners()
          .filter((o) => (o.archived ?? false) === archived)
          .filter((o) => !email || o.email.toLowerCase() === email);
        const { page, nextAfter } = pageByOffset(owners, query.get('after'), limit);
        return { status: 200, body: { results: page, ...paging(deps.baseUrl(), path, query, nextAfter) } };
      },
    },
    {
      method: 'GET', pattern: `${ownersBase(ver)}/:ownerId`, operation: 'getOwner', scope: OWNERS_SCOPE,
      handler: ({ params }) => {
        const owner = deps.store.allOwners().find((o) => o.id === params.ownerId);
        if (!owner) {
          throw notFound();
        }
        return { status: 200, body: owner };
      },
    },
    {
      // Any valid token may read the account's details, even one without CRM scopes.
      method: 'GET', pattern: accountDetailsPath(ver), operation: 'accountDetails',
      handler: () => ({ status: 200, body: deps.details ?? ACCOUNT_DETAILS }),
    },
    {
      method: 'GET', pattern: `${propertiesBase(ver)}/:objectType/:propertyName`, operation: 'getProperty', scope: READ_SCOPE,
      handler: ({ params }) => {
        const def = propertyDefinition(objectTypeOr404(params.objectType), params.propertyName, ownerOptions());
        if (!def) {
          throw notFound(`Unable to find property ${params.propertyName} on object type ${params.objectType}`);
        }
        return { status: 200, body: def };
      },
    },
    {
      method: 'GET', pattern: `${propertiesBase(ver)}/:objectType`, operation: 'listProperties', scope: READ_SCOPE,
      handler: ({ params }) => {
        const type = objectTypeOr404(params.objectType);
        return { status: 200, body: { results: Object.keys(PROPERTIES[type]).map((n) => propertyDefinition(type, n, ownerOptions())) } };
      },
    },
  ];
  return [...routes.map((r) => ({ ...r, apiVersion: ver })), ...propertyValidationRoutes(deps, ver)];
}
