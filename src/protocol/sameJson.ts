import type { Snapshot, SnapshotValue } from './snapshot';

// Captured at load: in the hook's bundle this runs before any page script, which could replace them later.
const { keys: objectKeys } = Object;
const { isArray } = Array;

/**
 * Whether two JSON-data values (parsed from JSON, or checked snapshot values) have the same JSON text: the same keys in the same order, the same
 * items, equal primitives. (Libraries' deep equality ignores key order; sharing must not reorder a value.)
 */
export function sameJson(a: SnapshotValue, b: SnapshotValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const array = isArray(a);
  if (array !== isArray(b)) return false;
  if (array) {
    const other = b as SnapshotValue[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i]!, other[i]!)) return false;
    return true;
  }
  const x = a as Record<string, SnapshotValue>;
  const y = b as Record<string, SnapshotValue>;
  const keys = objectKeys(x);
  const otherKeys = objectKeys(y);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i] || !sameJson(x[key]!, y[key]!)) return false;
  }
  return true;
}

/**
 * Whether two snapshots are the same one for sharing: one object, or the same size, the same `truncated` and the
 * same JSON text (the hook's messages, the relay's batches and the recorder's calls share by this).
 */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a === b || (a.bytes === b.bytes && a.truncated === b.truncated && sameJson(a.value, b.value));
}
