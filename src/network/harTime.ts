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

/** The last whole second formatted, `YYYY-MM-DDTHH:MM:SS`: a trace's times come in order, hundreds per second. */
let lastSecond = Number.NaN;
let lastPrefix = '';

/** HAR's startedDateTime for an epoch-ms time (the epoch when the time is unknown): what toISOString gives. */
export function harTime(ms: number): string {
  // Past the year 9999 toISOString writes a six-digit year (and throws past 275760): kept as it was, but not thrown.
  if (ms >= 253_402_300_800_000) return new Date(ms <= 8.64e15 ? ms : 0).toISOString();
  const t = Math.floor(Number.isFinite(ms) && ms > 0 ? ms : 0);
  const second = Math.floor(t / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const millis = t - second * 1000;
  return `${lastPrefix}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** HAR wants send, wait, receive and time non-negative; -1 (unknown) becomes 0. */
export const nonNegative = (n: number) => (n >= 0 ? n : 0);
