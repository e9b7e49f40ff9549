import { LIMITS } from '../protocol/limits';
import { carriedSnapshot, type HookEvent } from '../protocol/hook';
import type { WireEvent } from '../protocol/runtime';
import { sameSnapshot } from '../protocol/sameJson';
import type { Snapshot } from '../protocol/snapshot';

/** Earlier snapshots of the same size a snapshot is compared with, at most (bounds the work per batch). */
const CANDIDATES = 4;

function naming(e: HookEvent, same: number): WireEvent {
  if (e.type === 'call-start') {
    const { request: _sent, ...rest } = e;
    return { ...rest, same };
  }
  if (e.type === 'call-end') {
    const { value: _sent, ...rest } = e;
    return { ...rest, same };
  }
  const { args: _sent, ...rest } = e as Extract<HookEvent, { type: 'delivery' }>;
  return { ...rest, same };
}

/**
 * A batch's events as the relay posts them (RelayToBackgroundWire): an event whose snapshot equals an
 * earlier one's in the batch (same size, same `truncated`, sameJson) names that event (`same: k`) instead of
 * carrying it, so an answer that repeats (getContext's context) is written, sent and parsed once per batch.
 * A snapshot that is the very object an earlier event carries is named whatever its size: the hook sends
 * the snapshot of `undefined` (every call without a payload) as one object, and the relay's validation keeps it one.
 * The events given are left as they are.
 */
export function withSameSnapshots(events: readonly HookEvent[]): WireEvent[] {
  const bySize = new Map<number, number[]>();
  const byObject = new Map<Snapshot, number>();
  const out: WireEvent[] = new Array<WireEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    out[i] = e;
    const s = carriedSnapshot(e);
    if (s === undefined) continue;
    const carrier = byObject.get(s);
    if (carrier !== undefined) {
      out[i] = naming(e, carrier);
      continue;
    }
    if (s.bytes < LIMITS.sameSnapshotMinBytes) {
      byObject.set(s, i);
      continue;
    }
    const seen = bySize.get(s.bytes);
    let match = -1;
    if (seen !== undefined) {
      for (const k of seen) {
        if (sameSnapshot(carriedSnapshot(events[k]!)!, s)) {
          match = k;
          break;
        }
      }
    }
    // What names this object from now on: the event that carries it, or the one carrying its equal.
    byObject.set(s, match >= 0 ? match : i);
    if (match >= 0) out[i] = naming(e, match);
    else if (seen === undefined) bySize.set(s.bytes, [i]);
    else if (seen.length < CANDIDATES) seen.push(i);
  }
  return out;
}
