import { setSnapshotAt, snapshotAt, snapshotKeys, type HookEvent } from '../protocol/hook';
import { LIMITS } from '../protocol/limits';
import { sameSnapshot } from '../protocol/sameJson';
import type { Snapshot } from '../protocol/snapshot';
import { record } from './ownReads';

/** The latest snapshot of each size in the message being filled (a record(): no page-patched Map). */
export type BatchRepeats = Record<string, Snapshot>;

export function batchRepeats(): BatchRepeats {
  return record<BatchRepeats>();
}

/**
 * Within one message to the relay, an event whose snapshot equals the latest one of the same size (same
 * `truncated`, sameJson) is given that snapshot object: a structured clone writes an object it has written
 * before as a reference, so an answer that repeats (getContext's context) is cloned and read once per message.
 * Only the hook's own event and snapshot objects are read or changed (never the app's values).
 */
export function shareRepeated(event: HookEvent, seen: BatchRepeats): void {
  const keys = snapshotKeys(event);
  for (let p = 0; p < keys.length; p++) {
    const key = keys[p]!;
    const s = snapshotAt(event, key);
    if (s.bytes < LIMITS.sameSnapshotMinBytes) continue;
    const kept = seen[s.bytes];
    if (kept !== undefined && sameSnapshot(kept, s)) setSnapshotAt(event, key, kept);
    else seen[s.bytes] = s;
  }
}
