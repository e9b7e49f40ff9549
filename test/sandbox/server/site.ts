import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { sandboxConfig } from './config';
import type { SandboxContext } from './context';
import { handleFctEndpoint } from './fct-endpoint';
import { handleGraphql, isGraphqlPath } from './graphql';
import { listen, readJson, requestUrl, sendJson, sendText, type RunningServer } from './http';
import { KnobError } from './knobs';
import { handleProduct, isProductPath } from './product';
import { resolveInside, safeSegments, sendFile } from './static';

/**
 * The site server, `http://127.0.0.1:<port>`: plays `https://<site>.atlassian.net`.
 *   /                                   static files from assets/site/ (index.html = the product page)
 *   /__sandbox/config.json              GET: origins, remotes, knobs
 *   /__sandbox/knobs                    GET: knobs; POST: merge JSON into them; DELETE: back to the start knobs
 *   /gateway/api/graphql[/pq/<hash>]    POST: the GraphQL gateway (classic, and Relay persisted queries)
 *   /rest/internal/2/forge/context/token POST: mints an FCT
 *   /rest/…, /wiki/rest/…, /ex/…        product REST
 */

export function createSiteHandler(ctx: SandboxContext) {
  const siteDir = join(ctx.assetsDir, 'site');
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const { rawPath } = requestUrl(req);

    if (rawPath === '/__sandbox/config.json') {
      return method === 'GET' ? sendJson(res, 200, sandboxConfig(ctx)) : sendJson(res, 405, { error: 'GET only' }, { allow: 'GET' });
    }
    if (rawPath === '/__sandbox/knobs') {
      if (method === 'GET') return sendJson(res, 200, ctx.knobs.get());
      if (method === 'DELETE') return sendJson(res, 200, ctx.knobs.reset());
      if (method === 'POST') {
        const patch = await readJson(req, 64 * 1024);
        try {
          return sendJson(res, 200, ctx.knobs.set(patch ?? {}));
        } catch (err) {
          if (err instanceof KnobError) return sendJson(res, 400, { error: err.message });
          throw err;
        }
      }
      return sendJson(res, 405, { error: 'GET, POST or DELETE' }, { allow: 'GET, POST, DELETE' });
    }
    if (isGraphqlPath(rawPath)) return handleGraphql(ctx, req, res);
    if (rawPath === '/rest/internal/2/forge/context/token') return handleFctEndpoint(ctx, req, res);
    if (isProductPath(rawPath)) return handleProduct(ctx, req, res);

    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    const segments = safeSegments(rawPath);
    if (segments === null) return sendText(res, 400, 'Bad path');
    const file = await resolveInside(siteDir, segments);
    if (!file) return sendText(res, 404, 'Not found');
    return sendFile(res, file, { head: method === 'HEAD' });
  };
}

export function startSite(ctx: SandboxContext, port?: number): Promise<RunningServer> {
  return listen(createSiteHandler(ctx), { port: port ?? 0, originHost: '127.0.0.1', name: 'site' });
}
