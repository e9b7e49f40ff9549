import { STATUS_CODES, type IncomingHttpHeaders, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import { sendJson, sendText, sleep } from './http';
import { describeUpload } from './upload';

/** The remote's application routes (behind FIT verification): /tasks, /slow, /status/{code}, /text, /upload, /download. */

export interface RemoteRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The verified FIT claims. */
  claims: JWTPayload;
}

interface Task {
  id: string;
  title: string;
  team: string;
  done: boolean;
  createdAt: string;
  [key: string]: unknown;
}

export interface TaskStore {
  tasks: Task[];
  next: number;
}

export function createTaskStore(): TaskStore {
  const at = new Date(Date.UTC(2026, 10, 2, 9, 30)).toISOString();
  return {
    next: 4,
    tasks: [
      { id: 'T-1', title: 'Write docs', team: 'Forge', done: false, createdAt: at },
      { id: 'T-2', title: 'Triage remote 401s', team: 'Forge', done: true, createdAt: at },
      { id: 'T-3', title: 'Review the macro', team: 'Ecosystem', done: false, createdAt: at },
    ],
  };
}

/** Who the FIT says is calling, echoed in /tasks answers. */
function caller(claims: JWTPayload): Record<string, unknown> {
  const app = (claims.app ?? {}) as Record<string, unknown>;
  return { principal: claims.principal ?? null, module: app.module ?? null, environment: app.environment ?? null, jti: claims.jti ?? null };
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const MAX_SLOW_MS = 120_000;

export async function handleRemoteRoute(req: RemoteRequest, res: ServerResponse, store: TaskStore, signal: AbortSignal): Promise<void> {
  const { method, path, query } = req;
  const methodNotAllowed = (allowed: string) => sendJson(res, 405, { error: `method ${method} not allowed on ${path}` }, { allow: allowed });

  if (path === '/') {
    if (method !== 'GET') return methodNotAllowed('GET');
    return sendJson(res, 200, { remote: 'sandbox remote', caller: caller(req.claims) });
  }

  if (path === '/tasks') {
    if (method === 'GET') {
      const team = query.get('team');
      const tasks = team ? store.tasks.filter((t) => t.team === team) : store.tasks;
      return sendJson(res, 200, { tasks, caller: caller(req.claims) }, { 'x-total-count': String(tasks.length) });
    }
    if (method === 'POST') {
      const input = parseJsonObject(req.body);
      if (!input) return sendJson(res, 400, { error: 'expected a JSON object body' });
      const team = query.get('team') ?? (typeof input.team === 'string' ? input.team : 'Forge');
      const title = typeof input.title === 'string' ? input.title : typeof input.taskName === 'string' ? input.taskName : 'Untitled task';
      const task: Task = { ...input, id: `T-${store.next++}`, title, team, done: false, createdAt: new Date().toISOString() };
      store.tasks.push(task);
      return sendJson(res, 201, { task, caller: caller(req.claims) }, { location: `/tasks/${task.id}` });
    }
    return methodNotAllowed('GET, POST');
  }

  if (path === '/slow') {
    if (method !== 'GET') return methodNotAllowed('GET');
    const ms = Math.min(Math.max(Number(query.get('ms') ?? '1000') || 0, 0), MAX_SLOW_MS);
    const started = Date.now();
    await sleep(ms, signal);
    return sendJson(res, 200, { sleptMs: Date.now() - started, requestedMs: ms });
  }

  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) {
    const code = Number(status[1]);
    if (code < 200 || code > 599) return sendJson(res, 400, { error: 'status must be 200–599' });
    const headers: OutgoingHttpHeaders = code >= 300 && code < 400 ? { location: '/tasks' } : {};
    const message = STATUS_CODES[code] ?? 'Unknown';
    if (code === 204 || code === 304 || query.get('body') === 'none') {
      res.writeHead(code, { ...headers, 'content-length': 0 });
      res.end();
      return;
    }
    if (query.get('type') === 'text') return sendText(res, code, `${code} ${message}`, headers);
    return sendJson(res, code, { status: code, message }, headers);
  }

  if (path === '/text') {
    if (method !== 'GET') return methodNotAllowed('GET');
    return sendText(res, 200, 'Plain text from the sandbox remote.\n');
  }

  if (path === '/upload') {
    if (method !== 'POST' && method !== 'PUT') return methodNotAllowed('POST, PUT');
    const ct = req.headers['content-type'];
    try {
      return sendJson(res, 200, { received: describeUpload(req.body, ct), bodySize: req.body.length });
    } catch (err) {
      return sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  if (path === '/download') {
    if (method !== 'GET') return methodNotAllowed('GET');
    const kb = Math.min(Math.max(Number(query.get('kb') ?? '4') || 0, 0), 10 * 1024);
    const bytes = Buffer.alloc(Math.round(kb * 1024));
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 256;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bytes.length,
      'content-disposition': 'attachment; filename="sandbox-report.bin"',
      'cache-control': 'no-store',
    });
    res.end(bytes);
    return;
  }

  return sendJson(res, 404, { error: `no route ${method} ${path}` });
}
