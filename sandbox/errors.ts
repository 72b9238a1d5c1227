// HubSpot's error bodies. Every error the sandbox sends goes through here so that all of them have
// HubSpot's shape: {status: 'error', message, correlationId, category, ...}.
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody } from '../src/hubspot/types';

export type ErrorExtras = Omit<Partial<ApiErrorBody>, 'status' | 'message' | 'category' | 'correlationId'> & Record<string, unknown>;

/** Thrown by handlers; the server turns it into a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extras: ErrorExtras = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody & Record<string, unknown> {
    return errorBody(this.category, this.message, this.extras);
  }
}

export function isHttpError(e: unknown): e is HttpError {
  return e instanceof HttpError;
}

export function errorBody(category: string, message: string, extras: ErrorExtras = {}): ApiErrorBody & Record<string, unknown> {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extras };
}

export function validationError(message: string, extras: ErrorExtras = {}): HttpError {
  return new HttpError(400, 'VALIDATION_ERROR', message, extras);
}

export function notFound(message = 'resource not found'): HttpError {
  return new HttpError(404, 'OBJECT_NOT_FOUND', message);
}

/** One invalid property value, in the form HubSpot lists them. */
export interface PropertyProblem {
  name: string;
  /** HubSpot's error code: REQUIRED_FIELD, INVALID_DATE, INVALID_OPTION, PROPERTY_DOESNT_EXIST, INVALID_OWNER_ID… */
  error: string;
  message: string;
}

/** HubSpot's "Property values were not valid" 400: the list is JSON inside `message`, and each problem
 * is also given in `errors[]` with the property named in `context.propertyName`. */
export function propertyValidationError(problems: PropertyProblem[]): HttpError {
  const listed = problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name }));
  return validationError(`Property values were not valid: ${JSON.stringify(listed)}`, {
    errors: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  });
}
