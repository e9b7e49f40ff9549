import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import { getPrototypeOf, isArray, objectKeys, ObjectPrototype } from './intrinsics';
import { ACCESSOR, append, MISSING, readOwn, record, slots, THREW, type Slots } from './ownReads';
import { takeSnapshot } from './snapshot';
import type { SnapshotLimits } from './walkContext';

/**
 * An answer that repeats the previous answer to the same command (getContext's context, a poll that finds nothing
 * new) is recorded as that earlier snapshot object instead of a new one. The value is read exactly as takeSnapshot
 * reads it (own data properties only, through readOwn: no getter runs, a proxy answers through the same traps), and
 * compared as it goes with a shape made once from the earlier snapshot, without building a copy: the walk would
 * allocate the whole copy, and the hook's message would then compare it with its predecessor to send it once.
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
/**
 * After this many answers in a row that did not repeat the one before, a command's answers are matched only once in
 * SAME_ANSWER_RETRY: a command whose answers keep changing (a late field, a time) costs the walk alone again.
 */
export const SAME_ANSWER_MISSES = 4;
export const SAME_ANSWER_RETRY = 32;

export interface LastAnswers {
  /** The snapshot of `value`, the answer to `command`: the earlier answer's when it matches, else takeSnapshot's. */
  snapshot(command: string, value: unknown): Snapshot;
}

interface LastAnswer {
  snapshot: Snapshot;
  /** Made when it is first matched against (a command whose answers keep changing rarely needs it). */
  shape: Shape | null;
  misses: number;
  skipped: number;
}

export function lastAnswers(limits: SnapshotLimits): LastAnswers {
  /** A record(): a command named like an Object.prototype member is an ordinary key. */
  const last = record<Record<string, LastAnswer | undefined>>();
  let commands = 0;
  return {
    snapshot(command, value) {
      const earlier = last[command];
      let tried = false;
      if (earlier !== undefined && (earlier.misses < SAME_ANSWER_MISSES || ++earlier.skipped % SAME_ANSWER_RETRY === 0)) {
        tried = true;
        earlier.shape ??= shapeOf(earlier.snapshot.value);
        if (fits(value, earlier.shape)) {
          earlier.misses = 0;
          return earlier.snapshot;
        }
      }
      const fresh = takeSnapshot(value, limits);
      if (fresh.truncated || fresh.bytes > SAME_ANSWER_MAX_BYTES) return fresh;
      if (earlier === undefined) {
        if (commands >= SAME_ANSWER_COMMANDS) return fresh;
        commands++;
        last[command] = { snapshot: fresh, shape: null, misses: 0, skipped: 0 };
        return fresh;
      }
      earlier.snapshot = fresh;
      earlier.shape = null;
      if (tried) earlier.misses++;
      return fresh;
    },
  };
}

/** Whether takeSnapshot(value) would give exactly `snap` (a snapshot made with the same limits). */
export function matches(value: unknown, snap: SnapshotValue): boolean {
  return fits(value, shapeOf(snap));
}

/**
 * A snapshot made ready for matching, once: each object's keys listed, and every part the walk would have had to
 * describe, cut or escape (anything with a key starting with `$`: descriptions, the truncation key, escaped keys)
 * NEVER, which no value fits. What is left is data within every limit, so a value that fits it is read exactly as
 * the walk would read it, to the same result.
 */
type Shape = string | number | boolean | null | typeof NEVER | ListShape | KeysShape;
/** Built with record() and slots(): nothing a page put on a prototype is read or runs while they are built or read. */
interface ListShape {
  kind: 'list';
  list: Slots<Shape>;
}
interface KeysShape {
  kind: 'keys';
  keys: readonly string[];
  values: Slots<Shape>;
}
const NEVER: unique symbol = Symbol('never');

function shapeOf(snap: SnapshotValue): Shape {
  if (snap === null || typeof snap !== 'object') return snap;
  if (isArray(snap)) {
    const shape = record<ListShape>();
    shape.kind = 'list';
    shape.list = slots();
    for (let i = 0; i < snap.length; i++) append(shape.list, shapeOf(snap[i] as SnapshotValue));
    return shape;
  }
  const shape = record<KeysShape>();
  shape.kind = 'keys';
  shape.keys = objectKeys(snap);
  shape.values = slots();
  for (let i = 0; i < shape.keys.length; i++) {
    const key = shape.keys[i] as string;
    if (key[0] === '$') return NEVER;
    append(shape.values, shapeOf((snap as Record<string, SnapshotValue>)[key] as SnapshotValue));
  }
  return shape;
}

function fits(value: unknown, shape: Shape): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value === shape;
    case 'number':
      // 0 === -0, and -0 is a description in a snapshot: told by its sign.
      return value === shape && (value !== 0 || 1 / value > 0);
    case 'object':
      if (value === null) return shape === null;
      if (shape === null || typeof shape !== 'object') return false;
      try {
        return shape.kind === 'list' ? fitsList(value, shape.list) : fitsKeys(value, shape.keys, shape.values);
      } catch {
        return false; // a revoked proxy or a throwing trap: the walk describes it
      }
    default:
      return false;
  }
}

function fitsList(value: object, list: Slots<Shape>): boolean {
  if (!isArray(value)) return false;
  const length = readOwn(value, 'length');
  if (length !== list.length) return false;
  for (let i = 0; i < list.length; i++) {
    const item = readOwn(value, i);
    if (item === MISSING || item === ACCESSOR || item === THREW || !fits(item, list[i] as Shape)) return false;
  }
  return true;
}

function fitsKeys(value: object, keys: readonly string[], values: Slots<Shape>): boolean {
  if (isArray(value) || getPrototypeOf(value) !== ObjectPrototype) return false;
  const own = objectKeys(value);
  if (own.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (own[i] !== key) return false;
    const item = readOwn(value, key);
    if (item === MISSING || item === ACCESSOR || item === THREW || !fits(item, values[i] as Shape)) return false;
  }
  return true;
}
