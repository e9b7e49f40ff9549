import type { TraceCall } from '../../src/protocol/model';
import { median } from '../../src/stats';

export interface TraceSummary {
  calls: number;
  frames: number;
  byKind: [string, number][];
  ok: number;
  errors: number;
  pending: number;
  medianMs: number | null;
  slowest: { summary: string; durationMs: number } | null;
}

/** What `npm start` prints about a recorded trace: counts by kind and outcome, and where the time went. */
export function summarizeTrace(trace: { calls: TraceCall[]; frames: unknown[] }): TraceSummary {
  const kinds = new Map<string, number>();
  for (const call of trace.calls) kinds.set(call.kind, (kinds.get(call.kind) ?? 0) + 1);
  const durations = trace.calls.flatMap((c) => (c.durationMs === null ? [] : [c.durationMs]));
  const medianMs = durations.length === 0 ? null : median(durations);
  let slowest: TraceSummary['slowest'] = null;
  for (const call of trace.calls) {
    if (call.durationMs !== null && (!slowest || call.durationMs > slowest.durationMs)) slowest = { summary: call.summary, durationMs: call.durationMs };
  }
  return {
    calls: trace.calls.length,
    frames: trace.frames.length,
    byKind: [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    ok: trace.calls.filter((c) => c.status === 'ok').length,
    errors: trace.calls.filter((c) => c.status === 'error').length,
    pending: trace.calls.filter((c) => c.status === 'pending').length,
    medianMs,
    slowest,
  };
}

export function formatSummary(s: TraceSummary): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `Recorded ${s.calls} bridge calls from ${s.frames} frames: ${s.ok} ok, ${s.errors} errors, ${s.pending} pending.`,
    `  by kind: ${s.byKind.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    `  median duration ${s.medianMs === null ? 'n/a' : ms(s.medianMs)}${s.slowest ? `; slowest: ${s.slowest.summary} (${ms(s.slowest.durationMs)})` : ''}`,
  ].join('\n');
}
