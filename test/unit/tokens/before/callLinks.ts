// src/tokens/callLinks.ts as it was before the fourth speed pass (main 1273707), kept as the oracle of fastPaths.test.ts.
import type { CallRecord } from '../../../../src/protocol/model';
import type { CallMatch } from '../../../../src/protocol/tokens';

/**
 * The calls each network entry is matched to. Given the recorded calls, matches to calls no longer recorded
 * (dropped beyond the bound) are left out; given null, every match counts.
 */
export function callIdsByEntry(calls: readonly CallRecord[] | null, matches: readonly CallMatch[]): Map<string, string[]> {
  // Only the matched calls are looked for among the recorded ones (a tab may hold 100,000 calls).
  let recorded: Set<string> | null = null;
  if (calls) {
    const matched = new Set(matches.map((m) => m.callId));
    recorded = new Set();
    for (const c of calls) if (matched.has(c.id)) recorded.add(c.id);
  }
  const byEntry = new Map<string, string[]>();
  for (const m of matches) {
    if (recorded && !recorded.has(m.callId)) continue;
    const list = byEntry.get(m.entryId) ?? [];
    if (!list.includes(m.callId)) list.push(m.callId);
    byEntry.set(m.entryId, list);
  }
  return byEntry;
}
