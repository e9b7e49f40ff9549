import { LIMITS } from '../protocol/limits';
import { SNAPSHOT_MARKER, type Description, type Snapshot, type SnapshotValue } from '../protocol/snapshot';
import { objectFreeze } from './intrinsics';
import { cut, thrownText } from './ownReads';
import { jsonPreview, jsonSize } from './snapshotJson';
import { Walker, type SnapshotLimits } from './snapshotWalker';

export { jsonSize } from './snapshotJson';
export { MORE_KEYS_KEY, type SnapshotLimits } from './snapshotWalker';
export { STACK_CHARS } from './describeError';

/**
 * takeSnapshot: a bounded, JSON-safe copy of any value that crossed the bridge, taken without running app
 * code.
 *
 * - Never throws. Reads only own data properties (ownReads.ts): an accessor becomes an "unreadable"
 *   description without being called, array items included; no `toJSON`, no `Symbol.toStringTag`, no
 *   error `message`/`name` getter is ever called. Built-ins are recognised by brand checks
 *   (describeLeaf.ts, describeCollection.ts, describeError.ts). Proxies answer through their traps,
 *   inside try/catch: a throwing trap becomes "unreadable".
 * - Uses only built-ins captured at load (intrinsics.ts), and writes its output with defineProperty, so
 *   setters a page put on Object.prototype or Array.prototype see nothing.
 * - Counts the JSON size of what it emits while walking (exactly: `bytes` equals
 *   `JSON.stringify(value).length`, in UTF-16 code units like the relay's own check), so the common case
 *   is a single pass. Past `snapshotBytes` the walk goes on only to measure, up to 4× the budget, and the
 *   whole value becomes one `truncated` description with a JSON preview (`text`) and `approxBytes`.
 * - Own keys that look like the marker (`$fbdt`, `$$fbdt…`) get one more leading `$`, so a page value
 *   can never pass for a description. An object cut at `snapshotEntries` keys gets the extra key
 *   `$fbdt:truncated` (never produced by the escaping) holding a `truncated` description.
 * - `truncated` is set when something of the value was left out: a string, keys or items beyond the
 *   limits, nesting beyond the depth, a property that could not be read, the whole snapshot. Descriptions
 *   are summaries by nature (an error's stack kept to STACK_CHARS, a buffer's preview): those do not count.
 */

const M = SNAPSHOT_MARKER;
/** Characters of the JSON preview of a snapshot that was too large. */
const PREVIEW_CHARS = 1024;
/** How far past the budget a too-large value is still measured (multiple of snapshotBytes). */
const MEASURE_FACTOR = 4;

/** Limits with everything but the numbers stripped (LIMITS is readonly literal-typed). */
const DEFAULT_LIMITS: SnapshotLimits = LIMITS;

const UNDEFINED_VALUE = objectFreeze({ [M]: 'undefined' }) as Description;
/**
 * The snapshot of `undefined` (the payload of a call without one, such as getContext): one frozen object, so a
 * message to the relay carries it once however many such calls it holds (a structured clone writes an object it
 * has written before as a reference), and the relay checks it once.
 */
const UNDEFINED: Snapshot = objectFreeze({ value: UNDEFINED_VALUE as unknown as SnapshotValue, bytes: jsonSize(UNDEFINED_VALUE), truncated: false });

/** A bounded JSON-safe snapshot of any value. Never throws. */
export function takeSnapshot(value: unknown, limits: SnapshotLimits = DEFAULT_LIMITS): Snapshot {
  if (value === undefined && UNDEFINED.bytes <= limits.snapshotBytes) return UNDEFINED;
  const walker = new Walker(limits, limits.snapshotBytes * MEASURE_FACTOR);
  let out: SnapshotValue;
  try {
    out = walker.walk(value, 0);
  } catch (e) {
    // Not expected (every read is guarded); keep the promise of never throwing.
    const d: Description = { [M]: 'unreadable', text: thrownText(e) };
    return { value: d as unknown as SnapshotValue, bytes: jsonSize(d), truncated: true };
  } finally {
    walker.release();
  }
  if (!walker.over) return { value: out, bytes: walker.size, truncated: walker.truncated };
  return tooLarge(out, walker.size, walker.stopped, limits.snapshotBytes);
}

function tooLarge(partial: SnapshotValue, size: number, atLeast: boolean, limit: number): Snapshot {
  let preview = jsonPreview(partial, PREVIEW_CHARS);
  for (;;) {
    const d: Description = { [M]: 'truncated', text: preview, whole: true, approxBytes: size, atLeast, limit };
    const bytes = jsonSize(d);
    if (bytes <= limit || preview.length === 0) return { value: d as unknown as SnapshotValue, bytes, truncated: true };
    preview = cut(preview, preview.length >> 1);
  }
}
