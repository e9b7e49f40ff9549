import { expect } from 'vitest';
import { takeSnapshot, type SnapshotLimits } from '../../../src/capture/snapshot';
import type { Snapshot } from '../../../src/protocol/snapshot';
import { parseSnapshot } from '../../../src/protocol/validate';

/** Helpers of the snapshot tests: limits small enough to reach, a snapshot checked as the relay checks it, and stacks read as a page that never set Error.prepareStackTrace. */

export const SMALL: SnapshotLimits = { snapshotBytes: 2000, snapshotStringChars: 10, snapshotDepth: 3, snapshotEntries: 3 };

/**
 * Vitest sets Error.prepareStackTrace (page code, as far as the hook knows): the hook then leaves stacks
 * unread. The tests that expect a stack run without it, as a page that does not set it.
 */
export function withoutPrepareStackTrace<T>(run: () => T): T {
  const saved = Error.prepareStackTrace;
  delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
  try {
    return run();
  } finally {
    Error.prepareStackTrace = saved;
  }
}

/** Every snapshot must be what the relay accepts, and its byte count must be the JSON length. */
export function snap(value: unknown, limits?: SnapshotLimits): Snapshot {
  const s = takeSnapshot(value, limits);
  expect(s.bytes).toBe(JSON.stringify(s.value).length);
  const parsed = parseSnapshot(s);
  if (!parsed.ok) throw new Error(`relay would refuse it: ${parsed.reason}`);
  return s;
}
