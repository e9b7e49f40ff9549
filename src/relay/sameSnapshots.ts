import { LIMITS } from '../protocol/limits';
import { snapshotAt, snapshotKeys, type HookEvent, type SnapshotKey } from '../protocol/hook';
import { SAME_FIELDS, type WireEvent } from '../protocol/runtime';
import { sameSnapshot } from '../protocol/sameJson';
import type { Snapshot } from '../protocol/snapshot';

/** Earlier snapshots of the same size a snapshot is compared with, at most (bounds the work per batch). */
const CANDIDATES = 4;

/** `e` with the snapshot at each named position (named[p] ≥ 0) replaced by its SAME_FIELDS name. */
function naming(e: HookEvent, named: readonly number[]): WireEvent {
  const keys = snapshotKeys(e);
  const out: Record<string, unknown> = {};
  const fields = e as unknown as Record<string, unknown>;
  // The relay's own objects, in its own world (no page reaches these prototypes): for-in lists their own keys.
  for (const k in fields) {
    const p = keys.indexOf(k as SnapshotKey);
    if (p >= 0 && named[p]! >= 0) out[SAME_FIELDS[p]!] = named[p];
    else out[k] = fields[k];
  }
  return out as unknown as WireEvent;
}

/**
 * A batch's events as the relay posts them (RelayToBackgroundWire): the batch's snapshots are numbered in order
 * (a call's request before its value), and one that equals an earlier one (same size, same `truncated`, sameJson)
 * is named by that number (`same`, or `sameValue` for a call's value) instead of carried, so an answer that
 * repeats (getContext's context) is written, sent and parsed once per batch. A snapshot that is the very object an
 * earlier one is gets its number whatever its size: the hook sends the snapshot of `undefined` (every call without
 * a payload) as one object, and the relay's validation keeps it one. The events given are left as they are.
 */
export function withSameSnapshots(events: readonly HookEvent[]): WireEvent[] {
  const all: Snapshot[] = [];
  const bySize = new Map<number, number[]>();
  const byObject = new Map<Snapshot, number>();
  const out: WireEvent[] = new Array<WireEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    out[i] = e;
    const keys = snapshotKeys(e);
    let named: number[] | null = null;
    for (let p = 0; p < keys.length; p++) {
      const s = snapshotAt(e, keys[p]!);
      const n = all.length;
      all.push(s);
      const match = earlierEqual(s, all, bySize, byObject);
      // What names this object from now on: the snapshot it is, or the one it equals.
      byObject.set(s, match >= 0 ? match : n);
      if (match < 0) continue;
      named ??= keys.length === 1 ? [-1] : [-1, -1];
      named[p] = match;
    }
    if (named !== null) out[i] = naming(e, named);
  }
  return out;
}

/** The number of an earlier snapshot equal to `s` (the last of `all`), or -1; remembers `s` as a candidate if none. */
function earlierEqual(s: Snapshot, all: readonly Snapshot[], bySize: Map<number, number[]>, byObject: Map<Snapshot, number>): number {
  const carrier = byObject.get(s);
  if (carrier !== undefined) return carrier;
  if (s.bytes < LIMITS.sameSnapshotMinBytes) return -1;
  const seen = bySize.get(s.bytes);
  if (seen !== undefined) {
    for (const k of seen) if (sameSnapshot(all[k]!, s)) return k;
  }
  if (seen === undefined) bySize.set(s.bytes, [all.length - 1]);
  else if (seen.length < CANDIDATES) seen.push(all.length - 1);
  return -1;
}
