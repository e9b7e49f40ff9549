import type { TokenRecord, TokenUse, TokenWarning } from '../protocol/tokens';
import { objectAt } from './claims';
import { refOf, type WarningContext } from './warningContext';

/**
 * A use on the requestRemote path: the FIT travelled as Bearer from the browser or was minted for it by
 * signInvocationTokenForUI (invokeRemote's FITs never reach the browser), or its call is a requestRemote.
 */
function requestRemoteUse(token: TokenRecord, context: WarningContext): TokenUse | undefined {
  return token.uses.find((u) => u.source === 'authorization-header' || u.source === 'graphql-fit' || (u.callId !== undefined && context.calls.get(u.callId)?.kind === 'requestRemote'));
}

/** no-license: a requestRemote FIT without app.license. Expected (forge-facts §3), so only information. */
export function licenseWarning(token: TokenRecord, context: WarningContext): TokenWarning | null {
  if (token.type !== 'FIT' || objectAt(token.claims, 'app', 'license')) return null;
  const use = requestRemoteUse(token, context);
  if (!use) return null;
  return {
    code: 'no-license',
    severity: 'info',
    ...refOf(token, use, context),
    message: 'This FIT carries no app.license claim, which is expected: Atlassian documents that requestRemote FITs never include it, so check the licence another way.',
  };
}
