import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { APP_ID } from '../app-manifest';
import { hopLatency, type SandboxContext } from './context';
import { listen, readBody, requestUrl, sendJson, type Handler, type RunningServer } from './http';
import { FIT_ISSUER } from './platform';
import type { FitCheck, RemoteLogEntry, RemoteVia } from './remote-log';
import { createTaskStore, handleRemoteRoute } from './remote-routes';

/**
 * The app's Forge Remote (its own origin, http://127.0.0.1:<port>). Verifies the FIT of every request
 * against the platform's JWKS, fetched over HTTP from the cdn server (`createRemoteJWKSet`), issuer
 * `forge/invocation-token`, audience the app ARI, 5 s clock tolerance; 401 JSON when that fails. Answers
 * CORS preflights for the site origin (and the cdn origin when requestRemoteFrom is 'iframe'). Logs every
 * request (GET/DELETE /__log, not FIT-protected). Applies the remote fault knobs.
 */

/** [INF] The user-agent the sandbox platform sends when proxying invokeRemote; the real one is not documented. */
export const PLATFORM_USER_AGENT = 'Atlassian-Forge-Platform/1.0 (sandbox)';

export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'x-b3-traceid', 'x-b3-spanid'];
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CORS_EXPOSED_HEADERS = ['date', 'content-disposition', 'location', 'x-total-count'];
const FIT_CLOCK_TOLERANCE_SEC = 5;

/** Origins the remote answers CORS for: the site, plus the cdn when the iframe issues requestRemote. */
export function corsOrigins(ctx: SandboxContext): string[] {
  return ctx.knobs.peek().requestRemoteFrom === 'iframe' ? [ctx.origins.site, ctx.origins.cdn] : [ctx.origins.site];
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function guessVia(req: IncomingMessage): RemoteVia {
  if (req.method === 'OPTIONS') return 'preflight';
  if (req.headers['x-forge-oauth-system'] !== undefined || req.headers['x-forge-oauth-user'] !== undefined) return 'invokeRemote';
  if (req.headers.origin !== undefined) return 'requestRemote';
  if (header(req, 'user-agent') === PLATFORM_USER_AGENT) return 'invokeRemote';
  return 'unknown';
}

function decodeUnverified(token: string): Pick<FitCheck, 'header' | 'claims'> {
  try {
    return { header: decodeProtectedHeader(token) as FitCheck['header'] & object, claims: decodeJwt(token) };
  } catch {
    return {};
  }
}

export function createRemoteHandler(ctx: SandboxContext): Handler {
  const store = createTaskStore();
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  const keySet = () => (jwks ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', ctx.origins.cdn)));

  async function checkFit(req: IncomingMessage): Promise<FitCheck> {
    const authz = header(req, 'authorization');
    const m = authz ? /^Bearer\s+(\S+)$/i.exec(authz) : null;
    if (!m) return { present: false, verified: false, error: 'no Authorization: Bearer <FIT> header', code: 'ERR_FIT_MISSING' };
    const token = m[1]!;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keySet(), {
        issuer: FIT_ISSUER,
        audience: APP_ID,
        algorithms: ['RS256'],
        clockTolerance: FIT_CLOCK_TOLERANCE_SEC,
        requiredClaims: ['iat', 'nbf', 'exp', 'jti'],
      });
      return { present: true, verified: true, header: protectedHeader, claims: payload };
    } catch (err) {
      return {
        present: true,
        verified: false,
        error: err instanceof Error ? err.message : String(err),
        code: (err as { code?: string }).code ?? 'ERR_UNKNOWN',
        ...decodeUnverified(token),
      };
    }
  }

  return async (req: IncomingMessage, res: ServerResponse) => {
    const { rawPath, query } = requestUrl(req);
    const method = req.method ?? 'GET';
    const origin = header(req, 'origin') ?? null;
    const allowed = origin !== null && corsOrigins(ctx).includes(origin);
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '));
    }
    res.setHeader('vary', 'Origin');
    const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;

    const preflight = () => {
      const wantMethod = header(req, 'access-control-request-method')?.toUpperCase();
      if (!allowed || (wantMethod !== undefined && !CORS_ALLOWED_METHODS.includes(wantMethod))) {
        res.removeHeader('access-control-allow-origin');
        res.removeHeader('access-control-expose-headers');
        sendJson(res, 403, { error: `CORS preflight refused for origin ${origin ?? '(none)'}` });
        return false;
      }
      res.writeHead(204, {
        'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
        'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
        'content-length': 0,
      });
      res.end();
      return true;
    };

    if (path === '/__log') {
      if (method === 'OPTIONS') return void preflight();
      if (method === 'GET') return sendJson(res, 200, { entries: ctx.remoteLog.list() });
      if (method === 'DELETE') {
        ctx.remoteLog.clear();
        res.writeHead(204, { 'content-length': 0 });
        res.end();
        return;
      }
      return sendJson(res, 405, { error: 'GET or DELETE' }, { allow: 'GET, DELETE' });
    }

    const started = performance.now();
    const body = await readBody(req);
    const fit = method === 'OPTIONS' ? { present: req.headers.authorization !== undefined, verified: false } : await checkFit(req);
    // add() returns the stored entry itself (list() hands out copies), so it can be completed below.
    const entry: RemoteLogEntry = ctx.remoteLog.add({
      time: new Date().toISOString(),
      method,
      url: req.url ?? '/',
      path,
      headers: { ...req.headers },
      origin,
      bodySize: body.length,
      bodyPreview: body.subarray(0, 2048).toString('utf8'),
      via: guessVia(req),
      fit,
      cors: origin === null ? 'none' : allowed ? 'allowed' : 'refused',
    });
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
    });

    await hopLatency(ctx, 'remote');

    if (method === 'OPTIONS') return void preflight();

    const knobs = ctx.knobs;
    const fault = (name: NonNullable<RemoteLogEntry['fault']>) => {
      entry.fault = name;
    };
    if (knobs.takeFault('remoteDrop')) {
      fault('remoteDrop');
      req.socket.destroy();
      return;
    }
    if (knobs.takeFault('remoteHang')) {
      fault('remoteHang');
      return; // never answers; the socket closes when the caller gives up or the sandbox stops
    }
    if (knobs.takeFault('remote401')) {
      fault('remote401');
      return sendJson(res, 401, { error: 'unauthorized', reason: 'fault knob remote401' });
    }
    if (knobs.takeFault('remote500')) {
      fault('remote500');
      return sendJson(res, 500, { error: 'internal_error', reason: 'fault knob remote500' });
    }

    if (!fit.verified) {
      return sendJson(res, 401, { error: fit.present ? 'invalid_fit' : 'missing_fit', reason: fit.error, code: fit.code });
    }
    await handleRemoteRoute({ method, path, query, headers: req.headers, body, claims: fit.claims as JWTPayload }, res, store, ctx.signal);
  };
}

export function startRemote(ctx: SandboxContext, port?: number): Promise<RunningServer> {
  return listen(createRemoteHandler(ctx), { port: port ?? 0, originHost: '127.0.0.1', name: 'remote' });
}
