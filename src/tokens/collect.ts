import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord, TokenSource } from '../protocol/tokens';
import { callIdsByEntry } from './callLinks';
import { secondsOf } from './claims';
import { decodeJwt, hasUnreadableClaims, isJwt } from './decode';
import { tokenHash } from './tokenHash';
import { tokenTypeOf } from './tokenType';
import { forgeExchangesOf } from '../network/exchanges';
import { bearerTokens, graphqlTokens, type TokenSighting } from './trafficTokens';

export interface CollectInput {
  calls: readonly CallRecord[];
  network: readonly NetworkEntry[];
  matches: readonly CallMatch[];
}

function newRecord(jwt: string, header: Record<string, unknown>, claims: Record<string, unknown>, source: TokenSource, at: number, claimsUnreadable?: string): TokenRecord {
  return {
    ...(claimsUnreadable !== undefined ? { claimsUnreadable } : {}),
    id: tokenHash(jwt),
    type: tokenTypeOf(header, claims, source),
    jwt,
    header,
    claims,
    iat: secondsOf(claims.iat),
    nbf: secondsOf(claims.nbf),
    exp: secondsOf(claims.exp),
    reportedExpiresAt: null,
    firstSeenAt: at,
    lastUsedAt: at,
    uses: [],
  };
}

/**
 * Every token the tab's traffic carried, once each (id `h:<hash of the compact JWT>`), with each sighting as
 * a use in time order, linked to the calls its entry is matched to: Bearer FITs on requests to remotes, FCTs
 * sent in GraphQL variables, FITs and FCTs in GraphQL responses. Cut or foreign bodies are skipped; a token
 * whose header decodes but whose claims do not is kept, with empty claims and `claimsUnreadable`.
 */
export function collectTokens(input: CollectInput): TokenRecord[] {
  const callIdsOf = callIdsByEntry(input.calls, input.matches);
  const records = new Map<string, TokenRecord>();
  const notJwts = new Set<string>();

  const see = (sighting: TokenSighting, at: number, entryId: string) => {
    let record = records.get(sighting.jwt);
    if (!record) {
      if (notJwts.has(sighting.jwt)) return;
      const decoded = decodeJwt(sighting.jwt);
      if (isJwt(decoded)) record = newRecord(sighting.jwt, decoded.header, decoded.claims, sighting.source, at);
      // Its claims do not decode, but it is a token all the same: tracked (and redacted) like any other.
      else if (hasUnreadableClaims(decoded)) record = newRecord(sighting.jwt, decoded.header, {}, sighting.source, at, decoded.error);
      else {
        notJwts.add(sighting.jwt);
        return;
      }
      records.set(sighting.jwt, record);
    }
    // A token first seen where nothing told its kind may be told by a later sighting (an FCT sent back).
    if (record.type === 'JWT') record.type = tokenTypeOf(record.header, record.claims, sighting.source);
    if (sighting.expiresAt !== null) record.reportedExpiresAt = sighting.expiresAt;
    const callIds = callIdsOf.get(entryId) ?? [];
    if (callIds.length === 0) record.uses.push({ at, source: sighting.source, entryId });
    for (const callId of callIds) record.uses.push({ at, source: sighting.source, entryId, callId });
    record.firstSeenAt = Math.min(record.firstSeenAt, at);
    record.lastUsedAt = Math.max(record.lastUsedAt, at);
  };

  for (const entry of input.network) {
    for (const jwt of bearerTokens(entry.requestHeaders)) see({ jwt, source: 'authorization-header', expiresAt: null }, entry.startedAt, entry.id);
    const { sent, received } = graphqlTokens(forgeExchangesOf(entry));
    for (const sighting of sent) see(sighting, entry.startedAt, entry.id);
    const answeredAt = entry.startedAt + Math.max(0, entry.durationMs);
    for (const sighting of received) see(sighting, answeredAt, entry.id);
  }
  const tokens = [...records.values()];
  for (const record of tokens) record.uses.sort((a, b) => a.at - b.at);
  return tokens.sort((a, b) => a.firstSeenAt - b.firstSeenAt);
}
