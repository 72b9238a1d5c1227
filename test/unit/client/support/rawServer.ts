// A tiny HTTP server on a raw socket, for what a well-behaved server cannot do: cut a body short,
// reset after reading a request, never answer, send non-JSON. Every request is recorded.
import * as net from 'net';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type RawHandler = (req: RawRequest, socket: net.Socket, index: number) => void;

export interface RawServer {
  url: string;
  requests: RawRequest[];
  close(): Promise<void>;
}

export function respond(socket: net.Socket, status: number, body: string, headers: Record<string, string> = {}): void {
  const head = [`HTTP/1.1 ${status} X`, `Content-Length: ${Buffer.byteLength(body)}`, 'Content-Type: application/json', 'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        return;
      }
      const [line, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buffer.length < end + 4 + length) {
        return;
      }
      const [method, path] = line.split(' ');
      const req: RawRequest = { method, path, headers, body: buffer.subarray(end + 4, end + 4 + length).toString('utf8') };
      buffer = Buffer.alloc(0);
      requests.push(req);
      handler(req, socket, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) { s.destroy(); }
      server.close(() => resolve());
    }),
  };
}
