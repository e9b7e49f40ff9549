import type { CallRecord } from '../protocol/model';
import type { NetworkEntry, NetworkTimings } from '../protocol/network';
import type { CallMatch, CallPhases } from '../protocol/tokens';
import { forgeExchangesOf } from './exchanges';
import type { ForgeGraphqlExchange } from './graphql';
import { invokeKeys } from './keys';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
/** A gap between two clocks' readings: negative only through clock mismatch, shown as 0. */
const gap = (n: number) => (finite(n) && n > 0 ? n : 0);
/** A HAR phase: -1 (did not apply) counts as 0 when phases are summed. */
const phase = (n: unknown) => (finite(n) && n > 0 ? n : 0);

function networkPhases(t: Partial<NetworkTimings> | undefined): NonNullable<CallPhases['network']> {
  return { blocked: phase(t?.blocked), dns: phase(t?.dns), connect: phase(t?.connect), ssl: phase(t?.ssl), send: phase(t?.send), wait: phase(t?.wait), receive: phase(t?.receive) };
}

/** The operation of a (possibly batched) GraphQL entry that carried this call: the one sharing a key with it. */
function exchangeFor(call: CallRecord, entry: NetworkEntry): ForgeGraphqlExchange | null {
  const exchanges = forgeExchangesOf(entry);
  if (exchanges.length <= 1) return exchanges[0] ?? null;
  const wanted = new Set(invokeKeys(call.request?.value, !call.request?.truncated).map((k) => k.key));
  return exchanges.find((x) => x.call !== null && invokeKeys(x.call, x.complete).some((k) => wanted.has(k.key))) ?? exchanges[0]!;
}

/**
 * Where the time of one call went. Bridge out: call start → request start; the request's own phases
 * (null when no request was matched); bridge back: response end → call settled; the FIT renewal it waited
 * on (inside bridge out); and for resolver and remote invocations the app time the platform reports, with
 * the GraphQL wait beyond it as the platform's overhead. The hook's and HAR's clocks differ by a few ms
 * (timeWindow.ts): a gap they make negative is shown as 0. Never throws.
 */
export function computePhases(call: CallRecord, matches: readonly CallMatch[], network: ReadonlyMap<string, NetworkEntry> | readonly NetworkEntry[]): CallPhases {
  const byId: ReadonlyMap<string, NetworkEntry> = network instanceof Map ? network : new Map((Array.isArray(network) ? network : []).map((e: NetworkEntry) => [e.id, e]));
  const mine = Array.isArray(matches) ? matches.filter((m) => m?.callId === call.id) : [];
  const main = mine.find((m) => m.relation !== 'token-renewal');
  const renewal = mine.find((m) => m.relation === 'token-renewal');
  const entry = main ? byId.get(main.entryId) : undefined;
  const mint = renewal ? byId.get(renewal.entryId) : undefined;
  const ended = finite(call.endedAt) && finite(call.startedAt);
  const out: CallPhases = {
    callId: call.id,
    totalMs: ended ? gap(call.endedAt! - call.startedAt) : null,
    bridgeOutMs: null,
    tokenFetchMs: mint && finite(mint.durationMs) && mint.durationMs >= 0 ? mint.durationMs : null,
    network: null,
    bridgeBackMs: null,
    appTimeMs: null,
    platformOverheadMs: null,
  };
  if (!entry) return out;
  out.network = networkPhases(entry.timings);
  out.bridgeOutMs = gap(entry.startedAt - call.startedAt);
  if (ended && finite(entry.durationMs) && entry.durationMs >= 0) out.bridgeBackMs = gap(call.endedAt! - (entry.startedAt + entry.durationMs));
  if (main?.relation === 'graphql') {
    const appTime = exchangeFor(call, entry)?.response?.metrics?.appTimeMs ?? null;
    out.appTimeMs = appTime;
    const wait = entry.timings?.wait;
    if (appTime !== null && finite(wait) && wait >= 0) out.platformOverheadMs = gap(wait - appTime);
  }
  return out;
}
