import type { JWTPayload } from 'jose';
import { ACCOUNT_ID } from '../app-manifest';
import type { SandboxContext } from './context';
import { REQUEST_PAYLOAD_LIMIT, RESPONSE_PAYLOAD_LIMIT, gqlError, invokeRemote, type GqlError, type RemoteCall } from './invoke-remote';
import { endpointOf, moduleContext, moduleFromExtensionId, resolveModule } from './modules';
import { FctError } from './platform';
import { ResolverNotFound, runResolver } from './resolvers';

/**
 * `forge_ui_invokeExtension` (and `useInvokeExtensionRelayMutation`): runs a resolver function in-process,
 * or (call.invokeType 'ui-remote-fetch') proxies invokeRemote to the module's endpoint's remote. Answers
 * InvokeExtensionResponse (facts §2.4): success, response { body }, errors, a fresh contextToken (FCT),
 * metrics { appTimeMs, … }.
 */

export interface InvocationMetrics {
  appTimeMs: number;
  appRuntimeType: string;
  appRuntimeVersion: string | null;
  appExecutionRegion: string | null;
}

export interface InvokeExtensionResult {
  success: boolean;
  response: { body: unknown } | null;
  errors: GqlError[] | null;
  /** The FCT; expiresAt is ms since epoch as a string (schema). */
  contextToken: { jwt: string; expiresAt: string } | null;
  metrics: InvocationMetrics | null;
}

/** [INF] values; the schema names the fields only. */
const FUNCTION_RUNTIME = { appRuntimeType: 'nodejs', appRuntimeVersion: '22.x', appExecutionRegion: 'us-west-2' };
const REMOTE_RUNTIME = { appRuntimeType: 'remote', appRuntimeVersion: null, appExecutionRegion: null };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const failed = (error: GqlError, rest: Partial<InvokeExtensionResult> = {}): InvokeExtensionResult => ({
  success: false,
  response: null,
  errors: [error],
  contextToken: null,
  metrics: null,
  ...rest,
});

function byteLength(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value) ?? '');
}

export async function invokeExtension(ctx: SandboxContext, variables: unknown): Promise<InvokeExtensionResult> {
  const input = isObject(variables) ? variables.input : undefined;
  if (!isObject(input) || !isObject(input.payload)) return failed(gqlError('variables.input.payload is required', 'BAD_REQUEST', 400));
  const payload = input.payload;
  const callerContext = isObject(payload.context) ? payload.context : {};
  const call = payload.call;
  if (!isObject(call)) return failed(gqlError('payload.call is required', 'BAD_REQUEST', 400));

  const module = resolveModule(input.extensionId, callerContext.moduleKey);
  if (!module) return failed(gqlError(`Extension not found: ${String(input.extensionId)}`, 'EXTENSION_NOT_FOUND', 404));

  // The FCT, when given, is the trusted context; an expired or invalid one fails the invocation.
  let fct: JWTPayload | undefined;
  const given = isObject(payload.contextToken) ? payload.contextToken.jwt : payload.contextToken;
  if (given !== undefined && given !== null) {
    try {
      fct = await ctx.platform.verifyFct(String(given));
    } catch (err) {
      if (err instanceof FctError) {
        return failed(gqlError(err.message, err.code === 'expired' ? 'CONTEXT_TOKEN_EXPIRED' : 'CONTEXT_TOKEN_INVALID', 401));
      }
      throw err;
    }
    if (moduleFromExtensionId(fct.extensionId)?.key !== module.key) {
      return failed(gqlError('The Forge context token was issued for another extension', 'CONTEXT_TOKEN_INVALID', 401));
    }
  }
  const knobs = ctx.knobs.peek();
  const localId = typeof callerContext.localId === 'string' ? callerContext.localId : undefined;
  const accountId = typeof fct?.accountId === 'string' ? fct.accountId : ACCOUNT_ID;
  const context = isObject(fct?.context)
    ? fct.context
    : moduleContext({ module, localId, siteOrigin: ctx.origins.site, environmentType: knobs.environmentType, accountId });
  const freshFct = await ctx.platform.mintFct({ moduleKey: module.key, localId: typeof context.localId === 'string' ? context.localId : localId, accountId });
  const contextToken = { jwt: freshFct.jwt, expiresAt: String(freshFct.expiresAt) };

  if (call.invokeType !== undefined) {
    if (call.invokeType !== 'ui-remote-fetch') {
      return failed(gqlError(`invokeType ${String(call.invokeType)} is not supported by the sandbox`, 'BAD_REQUEST', 400), { contextToken });
    }
    const endpoint = endpointOf(module);
    if (!endpoint) return failed(gqlError(`Module ${module.key} has no resolver.endpoint`, 'BAD_REQUEST', 400), { contextToken });
    const outcome = await invokeRemote(ctx, { module, endpoint, call: call as unknown as RemoteCall, context, accountId });
    const metrics = { appTimeMs: outcome.appTimeMs, ...REMOTE_RUNTIME };
    return outcome.ok
      ? { success: true, response: { body: outcome.response }, errors: null, contextToken, metrics }
      : failed(outcome.error, { contextToken, metrics });
  }

  if (typeof call.functionKey !== 'string') return failed(gqlError('call.functionKey is required', 'BAD_REQUEST', 400), { contextToken });
  // A module whose resolver is an endpoint has a remote resolver (forge-docs "Forge remote": "a remote resolver
  // for a Confluence macro using Custom UI"): the platform hands invoke(functionKey) to the remote. [INF] How the
  // remote receives it is not documented and invisible from the browser; the sandbox runs the same functions
  // and answers with the remote runtime's metrics.
  const runtime = module.resolver.function !== undefined ? FUNCTION_RUNTIME : endpointOf(module) ? REMOTE_RUNTIME : null;
  if (runtime === null) {
    return failed(gqlError(`Module ${module.key} has no resolver function`, 'BAD_REQUEST', 400), { contextToken });
  }
  const requestSize = byteLength(call.payload);
  if (requestSize > REQUEST_PAYLOAD_LIMIT) {
    return failed(
      gqlError(`The request payload is too large: ${requestSize} bytes exceeds the 500 KB limit for front-end invocations`, 'PAYLOAD_TOO_LARGE', 413),
      { contextToken },
    );
  }
  const started = performance.now();
  let result: unknown;
  try {
    result = await runResolver(call.functionKey, call.payload, { ...context, accountId }, ctx.signal);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    const metrics = { appTimeMs: Math.round(performance.now() - started), ...runtime };
    const message = err instanceof Error ? err.message : String(err);
    // [INF] The text the products show for a failed resolver is "There was an error invoking the function - <message>".
    const statusCode = err instanceof ResolverNotFound ? 404 : 500;
    return failed(gqlError(`There was an error invoking the function - ${message}`, 'FUNCTION_INVOCATION_FAILED', statusCode), { contextToken, metrics });
  }
  const metrics = { appTimeMs: Math.round(performance.now() - started), ...runtime };
  if (byteLength(result) > RESPONSE_PAYLOAD_LIMIT) {
    return failed(gqlError('The response payload is too large: it exceeds the 5 MB limit for front-end invocations', 'RESPONSE_TOO_LARGE', 413), {
      contextToken,
      metrics,
    });
  }
  return { success: true, response: { body: result === undefined ? null : result }, errors: null, contextToken, metrics };
}
