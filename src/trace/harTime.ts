/** HAR's startedDateTime for an epoch-ms time (the epoch when the time is unknown). */
export function harTime(ms: number): string {
  return new Date(Number.isFinite(ms) && ms > 0 ? ms : 0).toISOString();
}

/** HAR wants send, wait, receive and time non-negative; -1 (unknown) becomes 0. */
export const nonNegative = (n: number) => (n >= 0 ? n : 0);
