import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord, TokenWarning } from '../protocol/tokens';
import { fitChangeWarnings } from './warnFitChanges';
import { dateSkewWarnings, iatSkewWarning } from './warnClockSkew';
import { licenseWarning } from './warnLicense';
import { lifetimeWarnings } from './warnLifetime';
import { warningContext } from './warningContext';

/** A FIT renewal (signInvocationTokenForUI) that a call waited on, and what it cost. */
export interface TokenRenewal {
  callId: string;
  /** The FIT the renewal brought. */
  tokenId: string;
  extraMs: number;
}

export interface TokenWarningsInput {
  tokens: readonly TokenRecord[];
  network: readonly NetworkEntry[];
  /** Optional for callers that have none: without calls, frames and call kinds are unknown. */
  calls?: readonly CallRecord[];
  /** Optional: fills in the call of a use the token record did not link. */
  matches?: readonly CallMatch[];
  renewals?: readonly TokenRenewal[];
}

/** What a Forge developer should know about the tokens seen (forge-facts §3, §5), token by token. */
export function tokenWarnings(input: TokenWarningsInput): TokenWarning[] {
  const context = warningContext(input.calls ?? null, input.network, input.matches ?? []);
  const out: TokenWarning[] = [];
  for (const token of input.tokens) {
    out.push(...lifetimeWarnings(token, context));
    const iatSkew = iatSkewWarning(token, context);
    if (iatSkew) out.push(iatSkew);
    out.push(...dateSkewWarnings(token, context));
    const license = licenseWarning(token, context);
    if (license) out.push(license);
  }
  out.push(...fitChangeWarnings(input.tokens, context));
  for (const r of input.renewals ?? []) {
    if (r.extraMs > 0) out.push({ code: 'renewal-cost', severity: 'info', tokenId: r.tokenId, callId: r.callId, message: `The call waited ${Math.round(r.extraMs)} ms for a new FIT before its request went out.` });
  }
  return out;
}
