// Checks HTTP exchanges against OpenAPI documents with ajv (a maintained JSON-schema validator)
// instead of a hand-written subset checker: the seed's contract (tasks-api.openapi.yml, OpenAPI 3.1)
// and HubSpot's published files per API version (test/fixtures/hubspot-official/, OpenAPI 3.0, copied
// unchanged). Each document is added to ajv whole, under its file name as id, and every schema is
// compiled by JSON pointer into it, so `#/components/...` references resolve as the document wrote
// them. OpenAPI's own keywords are ajv's: `nullable` (3.0), `format` (date-time and uuid through
// ajv-formats; int32 / int64 as integer ranges), the rest (`example`, `description`, `x-*`) ignored.
//
// Where HubSpot itself departs from its files, a checker is built over a COPY of the documents with
// named deviations applied (`withDeviations`): the files stay byte for byte as HubSpot published them,
// and the tests prove that each deviation is needed (the pristine documents flag exactly those
// places) and that nothing else is relaxed.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as yaml from 'js-yaml';

export type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

interface Content {
  [mediaType: string]: { schema?: Schema };
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Content };
  responses: Record<string, { $ref?: string; content?: Content }>;
}

export interface Spec {
  openapi: string;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, Schema>; responses?: Record<string, { content?: Content }> };
}

/** One OpenAPI document and the name it is known by (its file name). */
export interface SpecDocument {
  name: string;
  spec: Spec;
}

export interface MatchedOperation {
  operationId: string;
  /** The document the operation comes from. */
  document: string;
  template: string;
  method: string;
  operation: Operation;
  pathParams: Record<string, string>;
  /** JSON pointer of the operation inside its document. */
  pointer: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export function loadSpec(file: string): Spec {
  return yaml.load(fs.readFileSync(file, 'utf8')) as Spec;
}

/** The seed contract as a one-document set. */
export function seedDocuments(file: string): SpecDocument[] {
  return [{ name: path.basename(file), spec: loadSpec(file) }];
}

/** JSON files of a folder (HubSpot's published files), each under its file name. */
export function loadDocuments(dir: string, names: readonly string[]): SpecDocument[] {
  return names.map((name) => ({ name, spec: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Spec }));
}

/**
 * A deliberate, named departure from the published documents: `apply` edits the copy of every
 * document `documents` matches. `why` is shown in the tests; `explains` recognises the violation the
 * pristine documents report for it (so the tests can prove it is both needed and the only one).
 */
export interface Deviation {
  id: string;
  why: string;
  documents: RegExp;
  /** Requests, responses, or both are checked with this deviation applied. */
  direction: 'request' | 'response' | 'both';
  apply(spec: Spec): void;
  explains(problem: string): boolean;
}

/** Deep copies of `docs` with the deviations that concern `direction` applied. */
export function withDeviations(docs: readonly SpecDocument[], deviations: readonly Deviation[], direction: 'request' | 'response'): SpecDocument[] {
  return docs.map(({ name, spec }) => {
    const copy = structuredClone(spec);
    for (const d of deviations) {
      if ((d.direction === 'both' || d.direction === direction) && d.documents.test(name)) {
        d.apply(copy);
      }
    }
    return { name, spec: copy };
  });
}

/** Every schema of `spec` (components and inline, recursively), for deviations that rewrite a pattern. */
export function eachSchema(spec: Spec, visit: (schema: Schema) => void): void {
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) {
      return;
    }
    seen.add(value);
    if (!Array.isArray(value) && ('type' in value || 'properties' in value || '$ref' in value)) {
      visit(value as Schema);
    }
    Object.values(value).forEach(walk);
  };
  walk(spec.components);
  walk(spec.paths);
}

function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

interface Route {
  re: RegExp;
  names: string[];
  template: string;
  literalLength: number;
  method: string;
  doc: SpecDocument;
  /** The operation's JSON pointer in the document (the route may be a dated alias of its template). */
  pointer: string;
}

/**
 * Routes requests to the operations of a document set and validates them. Date-version files name
 * the previous version's path in each operationId (`get-/crm/objects/2026-09/{objectType}_/crm/objects/2026-03/{objectType}`):
 * that alias is routed to the same operation, since HubSpot publishes one file for both.
 */
export class OpenApiChecker {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly documents: readonly SpecDocument[]) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, verbose: true });
    addFormats(this.ajv, ['date-time', 'uuid', 'email', 'uri']);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    for (const doc of documents) {
      this.ajv.addSchema(doc.spec as object, doc.name);
      for (const [template, item] of Object.entries(doc.spec.paths)) {
        for (const method of METHODS) {
          const op = item[method] as Operation | undefined;
          if (!op) {
            continue;
          }
          const pointer = `/paths/${escapePointer(template)}/${method}`;
          const alias = /_(\/[^_]+)$/.exec(op.operationId)?.[1];
          for (const t of alias && alias !== template ? [template, alias] : [template]) {
            const names: string[] = [];
            const re = new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => { names.push(name); return '([^/]+)'; })}$`);
            this.routes.push({ re, names, template: t, literalLength: t.replace(/\{\w+\}/g, '').length, method, doc, pointer });
          }
        }
      }
    }
    // Literal paths before templates (`…/tasks/search` before `…/tasks/{taskId}`).
    this.routes.sort((a, b) => b.literalLength - a.literalLength);
  }

  operationIds(): string[] {
    return this.documents.flatMap((d) => Object.values(d.spec.paths).flatMap((item) =>
      METHODS.flatMap((m) => ((item as Record<string, Operation | undefined>)[m] ? [(item as Record<string, Operation>)[m].operationId] : []))));
  }

  /**
   * The operation a request is for. Several files share the generic CRM templates
   * (`/crm/objects/2026-09/{objectType}/search` is in tasks, contacts, companies and deals): the file
   * named after the request's object type wins.
   */
  match(method: string, requestPath: string): MatchedOperation | undefined {
    const m = method.toLowerCase();
    const candidates: MatchedOperation[] = [];
    for (const route of this.routes) {
      if (route.method !== m) {
        continue;
      }
      const found = route.re.exec(requestPath);
      if (!found) {
        continue;
      }
      if (candidates.length > 0 && route.literalLength < candidates[0].template.replace(/\{\w+\}/g, '').length) {
        break;
      }
      const pathParams: Record<string, string> = {};
      route.names.forEach((n, i) => { pathParams[n] = decodeURIComponent(found[i + 1]); });
      const operation = this.resolvePointer(route.doc, route.pointer) as Operation;
      candidates.push({ operationId: operation.operationId, document: route.doc.name, template: route.template, method, operation, pathParams, pointer: route.pointer });
    }
    const type = (op: MatchedOperation) => op.pathParams.objectType ?? op.pathParams.fromObjectType;
    return candidates.find((op) => type(op) !== undefined && op.document.startsWith(`${type(op)}.`)) ?? candidates[0];
  }

  /** Violations of the request: parameters (path, query; undeclared query names too) and body. */
  checkRequest(op: MatchedOperation, query: Record<string, string>, body: unknown): string[] {
    const errors: string[] = [];
    const params = op.operation.parameters ?? [];
    params.forEach((p, i) => {
      if (p.in !== 'path' && p.in !== 'query') {
        return;
      }
      const raw = p.in === 'path' ? op.pathParams[p.name] : query[p.name];
      if (raw === undefined) {
        if (p.required) {
          errors.push(`${p.in} parameter ${p.name} is required`);
        }
        return;
      }
      errors.push(...this.validate(op.document, `${op.pointer}/parameters/${i}/schema`, coerceParam(p.schema, raw), `${p.in}.${p.name}`));
    });
    for (const name of Object.keys(query)) {
      if (!params.some((p) => p.in === 'query' && p.name === name)) {
        errors.push(`query parameter ${name} is not in the spec`);
      }
    }
    const rb = op.operation.requestBody;
    const mediaType = rb ? jsonMediaType(rb.content) : undefined;
    if (!rb) {
      if (body !== undefined) {
        errors.push('request has a body the spec does not declare');
      }
    } else if (body === undefined) {
      if (rb.required) {
        errors.push('request body is required');
      }
    } else if (mediaType) {
      errors.push(...this.validate(op.document, `${op.pointer}/requestBody/content/${escapePointer(mediaType)}/schema`, body, 'body'));
    }
    return errors;
  }

  /**
   * Violations of a response: the schema declared for its status, else the document's `default`
   * (HubSpot's error body). The seed spec declares neither for 429 / 5xx: HubSpot's error body is its
   * Error schema then. An undeclared 2xx (the seed's batch operations answering 207 with per-input
   * errors) is held to the declared success schema.
   */
  checkResponse(op: MatchedOperation, status: number, text: string): string[] {
    const responses = op.operation.responses;
    let key = responses[String(status)] ? String(status) : responses[`${String(status)[0]}XX`] ? `${String(status)[0]}XX` : undefined;
    if (!key && status >= 200 && status < 300) {
      key = Object.keys(responses).find((code) => code.startsWith('2'));
    }
    key ??= responses.default ? 'default' : undefined;
    let pointer: string | undefined;
    let declared: { $ref?: string; content?: Content } | undefined;
    if (key) {
      declared = responses[key];
      pointer = `${op.pointer}/responses/${escapePointer(key)}`;
      if (declared.$ref) {
        pointer = declared.$ref.slice(1);
        declared = this.resolvePointer(this.doc(op.document), pointer) as typeof declared;
      }
    } else if (this.doc(op.document).spec.components.schemas.Error) {
      return this.checkJson('#/components/schemas/Error', op.document, status, text);
    } else {
      return [`status ${status} is not declared and the document has no default`];
    }
    const mediaType = declared?.content ? jsonMediaType(declared.content) : undefined;
    if (!mediaType) {
      return text.length === 0 ? [] : [`status ${status} declares no body but got ${text.length} bytes`];
    }
    return this.checkJson(`#${pointer}/content/${escapePointer(mediaType)}/schema`, op.document, status, text);
  }

  private checkJson(ref: string, document: string, status: number, text: string): string[] {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [`status ${status} body is not JSON`];
    }
    return this.validate(document, ref.slice(1), json, 'response');
  }

  /** Validates `value` against the schema at `pointer` in `document`; problems as `<where>: <message>`. */
  validate(document: string, pointer: string, value: unknown, where: string): string[] {
    const key = `${document}#${pointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.getSchema(key);
      if (!validate) {
        throw new Error(`no schema at ${key}`);
      }
      this.compiled.set(key, validate);
    }
    return validate(value) ? [] : describe(validate.errors ?? [], where);
  }

  private doc(name: string): SpecDocument {
    const doc = this.documents.find((d) => d.name === name);
    if (!doc) {
      throw new Error(`unknown document ${name}`);
    }
    return doc;
  }

  private resolvePointer(doc: SpecDocument, pointer: string): unknown {
    return pointer.split('/').slice(1).reduce<unknown>((node, seg) =>
      (node as Record<string, unknown>)[decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~')], doc.spec);
  }
}

/** ajv's errors as one line each; `oneOf`/`anyOf` summaries dropped when their branches are listed. */
function describe(errors: ErrorObject[], where: string): string[] {
  return errors.map((e) => {
    const at = `${where}${e.instancePath.replace(/\/([^/]+)/g, (_m, s: string) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))}`;
    if (e.keyword === 'additionalProperties') {
      return `${at}.${(e.params as { additionalProperty: string }).additionalProperty}: not allowed`;
    }
    if (e.keyword === 'enum') {
      return `${at}: ${JSON.stringify(e.data)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    }
    if (e.keyword === 'type') {
      const got = e.data === null ? 'null' : Array.isArray(e.data) ? 'array' : typeof e.data;
      return `${at}: expected ${(e.params as { type: string }).type}, got ${got}`;
    }
    return `${at}: ${e.message ?? e.keyword}`;
  });
}

function jsonMediaType(content: Content): string | undefined {
  return ['application/json', '*/*'].find((t) => content[t]?.schema) ?? Object.keys(content).find((t) => content[t]?.schema);
}

/** Query and path values are text on the wire; read them as their schema's type (arrays comma-separated, as HubSpot takes them). */
function coerceParam(schema: Schema, raw: string): unknown {
  const type = schema.type;
  if (type === 'integer' || type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  if (type === 'boolean') {
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  if (type === 'array') {
    return raw.split(',').map((item) => coerceParam((schema.items as Schema | undefined) ?? {}, item));
  }
  return raw;
}
