// A small checker for the subset of OpenAPI 3.1 / JSON Schema that tasks-api.openapi.yml uses:
// type (object, array, string, integer, number, boolean), properties, additionalProperties, items,
// enum, maximum, format date-time and $ref to #/components. Written here rather than pulling in
// ajv: that subset is ~100 lines, and we need one deliberate deviation ajv would not express
// without a schema rewrite: HubSpot sends `null` for a requested property that has no value, while
// the spec types every property value as a string. `nullPropertyValues` accepts null there, in
// responses only; requests are held to the letter (the client sends "" to clear a value).
import * as fs from 'fs';
import * as yaml from 'js-yaml';

export type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  maximum?: number;
  format?: string;
};

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
}

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
}

export interface MatchedOperation {
  operationId: string;
  template: string;
  method: string;
  operation: Operation;
  pathParams: Record<string, string>;
}

export function loadSpec(file: string): Spec {
  return yaml.load(fs.readFileSync(file, 'utf8')) as Spec;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface CheckOptions {
  /** Accept null where the spec says string inside a record's `properties` map (HubSpot: unset value). */
  nullPropertyValues?: boolean;
}

export class SpecChecker {
  private readonly routes: { re: RegExp; names: string[]; template: string; literalLength: number }[];

  constructor(readonly spec: Spec) {
    this.routes = Object.keys(spec.paths).map((template) => {
      const names: string[] = [];
      const re = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_m, name: string) => { names.push(name); return '([^/]+)'; })}$`);
      return { re, names, template, literalLength: template.replace(/\{\w+\}/g, '').length };
    }).sort((a, b) => b.literalLength - a.literalLength);
  }

  operationIds(): string[] {
    return Object.values(this.spec.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  }

  match(method: string, path: string): MatchedOperation | undefined {
    for (const route of this.routes) {
      const m = route.re.exec(path);
      const operation = this.spec.paths[route.template][method.toLowerCase()];
      if (m && operation) {
        const pathParams: Record<string, string> = {};
        route.names.forEach((n, i) => { pathParams[n] = decodeURIComponent(m[i + 1]); });
        return { operationId: operation.operationId, template: route.template, method, operation, pathParams };
      }
    }
    return undefined;
  }

  /** Violations of the request: parameters (path, query; undeclared query names too) and body. */
  checkRequest(op: MatchedOperation, query: Record<string, string>, body: unknown): string[] {
    const errors: string[] = [];
    const params = op.operation.parameters ?? [];
    for (const p of params) {
      const raw = p.in === 'path' ? op.pathParams[p.name] : p.in === 'query' ? query[p.name] : undefined;
      if (raw === undefined) {
        if (p.required) { errors.push(`${p.in} parameter ${p.name} is required`); }
        continue;
      }
      errors.push(...this.check(p.schema, coerceParam(p.schema, raw), `${p.in}.${p.name}`, {}));
    }
    for (const name of Object.keys(query)) {
      if (!params.some((p) => p.in === 'query' && p.name === name)) {
        errors.push(`query parameter ${name} is not in the spec`);
      }
    }
    const rb = op.operation.requestBody;
    if (!rb) {
      if (body !== undefined) { errors.push('request has a body the spec does not declare'); }
    } else if (body === undefined) {
      if (rb.required) { errors.push('request body is required'); }
    } else {
      errors.push(...this.check(rb.content['application/json'].schema, body, 'body', {}));
    }
    return errors;
  }

  /** Violations of a response: the schema of its status (an undeclared 2xx is held to the success schema). */
  checkResponse(op: MatchedOperation, status: number, text: string, options: CheckOptions): string[] {
    const responses = op.operation.responses;
    let declared: Operation['responses'][string] | undefined = responses[String(status)];
    if (!declared && status >= 200 && status < 300) {
      declared = Object.entries(responses).find(([code]) => code.startsWith('2'))?.[1];
    }
    if (!declared) {
      // 429 / 5xx: not in the spec; HubSpot's error body is the spec's Error schema.
      declared = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const resolved = declared.$ref ? this.spec.components.responses[declared.$ref.split('/').pop() as string] : declared;
    const schema = resolved.content?.['application/json']?.schema;
    if (!schema) {
      return text.length === 0 ? [] : [`status ${status} declares no body but got ${text.length} bytes`];
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [`status ${status} body is not JSON`];
    }
    return this.check(schema, json, 'response', options);
  }

  check(schema: Schema, value: unknown, path: string, options: CheckOptions, inPropertyMap = false): string[] {
    if (schema.$ref) {
      return this.check(this.resolve(schema.$ref), value, path, options, inPropertyMap);
    }
    if (value === null && inPropertyMap && options.nullPropertyValues && schema.type === 'string') {
      return [];
    }
    const errors: string[] = [];
    if (schema.type && !hasType(schema.type, value)) {
      return [`${path}: expected ${schema.type}, got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`];
    }
    if (schema.enum && !schema.enum.includes(value)) {
      errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
    }
    if (schema.maximum !== undefined && typeof value === 'number' && value > schema.maximum) {
      errors.push(`${path}: ${value} is above the maximum ${schema.maximum}`);
    }
    if (schema.format === 'date-time' && typeof value === 'string' && !DATE_TIME.test(value)) {
      errors.push(`${path}: ${value} is not a date-time`);
    }
    if (Array.isArray(value) && schema.items) {
      value.forEach((item, i) => errors.push(...this.check(schema.items as Schema, item, `${path}[${i}]`, options)));
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) {
        const known = schema.properties?.[key];
        if (known) {
          errors.push(...this.check(known, v, `${path}.${key}`, options, false));
        } else if (schema.additionalProperties === false) {
          errors.push(`${path}.${key}: not allowed`);
        } else if (typeof schema.additionalProperties === 'object') {
          errors.push(...this.check(schema.additionalProperties, v, `${path}.${key}`, options, path.endsWith('.properties')));
        }
      }
    }
    return errors;
  }

  private resolve(ref: string): Schema {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix) || !this.spec.components.schemas[ref.slice(prefix.length)]) {
      throw new Error(`Unresolvable $ref ${ref}`);
    }
    return this.spec.components.schemas[ref.slice(prefix.length)];
  }
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    default: throw new Error(`Schema type ${type} is outside the supported subset`);
  }
}

/** Query and path values are text on the wire; read them as their schema's type. */
function coerceParam(schema: Schema, raw: string): unknown {
  if (schema.type === 'integer' || schema.type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  if (schema.type === 'boolean') {
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return raw;
}
