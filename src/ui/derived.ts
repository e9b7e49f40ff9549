import { useMemo } from 'preact/hooks';
import { computePhases, correlate } from '../network';
import type { CallMatch, CallPhases, CallRecord, NetworkEntry, TokenRecord, TokenWarning } from '../protocol';
import { collectTokens, fitRenewalsOf, tokenWarnings, type TokenRenewal } from '../tokens';

export interface Derived {
  matches: CallMatch[];
  tokens: TokenRecord[];
  warnings: TokenWarning[];
  /** FIT renewals calls waited on. */
  renewals: TokenRenewal[];
  entries: Map<string, NetworkEntry>;
  phasesOf: (call: CallRecord) => CallPhases;
}

/** Matches, tokens and warnings computed from the calls and the network entries, again only when either changes. */
export function useDerived(calls: readonly CallRecord[], network: readonly NetworkEntry[]): Derived {
  return useMemo(() => {
    const matches = correlate(calls, network);
    const tokens = collectTokens({ calls, network, matches });
    const entries = new Map(network.map((e) => [e.id, e]));
    const renewals = fitRenewalsOf(calls, matches, entries, tokens);
    return { matches, tokens, renewals, warnings: tokenWarnings({ tokens, network, renewals }), entries, phasesOf: (call: CallRecord) => computePhases(call, matches, entries) };
  }, [calls, network]);
}
