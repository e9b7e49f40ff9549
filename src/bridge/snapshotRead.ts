import { isDescription, SNAPSHOT_MARKER, type SnapshotValue } from '../protocol/snapshot';

/**
 * Safe readers for snapshot values. Requests and responses come from untrusted pages, so every reader
 * accepts any shape, reads own properties only, and never throws.
 */

export type SnapshotObject = { [key: string]: SnapshotValue };

/** A plain JSON object (not an array, not a description). */
export function asObject(value: unknown): SnapshotObject | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isDescription(value)) return null;
  return value as SnapshotObject;
}

/** An own property of a plain object, or undefined. Never reads the prototype. */
export function field(value: unknown, key: string): SnapshotValue | undefined {
  const object = asObject(value);
  return object !== null && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/**
 * Text of a string-like value: a string, or a truncated string's kept text followed by "…".
 * Anything else gives null.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isDescription(value) && value[SNAPSHOT_MARKER] === 'truncated') {
    return typeof value.text === 'string' ? `${value.text}…` : '…';
  }
  return null;
}

/** A finite number, or null. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Reads a chain of own keys, e.g. path(request, 'fetchRequestInit', 'method'). */
export function path(value: unknown, ...keys: string[]): SnapshotValue | undefined {
  let current: unknown = value;
  for (const key of keys) {
    current = field(current, key);
    if (current === undefined) return undefined;
  }
  return current as SnapshotValue;
}

/** One line, no control characters, at most `max` characters (cut with "…"). */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = Math.max(0, max - 1);
  // Do not split a surrogate pair.
  const last = flat.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${flat.slice(0, end)}…`;
}
