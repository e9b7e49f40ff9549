import type { CallRecord } from '../protocol/model';
import type { TokenWarning, TokenWarningCode } from '../protocol/tokens';
import type { InsightInput } from './types';

/** The token warnings of some codes, and the calls they point at (their own call, or the calls matched to their request), in start order. */
export function warningsWithCalls(input: InsightInput, codes: readonly TokenWarningCode[]): { warnings: TokenWarning[]; calls: CallRecord[] } {
  const warnings = input.tokenWarnings.filter((w) => codes.includes(w.code));
  if (warnings.length === 0) return { warnings, calls: [] };
  const byId = new Map(input.calls.map((c) => [c.id, c]));
  const ids = new Set<string>();
  for (const w of warnings) {
    if (w.callId !== undefined) ids.add(w.callId);
    else if (w.entryId !== undefined) for (const m of input.matches) if (m.entryId === w.entryId) ids.add(m.callId);
  }
  const calls = [...ids].flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.startedAt - b.startedAt);
  return { warnings, calls };
}

/** The first `max` distinct warning sentences, with how many more there were. */
export function someMessages(warnings: readonly TokenWarning[], max = 2): string {
  const distinct = [...new Set(warnings.map((w) => w.message))];
  const more = distinct.length - max;
  return distinct.slice(0, max).join(' ') + (more > 0 ? ` (and ${more} more)` : '');
}
