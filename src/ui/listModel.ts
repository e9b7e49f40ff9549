import { callValueBytes, durationOf, type CallKind, type CallRecord, type FrameRecord, type TokenRecord } from '../protocol';
import { callFailed, callOutcome, matchCall, statusLabel, type ParsedFilter } from '../query';
import { initiatorCell } from './details/Initiator';
import { firstDifference, noteChangedFrom } from './firstChange';

/** One row of the call list, with what its columns show precomputed. */
export interface Row {
  call: CallRecord;
  frame: FrameRecord | null;
  durationMs: number | null;
  bytes: number;
  /** Expiry (epoch ms) of the token the call carried, when one did. */
  tokenExp: number | null;
}

export type ColumnKey = 'time' | 'frame' | 'kind' | 'summary' | 'status' | 'duration' | 'size' | 'ttl' | 'initiator' | 'waterfall';

export const COLUMNS: { key: ColumnKey; label: string; width: string; sortable: boolean }[] = [
  { key: 'time', label: 'Time', width: '92px', sortable: true },
  { key: 'frame', label: 'Frame / module', width: '16%', sortable: true },
  { key: 'kind', label: 'Kind', width: '92px', sortable: true },
  { key: 'summary', label: 'Summary', width: 'auto', sortable: true },
  { key: 'status', label: 'Status', width: '58px', sortable: true },
  { key: 'duration', label: 'Duration', width: '70px', sortable: true },
  { key: 'size', label: 'Size', width: '64px', sortable: true },
  { key: 'ttl', label: 'Token TTL', width: '72px', sortable: true },
  { key: 'initiator', label: 'Initiator', width: '14%', sortable: true },
  { key: 'waterfall', label: 'Waterfall', width: '14%', sortable: false },
];

/** The kind chips of the toolbar, and which kinds each stands for. */
export const KIND_CHIPS: { label: string; kinds: CallKind[] }[] = [
  { label: 'resolver', kinds: ['resolver'] },
  { label: 'invokeRemote', kinds: ['invokeRemote', 'invokeService'] },
  { label: 'requestRemote', kinds: ['requestRemote'] },
  { label: 'product', kinds: ['product'] },
  { label: 'events', kinds: ['events', 'realtime'] },
  { label: 'UI Kit', kinds: ['uikit'] },
  { label: 'other', kinds: ['context', 'navigation', 'modal', 'flag', 'other'] },
];

const framesByKey = (frames: readonly FrameRecord[]) => new Map(frames.map((f) => [f.key, f]));

/** Expiry (epoch ms) of the token each call carried in its Authorization header. */
function expiryByCall(tokens: readonly TokenRecord[]): Map<string, number> {
  const expByCall = new Map<string, number>();
  for (const t of tokens) {
    if (t.exp === null) continue;
    for (const u of t.uses) if (u.callId && u.source === 'authorization-header') expByCall.set(u.callId, t.exp * 1000);
  }
  return expByCall;
}

function rowFor(call: CallRecord, frameByKey: ReadonlyMap<string, FrameRecord>, expByCall: ReadonlyMap<string, number>): Row {
  const frame = frameByKey.get(call.frameKey) ?? null;
  const tokenExp = expByCall.get(call.id) ?? null;
  // A call's row is made once and reused while its frame and token stay the same.
  const before = rowOf.get(call);
  if (before && before.frame === frame && before.tokenExp === tokenExp) return before;
  const row = { call, frame, durationMs: durationOf(call), bytes: callValueBytes(call), tokenExp };
  rowOf.set(call, row);
  return row;
}

export function buildRows(calls: readonly CallRecord[], frames: readonly FrameRecord[], tokens: readonly TokenRecord[]): Row[] {
  const frameByKey = framesByKey(frames);
  const expByCall = expiryByCall(tokens);
  return calls.map((call) => rowFor(call, frameByKey, expByCall));
}

/**
 * buildRows for a live tab, without a pass over every call per update: while the frames and tokens stay the
 * same, the rows before the first changed call are kept and only the calls after it get theirs. When the
 * frames or tokens change (a frame seen, derivation landed) every row is looked at again. Equal to buildRows
 * (test/unit/ui/incrementalList.test.ts).
 */
export function createRowBuilder(): (calls: readonly CallRecord[], frames: readonly FrameRecord[], tokens: readonly TokenRecord[]) => Row[] {
  let last: { calls: readonly CallRecord[]; frames: readonly FrameRecord[]; tokens: readonly TokenRecord[]; rows: Row[] } | null = null;
  let frameByKey = new Map<string, FrameRecord>();
  let expByCall = new Map<string, number>();
  return (calls, frames, tokens) => {
    if (last && last.calls === calls && last.frames === frames && last.tokens === tokens) return last.rows;
    if (!last || last.frames !== frames) frameByKey = framesByKey(frames);
    if (!last || last.tokens !== tokens) expByCall = expiryByCall(tokens);
    const before = last && last.frames === frames && last.tokens === tokens ? last : null;
    const from = before ? firstDifference(before.calls, calls) : 0;
    const rows = before ? before.rows.slice(0, from) : [];
    for (let i = from; i < calls.length; i++) rows.push(rowFor(calls[i]!, frameByKey, expByCall));
    if (before) noteChangedFrom(rows, before.rows, from);
    last = { calls, frames, tokens, rows };
    return rows;
  };
}

const rowOf = new WeakMap<CallRecord, Row>();

export interface RowFilter {
  query: ParsedFilter;
  /** Chip labels switched on; none means all kinds. */
  chips: ReadonlySet<string>;
  errorsOnly: boolean;
}

export function filterRows(rows: readonly Row[], f: RowFilter): Row[] {
  const kinds = new Set(KIND_CHIPS.filter((c) => f.chips.has(c.label)).flatMap((c) => c.kinds));
  if (kinds.size === 0 && !f.errorsOnly && f.query.terms.length === 0) return rows as Row[];
  return rows.filter((r) => (kinds.size === 0 || kinds.has(r.call.kind)) && (!f.errorsOnly || callFailed(r.call)) && matchCall(f.query, r));
}

export interface Sort {
  key: ColumnKey;
  descending: boolean;
}

const value = (r: Row, key: ColumnKey): string | number => {
  switch (key) {
    case 'time': return r.call.startedAt;
    case 'frame': return r.frame?.url ?? r.call.frameKey;
    case 'kind': return r.call.kind;
    case 'summary': return r.call.summary;
    case 'status': return statusLabel(callOutcome(r.call));
    case 'duration': return r.durationMs ?? Number.POSITIVE_INFINITY;
    case 'size': return r.bytes;
    case 'ttl': return r.tokenExp ?? Number.POSITIVE_INFINITY;
    case 'initiator': return initiatorCell(r.call.initiator);
    default: return 0;
  }
};

/** Sorted copy; ties keep start order, so streaming rows do not shuffle. */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  if (sort.key === 'time' && !sort.descending) return rows as Row[];
  const dir = sort.descending ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = value(a.r, sort.key);
      const y = value(b.r, sort.key);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.i - b.i;
    })
    .map((x) => x.r);
}

/** The time span the waterfall strip draws against. */
export function timeRange(rows: readonly Row[], now: number): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    from = Math.min(from, r.call.startedAt);
    to = Math.max(to, r.call.endedAt ?? now);
  }
  return Number.isFinite(from) ? { from, to: Math.max(to, from + 1) } : { from: 0, to: 1 };
}
