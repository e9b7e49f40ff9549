import type { TraceV2 } from '../protocol/model';
import { keysFromRoot, type PathLink } from './pathLinks';

/**
 * Checks an imported trace's own numbers and ids after it was read (trace, old trace or HAR): what the
 * schema allows but the views, HAR export and Markdown cannot use.
 * - Times and durations (`…At`, `…Ms`, `at`) must be numbers from 0 to 8.64e15 (the largest date; a
 *   duration may be -1, HAR's "not known"): anything else refuses the file, with its path.
 * - Calls, network entries and tokens with an id seen before, and frames with a key seen before, are left
 *   out (the first is kept), and a note says how many.
 * Recorded values (request, response, error, args, a token's header and claims) are the app's data and
 * not read here.
 */

const MAX_TIME = 8.64e15;
const SKIP: ReadonlySet<string> = new Set(['request', 'response', 'error', 'args', 'value', 'header', 'claims']);

interface Place extends PathLink {
  o: Record<string, unknown> | unknown[];
  /** The path of `o`, spelled out only for a problem. */
  parent: Place | null;
  key: string | number;
}

const pathOf = (root: string, place: Place | null, key: string | number): string =>
  root + keysFromRoot(place, key).map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/** Whether a key names a time or a duration (`…At`, `…Ms`, `at`), read without a regular expression per key. */
function isTimeKey(k: string): boolean {
  const n = k.length;
  if (n === 2) return k === 'at' || k === 'At' || k === 'Ms';
  const a = k.charCodeAt(n - 2);
  const b = k.charCodeAt(n - 1);
  return (a === 65 && b === 116) || (a === 77 && b === 115);
}

function timeProblem(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Place[] = [{ o: value as Record<string, unknown>, parent: null, key: '' }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const { o } = place;
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v = o[i];
        if (v !== null && typeof v === 'object') stack.push({ o: v as Record<string, unknown>, parent: place, key: i });
      }
      continue;
    }
    for (const k in o) {
      if (SKIP.has(k) || !Object.prototype.hasOwnProperty.call(o, k)) continue;
      const v = o[k];
      // A duration of -1 is HAR's "not known", kept as such.
      if (typeof v === 'number') {
        if (isTimeKey(k) && !(v >= 0 && v <= MAX_TIME) && !(v === -1 && k.endsWith('Ms'))) return `${pathOf(path, place, k)}: ${v} is not a time this viewer can show (from 0 to 8.64e15 ms)`;
      } else if (v !== null && typeof v === 'object') stack.push({ o: v as Record<string, unknown>, parent: place, key: k });
    }
  }
  return null;
}

function firstOfEach<T>(list: T[], keyOf: (item: T) => unknown): { kept: T[]; left: number } {
  const seen = new Set<unknown>();
  const kept: T[] = [];
  for (const item of list) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return { kept, left: list.length - kept.length };
}

export type SanityResult = { ok: true; trace: TraceV2; notes: string[] } | { ok: false; error: string };

export function checkImportedTrace(trace: TraceV2): SanityResult {
  const { calls, network, tokens, frames, segments, matches, ...rest } = trace;
  for (const [name, part] of [['frames', frames], ['segments', segments], ['calls', calls], ['network', network], ['tokens', tokens], ['matches', matches], ['', rest]] as const) {
    const problem = timeProblem(part, name ? `$.${name}` : '$');
    if (problem) return { ok: false, error: `The trace holds an impossible time: ${problem}.` };
  }
  const notes: string[] = [];
  const out: TraceV2 = { ...trace };
  const dedupe = <T>(label: string, list: T[] | undefined, keyOf: (item: T) => unknown): T[] | undefined => {
    if (!Array.isArray(list)) return list;
    const { kept, left } = firstOfEach(list, keyOf);
    if (left > 0) notes.push(`${left} ${label} repeated an id seen before and were left out (the first of each is shown).`);
    return kept;
  };
  out.calls = dedupe('calls', calls, (c) => c.id) ?? calls;
  out.network = dedupe('network entries', network, (e) => e.id) ?? network;
  out.tokens = dedupe('tokens', tokens, (t) => t.id) ?? tokens;
  out.frames = dedupe('frames', frames, (f) => f.key) ?? frames;
  return { ok: true, trace: out, notes };
}
