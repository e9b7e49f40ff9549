/** Tolerant readers for decoded token claims (untrusted JSON: any field may be missing or odd). */

export type Json = Record<string, unknown>;

function objectOf(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** `value.a.b…` when every step is an object; null otherwise. */
export function objectAt(value: unknown, ...path: string[]): Json | null {
  let current = objectOf(value);
  for (const key of path) current = objectOf(current?.[key]);
  return current;
}

export function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A NumericDate claim (iat, nbf, exp): seconds, only when a real number. */
export function secondsOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
