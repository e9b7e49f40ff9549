import type { TraceCall } from '../../src/protocol/model';
import type { TokenRecord } from '../../src/protocol/tokens';
import { callFailed } from '../../src/query/outcome';
import { momentOfUse } from '../../src/tokens/judgeAtUse';
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
  /** Each token's verdict as recorded before redaction (judged at its moment of use). */
  tokens: { type: string; status: string; reason: string; usedAt: number }[];
}

/** What `npm start` prints about a recorded trace: counts by kind and outcome, and where the time went. */
export function summarizeTrace(trace: { calls: TraceCall[]; frames: unknown[]; tokens?: TokenRecord[] }): TraceSummary {
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
    ok: trace.calls.filter((c) => c.status === 'ok' && !callFailed(c)).length,
    // Failed as the panel counts it (query/outcome): rejected, success:false, or an HTTP status of 400 or more.
    errors: trace.calls.filter((c) => callFailed(c)).length,
    pending: trace.calls.filter((c) => c.status === 'pending').length,
    medianMs,
    slowest,
    tokens: (trace.tokens ?? []).map((t) => ({ type: t.type, status: t.verification?.status ?? 'none recorded', reason: t.verification?.reason ?? '', usedAt: momentOfUse(t) })),
  };
}

export function formatSummary(s: TraceSummary): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `Recorded ${s.calls} bridge calls from ${s.frames} frames: ${s.ok} ok, ${s.errors} errors, ${s.pending} pending.`,
    `  by kind: ${s.byKind.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    `  median duration ${s.medianMs === null ? 'n/a' : ms(s.medianMs)}${s.slowest ? `; slowest: ${s.slowest.summary} (${ms(s.slowest.durationMs)})` : ''}`,
    ...tokenLines(s.tokens),
  ].join('\n');
}

/** Tokens by type and verdict ("verified when recorded"), with one reason per kind of verdict. */
function tokenLines(tokens: TraceSummary['tokens']): string[] {
  if (tokens.length === 0) return ['  tokens: none seen (the network feed gives them while DevTools is open)'];
  const groups = new Map<string, { n: number; reason: string }>();
  for (const t of tokens) {
    const key = `${t.type} ${t.status}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, reason: t.reason });
  }
  return [`  tokens, verified when recorded (judged at each one's use): ${[...groups].map(([k, g]) => `${g.n} ${k}`).join(', ')}`, ...[...groups].map(([k, g]) => `    ${k}: ${g.reason || 'no verdict'}`)];
}
