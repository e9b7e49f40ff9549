import { errorMessageOf } from '../bridge/errorMessage';
import type { CallRecord } from '../protocol/model';
import { durationOf } from '../protocol/model';
import { callLabel } from './callLabel';
import { DOCS } from './docs';
import type { SessionRule } from './types';
import { ms, percent, plural } from './words';

/** The platform's timeout for a UI module's invocation (forge-facts §5, §6): 25 s. */
export const TIMEOUT_MS = 25_000;
/** Warned from this share of the timeout on. */
export const NEAR_TIMEOUT_SHARE = 0.8;

const TIMED_OUT = /timed out|timeout/i;

const timedOut = (call: CallRecord) => call.status === 'error' && TIMED_OUT.test(errorMessageOf(call.error?.value));

/** Invocations (resolver, invokeRemote, invokeService) that took 80 % of the 25 s timeout or more, or timed out. */
export const nearTimeout: SessionRule = {
  scope: 'session',
  run(input) {
    const hits = input.calls.filter((c) => c.command === 'invoke' && ((durationOf(c) ?? 0) >= TIMEOUT_MS * NEAR_TIMEOUT_SHARE || timedOut(c)));
    if (hits.length === 0) return [];
    const slowest = hits.reduce((a, b) => ((durationOf(b) ?? 0) > (durationOf(a) ?? 0) ? b : a));
    const failed = hits.filter((c) => timedOut(c) || (durationOf(c) ?? 0) >= TIMEOUT_MS).length;
    const longest = durationOf(slowest) ?? 0;
    return [
      {
        id: 'near-timeout',
        rule: 'near-timeout',
        severity: failed > 0 ? 'error' : 'warning',
        title: failed > 0 ? `${plural(failed, 'invocation')} hit the 25 s timeout` : `${plural(hits.length, 'invocation')} came close to the 25 s timeout`,
        numbers: `Slowest: ${callLabel(slowest)} took ${ms(longest)} (${percent(longest / TIMEOUT_MS)} of 25 s); ${plural(hits.length, 'call')} took ${ms(TIMEOUT_MS * NEAR_TIMEOUT_SHARE)} or more or timed out.`,
        fix: 'Move long work out of the request: start it with an async event or queue, return at once, and poll or subscribe for the result.',
        docs: DOCS.limits,
        callIds: hits.map((c) => c.id),
        costMs: hits.reduce((sum, c) => sum + (durationOf(c) ?? 0), 0),
      },
    ];
  },
};
