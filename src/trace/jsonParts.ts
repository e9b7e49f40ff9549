/**
 * A value's JSON as a list of parts whose concatenation is exactly JSON.stringify(value): objects and arrays
 * down to `depth` levels are written member by member, everything below by JSON.stringify itself. A trace of
 * 100,000 calls then becomes 100,000 small strings handed to a Blob instead of one string of a hundred
 * megabytes built (and copied) in one go. Non-JSON values follow JSON.stringify's rules (toJSON is called;
 * undefined, functions and symbols are left out of objects and written as null in arrays; alone, no parts).
 */
export function jsonParts(value: unknown, depth = 2): string[] {
  const parts: string[] = [];
  const top = prepared(value, '');
  // Nothing to write where JSON.stringify returns undefined.
  if (!skipped(top)) write(top, depth, parts);
  return parts;
}

function prepared(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Writes one value that is not skipped (the caller writes null for those in arrays and leaves them out of objects). */
function write(value: unknown, depth: number, parts: string[]): void {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    parts.push(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      const item = prepared(value[i], String(i));
      if (skipped(item)) parts.push('null');
      else write(item, depth - 1, parts);
    }
    parts.push(']');
    return;
  }
  parts.push('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const item = prepared((value as Record<string, unknown>)[key], key);
    if (skipped(item)) continue;
    parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    write(item, depth - 1, parts);
  }
  parts.push('}');
}
