import { LIMITS } from '../protocol/limits';
import { sameSnapshot } from '../protocol/sameJson';
import type { Snapshot } from '../protocol/snapshot';

/** Places remembered at most, and snapshot bytes they hold together; beyond either, all are forgotten and learnt again. */
export const MAX_PLACES = 256;
export const MAX_KEPT_BYTES = 2 * 1024 * 1024;

/**
 * An app often gets the same answer again and again (getContext's context, a resolver's unchanged result):
 * each arrives as its own copy, parsed from the relay's message. `share` hands back the snapshot kept for the
 * same place (tab, command, and which part of the call) when the new one is equal to it, so that the calls
 * hold one object: the store clones a page of calls with one copy of it (a structured clone writes an object
 * seen before as a reference), and the worker keeps one in memory. Sizes are compared first (`bytes` is the
 * snapshot's JSON length), then the values.
 *
 * Equal means the same JSON text and the same `truncated`. Shared snapshots are never changed in place by
 * the recorder or by anything reading its calls (redaction and export copy what they change).
 */
export class RepeatedSnapshots {
  private places = new Map<string, Snapshot>();
  private keptBytes = 0;
  /**
   * The last snapshot found equal to a kept one, and that one. A batch names its repeated snapshot once and its
   * events share that object (parseRelayToBackground's `same`): the batch's later events are then known equal
   * without comparing values again.
   */
  private lastEqual: Snapshot | null = null;
  private lastKept: Snapshot | null = null;

  share(tabId: number, part: string, command: string, snapshot: Snapshot): Snapshot {
    if (snapshot.bytes < LIMITS.sameSnapshotMinBytes) return snapshot;
    const place = `${tabId}\u0000${part}\u0000${command}`;
    const kept = this.places.get(place);
    if (kept !== undefined) {
      if (kept === this.lastKept && snapshot === this.lastEqual) return kept;
      if (sameSnapshot(kept, snapshot)) {
        this.lastEqual = snapshot;
        this.lastKept = kept;
        return kept;
      }
      this.keptBytes -= kept.bytes;
      this.places.delete(place);
    }
    if (this.places.size >= MAX_PLACES || this.keptBytes + snapshot.bytes > MAX_KEPT_BYTES) {
      this.places = new Map();
      this.keptBytes = 0;
    }
    this.places.set(place, snapshot);
    this.keptBytes += snapshot.bytes;
    return snapshot;
  }
}
