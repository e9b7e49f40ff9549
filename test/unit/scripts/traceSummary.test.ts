import { describe, expect, it } from 'vitest';
import type { TraceCall } from '../../../src/protocol/model';
import { formatSummary, summarizeTrace } from '../../../scripts/lib/traceSummary';

function call(kind: TraceCall['kind'], status: TraceCall['status'], durationMs: number | null, summary: string = kind): TraceCall {
  const snap = { value: null, bytes: 4, truncated: false };
  return {
    id: `${kind}${durationMs}`, frame: { url: 'u', key: 'k', parentUrl: '', isTop: false }, command: kind, kind, summary,
    startedAt: 1, endedAt: durationMs === null ? null : 1 + durationMs, durationMs, status, request: snap, deliveries: [], segment: 0,
  };
}

describe('summarizeTrace', () => {
  it('counts by kind and outcome and finds the median and the slowest call', () => {
    const s = summarizeTrace({
      frames: [{}, {}],
      calls: [call('resolver', 'ok', 10), call('resolver', 'error', 30, 'invoke fail'), call('requestRemote', 'ok', 20), call('context', 'pending', null)],
    });
    expect(s).toMatchObject({ calls: 4, frames: 2, ok: 2, errors: 1, pending: 1, medianMs: 20, slowest: { summary: 'invoke fail', durationMs: 30 } });
    expect(s.byKind).toEqual([['resolver', 2], ['context', 1], ['requestRemote', 1]]);
    expect(formatSummary(s)).toContain('Recorded 4 bridge calls from 2 frames: 2 ok, 1 errors, 1 pending.');
  });

  it('takes the mean of the two middle values for an even count and copes with no calls', () => {
    expect(summarizeTrace({ frames: [], calls: [call('resolver', 'ok', 10), call('resolver', 'ok', 20)] }).medianMs).toBe(15);
    const empty = summarizeTrace({ frames: [], calls: [] });
    expect(empty).toMatchObject({ calls: 0, medianMs: null, slowest: null });
    expect(formatSummary(empty)).toContain('by kind: none');
  });
});
