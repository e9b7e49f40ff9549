import type { TraceV2 } from '../../protocol';

/**
 * The part of a trace that the list shows: the calls kept, the requests matched to them, the tokens those
 * calls and requests carried (with only their uses there), the findings about them and the frames they ran in.
 * Segments, settings and loss counts stay as recorded: they describe the recording, not the selection.
 */
export function subsetTrace(trace: TraceV2, callIds: ReadonlySet<string>): TraceV2 {
  const calls = trace.calls.filter((c) => callIds.has(c.id));
  const matches = trace.matches.filter((m) => callIds.has(m.callId));
  const entryIds = new Set(matches.map((m) => m.entryId));
  const network = trace.network.filter((e) => entryIds.has(e.id));
  const keptUse = (u: { callId?: string; entryId?: string }) => (u.callId !== undefined && callIds.has(u.callId)) || (u.entryId !== undefined && entryIds.has(u.entryId));
  const tokens = trace.tokens.flatMap((t) => {
    const uses = t.uses.filter(keptUse);
    return uses.length ? [{ ...t, uses }] : [];
  });
  const frameKeys = new Set(calls.map((c) => c.frame.key));
  const frames = trace.frames.filter((f) => frameKeys.has(f.key));
  const findings = trace.findings?.filter((f) => f.callIds.some((id) => callIds.has(id)));
  return { ...trace, calls, matches, network, tokens, frames, ...(findings ? { findings } : {}) };
}
