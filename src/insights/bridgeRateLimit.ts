import { errorMessageOf } from '../bridge/errorMessage';
import type { CallRecord } from '../protocol/model';
import { DOCS } from './docs';
import type { FrameRule } from './types';
import { percent, plural } from './words';

/** @forge/bridge's client-side limiter (forge-facts §2.3): 500 invoke calls in any 25 s, per frame. */
export const RATE_LIMIT_CALLS = 500;
export const RATE_WINDOW_MS = 25_000;
/** Warned from this share of the limit on. */
export const RATE_WARN_SHARE = 0.8;

const REFUSED = /rate limit|too many/i;

/** The busiest 25 s window of a sorted list of start times: [first index, last index] (two pointers, linear). */
export function peakWindow(starts: readonly number[], windowMs: number): { from: number; to: number; count: number } {
  let best = { from: 0, to: -1, count: 0 };
  let from = 0;
  for (let to = 0; to < starts.length; to++) {
    while (starts[to]! - starts[from]! >= windowMs) from++;
    if (to - from + 1 > best.count) best = { from, to, count: to - from + 1 };
  }
  return best;
}

/** The peak 25 s window of a frame's invoke calls, warned at 80 % of the bridge's 500-call limit. */
export const bridgeRateLimit: FrameRule = {
  scope: 'frame',
  run(frame, calls) {
    const invokes = calls.filter((c) => c.command === 'invoke').sort((a, b) => a.startedAt - b.startedAt);
    const peak = peakWindow(invokes.map((c) => c.startedAt), RATE_WINDOW_MS);
    const refused = invokes.filter((c: CallRecord) => c.status === 'error' && REFUSED.test(errorMessageOf(c.error?.value)));
    if (peak.count < RATE_LIMIT_CALLS * RATE_WARN_SHARE && refused.length === 0) return [];
    const inPeak = invokes.slice(peak.from, peak.to + 1);
    const spanMs = inPeak.length > 1 ? inPeak[inPeak.length - 1]!.startedAt - inPeak[0]!.startedAt : 0;
    const atLimit = peak.count >= RATE_LIMIT_CALLS || refused.length > 0;
    return [
      {
        id: `bridge-rate-limit:${frame?.key ?? ''}`,
        rule: 'bridge-rate-limit',
        severity: atLimit ? 'error' : 'warning',
        title: atLimit ? 'The bridge\'s limit of 500 invoke calls per 25 s was reached' : `${percent(peak.count / RATE_LIMIT_CALLS)} of the bridge's 500-calls-per-25-s limit used in one window`,
        numbers: `Peak: ${plural(peak.count, 'invoke call')} within ${(spanMs / 1000).toFixed(1)} s in one frame (${percent(peak.count / RATE_LIMIT_CALLS)} of 500 in 25 s)${refused.length ? `; ${plural(refused.length, 'call')} refused by the limiter` : ''}.`,
        fix: 'Batch the work into fewer invocations (one resolver that takes a list), cache results, or debounce the code that calls in a loop.',
        docs: DOCS.invoke,
        callIds: [...new Set([...inPeak, ...refused])].sort((a, b) => a.startedAt - b.startedAt).map((c) => c.id),
        costMs: 0,
      },
    ];
  },
};
