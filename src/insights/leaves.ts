import { isDescription, type SnapshotValue } from '../protocol/snapshot';
import { StackLender } from './stackLender';

/** Most leaves read from one value: a chain check must stay cheap on 64 kB payloads. */
const MAX_LEAVES = 500;
/** Shorter strings (and smaller numbers) are too common to prove data was passed along. */
export const MIN_CHARS = 4;

export const NO_KEYS: ReadonlySet<string> = new Set();
/** Protocol around a response (HTTP headers, status), which says nothing about what the app passed along. */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['headers', 'status', 'statusText', 'isAttachment', 'success']);

const stacks = new StackLender<SnapshotValue>();

/**
 * Hands `visit` the strings and numbers inside a snapshot value, depth first, at most MAX_LEAVES of them (the
 * ones it skips count too); descriptions are skipped. Stops early when `visit` returns true. No array of
 * leaves, no text per number and no stack per value is built (StackLender).
 */
export function eachLeaf(value: SnapshotValue | undefined, skipKeys: ReadonlySet<string>, visit: (leaf: string | number) => boolean): void {
  if (typeof value === 'string' || typeof value === 'number') {
    visit(value);
    return;
  }
  const stack = stacks.borrow();
  let top = 0;
  stack[top++] = value;
  try {
    let count = 0;
    while (top > 0 && count < MAX_LEAVES) {
      const v = stack[--top];
      stack[top] = undefined;
      if (typeof v === 'string' || typeof v === 'number') {
        count++;
        if (visit(v)) return;
      } else if (Array.isArray(v)) for (const inner of v) stack[top++] = inner;
      else if (v !== null && typeof v === 'object' && !isDescription(v)) {
        // for…in, not Object.entries: no pair array per key over 100,000 calls.
        for (const key in v) if (Object.prototype.hasOwnProperty.call(v, key) && !skipKeys.has(key)) stack[top++] = (v as Record<string, SnapshotValue>)[key];
      }
    }
  } finally {
    stacks.giveBack(stack, top);
  }
}

/** A leaf as text when it has MIN_CHARS characters or more, else null (small integers are never turned into text). */
export function longLeaf(leaf: string | number): string | null {
  if (typeof leaf === 'number' && Number.isInteger(leaf) && leaf > -100 && leaf < 1000) return null;
  const text = typeof leaf === 'number' ? String(leaf) : leaf;
  return text.length >= MIN_CHARS ? text : null;
}

/** Where a request embeds a value (a path, a query, a JQL string), it sits between these. */
const SEPARATORS = /[/?&=#,;:\s"'()[\]{}<>|]+/;

/** The ASCII characters SEPARATORS matches, by code. */
const SEPARATOR_CODES = new Uint8Array(128);
for (const c of '/?&=#,;:"\'()[]{}<>| \t\n\r\f\v') SEPARATOR_CODES[c.charCodeAt(0)] = 1;

/** Tells whether text[start, end) is a value looked for; a whole text is given as (text, 0, text.length). */
export type PieceTest = (text: string, start: number, end: number) => boolean;

/**
 * True when `test` holds for `text` whole or for a piece of it between separators with MIN_CHARS characters
 * or more (shorter ones never equal a distinctive value); stops at the first. Pieces of ASCII text are given
 * as ranges of it, not sliced; beyond ASCII the pattern's \s decides what is a space, so the text is split.
 */
export function somePiece(text: string, test: PieceTest): boolean {
  if (test(text, 0, text.length)) return true;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return text.split(SEPARATORS).some((piece) => piece.length >= MIN_CHARS && test(piece, 0, piece.length));
    if (SEPARATOR_CODES[c] !== 1) continue;
    if (i - start >= MIN_CHARS && test(text, start, i)) return true;
    start = i + 1;
  }
  return start > 0 && text.length - start >= MIN_CHARS && test(text, start, text.length);
}
