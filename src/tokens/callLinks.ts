import type { CallRecord } from '../protocol/model';
import type { CallMatch } from '../protocol/tokens';

/**
 * The calls each network entry is matched to. Given the recorded calls, matches to calls no longer recorded
 * (dropped beyond the bound) are left out; given null, every match counts.
 */
export function callIdsByEntry(calls: readonly CallRecord[] | null, matches: readonly CallMatch[]): Map<string, string[]> {
  const recorded = calls ? new Set(calls.map((c) => c.id)) : null;
  const byEntry = new Map<string, string[]>();
  for (const m of matches) {
    if (recorded && !recorded.has(m.callId)) continue;
    const list = byEntry.get(m.entryId) ?? [];
    if (!list.includes(m.callId)) list.push(m.callId);
    byEntry.set(m.entryId, list);
  }
  return byEntry;
}
