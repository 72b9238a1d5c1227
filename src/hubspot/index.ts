// Public surface of the HubSpot client layer.
export * from './api';
export * from './client';
export * from './errors';
export * from './types';
export { redactHeaders } from './httpClient';
export type { HttpExchange } from './httpClient';
export { RateLimiter, systemClock } from './rateLimiter';
export type { Clock, RequestKind } from './rateLimiter';
export { SEARCH_LIMIT_MAX, SEARCH_RESULTS_MAX } from './search';
export { BATCH_LIMIT } from './batch';
export { LIST_LIMIT_MAX, toWireProperties } from './tasksApi';
