import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { APP_UUID, DEPLOYMENT_ID, ENVIRONMENT_UUID } from '../app-manifest';
import type { SandboxContext } from './context';
import { listen, requestUrl, sendJson, sendText, type RunningServer } from './http';
import { resolveInside, safeSegments, sendFile } from './static';

/**
 * The cdn server, `http://localhost:<port>` (bound to 127.0.0.1): plays `*.cdn.prod.atlassian-dev.net` and
 * `forge tunnel`.
 *   /global-bridge.js                                   ← assets/cdn/global-bridge.js
 *   /<APP_UUID>/<ENVIRONMENT_UUID>/<DEPLOYMENT_ID>/<resource>[/_ctx_…]/<file>  ← assets/cdn/apps/<resource>/<file>
 *     every HTML response gets `<script src="/global-bridge.js"></script>` as the first child of <head>
 *     (as the CDN and forge tunnel do, facts §1.1), plus a CSP header when the cdnCsp knob is on.
 *   /.well-known/jwks.json                              the platform's JWKS
 *   /not-forge.html                                     a plain page the extension must ignore
 */

export const BRIDGE_SCRIPT_TAG = '<script src="/global-bridge.js"></script>';
export const APP_BASE_PATH = `/${APP_UUID}/${ENVIRONMENT_UUID}/${DEPLOYMENT_ID}`;

/** Inserts the bridge script as the first child of <head> (a <head> is created when there is none). */
export function injectBridgeScript(html: string): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + BRIDGE_SCRIPT_TAG + html.slice(at);
  }
  const htmlTag = /<html(?:\s[^>]*)?>/i.exec(html);
  const at = htmlTag ? htmlTag.index + htmlTag[0].length : /^\s*<!doctype[^>]*>/i.exec(html)?.[0].length ?? 0;
  return `${html.slice(0, at)}<head>${BRIDGE_SCRIPT_TAG}</head>${html.slice(at)}`;
}

/** Like forge tunnel's @forge/csp header, simplified: scripts from self only (no inline script, no eval). */
export function cdnCsp(ctx: SandboxContext): string {
  const { site, remote } = ctx.origins;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${remote} ${site} http://localhost:* ws://localhost:*`,
    `frame-ancestors ${site} http://localhost:* http://127.0.0.1:*`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

const NOT_FORGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not a Forge page</title></head>
<body><p>A plain page on the cdn origin with no Forge bridge. The extension should ignore it.</p></body></html>
`;

export function createCdnHandler(ctx: SandboxContext) {
  const cdnDir = join(ctx.assetsDir, 'cdn');
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const { rawPath } = requestUrl(req);
    if (method === 'OPTIONS' && rawPath === '/.well-known/jwks.json') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET', 'content-length': 0 });
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    const head = method === 'HEAD';

    if (rawPath === '/.well-known/jwks.json') {
      return sendJson(res, 200, ctx.platform.jwks(), { 'access-control-allow-origin': '*' });
    }
    if (rawPath === '/not-forge.html') {
      return sendText(res, 200, NOT_FORGE_HTML, { 'content-type': 'text/html; charset=utf-8' });
    }
    const segments = safeSegments(rawPath);
    if (segments === null) return sendText(res, 400, 'Bad path');

    if (segments.length === 1 && segments[0] === 'global-bridge.js') {
      const file = await resolveInside(cdnDir, ['global-bridge.js']);
      if (!file) return sendText(res, 404, 'global-bridge.js is not built');
      return sendFile(res, file, { head });
    }

    const [app, env, deployment, resource, ...rest] = segments;
    if (app === APP_UUID && env === ENVIRONMENT_UUID && deployment === DEPLOYMENT_ID && resource !== undefined) {
      // Production URLs carry a `_ctx_<gzip+base64url>` segment after the resource key (facts §4).
      const files = rest[0]?.startsWith('_ctx_') ? rest.slice(1) : rest;
      const file = await resolveInside(join(cdnDir, 'apps', resource), files);
      if (!file) return sendText(res, 404, 'Not found');
      return sendFile(res, file, {
        head,
        transformHtml: injectBridgeScript,
        ...(ctx.knobs.peek().cdnCsp ? { htmlHeaders: { 'content-security-policy': cdnCsp(ctx) } } : {}),
      });
    }
    return sendText(res, 404, 'Not found');
  };
}

export function startCdn(ctx: SandboxContext, port?: number): Promise<RunningServer> {
  return listen(createCdnHandler(ctx), { port: port ?? 0, originHost: 'localhost', name: 'cdn' });
}
