import { LIMITS } from './limits';
import type { Snapshot, SnapshotValue } from './snapshot';
import { bool, describe, fail, Invalid, isPlainObject, join, quote, record, run, type ParseResult } from './validateBasics';

/**
 * Snapshot values as they cross a trust boundary: JSON data only, bounded in depth and in serialized size,
 * checked in place (never copied through property assignment) and measured by the receiver.
 */

const MAX_SNAPSHOT_DEPTH = LIMITS.snapshotDepth + LIMITS.snapshotDepthMargin;
const MAX_SNAPSHOT_SIZE = LIMITS.snapshotBytes + LIMITS.snapshotBytesMargin;
const IDENT_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function keyPath(key: string): string {
  return IDENT_RE.test(key) && key.length <= 40 ? `.${key}` : `[${quote(key)}]`;
}

/**
 * Walks a snapshot value once. `size` counts the characters of its JSON serialization (string escapes
 * aside, so it never exceeds the real size); the walk stops as soon as the bound is passed, which also
 * bounds the work for values that share sub-objects many times (possible through structured clone).
 */
class ValueChecker {
  size = 0;

  check(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        this.add(value.length + 2);
        return;
      case 'boolean':
        this.add(value ? 4 : 5);
        return;
      case 'number':
        if (!Number.isFinite(value)) fail('', `expected a finite number, got ${describe(value)}`);
        this.add(String(value).length);
        return;
      case 'object':
        break;
      default:
        fail('', `${describe(value)} is not JSON data`);
    }
    if (value === null) {
      this.add(4);
      return;
    }
    if (depth >= MAX_SNAPSHOT_DEPTH) fail('', `nested deeper than ${MAX_SNAPSHOT_DEPTH} levels`);
    if (Array.isArray(value)) {
      const n = value.length;
      this.add(n === 0 ? 2 : n + 1);
      for (let i = 0; i < n; i++) {
        try {
          this.check(value[i], depth + 1);
        } catch (e) {
          throw prefix(e, `[${i}]`);
        }
      }
      return;
    }
    if (!isPlainObject(value)) fail('', `expected JSON data, got ${Object.prototype.toString.call(value)}`);
    const keys = Object.keys(value);
    this.add(keys.length === 0 ? 2 : keys.length + 1);
    for (const key of keys) {
      this.add(key.length + 3);
      try {
        this.check(value[key], depth + 1);
      } catch (e) {
        throw prefix(e, keyPath(key));
      }
    }
  }

  private add(n: number): void {
    this.size += n;
    if (this.size > MAX_SNAPSHOT_SIZE) fail('', `larger than ${MAX_SNAPSHOT_SIZE} characters serialized`);
  }
}

function prefix(e: unknown, segment: string): unknown {
  if (e instanceof Invalid) e.path = segment + e.path;
  return e;
}

export function snapshot(obj: Record<string, unknown>, key: string, path: string): Snapshot {
  const p = join(path, key);
  const s = record(obj[key], p);
  const bytes = s.bytes;
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) fail(`${p}.bytes`, 'expected a non-negative integer');
  if (bytes > MAX_SNAPSHOT_SIZE) fail(`${p}.bytes`, `larger than ${MAX_SNAPSHOT_SIZE}`);
  const truncated = bool(s, 'truncated', p);
  if (!('value' in s)) fail(`${p}.value`, 'missing');
  const value = s.value;
  const checker = new ValueChecker();
  try {
    checker.check(value, 0);
  } catch (e) {
    if (e instanceof Invalid) fail(`${p}.value${e.path}`, e.message);
    throw e;
  }
  // The size every later bound counts is the one measured here, never the one the sender claimed.
  return { value: value as SnapshotValue, bytes: checker.size, truncated };
}

/** Checks one snapshot on its own (for tests and for code that receives snapshots elsewhere). */
export function parseSnapshot(data: unknown): ParseResult<Snapshot> {
  return run(() => snapshot({ snapshot: data }, 'snapshot', ''));
}

