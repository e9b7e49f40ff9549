import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** Small HTTP helpers shared by the sandbox's servers (Node's `http`, loopback only). */

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RunningServer {
  server: Server;
  port: number;
  /** `http://<originHost>:<port>`. */
  origin: string;
  /** Closes the server and destroys every socket it has open; resolves when it is closed. */
  close(): Promise<void>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** True when the error comes from the sandbox stopping (an aborted sleep or request). */
export function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || (err as { code?: string }).code === 'ABORT_ERR');
}

/**
 * Listens on 127.0.0.1:`port` (0 = a free one). The origin uses `originHost` (e.g. `localhost`, which
 * resolves to 127.0.0.1 here). Every socket is tracked so that close() leaves nothing behind.
 */
export async function listen(handler: Handler, opts: { port?: number; originHost?: string; name: string }): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        if (isAbort(err) || res.destroyed) {
          res.destroy();
          return;
        }
        const status = err instanceof HttpError ? err.status : 500;
        const message = err instanceof Error ? err.message : String(err);
        if (!res.headersSent) sendJson(res, status, { error: message });
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 2_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    origin: `http://${opts.originHost ?? '127.0.0.1'}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        sockets.clear();
      });
      return closing;
    },
  };
}

/** The request body, refused with 413 beyond `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: IncomingMessage, limit?: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(text);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Sleeps `ms`, rejecting with AbortError when `signal` fires (the sandbox stops). */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  await delay(ms, undefined, { signal });
}

/** The path (without query) and the parsed query of a request. */
export function requestUrl(req: IncomingMessage): { rawPath: string; query: URLSearchParams } {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return { rawPath: q === -1 ? raw : raw.slice(0, q), query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)) };
}

/** Lower-cased media type of a content-type header ('' when absent). */
export function mediaType(contentType: string | string[] | undefined | null): string {
  const v = Array.isArray(contentType) ? contentType[0] : contentType;
  return (v ?? '').split(';')[0]!.trim().toLowerCase();
}
