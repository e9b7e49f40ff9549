import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { getPrototypeOf, isArray, objectKeys, ObjectPrototype } from './intrinsics';
import { ACCESSOR, MISSING, readOwn, record, THREW } from './ownReads';
import { takeSnapshot } from './snapshot';
import type { SnapshotLimits } from './walkContext';

/**
 * An answer that repeats the previous answer to the same command (getContext's context, a poll that finds nothing
 * new) is recorded as that earlier snapshot object instead of a new one. The value is read exactly as takeSnapshot
 * reads it (own data properties only, through readOwn: no getter runs, a proxy answers through the same traps), and
 * compared with the earlier snapshot as it goes, without building a copy: the walk that would follow allocates the
 * whole copy, and the hook's message then compares it with its predecessor again to send it once.
 *
 * Only the plainest data is matched: arrays, objects whose prototype is Object.prototype, strings within the string
 * limit, finite numbers other than -0, booleans and null, within the depth and entry limits, and keys that do not
 * start with `$` (the walker escapes those). Anything else (a function, an error, a Map, a cycle, an accessor, a
 * hole, a key or item the walk would cut) is no match, and the value is walked as before. So a match is exactly the
 * snapshot the walk would have made (same JSON, same size, nothing truncated).
 *
 * Known trade-off: a proxy (which no bridge answers with, post-robot's answers being parsed JSON) answers the
 * match's reads through its traps, and when it does not match, the walk's reads again.
 */

/** Snapshots kept for matching at most this large (bytes of JSON): one per command, never the app's own objects. */
export const SAME_ANSWER_MAX_BYTES = 64 * 1024;
/** Commands remembered at most (a page may call with any command name). */
export const SAME_ANSWER_COMMANDS = 64;

export interface LastAnswers {
  /** The snapshot of `value`, the answer to `command`: the earlier answer's when it matches, else takeSnapshot's. */
  snapshot(command: string, value: unknown): Snapshot;
}

export function lastAnswers(limits: SnapshotLimits): LastAnswers {
  /** A record(): a command named like an Object.prototype member is an ordinary key. */
  const last = record<Record<string, Snapshot | undefined>>();
  let commands = 0;
  return {
    snapshot(command, value) {
      const earlier = last[command];
      if (earlier !== undefined && matches(value, earlier.value, 0, limits)) return earlier;
      const fresh = takeSnapshot(value, limits);
      if (fresh.truncated || fresh.bytes > SAME_ANSWER_MAX_BYTES) return fresh;
      if (earlier === undefined) {
        if (commands >= SAME_ANSWER_COMMANDS) return fresh;
        commands++;
      }
      last[command] = fresh;
      return fresh;
    },
  };
}

/** Whether takeSnapshot(value) at `depth` would give exactly `snap` (never reads more than the walk would). */
export function matches(value: unknown, snap: SnapshotValue, depth: number, limits: SnapshotLimits): boolean {
  switch (typeof value) {
    case 'string':
      return value === snap && value.length <= limits.snapshotStringChars;
    case 'number':
      // NaN, the infinities and -0 are descriptions in a snapshot; 0 === -0, so -0 is told by its sign.
      return value === snap && (value !== 0 || 1 / value > 0) && value - value === 0;
    case 'boolean':
      return value === snap;
    case 'object':
      if (value === null) return snap === null;
      if (snap === null || typeof snap !== 'object' || depth >= limits.snapshotDepth) return false;
      try {
        return isArray(value) ? sameItems(value, snap, depth, limits) : sameKeys(value, snap, depth, limits);
      } catch {
        return false; // a revoked proxy or a throwing trap: the walk describes it
      }
    default:
      return false;
  }
}

function sameItems(value: readonly unknown[], snap: SnapshotValue, depth: number, limits: SnapshotLimits): boolean {
  if (!isArray(snap)) return false;
  const length = readOwn(value, 'length');
  if (typeof length !== 'number' || length !== snap.length || length > limits.snapshotEntries) return false;
  for (let i = 0; i < length; i++) {
    const item = readOwn(value, i);
    if (item === MISSING || item === ACCESSOR || item === THREW || !matches(item, snap[i] as SnapshotValue, depth + 1, limits)) return false;
  }
  return true;
}

function sameKeys(value: object, snap: SnapshotValue, depth: number, limits: SnapshotLimits): boolean {
  if (isArray(snap) || getPrototypeOf(value) !== ObjectPrototype) return false;
  const keys = objectKeys(value);
  const snapKeys = objectKeys(snap as object);
  if (keys.length !== snapKeys.length || keys.length > limits.snapshotEntries) return false;
  const out = snap as Record<string, SnapshotValue>;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== snapKeys[i] || key[0] === '$' || key.length > limits.snapshotStringChars) return false;
    const item = readOwn(value, key);
    if (item === MISSING || item === ACCESSOR || item === THREW || !matches(item, out[key] as SnapshotValue, depth + 1, limits)) return false;
  }
  return true;
}
