import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord } from '../protocol/tokens';
import type { TokenRenewal } from './warnings';

/** The FIT renewals calls waited on: each token-renewal match whose mint brought a token, with the mint's duration as its cost. */
export function fitRenewalsOf(calls: readonly CallRecord[], matches: readonly CallMatch[], entries: ReadonlyMap<string, NetworkEntry>, tokens: readonly TokenRecord[]): TokenRenewal[] {
  // Most sessions have no renewal: skip indexing every call (100,000 calls: tens of ms per update).
  if (!matches.some((m) => m.relation === 'token-renewal')) return [];
  const byId = new Map(calls.map((c) => [c.id, c]));
  return matches.flatMap((m) => {
    if (m.relation !== 'token-renewal') return [];
    const call = byId.get(m.callId);
    const mint = entries.get(m.entryId);
    const token = mint ? tokens.find((t) => t.uses.some((u) => u.entryId === mint.id && u.source === 'graphql-fit')) : undefined;
    return call && mint && token ? [{ callId: call.id, tokenId: token.id, extraMs: Math.max(0, mint.durationMs) }] : [];
  });
}
