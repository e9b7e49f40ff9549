import { SNAPSHOT_MARKER } from '../protocol/snapshot';

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

interface Frame {
  container: Record<string, unknown> | unknown[];
  path: string;
  depth: number;
  payload: boolean;
}

function seg(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 40))}]`;
}

/**
 * Applies the bounds in place. `payloads`: recognise PAYLOAD_KEYS (this tool's traces); false for a HAR,
 * where every excess refuses the file.
 */
export function boundParsedFile(root: unknown, payloads: boolean): BoundResult {
  if (root === null || typeof root !== 'object') return { ok: true, changed: 0 };
  const stack: Frame[] = [{ container: root as Record<string, unknown>, path: '$', depth: 1, payload: false }];
  let changed = 0;
  while (stack.length > 0) {
    const { container, path, depth, payload } = stack.pop()!;
    const isArray = Array.isArray(container);
    const keys: Array<string | number> = isArray ? Array.from({ length: container.length }, (_, i) => i) : Object.keys(container);
    if (payload && keys.length > IMPORT_LIMITS.entries) {
      const rest = keys.length - IMPORT_LIMITS.entries;
      const note = { [M]: 'truncated', text: `${rest} more ${isArray ? 'items' : 'keys'}`, omitted: rest };
      if (isArray) container.splice(IMPORT_LIMITS.entries, rest, note);
      else {
        for (const k of keys.slice(IMPORT_LIMITS.entries)) delete container[k as string];
        container[`${M}:truncated`] = note;
      }
      keys.length = IMPORT_LIMITS.entries;
      changed++;
    }
    for (const key of keys) {
      const value = (container as Record<string | number, unknown>)[key];
      const here = payload || (payloads && typeof key === 'string' && PAYLOAD_KEYS.has(key));
      const set = (v: unknown) => {
        (container as Record<string | number, unknown>)[key] = v;
        changed++;
      };
      if (typeof value === 'number') {
        if (Number.isFinite(value)) continue;
        if (!here) return { ok: false, error: `${path}${seg(key)}: ${value} is out of range (a number too large for JSON, such as 1e999)` };
        set({ [M]: 'number', text: String(value) });
      } else if (typeof value === 'string') {
        if (value.length <= IMPORT_LIMITS.stringChars) continue;
        if (!here) return { ok: false, error: `${path}${seg(key)}: a string of ${value.length.toLocaleString('en')} characters (at most ${IMPORT_LIMITS.stringChars.toLocaleString('en')} are opened)` };
        set({ [M]: 'truncated', text: value.slice(0, 8192), length: value.length });
      } else if (value !== null && typeof value === 'object') {
        if (depth + 1 > IMPORT_LIMITS.depth) {
          if (!here) return { ok: false, error: `${path}${seg(key)}: nested more than ${IMPORT_LIMITS.depth} levels deep` };
          set({ [M]: 'depth', text: Array.isArray(value) ? 'Array' : 'Object' });
        } else {
          stack.push({ container: value as Record<string, unknown>, path: `${path}${seg(key)}`, depth: depth + 1, payload: here });
        }
      }
    }
  }
  return { ok: true, changed };
}
