import type { CallStatus } from '../protocol/model';

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };
const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, ms: 1, s: 1000 };

function scaled(text: string, units: Readonly<Record<string, number>>): number | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)([a-z]*)$/i.exec(text.trim());
  const unit = m ? units[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : null;
}

/** Bytes from `500`, `10k`, `1.5mb` (k = 1024); null when not a size. */
export const sizeValue = (text: string): number | null => scaled(text, SIZE_UNITS);

/** Milliseconds from `500`, `500ms`, `2s`; null when not a duration. */
export const durationValue = (text: string): number | null => scaled(text, DURATION_UNITS);

const OUTCOMES: ReadonlySet<string> = new Set<CallStatus>(['ok', 'error', 'pending']);

export function outcomeValue(text: string): CallStatus | null {
  const lower = text.toLowerCase();
  return OUTCOMES.has(lower) ? (lower as CallStatus) : null;
}

/** `404` → [404, 404]; `4xx` → [400, 499]; null for anything else. */
export function httpStatusRange(text: string): { from: number; to: number } | null {
  if (/^[1-5]\d\d$/.test(text)) return { from: Number(text), to: Number(text) };
  if (/^[1-5]xx$/i.test(text)) return { from: Number(text[0]) * 100, to: Number(text[0]) * 100 + 99 };
  return null;
}
