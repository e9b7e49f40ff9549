/**
 * A snapshot is a JSON-safe copy of a value that crossed the bridge. Values JSON cannot hold, and
 * anything cut short, become a description: an object whose only marker is the key SNAPSHOT_MARKER.
 */
export type SnapshotValue =
  | null
  | boolean
  | number
  | string
  | SnapshotValue[]
  | { [key: string]: SnapshotValue };

export const SNAPSHOT_MARKER = '$fbdt';

/** What a description stands for. */
export type DescriptionKind =
  | 'undefined'
  | 'number' // NaN, Infinity, -Infinity, -0: `text` holds which
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'error'
  | 'date'
  | 'regexp'
  | 'map'
  | 'set'
  | 'promise'
  | 'blob'
  | 'file'
  | 'array-buffer'
  | 'typed-array'
  | 'dom-node'
  | 'window'
  | 'cycle'
  | 'depth' // nesting deeper than LIMITS.snapshotDepth
  | 'truncated' // a string, object or array cut short
  | 'unreadable'; // a getter or proxy threw while being read

export interface Description {
  [SNAPSHOT_MARKER]: DescriptionKind;
  /** Short human text: a function's name, an error's message, a node's tag, a blob's type and size. */
  text?: string;
  [extra: string]: SnapshotValue | undefined;
}

/** A bounded snapshot with what it cost. */
export interface Snapshot {
  value: SnapshotValue;
  /** Bytes of the JSON serialization of `value`. */
  bytes: number;
  /** True when anything inside was cut to stay within the limits. */
  truncated: boolean;
}

export function isDescription(value: unknown): value is Description {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && SNAPSHOT_MARKER in value;
}
