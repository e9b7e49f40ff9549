import { correlate, learnRemotes, type RemoteKnowledge } from '../network';
import { windowOf } from '../network/timeWindow';
import type { CallMatch, CallRecord, NetworkEntry } from '../protocol';

/**
 * A call and a request can only be matched when the request started inside the call's time window
 * (src/network/timeWindow.ts). So a session falls apart into islands: maximal runs of overlapping call
 * windows, with the requests that started inside them. Correlation of one island does not depend on any
 * other, except through what the whole traffic teaches about remotes (learnRemotes): each island is
 * correlated with its own requests plus the few "teachers", the requests that first taught a site origin or
 * a remote's base URL, so that it learns exactly what the whole session would.
 *
 * While calls stream in, only the islands that changed (in practice the last one) are correlated again;
 * the algorithm itself is src/network's correlate, unchanged. Equal to correlate(calls, network): tested on
 * random sessions (test/unit/ui/incrementalCorrelate.test.ts).
 */

interface Island {
  calls: CallRecord[];
  entries: NetworkEntry[];
  matches: CallMatch[];
}

const lessonsOf = new WeakMap<NetworkEntry, RemoteKnowledge>();

function lessons(entry: NetworkEntry): RemoteKnowledge {
  let known = lessonsOf.get(entry);
  if (!known) lessonsOf.set(entry, (known = learnRemotes([entry])));
  return known;
}

/** The entries, in network order, that each taught something first; together they teach what all of them do. */
function teachersOf(network: readonly NetworkEntry[]): NetworkEntry[] {
  const origins = new Set<string>();
  const bases = new Set<string>();
  const pairs = new Set<string>();
  const teachers: NetworkEntry[] = [];
  for (const entry of network) {
    const l = lessons(entry);
    let taught = false;
    for (const o of l.siteOrigins) if (!origins.has(o)) taught = Boolean(origins.add(o));
    for (const b of l.baseUrls) if (!bases.has(b)) taught = Boolean(bases.add(b));
    for (const [key, list] of l.baseUrlsByKey) {
      for (const b of list) if (!pairs.has(`${key}\n${b}`)) taught = Boolean(pairs.add(`${key}\n${b}`));
    }
    if (taught) teachers.push(entry);
  }
  return teachers;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Islands of the session, in time order; null when some time is not a finite number (then correlate runs whole). */
function islandsOf(calls: readonly CallRecord[], network: readonly NetworkEntry[]): { calls: CallRecord[]; entries: NetworkEntry[] }[] | null {
  // Run on every update of a live panel over every call: plain arrays, no object per call, no sort when the calls
  // come in start order (they do, from the recorder).
  const n = calls.length;
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const w = windowOf(calls[i]!);
    if (!Number.isFinite(w.from) || !Number.isFinite(w.to)) return null;
    from[i] = w.from;
    to[i] = w.to;
    if (i > 0 && from[i - 1]! > w.from) sorted = false;
  }
  if (network.some((e) => !Number.isFinite(e.startedAt))) return null;
  const order = Array.from({ length: n }, (_, i) => i);
  if (!sorted) order.sort((a, b) => from[a]! - from[b]! || a - b);
  // Spans are runs of `order`: [start, end) with their time range.
  const spans: { from: number; to: number; start: number; end: number; entries: NetworkEntry[] }[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const last = spans[spans.length - 1];
    if (last && from[i]! <= last.to) {
      if (to[i]! > last.to) last.to = to[i]!;
      last.end = k + 1;
    } else {
      spans.push({ from: from[i]!, to: to[i]!, start: k, end: k + 1, entries: [] });
    }
  }
  for (const entry of network) {
    // The last span starting at or before the entry; it holds the entry when the entry is inside it.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.from <= entry.startedAt) lo = mid + 1;
      else hi = mid;
    }
    const span = spans[lo - 1];
    if (span && entry.startedAt <= span.to) span.entries.push(entry);
  }
  // Within an island, calls keep their order in the input (correlate breaks ties of start time by it).
  return spans.map((s) => ({
    calls: sorted ? calls.slice(s.start, s.end) : order.slice(s.start, s.end).sort((a, b) => a - b).map((i) => calls[i]!),
    entries: s.entries,
  }));
}

/** Returns a correlate(calls, network) that re-runs only on the islands that changed since its last call. */
export function createIncrementalCorrelate(): (calls: readonly CallRecord[], network: readonly NetworkEntry[]) => { matches: CallMatch[]; changed: boolean } {
  let teachers: NetworkEntry[] = [];
  let cache = new Map<CallRecord, Island>();
  let last: CallMatch[] = [];
  /** The islands' non-empty results that make up `last`. */
  let parts: CallMatch[][] = [];
  return (calls, network) => {
    // No request, no match: the islands need not be worked out (a session before the network feed, or without it).
    if (network.length === 0) {
      cache = new Map();
      teachers = [];
      parts = [];
      const changed = last.length > 0;
      if (changed) last = [];
      return { matches: last, changed };
    }
    const islands = islandsOf(calls, network);
    if (islands === null) {
      cache = new Map();
      teachers = [];
      parts = [];
      last = correlate(calls, network);
      return { matches: last, changed: true };
    }
    const nowTeachers = teachersOf(network);
    const taughtSame = sameItems(nowTeachers, teachers);
    teachers = nowTeachers;
    const next = new Map<CallRecord, Island>();
    const results: CallMatch[][] = [];
    for (const { calls: islandCalls, entries } of islands) {
      const before = taughtSame ? cache.get(islandCalls[0]!) : undefined;
      let island: Island;
      if (before && sameItems(before.calls, islandCalls) && sameItems(before.entries, entries)) {
        island = before;
      } else {
        island = { calls: islandCalls, entries, matches: entries.length === 0 ? [] : correlate(islandCalls, withTeachers(entries, teachers, network)) };
      }
      next.set(islandCalls[0]!, island);
      if (island.matches.length > 0) results.push(island.matches);
    }
    cache = next;
    if (sameItems(results, parts)) return { matches: last, changed: false };
    parts = results;
    // correlate lists every direct match (in call order) before every renewal (in call order); islands are in time order.
    const direct = results.flatMap((r) => r.filter((m) => m.relation !== 'token-renewal'));
    const renewals = results.flatMap((r) => r.filter((m) => m.relation === 'token-renewal'));
    last = [...direct, ...renewals];
    return { matches: last, changed: true };
  };
}

/** The island's entries and the teachers, in network order. */
function withTeachers(entries: readonly NetworkEntry[], teachers: readonly NetworkEntry[], network: readonly NetworkEntry[]): NetworkEntry[] {
  const wanted = new Set<NetworkEntry>([...entries, ...teachers]);
  if (wanted.size === entries.length) return entries.slice();
  return network.filter((e) => wanted.has(e));
}
