import type { CallRecord } from '../protocol';
import { firstChangedCall } from './firstChange';

/** The module key a getContext call answered, if it is one that did. */
function moduleKeyOf(call: CallRecord): string | null {
  if (call.command !== 'getContext') return null;
  const value = call.response?.value;
  const key = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).moduleKey : undefined;
  return typeof key === 'string' && key ? key : null;
}

/** The module key each frame's getContext answered (frameKey → moduleKey): real frame URLs do not carry one. */
export function moduleKeysOf(calls: readonly CallRecord[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const call of calls) {
    if (keys.has(call.frameKey)) continue;
    const key = moduleKeyOf(call);
    if (key !== null) keys.set(call.frameKey, key);
  }
  return keys;
}

/**
 * moduleKeysOf for a list that changes at its end, redoing only the rows from the first changed one: a
 * frame's key comes from its first getContext that answered one, so a key found before that row stays. The
 * same Map is returned while the keys stay the same. Equal to moduleKeysOf (test/unit/ui/incrementalList.test.ts).
 */
export function createModuleKeys(): (rows: readonly { call: CallRecord }[]) => ReadonlyMap<string, string> {
  let before: readonly { call: CallRecord }[] = [];
  let keys = new Map<string, string>();
  /** Where each key was found. */
  let foundAt = new Map<string, number>();
  return (rows) => {
    if (rows === before) return keys;
    const from = firstChangedCall(before, rows);
    before = rows;
    const nextKeys = new Map<string, string>();
    const nextAt = new Map<string, number>();
    for (const [frame, at] of foundAt) {
      if (at >= from) continue;
      nextKeys.set(frame, keys.get(frame)!);
      nextAt.set(frame, at);
    }
    for (let i = from; i < rows.length; i++) {
      const call = rows[i]!.call;
      if (nextKeys.has(call.frameKey)) continue;
      const key = moduleKeyOf(call);
      if (key === null) continue;
      nextKeys.set(call.frameKey, key);
      nextAt.set(call.frameKey, i);
    }
    foundAt = nextAt;
    const same = nextKeys.size === keys.size && [...nextKeys].every(([frame, key]) => keys.get(frame) === key);
    if (!same) keys = nextKeys;
    return keys;
  };
}
