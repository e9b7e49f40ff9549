const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * HAR `startedDateTime` as epoch ms, keeping digits below the millisecond (Date.parse drops them):
 * "2026-11-23T10:00:00.123456Z" → …000123.456. Firefox writes a zone offset, Chrome `Z`. NaN when unreadable.
 */
export function harStartedAt(text: unknown): number {
  if (typeof text !== 'string') return Number.NaN;
  const match = ISO.exec(text.trim());
  if (!match) return Date.parse(text);
  const [, seconds, fraction, zone] = match;
  const whole = Date.parse(`${seconds}${zone ?? ''}`);
  return fraction ? whole + Number(`0.${fraction}`) * 1000 : whole;
}

/** HAR's startedDateTime for an epoch-ms time (the epoch when the time is unknown). */
export function harTime(ms: number): string {
  return new Date(Number.isFinite(ms) && ms > 0 ? ms : 0).toISOString();
}

/** HAR wants send, wait, receive and time non-negative; -1 (unknown) becomes 0. */
export const nonNegative = (n: number) => (n >= 0 ? n : 0);
