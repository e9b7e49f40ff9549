import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord, TokenSource, TokenUse } from '../protocol/tokens';
import { bearerJwt, headerValue, readForgeGraphql } from '../network';
import { decodeJwt, tokenHash, tokenTypeOf } from './decode';

const seconds = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Every FIT and FCT the tab's traffic carried, once each (by jti, else by hash), with each use in time order
 * and the calls that carried it (through the matches). Tokens in bodies that are cut or not JSON are skipped.
 */
export function collectTokens(input: { calls: readonly CallRecord[]; network: readonly NetworkEntry[]; matches: readonly CallMatch[] }): TokenRecord[] {
  const callsOfEntry = new Map<string, string[]>();
  for (const m of input.matches) {
    const list = callsOfEntry.get(m.entryId) ?? [];
    list.push(m.callId);
    callsOfEntry.set(m.entryId, list);
  }
  const tokens = new Map<string, TokenRecord>();
  const see = (jwt: string, source: TokenSource, at: number, entry: NetworkEntry, reportedExpiresAt: number | null = null) => {
    const decoded = decodeJwt(jwt);
    if (!decoded.ok) return;
    const id = typeof decoded.claims.jti === 'string' && decoded.claims.jti ? decoded.claims.jti : tokenHash(jwt);
    let record = tokens.get(id);
    if (!record) {
      record = {
        id,
        type: tokenTypeOf(decoded.claims, source),
        jwt,
        header: decoded.header,
        claims: decoded.claims,
        iat: seconds(decoded.claims.iat),
        nbf: seconds(decoded.claims.nbf),
        exp: seconds(decoded.claims.exp),
        reportedExpiresAt,
        firstSeenAt: at,
        lastUsedAt: at,
        uses: [],
      };
      tokens.set(id, record);
    }
    if (reportedExpiresAt !== null) record.reportedExpiresAt = reportedExpiresAt;
    const callIds = callsOfEntry.get(entry.id) ?? [];
    const uses: TokenUse[] = callIds.length > 0 ? callIds.map((callId) => ({ at, source, entryId: entry.id, callId })) : [{ at, source, entryId: entry.id }];
    record.uses.push(...uses);
    record.firstSeenAt = Math.min(record.firstSeenAt, at);
    record.lastUsedAt = Math.max(record.lastUsedAt, at);
  };

  for (const entry of input.network) {
    const bearer = bearerJwt(headerValue(entry.requestHeaders, 'authorization'));
    if (bearer) see(bearer, 'authorization-header', entry.startedAt, entry);
    if (entry.category !== 'forge-graphql') continue;
    const answeredAt = entry.startedAt + Math.max(0, entry.durationMs);
    for (const x of readForgeGraphql(entry)) {
      if (x.contextTokenSent) see(x.contextTokenSent, 'graphql-request', entry.startedAt, entry);
      if (x.response?.fit) see(x.response.fit.jwt, 'graphql-fit', answeredAt, entry, x.response.fit.expiresAt);
      if (x.response?.contextToken) see(x.response.contextToken.jwt, 'graphql-fct', answeredAt, entry, x.response.contextToken.expiresAt);
    }
  }
  for (const record of tokens.values()) record.uses.sort((a, b) => a.at - b.at);
  return [...tokens.values()].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
}
