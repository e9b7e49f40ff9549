import { UNKNOWN_COMMAND, type BootMarks, type CallRecord, type FrameRecord, type Segment } from '../protocol/model';
import { SNAPSHOT_MARKER, type Snapshot } from '../protocol/snapshot';

/**
 * A call whose start was never recorded (see UNKNOWN_COMMAND) has `startedAt` set to the time of the first
 * thing seen of it (so it sorts where it was seen), `kind` 'other', and `request` = UNKNOWN_REQUEST.
 */
export { UNKNOWN_COMMAND };

const unknownRequestValue = { [SNAPSHOT_MARKER]: 'truncated', text: 'the start of this call was not recorded' } as const;

export const UNKNOWN_REQUEST: Snapshot = {
  value: unknownRequestValue,
  bytes: JSON.stringify(unknownRequestValue).length,
  truncated: true,
};

/** True for a call whose start was not recorded: its `startedAt` is not a start time, and it has no duration. */
export function isStartUnknown(call: Pick<CallRecord, 'command'>): boolean {
  return call.command === UNKNOWN_COMMAND;
}

/** A copy that later changes to the recorder's record do not reach (snapshots are never mutated, so they are shared). */
export function cloneCall(call: CallRecord): CallRecord {
  return { ...call, deliveries: call.deliveries.slice() };
}

export function cloneFrame(frame: FrameRecord): FrameRecord {
  return { ...frame, bridge: frame.bridge ? { ...frame.bridge } : null };
}

export function cloneSegments(segments: readonly Segment[]): Segment[] {
  return segments.map((s) => ({ ...s }));
}

const NO_BOOT: BootMarks = { navigationStart: null, bridgeAt: null, firstPaintAt: null, firstContentfulPaintAt: null };

/** A frame's boot marks so far (src/insights reads them); each change replaces the object, never mutates it. */
export function bootOf(frame: FrameRecord): BootMarks {
  return frame.boot ?? NO_BOOT;
}
