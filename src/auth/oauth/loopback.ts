// The redirect target of a browser sign-in: an HTTP server on 127.0.0.1 (never all interfaces) at a port
// the OS picks, that takes exactly one callback carrying this sign-in's `state` and then closes, or closes
// after a timeout or a cancel. No vscode import.
import * as http from 'http';
import type { AddressInfo } from 'net';

export type LoopbackResult =
  | { kind: 'code'; code: string }
  /** HubSpot (or the user, `access_denied`) refused: the callback carried `error`. */
  | { kind: 'error'; error: string; description?: string }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`: what the browser is sent back to (before `asExternalUri`). */
  readonly localUri: string;
  /** Settles once: the first callback with the right state, the timeout, or `cancel()`. The server is closed by then. */
  readonly result: Promise<LoopbackResult>;
  cancel(): void;
}

export interface LoopbackPages {
  /** Shown in the browser after the code arrived. */
  done: string;
  /** Shown in the browser after HubSpot or the user refused. */
  failed: string;
}

const CALLBACK = /\/callback$/;

export async function startLoopbackRedirect(state: string, timeoutMs: number, pages: LoopbackPages): Promise<LoopbackRedirect> {
  let settle!: (result: LoopbackResult) => void;
  const result = new Promise<LoopbackResult>((resolve) => { settle = resolve; });
  let settled = false;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A remote window's forwarded URL may keep a path prefix (code-server's /absproxy/<port>/callback).
    if (settled || req.method !== 'GET' || !CALLBACK.test(url.pathname) || url.searchParams.get('state') !== state) {
      // Not this sign-in's callback (a stray request, a forged link): it neither ends nor spends the sign-in.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    const ok = code && !error;
    res.writeHead(ok ? 200 : 400, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      'Cache-Control': 'no-store',
      // The code must not leak to any page the tab opens next.
      'Referrer-Policy': 'no-referrer',
    }).end(page(ok ? pages.done : pages.failed));
    finish(ok ? { kind: 'code', code } : { kind: 'error', error: error ?? 'invalid_request', description: url.searchParams.get('error_description') ?? undefined });
  });
  const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
  function finish(outcome: LoopbackResult): void {
    if (settled) {
      return;
    }
    settled = true;
    clearTimeout(timer);
    server.close();
    // Keep-alive sockets (the browser's) would hold the server open.
    server.closeAllConnections?.();
    settle(outcome);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { localUri: `http://127.0.0.1:${port}/callback`, result, cancel: () => finish({ kind: 'cancelled' }) };
}

function page(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>HubSpot Tasks</title></head><body><p>${escaped}</p></body></html>`;
}
