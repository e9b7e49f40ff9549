import type { SnapshotValue } from './snapshot';

/**
 * Whether two JSON-data values (parsed from JSON, or checked snapshot values) have the same JSON text: the same keys in the same order, the same
 * items, equal primitives. (Libraries' deep equality ignores key order; sharing must not reorder a value.)
 */
export function sameJson(a: SnapshotValue, b: SnapshotValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const other = b as SnapshotValue[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i]!, other[i]!)) return false;
    return true;
  }
  const x = a as Record<string, SnapshotValue>;
  const y = b as Record<string, SnapshotValue>;
  const keys = Object.keys(x);
  const otherKeys = Object.keys(y);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i] || !sameJson(x[key]!, y[key]!)) return false;
  }
  return true;
}
