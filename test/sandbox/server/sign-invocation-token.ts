import type { SandboxContext } from './context';
import { gqlError, type GqlError } from './invoke-remote';
import { findRemote, moduleFromExtensionId } from './modules';
import { FctError } from './platform';

/**
 * `signInvocationTokenForUI(input: { forgeContextToken, remoteKey })` (facts §2.4): mints a requestRemote
 * FIT (no app.license) from a valid FCT. Answers SignInvocationTokenForUIResponse
 * `{ success, errors, forgeInvocationToken: { jwt, expiresAt }, metadata: { baseUrl } }`, expiresAt a string
 * of epoch milliseconds (facts §8.1, from FSRT).
 */

export interface SignInvocationTokenResult {
  success: boolean;
  errors: GqlError[] | null;
  forgeInvocationToken: { jwt: string; expiresAt: string } | null;
  metadata: { baseUrl: string } | null;
}

const failed = (error: GqlError): SignInvocationTokenResult => ({ success: false, errors: [error], forgeInvocationToken: null, metadata: null });

export async function signInvocationTokenForUI(ctx: SandboxContext, variables: unknown): Promise<SignInvocationTokenResult> {
  const input = (typeof variables === 'object' && variables !== null ? (variables as { input?: unknown }).input : undefined) as
    | { forgeContextToken?: unknown; remoteKey?: unknown }
    | undefined;
  if (typeof input?.forgeContextToken !== 'string' || typeof input.remoteKey !== 'string') {
    return failed(gqlError('input.forgeContextToken and input.remoteKey are required', 'BAD_REQUEST', 400));
  }
  const remote = findRemote(input.remoteKey);
  if (!remote) return failed(gqlError(`Remote not found: ${input.remoteKey}`, 'REMOTE_NOT_FOUND', 404));
  let fct;
  try {
    fct = await ctx.platform.verifyFct(input.forgeContextToken);
  } catch (err) {
    if (err instanceof FctError) return failed(gqlError(err.message, err.code === 'expired' ? 'CONTEXT_TOKEN_EXPIRED' : 'CONTEXT_TOKEN_INVALID', 401));
    throw err;
  }
  const module = moduleFromExtensionId(fct.extensionId);
  if (!module) return failed(gqlError('The Forge context token names no known extension', 'CONTEXT_TOKEN_INVALID', 401));
  const context = typeof fct.context === 'object' && fct.context !== null ? (fct.context as Record<string, unknown>) : undefined;
  const fit = await ctx.platform.mintFit(
    {
      kind: 'requestRemote',
      moduleKey: module.key,
      ...(context ? { context } : {}),
      ...(typeof fct.accountId === 'string' ? { accountId: fct.accountId } : {}),
    },
    { expired: ctx.knobs.takeFault('expiredFit'), tampered: ctx.knobs.takeFault('tamperedFit') },
  );
  return { success: true, errors: null, forgeInvocationToken: { jwt: fit.jwt, expiresAt: String(fit.expiresAt) }, metadata: { baseUrl: ctx.origins.remote } };
}
