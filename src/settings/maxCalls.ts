import { LIMITS } from '../protocol/limits';

/** storage.local key of the per-tab bound on calls ("Calls kept per tab" in Settings). */
export const MAX_CALLS_KEY = 'maxCallsPerTab';

export type MaxCallsResult = { ok: true; value: number } | { ok: false; reason: string };

/** What a user typed as the bound: a whole number within LIMITS.minMaxCallsPerTab..maxMaxCallsPerTab ("10,000" and "10 000" are fine). */
export function parseMaxCalls(input: string): MaxCallsResult {
  const text = input.trim().replace(/[\s,_]/g, '');
  const range = `between ${LIMITS.minMaxCallsPerTab.toLocaleString('en-US')} and ${LIMITS.maxMaxCallsPerTab.toLocaleString('en-US')}`;
  if (!/^\d+$/.test(text)) return { ok: false, reason: `Type a whole number of calls ${range}.` };
  const value = Number(text);
  if (value < LIMITS.minMaxCallsPerTab || value > LIMITS.maxMaxCallsPerTab) return { ok: false, reason: `The bound must be ${range} (got ${value.toLocaleString('en-US')}).` };
  return { ok: true, value };
}

/** The stored bound, whatever storage held: the default unless it is a number within range. */
export function readMaxCalls(stored: unknown): number {
  return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= LIMITS.minMaxCallsPerTab && stored <= LIMITS.maxMaxCallsPerTab ? stored : LIMITS.defaultMaxCallsPerTab;
}
