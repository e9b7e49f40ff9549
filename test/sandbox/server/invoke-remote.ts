import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { EndpointDef, ModuleDef } from '../app-manifest';
import type { SandboxContext } from './context';
import { mediaType } from './http';
import { PLATFORM_USER_AGENT } from './remote';

/**
 * invokeRemote as the platform runs it (forge-facts §3, §5): mint a FIT for the module, call the remote
 * server-side with authorization, x-b3-traceid/x-b3-spanid, x-forge-oauth-* per `endpoint.auth`, the
 * caller's headers and the JSON body; then validate and map the answer to the bridge response
 * `{ success, payload | error: { status, headers: Record<string, string[]>, body } }`.
 */

/** Front-end invocation limits (facts §5, [DOC] limits-invocation). */
export const REQUEST_PAYLOAD_LIMIT = 500 * 1024;
export const RESPONSE_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface GqlError {
  message: string;
  extensions: { errorType: string; statusCode: number };
}

export interface RemoteCall {
  path: string;
  method: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BridgeHttpResponse {
  status: number;
  headers: Record<string, string[]>;
  body: unknown;
}

export interface BridgeRemoteResponse {
  success: boolean;
  payload?: BridgeHttpResponse;
  error?: BridgeHttpResponse;
}

export type InvokeRemoteOutcome = { ok: true; response: BridgeRemoteResponse; appTimeMs: number } | { ok: false; error: GqlError; appTimeMs: number };

export function gqlError(message: string, errorType: string, statusCode: number): GqlError {
  return { message, extensions: { errorType, statusCode } };
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers the platform owns; the caller's values for them are dropped. */
const RESERVED = /^(authorization|host|connection|content-length|transfer-encoding|keep-alive|upgrade|te|trailer|proxy-.*|x-b3-.*|x-forge-.*|user-agent)$/i;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** [INF] OAuth tokens are opaque to the app ([DOC] essentials); random strings stand in. */
const opaqueToken = () => `sbx_${randomBytes(32).toString('base64url')}`;

/** Raw response headers as arrays per lower-cased name (the bridge joins them with ','). */
export function headerArrays(res: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!.toLowerCase();
    (out[name] ??= []).push(res.rawHeaders[i + 1]!);
  }
  return out;
}

type Raw = { status: number; headers: Record<string, string[]>; contentType: string | undefined; body: Buffer };

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}

/** The platform's validation of the remote's answer (facts §5 table). */
export function mapRemoteResponse(raw: Raw): { ok: true; response: BridgeRemoteResponse } | { ok: false; error: GqlError } {
  const { status, headers, body } = raw;
  const type = mediaType(raw.contentType);
  if (status === 401) return { ok: false, error: gqlError('Remote could not verify the Forge Invocation Token', 'REMOTE_UNAUTHORIZED', 401) };
  if (status >= 300 && status < 400) {
    return { ok: false, error: gqlError(`Invalid response from remote - redirects are not supported (status ${status})`, 'INVALID_REMOTE_RESPONSE', status) };
  }
  if (status >= 200 && status < 300) {
    let parsed: unknown = null;
    if (body.length > 0) {
      const json = parseJson(body);
      if (type === 'application/json' || type.endsWith('+json')) {
        if (!json.ok) return { ok: false, error: gqlError('Invalid response from remote - the body is not valid JSON', 'INVALID_REMOTE_RESPONSE', 502) };
        parsed = json.value;
      } else if (type === '' && json.ok) {
        parsed = json.value;
      } else {
        parsed = body.toString('utf8');
      }
    }
    return { ok: true, response: { success: true, payload: { status, headers, body: parsed } } };
  }
  // Non-2xx: resolve only if there is a body and content-type (if set) is application/json.
  if (body.length === 0) {
    return { ok: false, error: gqlError(`Invalid response from remote - status ${status} without a body`, 'INVALID_REMOTE_RESPONSE', status) };
  }
  if (type !== '' && type !== 'application/json') {
    return { ok: false, error: gqlError(`Invalid response from remote - status ${status} with content-type ${type}, expected application/json`, 'INVALID_REMOTE_RESPONSE', status) };
  }
  const json = parseJson(body);
  if (!json.ok) {
    return { ok: false, error: gqlError(`Invalid response from remote - status ${status} with a body that is not JSON`, 'INVALID_REMOTE_RESPONSE', status) };
  }
  return { ok: true, response: { success: false, error: { status, headers, body: json.value } } };
}

export interface InvokeRemoteInput {
  module: ModuleDef;
  endpoint: EndpointDef;
  call: RemoteCall;
  /** The module context signed into the FIT. */
  context: Record<string, unknown>;
  accountId: string;
}

export async function invokeRemote(ctx: SandboxContext, input: InvokeRemoteInput): Promise<InvokeRemoteOutcome> {
  const { call, endpoint } = input;
  const fail = (message: string, errorType: string, statusCode: number, appTimeMs = 0): InvokeRemoteOutcome => ({
    ok: false,
    error: gqlError(message, errorType, statusCode),
    appTimeMs,
  });
  const method = String(call.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) return fail(`Unsupported method ${method}; use GET, POST, PUT, PATCH or DELETE`, 'BAD_REQUEST', 400);
  if (typeof call.path !== 'string' || !call.path.startsWith('/') || call.path.startsWith('//')) {
    return fail('The path must start with a single /', 'BAD_REQUEST', 400);
  }
  const bodyText = call.body === undefined || call.body === null || method === 'GET' ? undefined : JSON.stringify(call.body);
  const bodySize = bodyText === undefined ? 0 : Buffer.byteLength(bodyText);
  if (bodySize > REQUEST_PAYLOAD_LIMIT) {
    return fail(`The request payload is too large: ${bodySize} bytes exceeds the 500 KB limit for front-end invocations`, 'PAYLOAD_TOO_LARGE', 413);
  }

  const knobs = ctx.knobs;
  const fit = await ctx.platform.mintFit(
    { kind: 'invokeRemote', moduleKey: input.module.key, context: input.context, accountId: input.accountId },
    { expired: knobs.takeFault('expiredFit'), tampered: knobs.takeFault('tamperedFit') },
  );

  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (typeof value === 'string' && !RESERVED.test(name)) headers[name.toLowerCase()] = value;
  }
  if (bodyText !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = bodySize;
  }
  headers.accept ??= 'application/json';
  headers['user-agent'] = PLATFORM_USER_AGENT;
  headers.authorization = `Bearer ${fit.jwt}`;
  headers['x-b3-traceid'] = hex(16);
  headers['x-b3-spanid'] = hex(8);
  if (endpoint.auth.appSystemToken) headers['x-forge-oauth-system'] = opaqueToken();
  if (endpoint.auth.appUserToken) headers['x-forge-oauth-user'] = opaqueToken();

  const target = new URL(call.path, ctx.origins.remote);
  const timeoutMs = knobs.peek().remoteTimeoutMs;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  const raw = await new Promise<Raw | { failure: 'timeout' | 'oversize' | 'network'; message: string }>((resolve) => {
    let settled = false;
    const done = (v: Raw | { failure: 'timeout' | 'oversize' | 'network'; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const req = request(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > RESPONSE_PAYLOAD_LIMIT) {
            done({ failure: 'oversize', message: `more than ${RESPONSE_PAYLOAD_LIMIT} bytes` });
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: headerArrays(res), contentType: res.headers['content-type'], body: Buffer.concat(chunks) }),
        );
        res.on('error', (err) => done({ failure: 'network', message: err.message }));
        res.on('aborted', () => done({ failure: 'network', message: 'the remote aborted the response' }));
      },
    );
    const timer = setTimeout(() => {
      done({ failure: 'timeout', message: '' });
      req.destroy();
    }, timeoutMs);
    const onAbort = () => {
      done({ failure: 'network', message: 'the sandbox is stopping' });
      req.destroy();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => done({ failure: 'network', message: err.message }));
    req.end(bodyText);
  });

  const appTimeMs = elapsed();
  if ('failure' in raw) {
    if (raw.failure === 'timeout') return fail(`Remote invocation timed out after ${timeoutMs / 1000} seconds`, 'REMOTE_TIMEOUT', 504, appTimeMs);
    if (raw.failure === 'oversize') {
      return fail(`The response payload is too large: it exceeds the 5 MB limit for front-end invocations`, 'RESPONSE_TOO_LARGE', 413, appTimeMs);
    }
    return fail(`Invalid response from remote - ${raw.message}`, 'REMOTE_INVOCATION_FAILED', 502, appTimeMs);
  }
  const mapped = mapRemoteResponse(raw);
  return mapped.ok ? { ok: true, response: mapped.response, appTimeMs } : { ok: false, error: mapped.error, appTimeMs };
}
