import { httpRequestOf } from '../bridge/httpCalls';
import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';
import { forgeExchangesOf, isFitMint } from './exchanges';
import { headerValue } from './har';
import { bearerJwt } from './jwtClaims';
import { lowerBound, windowOf } from './timeWindow';

/** A match with its call and the call's index in the calls correlated, to put matches in call order without looking calls up. */
export interface PlacedMatch {
  call: CallRecord;
  index: number;
  match: CallMatch;
}

interface Mint {
  entry: NetworkEntry;
  remoteKey: string | null;
  fit: string | null;
}

/** Mints looked at per call: more in one call's window than this is no longer a renewal it waited on. */
const SCAN_LIMIT = 100;

function mintsIn(network: readonly NetworkEntry[]): Mint[] {
  const out: Mint[] = [];
  for (const entry of network) {
    const exchanges = forgeExchangesOf(entry);
    if (!isFitMint(exchanges)) continue;
    const mint = exchanges.find((x) => x.kind === 'fit-mint') ?? exchanges.find((x) => x.response?.fit != null)!;
    out.push({ entry, remoteKey: mint.remoteKey, fit: mint.response?.fit?.jwt ?? null });
  }
  return out.sort((a, b) => a.entry.startedAt - b.entry.startedAt);
}

/**
 * Each requestRemote call to the FIT mint (signInvocationTokenForUI) it waited on: a mint for its remote
 * that started inside the call and before its request to the remote. Certain when the request carried the
 * very FIT that mint returned; none when it carried a FIT no such mint returned (a cached one); otherwise
 * the latest such mint, uncertain when there were several, or when
 * other calls in flight could have waited on the same one (they all link to it: one mint can serve many).
 * `direct`: each call's matched request to the remote. Each match comes with its call and the call's index in `calls`.
 */
export function renewalMatches(calls: readonly CallRecord[], network: readonly NetworkEntry[], direct: ReadonlyMap<CallRecord, NetworkEntry>): PlacedMatch[] {
  const mints = mintsIn(network);
  if (mints.length === 0) return [];
  const waits: { call: CallRecord; index: number; mint: Mint; candidates: number; proven: boolean }[] = [];
  const claims = new Map<Mint, number>();
  for (let index = 0; index < calls.length; index++) {
    const call = calls[index]!;
    if (call.command !== 'fetchRemote') continue;
    const remoteKey = httpRequestOf(call.command, call.request.value)?.remoteKey ?? null;
    const request = direct.get(call);
    const window = windowOf(call);
    const until = request?.startedAt ?? window.to;
    const sentFit = request ? bearerJwt(headerValue(request.requestHeaders, 'authorization')) : null;
    const fitting: Mint[] = [];
    for (let i = lowerBound(mints, window.from, (m) => m.entry.startedAt); i < mints.length && fitting.length < SCAN_LIMIT; i++) {
      const mint = mints[i]!;
      if (mint.entry.startedAt > until) break;
      if (remoteKey === null || mint.remoteKey === null || mint.remoteKey === remoteKey) fitting.push(mint);
    }
    const proof = sentFit !== null ? fitting.find((m) => m.fit === sentFit) : undefined;
    // The request carried another FIT (a cached one): only mints whose token is unknown remain possible.
    const possible = proof ? [proof] : sentFit !== null ? fitting.filter((m) => m.fit === null) : fitting;
    if (possible.length === 0) continue;
    const mint = possible[possible.length - 1]!;
    waits.push({ call, index, mint, candidates: possible.length, proven: proof !== undefined });
    claims.set(mint, (claims.get(mint) ?? 0) + 1);
  }
  return waits.map(({ call, index, mint, candidates, proven }) => {
    const contenders = proven ? 1 : Math.max(candidates, claims.get(mint)!);
    return { call, index, match: { callId: call.id, entryId: mint.entry.id, relation: 'token-renewal', certainty: contenders === 1 ? 'certain' : 'uncertain', candidates: contenders } };
  });
}
