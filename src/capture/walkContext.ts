import type { Description, SnapshotValue } from '../protocol/snapshot';

export interface SnapshotLimits {
  readonly snapshotBytes: number;
  readonly snapshotStringChars: number;
  readonly snapshotDepth: number;
  readonly snapshotEntries: number;
}

/** A path segment: an object key or an array index. */
export type Seg = string | number;

/**
 * What the describers of collections and errors need of the walk (snapshotWalker's Walker implements it).
 * A separate declaration, so that the describers and the walker that calls them do not import each other.
 */
export interface WalkContext {
  readonly lim: SnapshotLimits;
  truncated: boolean;
  stopped: boolean;
  add(n: number): void;
  desc(d: Description): SnapshotValue;
  addKey(key: string, first: boolean): void;
  unreadable(error: unknown): SnapshotValue;
  pushSeg(seg: Seg): void;
  popSeg(): void;
  child(value: unknown, depth: number, seg: Seg): SnapshotValue;
  enter(o: object): void;
  exit(): void;
  keysOf(o: object, keys: readonly string[], depth: number, skip: ((key: string) => boolean) | null): Record<string, SnapshotValue>;
}
