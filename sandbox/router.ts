// A tiny path router: `/crm/v3/objects/tasks/:taskId` patterns, one handler per method, and the
// operation name each route logs under.

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  pattern: string;
  /** Spec operationId, or a sandbox name for the endpoints beyond the spec. */
  operation: string;
  /** Scope a token needs; undefined = any valid token (account details). */
  scope?: string;
  /** Counts against the per-second search limit. */
  isSearch?: boolean;
  /** The API version whose path this is (`v3` also covers the legacy `/crm/v4/` association paths). */
  apiVersion?: 'v3' | '2026-03' | '2026-09';
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

export class Router {
  private readonly routes: { route: Route; segments: string[] }[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      this.routes.push({ route, segments: route.pattern.split('/').filter(Boolean) });
    }
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    // Literal segments win over parameters (`/tasks/search` before `/tasks/:taskId`).
    const candidates = this.routes
      .map((r) => ({ ...r, params: matchSegments(r.segments, parts) }))
      .filter((r) => r.params !== undefined)
      .sort((a, b) => paramCount(a.segments) - paramCount(b.segments));
    for (const c of candidates) {
      pathMatched = true;
      if (c.route.method === method) {
        return { kind: 'found', route: c.route, params: c.params as Record<string, string> };
      }
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function paramCount(segments: string[]): number {
  return segments.filter((s) => s.startsWith(':')).length;
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
    } else if (pattern[i] !== parts[i]) {
      return undefined;
    }
  }
  return params;
}
