// Beyond the spec, what the extension needs: owners, account details, task property definitions.
import type { AccountDetails } from '../../src/hubspot/types';
import { ApiDeps } from '../deps';
import { notFound, validationError } from '../errors';
import { pageByOffset, paging, parseListLimit } from '../paging';
import { OBJECT_TYPES, ObjectType, PROPERTIES, propertyDefinition } from '../properties';
import { Route } from '../router';
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

function objectTypeOr404(name: string): ObjectType {
  if (!(OBJECT_TYPES as readonly string[]).includes(name)) {
    throw validationError(`Unable to infer object type from: ${name}`, { subCategory: 'UNKNOWN_OBJECT_TYPE' });
  }
  return name as ObjectType;
}

export function accountRoutes(deps: ApiDeps): Route[] {
  const ownerOptions = () => deps.store.allOwners().map((o, i) => ({
    label: `${o.firstName} ${o.lastName} (${o.email})`, value: o.id, displayOrder: i, hidden: false,
  }));
  return [
    {
      method: 'GET', pattern: '/crm/v3/owners', operation: 'listOwners', scope: OWNERS_SCOPE,
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
      method: 'GET', pattern: '/crm/v3/owners/:ownerId', operation: 'getOwner', scope: OWNERS_SCOPE,
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
      method: 'GET', pattern: '/account-info/v3/details', operation: 'accountDetails',
      handler: () => ({ status: 200, body: ACCOUNT_DETAILS }),
    },
    {
      method: 'GET', pattern: '/crm/v3/properties/:objectType/:propertyName', operation: 'getProperty', scope: READ_SCOPE,
      handler: ({ params }) => {
        const def = propertyDefinition(objectTypeOr404(params.objectType), params.propertyName, ownerOptions());
        if (!def) {
          throw notFound(`Unable to find property ${params.propertyName} on object type ${params.objectType}`);
        }
        return { status: 200, body: def };
      },
    },
    {
      method: 'GET', pattern: '/crm/v3/properties/:objectType', operation: 'listProperties', scope: READ_SCOPE,
      handler: ({ params }) => {
        const type = objectTypeOr404(params.objectType);
        return { status: 200, body: { results: Object.keys(PROPERTIES[type]).map((n) => propertyDefinition(type, n, ownerOptions())) } };
      },
    },
  ];
}
