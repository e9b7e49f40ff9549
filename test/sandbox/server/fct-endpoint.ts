import type { IncomingMessage, ServerResponse } from 'node:http';
import { hopLatency, type SandboxContext } from './context';
import { HttpError, readJson, sendJson } from './http';
import { extensionIdFor, resolveModule } from './modules';

/**
 * The host's FCT sources (facts §2.4): Jira's `POST /rest/internal/2/forge/context/token`
 * `{ extensionId, moduleKey, localId }` → `{ extensionId, token, expiresAt (ms epoch), expiresIn (s) }`
 * [3P, internal], and Confluence's GraphQL `confluence_generateForgeContextToken` →
 * `{ forgeContextToken: { jwt, expiresAt, extensionId } }` [PKG schema; variables INF].
 */

export interface FctRequestBody {
  extensionId?: unknown;
  moduleKey?: unknown;
  localId?: unknown;
}

async function mint(ctx: SandboxContext, body: FctRequestBody) {
  const module = resolveModule(body.extensionId, body.moduleKey);
  if (!module) throw new HttpError(404, `Extension not found: ${String(body.extensionId ?? body.moduleKey)}`);
  const fct = await ctx.platform.mintFct({ moduleKey: module.key, localId: typeof body.localId === 'string' ? body.localId : undefined });
  return { extensionId: typeof body.extensionId === 'string' ? body.extensionId : extensionIdFor(module.key), fct };
}

export async function handleFctEndpoint(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await hopLatency(ctx, 'fct');
  if (req.method !== 'POST') return sendJson(res, 405, { errorMessages: ['Method not allowed'] }, { allow: 'POST' });
  const body = await readJson(req, 64 * 1024);
  if (typeof body !== 'object' || body === null) return sendJson(res, 400, { errorMessages: ['Expected { extensionId, moduleKey, localId }'] });
  try {
    const { extensionId, fct } = await mint(ctx, body as FctRequestBody);
    sendJson(res, 200, { extensionId, token: fct.jwt, expiresAt: fct.expiresAt, expiresIn: fct.expiresIn });
  } catch (err) {
    if (err instanceof HttpError) return sendJson(res, err.status, { errorMessages: [err.message] });
    throw err;
  }
}

/** GraphQL `confluence_generateForgeContextToken` (Confluence's `useGetContextTokenMutation`); variables `{ extensionId, localId? }` or `{ input: {…} }`. */
export async function generateForgeContextToken(ctx: SandboxContext, variables: unknown) {
  const v = (typeof variables === 'object' && variables !== null ? variables : {}) as FctRequestBody & { input?: FctRequestBody };
  const { extensionId, fct } = await mint(ctx, typeof v.input === 'object' && v.input !== null ? v.input : v);
  return { forgeContextToken: { jwt: fct.jwt, expiresAt: String(fct.expiresAt), extensionId } };
}

/**
 * GraphQL `SignForgeContextToken`, field `globalApp_signForgeContextTokens` (facts §8.1): one FCT per
 * extension asked for, as `{ tokens: [{ jwt, expiresAt, extensionId }] }`. Variables `{ input: { extensionIds,
 * localId? } }` or `{ input: { extensionId, … } }` [INF: only the response shape is known].
 */
export async function signForgeContextTokens(ctx: SandboxContext, variables: unknown) {
  const v = (typeof variables === 'object' && variables !== null ? variables : {}) as { input?: FctRequestBody & { extensionIds?: unknown } };
  const input = typeof v.input === 'object' && v.input !== null ? v.input : {};
  const ids = Array.isArray(input.extensionIds) ? input.extensionIds : [input.extensionId];
  const tokens = [];
  for (const extensionId of ids) {
    const minted = await mint(ctx, { ...input, extensionId });
    tokens.push({ jwt: minted.fct.jwt, expiresAt: String(minted.fct.expiresAt), extensionId: minted.extensionId });
  }
  return { tokens };
}
