import { SNAPSHOT_MARKER, type Description, type SnapshotValue } from '../protocol/snapshot';
import { mapEntries, mapIteratorNext, mapSize, setIteratorNext, setSize, setValues } from './intrinsics';
import { append, put, slots, THREW, toArray, tryCall } from './ownReads';
import type { WalkContext } from './walkContext';

const M = SNAPSHOT_MARKER;

/**
 * A Map or Set (recognised by the engine's own `size` getter, a brand check) with its first entries
 * walked, read through the engine's own iterators captured at load; null for anything else.
 */
export function describeCollection(w: WalkContext, o: object, depth: number): SnapshotValue | null {
  let kind: 'map' | 'set' = 'map';
  let size = tryCall(mapSize, o);
  if (size === THREW) {
    kind = 'set';
    size = tryCall(setSize, o);
    if (size === THREW) return null;
  }
  const d: Description = { [M]: kind, text: `${kind === 'map' ? 'Map' : 'Set'}(${size})`, size };
  w.desc(d); // counts it
  const field = kind === 'map' ? 'entries' : 'values';
  w.addKey(field, false);
  const list = slots<SnapshotValue>();
  w.add(2);
  w.enter(o);
  w.pushSeg(field);
  const max = size < w.lim.snapshotEntries ? size : w.lim.snapshotEntries;
  let i = 0;
  try {
    const it = kind === 'map' ? (mapEntries as (self: unknown) => unknown)(o) : (setValues as (self: unknown) => unknown)(o);
    const next = (kind === 'map' ? mapIteratorNext : setIteratorNext) as (self: unknown) => IteratorResult<unknown>;
    for (; i < max && !w.stopped; i++) {
      const r = next(it);
      if (r.done === true) break;
      if (i > 0) w.add(1);
      if (kind === 'map') {
        const pair = r.value as [unknown, unknown];
        w.add(3); // [ , ]
        w.pushSeg(i);
        const k = w.child(pair[0], depth + 3, 0);
        const v = w.child(pair[1], depth + 3, 1);
        w.popSeg();
        append(list, [k, v]);
      } else {
        append(list, w.child(r.value, depth + 2, i));
      }
    }
  } catch (e) {
    if (i > 0) w.add(1);
    append(list, w.unreadable(e));
    i++;
  }
  w.popSeg();
  w.exit();
  if (size > i && !w.stopped) {
    w.truncated = true;
    if (i > 0) w.add(1);
    const rest = size - i;
    append(list, w.desc({ [M]: 'truncated', text: `${rest} more ${kind === 'map' ? 'entries' : 'values'}`, omitted: rest, length: size }));
  }
  put(d, field, toArray(list));
  return d as unknown as SnapshotValue;
}
