import { isDescription, type SnapshotValue } from '../protocol/snapshot';

/** Most leaves read from one value: a chain check must stay cheap on 64 kB payloads. */
const MAX_LEAVES = 500;
/** Shorter strings (and smaller numbers) are too common to prove data was passed along. */
export const MIN_CHARS = 4;

export const NO_KEYS: ReadonlySet<string> = new Set();
/** Protocol around a response (HTTP headers, status), which says nothing about what the app passed along. */
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['headers', 'status', 'statusText', 'isAttachment', 'success']);

/**
 * Hands `visit` the strings and numbers inside a snapshot value, depth first, at most MAX_LEAVES of them (the
 * ones it skips count too); descriptions are skipped. Stops early when `visit` returns true. No array of
 * leaves and no text per number is built: over 100,000 calls those were most of the chain rule's garbage.
 */
export function eachLeaf(value: SnapshotValue | undefined, skipKeys: ReadonlySet<string>, visit: (leaf: string | number) => boolean): void {
  const stack: (SnapshotValue | undefined)[] = [value];
  let count = 0;
  while (stack.length && count < MAX_LEAVES) {
    const v = stack.pop();
    if (typeof v === 'string' || typeof v === 'number') {
      count++;
      if (visit(v)) return;
    } else if (Array.isArray(v)) for (const inner of v) stack.push(inner);
    else if (v !== null && typeof v === 'object' && !isDescription(v)) {
      // for…in, not Object.entries: no pair array per key over 100,000 calls.
      for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key) && !skipKeys.has(key)) stack.push((v as Record<string, SnapshotValue>)[key]);
    }
  }
}

/** A leaf as text when it has MIN_CHARS characters or more, else null (small integers are never turned into text). */
export function longLeaf(leaf: string | number): string | null {
  if (typeof leaf === 'number' && Number.isInteger(leaf) && leaf > -100 && leaf < 1000) return null;
  const text = typeof leaf === 'number' ? String(leaf) : leaf;
  return text.length >= MIN_CHARS ? text : null;
}

/** Adds to `into` the leaves of a response distinctive enough that finding one in a later request means it was passed along. */
export function addDistinctiveValues(value: SnapshotValue | undefined, into: Set<string>): void {
  eachLeaf(value, ENVELOPE_KEYS, (leaf) => {
    const text = longLeaf(leaf);
    if (text !== null && text !== 'true' && text !== 'false' && text !== 'null') into.add(text);
    return false;
  });
}
