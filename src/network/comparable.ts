import { isDescription } from '../protocol/snapshot';

const MAX_DEPTH = 64;

function write(value: unknown, depth: number): string | null {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : null;
  if (typeof value !== 'object' || depth > MAX_DEPTH || isDescription(value)) return null;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = write(item, depth + 1);
      if (part === null) return null;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  for (const key of Object.keys(value).sort()) {
    const part = write((value as Record<string, unknown>)[key], depth + 1);
    if (part === null) return null;
    parts.push(`${JSON.stringify(key)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * JSON text that is equal for equal values whatever their key order, to compare a bridge payload's snapshot
 * with the copy the host sent in GraphQL. Null when the value cannot be compared: it holds a snapshot
 * description (a function, an undefined, a value cut short…) that the host's JSON would carry differently.
 */
export function comparableJson(value: unknown): string | null {
  return write(value, 0);
}
