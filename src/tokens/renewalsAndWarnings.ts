import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord, TokenWarning } from '../protocol/tokens';
import { fitRenewalsOf } from './renewals';
import { tokenWarnings, type TokenRenewal } from './warnings';

/**
 * The FIT renewals calls waited on and the token warnings, with the calls and matches: what the findings rules
 * take. One place for both the panel (src/ui/derived.ts) and an export (src/insights/fromSession.ts), whose
 * findings the panel's Export reuses and so must be the same.
 */
export function renewalsAndWarnings(input: { calls: readonly CallRecord[]; network: readonly NetworkEntry[]; matches: readonly CallMatch[]; entries: ReadonlyMap<string, NetworkEntry>; tokens: readonly TokenRecord[] }): { renewals: TokenRenewal[]; warnings: TokenWarning[] } {
  const { calls, network, matches, entries, tokens } = input;
  const renewals = fitRenewalsOf(calls, matches, entries, tokens);
  return { renewals, warnings: tokenWarnings({ tokens, network, calls, matches, renewals }) };
}
