import type { CallRecord } from '../protocol/model';

/**
 * Hook times are `performance.timeOrigin + performance.now()` (epoch ms, sub-ms); HAR's startedDateTime is
 * the wall clock (whole ms in Firefox). The two clocks agree to a few ms but can drift apart (timeOrigin is
 * fixed when the document loads, the wall clock may be adjusted after): this much slack is allowed at each
 * end of a call's window.
 */
export const CLOCK_SLACK_MS = 50;

/**
 * A call still pending (or whose page went away before it settled) is given this long for its request to
 * start: requests start within moments of the call, and the platform gives up on invocations after 25 s.
 */
export const PENDING_WINDOW_MS = 30_000;

/** When a call's network request may have started, in the network entries' clock. */
export interface TimeWindow {
  from: number;
  to: number;
}

export function windowOf(call: Pick<CallRecord, 'startedAt' | 'endedAt'>): TimeWindow {
  const end = call.endedAt !== null && call.endedAt >= call.startedAt ? call.endedAt : call.startedAt + PENDING_WINDOW_MS;
  return { from: call.startedAt - CLOCK_SLACK_MS, to: end + CLOCK_SLACK_MS };
}

/** First index in `sorted` (ascending by `at`) whose time is ≥ t. */
export function lowerBound<T>(sorted: readonly T[], t: number, at: (item: T) => number): number {
  return firstIndex(sorted, (item) => at(item) >= t);
}

/** First index in `sorted` (ascending by `at`) whose time is > t. */
export function upperBound<T>(sorted: readonly T[], t: number, at: (item: T) => number): number {
  return firstIndex(sorted, (item) => at(item) > t);
}

/** First index where `past` turns true; `past` must be false then true along the array. */
function firstIndex<T>(sorted: readonly T[], past: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
