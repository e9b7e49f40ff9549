import type { CallRecord } from '../protocol/model';
import type { CallMatch } from '../protocol/tokens';

/**
 * The calls each network entry is matched to. Given the recorded calls, matches to calls no longer recorded
 * (dropped beyond the bound) are left out; given null, every match counts.
 */
export function callIdsByEntry(calls: readonly CallRecord[] | null, matches: readonly CallMatch[], recorded: ReadonlyMap<string, CallRecord> | null = calls && matchedCalls(calls, matches)): Map<string, string[]> {
  const byEntry = new Map<string, string[]>();
  for (const m of matches) {
    if (recorded && !recorded.has(m.callId)) continue;
    const list = byEntry.get(m.entryId) ?? [];
    if (!list.includes(m.callId)) list.push(m.callId);
    byEntry.set(m.entryId, list);
  }
  return byEntry;
}

/**
 * The recorded calls some match names, by id (the last call of an id, as a Map of all calls would hold it). Only
 * the matched ids are looked for among the calls (a tab may hold 100,000): one pass, no index of every call.
 */
export function matchedCalls(calls: readonly CallRecord[], matches: readonly CallMatch[]): Map<string, CallRecord> {
  const matched = new Set(matches.map((m) => m.callId));
  const out = new Map<string, CallRecord>();
  for (const c of calls) if (matched.has(c.id)) out.set(c.id, c);
  return out;
}
