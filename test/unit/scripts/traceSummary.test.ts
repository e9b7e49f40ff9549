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

  it('counts a 401 answer as an error and prints each token verdict as recorded before redaction', () => {
    const http401 = { ...call('requestRemote', 'ok', 5, 'requestRemote remote-a GET /x → 401'), command: 'fetchRemote', request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path: '/x', method: 'GET' } }, bytes: 9, truncated: false }, response: { value: { status: 401, body: '', headers: {} }, bytes: 9, truncated: false } };
    const token = (status: 'verified' | 'not-verified', reason: string) => ({
      id: 'h:1', type: 'FIT' as const, jwt: 'a.b.REDACTED-SIGNATURE', header: {}, claims: {}, iat: 1, nbf: 1, exp: 26, reportedExpiresAt: null, firstSeenAt: 1000, lastUsedAt: 1000,
      uses: [{ at: 1500, source: 'authorization-header' as const }],
      verification: { status, reason, jwksUrl: null, checks: { signature: 'ok' as const, issuer: 'ok' as const, audience: 'skipped' as const, lifetime: 'ok' as const }, checkedAt: 1500, recordedAt: 9000 },
    });
    const s = summarizeTrace({ frames: [{}], calls: [http401], tokens: [token('verified', 'signature valid (http://127.0.0.1:1/jwks.json)'), token('verified', 'same'), token('not-verified', 'no key set')] });
    expect(s).toMatchObject({ ok: 0, errors: 1 });
    const text = formatSummary(s);
    expect(text).toContain('tokens, verified when recorded (judged at each one\'s use): 2 FIT verified, 1 FIT not-verified');
    expect(text).toContain('FIT verified: signature valid (http://127.0.0.1:1/jwks.json)');
  });
});
