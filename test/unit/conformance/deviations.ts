// Where HubSpot's answers or its known-good requests depart from the documents that describe them.
// Each deviation is applied to a copy of the documents (the files stay as published), names the
// documents it concerns and recognises the violation the pristine documents report for it, so that the
// tests can prove it is needed and that it is the only thing relaxed.
import { Deviation, eachSchema, Schema, Spec } from './openapi';

/** A `properties` member whose values are typed as plain strings (a record's property map). */
function propertyMap(schema: Schema): Schema | undefined {
  const map = (schema.properties as Record<string, Schema> | undefined)?.properties;
  const values = map?.additionalProperties as Schema | undefined;
  return map?.type === 'object' && values?.type === 'string' && values.nullable !== true ? map : undefined;
}

export const NULL_PROPERTY_VALUES: Deviation = {
  id: 'null property values',
  why: 'HubSpot sends null for a requested property that has no value; the seed spec, tasks.v3.json and '
    + 'tasks.2026-03.json type every value as a plain string (the 2026-09 files say nullable). Responses only: '
    + 'the client sends "" to clear a value.',
  documents: /^(tasks-api\.openapi\.yml|tasks\.v3\.json|tasks\.2026-03\.json)$/,
  direction: 'response',
  apply: (spec) => eachSchema(spec, (schema) => {
    const map = propertyMap(schema);
    if (map) {
      map.additionalProperties = { ...(map.additionalProperties as Schema), nullable: true };
    }
  }),
  explains: (problem) => /\.properties\.\w+: expected string, got null$/.test(problem),
};

const SEARCH_REQUEST_MEMBERS = ['after', 'filterGroups', 'limit', 'properties', 'sorts'];

/** `PublicObjectSearchRequest` wherever a file defines it. */
function searchRequest(spec: Spec): Schema | undefined {
  return spec.components.schemas.PublicObjectSearchRequest;
}

export const SEARCH_MEMBERS_OPTIONAL: Deviation = {
  id: 'search members optional',
  why: 'The files mark after, filterGroups, limit, properties and sorts of a search request required; HubSpot '
    + 'takes each as optional (a first page has no `after`, a text search no filters; its own search guide\'s '
    + 'examples leave them out), and the client sends only what it needs. Requests only.',
  documents: /\.json$/,
  direction: 'request',
  apply: (spec) => {
    const schema = searchRequest(spec);
    if (schema && Array.isArray(schema.required)) {
      schema.required = (schema.required as string[]).filter((m) => !SEARCH_REQUEST_MEMBERS.includes(m));
    }
  },
  explains: (problem) => new RegExp(`^body: must have required property '(${SEARCH_REQUEST_MEMBERS.join('|')})'$`).test(problem),
};

export const SORTS_AS_OBJECTS: Deviation = {
  id: 'sorts as objects',
  why: 'The files type a search request\'s `sorts` as strings; HubSpot sorts by `{propertyName, direction}` objects '
    + '(a known error of the generated files: HubSpot/hubspot-api-nodejs#14, hubspot-api-python#236). Requests only.',
  documents: /\.json$/,
  direction: 'request',
  apply: (spec) => {
    const sorts = (searchRequest(spec)?.properties as Record<string, Schema> | undefined)?.sorts;
    if (sorts) {
      sorts.items = {
        type: 'object', required: ['propertyName'], additionalProperties: false,
        properties: { propertyName: { type: 'string' }, direction: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] } },
      };
    }
  },
  explains: (problem) => /^body\.sorts\[\d+\]: expected string, got object$/.test(problem),
};

const V3_OPTIONAL_MEMBERS = ['associations', 'propertiesWithHistory'];

export const V3_WRITE_MEMBERS_OPTIONAL: Deviation = {
  id: 'v3 associations / propertiesWithHistory optional',
  why: 'tasks.v3.json marks `associations` of a create input and `propertiesWithHistory` of a batch read required; '
    + 'HubSpot\'s v3 takes requests without them (the seed\'s contract, which the v3 client follows, has neither '
    + 'required). The date-version requests carry them empty, matching their files. Requests only.',
  documents: /^tasks\.v3\.json$/,
  direction: 'request',
  apply: (spec) => {
    for (const schema of Object.values(spec.components.schemas)) {
      if (Array.isArray(schema.required)) {
        schema.required = (schema.required as string[]).filter((m) => !V3_OPTIONAL_MEMBERS.includes(m));
      }
    }
  },
  explains: (problem) => new RegExp(`^body(\\.inputs\\[\\d+\\])?: must have required property '(${V3_OPTIONAL_MEMBERS.join('|')})'$`).test(problem),
};

/** Where HubSpot departs from its published files (test/fixtures/hubspot-official/). */
export const OFFICIAL_DEVIATIONS: readonly Deviation[] = [
  NULL_PROPERTY_VALUES,
  SEARCH_MEMBERS_OPTIONAL,
  SORTS_AS_OBJECTS,
  V3_WRITE_MEMBERS_OPTIONAL,
];
