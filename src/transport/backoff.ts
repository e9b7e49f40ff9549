/** Reconnection schedule for a runtime port: 50 ms, 100 ms, 200 ms, … up to 2 s. */
export interface ReconnectPolicy {
  /** First delay, in milliseconds. */
  baseMs: number;
  /** Longest delay, in milliseconds. */
  capMs: number;
  /**
   * Optional spread: a function returning a number in [0, 1). The delay is then scaled into
   * [delay / 2, delay), so that many frames of a tab do not all reconnect in the same instant.
   */
  random?: () => number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { baseMs: 50, capMs: 2000 };

/**
 * Delay before reconnection attempt number `attempt` (0 for the first attempt after a disconnect).
 * Reset the attempt count to 0 once the new connection has proved itself (the first message from the
 * background, e.g. an ack), not when `runtime.connect` returns: that always succeeds, and a background
 * that cannot start disconnects at once.
 */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** 31 is plenty to pass any cap and keeps the arithmetic exact.
  const raw = policy.baseMs * 2 ** Math.min(n, 31);
  const delay = Math.min(policy.capMs, raw);
  if (!policy.random) return delay;
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return delay / 2 + (delay / 2) * r;
}
