// Where HubSpot's answers or its known-good requests depart from the documents that describe them.
// Each deviation is applied to a copy of the documents (the files stay as published), names the
// documents it concerns and recognises the violation the pristine documents report for it, so that the
// tests can prove it is needed and that it is the only thing relaxed.
import { Deviation, eachSchema, Schema } from './openapi';

/** A `properties` member whose values are typed as plain strings (a record's property map). */
function propertyMap(schema: Schema): Schema | undefined {
  const map = (schema.properties as Record<string, Schema> | undefined)?.properties;
  const values = map?.additionalProperties as Schema | undefined;
  return map?.type === 'object' && values?.type === 'string' && values.nullable !== true ? map : undefined;
}

export const NULL_PROPERTY_VALUES: Deviation = {
  id: 'null property values',
  why: 'HubSpot sends null for a requested property that has no value; the seed spec and tasks.v3.json type '
    + 'every value as a plain string (the date-version files say nullable). Responses only: the client sends "" to clear a value.',
  documents: /^(tasks-api\.openapi\.yml|tasks\.v3\.json)$/,
  direction: 'response',
  apply: (spec) => eachSchema(spec, (schema) => {
    const map = propertyMap(schema);
    if (map) {
      map.additionalProperties = { ...(map.additionalProperties as Schema), nullable: true };
    }
  }),
  explains: (problem) => /\.properties\.\w+: expected string, got null$/.test(problem),
};
