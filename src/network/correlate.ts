import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';
import { callKeys, entryKeys, isFitMint, remoteBasePaths } from './keys';

/**
 * Hook times are `performance.timeOrigin + performance.now()`; HAR's startedDateTime is the wall clock at
 * millisecond precision (whole ms in Firefox). They agree within a few ms; this much slack is allowed at
 * each end of a call's window.
 */
export const CLOCK_SLACK_MS = 50;
/** Calls sharing a key that are checked for a rival claim on the same entry. */
const RIVAL_SCAN = 64;

interface Window {
  call: CallRecord;
  from: number;
  to: number;
}

function windowOf(call: CallRecord): Window {
  return { call, from: call.startedAt - CLOCK_SLACK_MS, to: (call.endedAt ?? Number.POSITIVE_INFINITY) + CLOCK_SLACK_MS };
}

const byStart = (a: { startedAt: number }, b: { startedAt: number }) => a.startedAt - b.startedAt;

/** First index in `sorted` (by startedAt) whose start is ≥ t. */
function lowerBound(sorted: readonly NetworkEntry[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.startedAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many windows in `windows` (sorted by from) other than `self` contain t, looking at neighbours only. */
function rivalsAt(windows: readonly Window[], selfIndex: number, t: number): number {
  let n = 0;
  for (let i = selfIndex - 1, seen = 0; i >= 0 && seen < RIVAL_SCAN; i--, seen++) if (windows[i]!.to >= t) n++;
  for (let i = selfIndex + 1, seen = 0; i < windows.length && seen < RIVAL_SCAN && windows[i]!.from <= t; i++, seen++) n++;
  return n;
}

/**
 * Matches bridge calls to the network entries they caused (pure). Each entry serves one call at most, in
 * call order; a match is 'uncertain' whenever another entry or another call could have made it.
 */
export function correlate(calls: readonly CallRecord[], network: readonly NetworkEntry[]): CallMatch[] {
  const basePaths = remoteBasePaths(network);
  const entriesByKey = new Map<string, NetworkEntry[]>();
  for (const entry of network) {
    for (const { key } of entryKeys(entry)) {
      let list = entriesByKey.get(key);
      if (!list) entriesByKey.set(key, (list = []));
      list.push(entry);
    }
  }
  for (const list of entriesByKey.values()) list.sort(byStart);

  const windowsByKey = new Map<string, Window[]>();
  const keysOfCall = new Map<CallRecord, { relation: CallMatch['relation']; key: string }[]>();
  for (const call of calls) {
    const keys = callKeys(call, basePaths).filter((k) => entriesByKey.has(k.key));
    if (keys.length === 0) continue;
    keysOfCall.set(call, keys);
    for (const { key } of keys) {
      let list = windowsByKey.get(key);
      if (!list) windowsByKey.set(key, (list = []));
      list.push(windowOf(call));
    }
  }
  for (const list of windowsByKey.values()) list.sort((a, b) => a.from - b.from);

  const used = new Set<string>();
  const matches: CallMatch[] = [];
  const direct = new Map<string, NetworkEntry>();
  const ordered = [...keysOfCall.keys()].sort(byStart);
  for (const call of ordered) {
    const w = windowOf(call);
    let best: { entry: NetworkEntry; relation: CallMatch['relation']; key: string; candidates: number } | null = null;
    // Keys come most specific first: the first that finds a free entry in the call's window decides.
    for (const { relation, key } of keysOfCall.get(call)!) {
      const list = entriesByKey.get(key)!;
      let candidates = 0;
      let first: NetworkEntry | null = null;
      for (let i = lowerBound(list, w.from); i < list.length && list[i]!.startedAt <= w.to; i++) {
        candidates++;
        if (!first && !used.has(list[i]!.id)) first = list[i]!;
      }
      if (first) {
        best = { entry: first, relation, key, candidates };
        break;
      }
    }
    if (!best) continue;
    used.add(best.entry.id);
    const windows = windowsByKey.get(best.key)!;
    const rivals = rivalsAt(windows, windows.findIndex((x) => x.call === call), best.entry.startedAt);
    const contenders = Math.max(best.candidates, rivals + 1);
    matches.push({ callId: call.id, entryId: best.entry.id, relation: best.relation, certainty: contenders === 1 ? 'certain' : 'uncertain', candidates: contenders });
    if (best.relation === 'remote-request') direct.set(call.id, best.entry);
  }
  matches.push(...renewals(calls, network, direct));
  return matches;
}

/** Each requestRemote call to the FIT mint it waited on: a mint that started in the call, before its request. */
function renewals(calls: readonly CallRecord[], network: readonly NetworkEntry[], direct: Map<string, NetworkEntry>): CallMatch[] {
  const mints = network.filter(isFitMint).sort(byStart);
  if (mints.length === 0) return [];
  const waits: { call: CallRecord; mint: NetworkEntry; candidates: number }[] = [];
  const claims = new Map<string, number>();
  for (const call of calls) {
    if (call.command !== 'fetchRemote') continue;
    const from = call.startedAt - CLOCK_SLACK_MS;
    const to = direct.get(call.id)?.startedAt ?? (call.endedAt ?? Number.POSITIVE_INFINITY) + CLOCK_SLACK_MS;
    const inside = mints.slice(lowerBound(mints, from)).filter((m) => m.startedAt <= to);
    if (inside.length === 0) continue;
    const mint = inside[inside.length - 1]!;
    waits.push({ call, mint, candidates: inside.length });
    claims.set(mint.id, (claims.get(mint.id) ?? 0) + 1);
  }
  return waits.map(({ call, mint, candidates }) => {
    const contenders = Math.max(candidates, claims.get(mint.id) ?? 1);
    return { callId: call.id, entryId: mint.id, relation: 'token-renewal' as const, certainty: contenders === 1 ? ('certain' as const) : ('uncertain' as const), candidates: contenders };
  });
}
