import { SNAPSHOT_MARKER } from '../protocol/snapshot';
import { keysFromRoot, type PathLink } from './pathLinks';

/**
 * Bounds on a parsed file, applied before anything else reads it (the schema check, the views, HAR
 * export, Markdown), kept apart from the schema check. A file from a stranger may nest a value 100,000
 * levels deep, hold `1e999` (JSON.parse makes it Infinity), or strings and objects of any size.
 *
 * - Inside recorded values (a call's request, response, error, a delivery's args, a token's header and
 *   claims: PAYLOAD_KEYS) too-deep values, huge strings and objects with too many entries become the same
 *   descriptions a live snapshot uses (`depth`, `truncated`, `number`), so every view shows them as such.
 * - Anywhere else (the trace's own structure, or any part of a HAR) the same excess refuses the file,
 *   with its JSON path and the reason.
 * Iterative (an explicit stack), so no depth of input can overflow the call stack.
 */

export const IMPORT_LIMITS = {
  /** Deepest nesting kept (a live snapshot keeps 24 levels; the trace's own structure is under 10). */
  depth: 64,
  /** Longest string kept: four times a network body's limit. */
  stringChars: 1024 * 1024,
  /** Most keys or items kept per object or array inside a recorded value. */
  entries: 10_000,
} as const;

const PAYLOAD_KEYS: ReadonlySet<string> = new Set(['request', 'response', 'error', 'args', 'value', 'header', 'claims']);
const M = SNAPSHOT_MARKER;

export type BoundResult = { ok: true; changed: number } | { ok: false; error: string };

interface Frame extends PathLink {
  container: Record<string, unknown> | unknown[];
  /** Where the container sits: its parent frame and key (the path is spelled out only for an error). */
  parent: Frame | null;
  key: string | number;
  depth: number;
  payload: boolean;
}

function seg(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 40))}]`;
}

/** The JSON path of `key` in a frame's container: `$.calls[3].request`. */
function pathOf(frame: Frame, key: string | number): string {
  return `$${keysFromRoot(frame, key).map(seg).join('')}`;
}

/**
 * Applies the bounds in place. `payloads`: recognise PAYLOAD_KEYS (this tool's traces); false for a HAR,
 * where every excess refuses the file. One pass, nothing allocated per value read (a 100,000-call trace
 * holds millions of them).
 */
export function boundParsedFile(root: unknown, payloads: boolean): BoundResult {
  if (root === null || typeof root !== 'object') return { ok: true, changed: 0 };
  const stack: Frame[] = [{ container: root as Record<string, unknown>, parent: null, key: '$', depth: 1, payload: false }];
  let changed = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { container, depth, payload } = frame;
    const isArray = Array.isArray(container);
    if (payload) changed += boundEntries(container);
    const keys: string[] | null = isArray ? null : Object.keys(container);
    const count = keys ? keys.length : (container as unknown[]).length;
    for (let i = 0; i < count; i++) {
      const key: string | number = keys ? keys[i]! : i;
      const value = (container as Record<string | number, unknown>)[key];
      const here = payload || (payloads && keys !== null && PAYLOAD_KEYS.has(key as string));
      let replacement: unknown;
      if (typeof value === 'number') {
        if (Number.isFinite(value)) continue;
        if (!here) return { ok: false, error: `${pathOf(frame, key)}: ${value} is out of range (a number too large for JSON, such as 1e999)` };
        replacement = { [M]: 'number', text: String(value) };
      } else if (typeof value === 'string') {
        if (value.length <= IMPORT_LIMITS.stringChars) continue;
        if (!here) return { ok: false, error: `${pathOf(frame, key)}: a string of ${value.length.toLocaleString('en')} characters (at most ${IMPORT_LIMITS.stringChars.toLocaleString('en')} are opened)` };
        replacement = { [M]: 'truncated', text: value.slice(0, 8192), length: value.length };
      } else if (value !== null && typeof value === 'object') {
        if (depth + 1 <= IMPORT_LIMITS.depth) {
          stack.push({ container: value as Record<string, unknown>, parent: frame, key, depth: depth + 1, payload: here });
          continue;
        }
        if (!here) return { ok: false, error: `${pathOf(frame, key)}: nested more than ${IMPORT_LIMITS.depth} levels deep` };
        replacement = { [M]: 'depth', text: Array.isArray(value) ? 'Array' : 'Object' };
      } else continue;
      (container as Record<string | number, unknown>)[key] = replacement;
      changed++;
    }
  }
  return { ok: true, changed };
}

/** A recorded object or array with more entries than are kept loses the rest to a note; 1 when it did. */
function boundEntries(container: Record<string, unknown> | unknown[]): number {
  if (Array.isArray(container)) {
    if (container.length <= IMPORT_LIMITS.entries) return 0;
    const rest = container.length - IMPORT_LIMITS.entries;
    container.splice(IMPORT_LIMITS.entries, rest, { [M]: 'truncated', text: `${rest} more items`, omitted: rest });
    return 1;
  }
  const keys = Object.keys(container);
  if (keys.length <= IMPORT_LIMITS.entries) return 0;
  const rest = keys.length - IMPORT_LIMITS.entries;
  for (const k of keys.slice(IMPORT_LIMITS.entries)) delete container[k];
  container[`${M}:truncated`] = { [M]: 'truncated', text: `${rest} more keys`, omitted: rest };
  return 1;
}
