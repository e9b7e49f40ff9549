import { useMemo } from 'preact/hooks';
import { computePhases, correlate } from '../network';
import type { CallMatch, CallPhases, CallRecord, NetworkEntry, TokenRecord, TokenWarning } from '../protocol';
import { collectTokens, tokenWarnings } from '../tokens';

export interface Derived {
  matches: CallMatch[];
  tokens: TokenRecord[];
  warnings: TokenWarning[];
  entries: Map<string, NetworkEntry>;
  phasesOf: (call: CallRecord) => CallPhases;
}

/** Matches, tokens and warnings computed from the calls and the network entries, again only when either changes. */
export function useDerived(calls: readonly CallRecord[], network: readonly NetworkEntry[]): Derived {
  return useMemo(() => {
    const matches = correlate(calls, network);
    const tokens = collectTokens({ calls, network, matches });
    const entries = new Map(network.map((e) => [e.id, e]));
    const byId = new Map(calls.map((c) => [c.id, c]));
    const renewals = matches.flatMap((m) => {
      if (m.relation !== 'token-renewal') return [];
      const call = byId.get(m.callId);
      const mint = entries.get(m.entryId);
      const token = mint ? tokens.find((t) => t.uses.some((u) => u.entryId === mint.id && u.source === 'graphql-fit')) : undefined;
      return call && mint && token ? [{ callId: call.id, tokenId: token.id, extraMs: Math.max(0, mint.durationMs) }] : [];
    });
    return { matches, tokens, warnings: tokenWarnings({ tokens, network, renewals }), entries, phasesOf: (call: CallRecord) => computePhases(call, matches, entries) };
  }, [calls, network]);
}
