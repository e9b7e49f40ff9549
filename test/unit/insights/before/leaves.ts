// leaves.ts as it was before the chain rule walked leaves without arrays (kept for the before/ oracles).
import { isDescription, type SnapshotValue } from '../../../../src/protocol/snapshot';

/** Most leaves read from one value: a chain check must stay cheap on 64 kB payloads. */
const MAX_LEAVES = 500;
/** Shorter strings (and smaller numbers) are too common to prove data was passed along. */
export const MIN_CHARS = 4;

const NO_KEYS: ReadonlySet<string> = new Set();
/** Protocol around a response (HTTP headers, status), which says nothing about what the app passed along. */
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['headers', 'status', 'statusText', 'isAttachment', 'success']);

/** Strings and numbers (as text) inside a snapshot value, depth first, at most MAX_LEAVES. Descriptions are skipped. */
export function leafStrings(value: SnapshotValue | undefined, skipKeys: ReadonlySet<string> = NO_KEYS): string[] {
  const out: string[] = [];
  const stack: (SnapshotValue | undefined)[] = [value];
  while (stack.length && out.length < MAX_LEAVES) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) for (const inner of v) stack.push(inner);
    else if (v !== null && typeof v === 'object' && !isDescription(v)) {
      // for…in, not Object.entries: no pair array per key over 100,000 calls.
      for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key) && !skipKeys.has(key)) stack.push((v as Record<string, SnapshotValue>)[key]);
    }
  }
  return out;
}

/** The leaves of a response distinctive enough that finding one in a later request means it was passed along. */
export function distinctiveValues(value: SnapshotValue | undefined): string[] {
  return leafStrings(value, ENVELOPE_KEYS).filter((text) => text.length >= MIN_CHARS && text !== 'true' && text !== 'false' && text !== 'null');
}
