import type { Finding } from '../protocol/findings';
import type { CallRecord } from '../protocol/model';
import type { Snapshot } from '../protocol/snapshot';
import { durationOf } from '../protocol/model';
import { tokenHash } from '../tokens/tokenHash';
import { callLabel } from './callLabel';
import { jsonHash, UNSURE } from './jsonHash';
import { DOCS } from './docs';
import type { SessionRule } from './types';
import { ms, plural } from './words';

/** Calls with the same command and payload this close together count as one repeated burst. */
export const REPEAT_WINDOW_MS = 1000;

/** A request's identity: its JSON, worked out once per snapshot (snapshots never change). */
const identity = new WeakMap<Snapshot, string>();
function requestJson(call: CallRecord): string {
  let json = identity.get(call.request);
  if (json === undefined) {
    json = JSON.stringify(call.request.value) ?? '';
    identity.set(call.request, json);
  }
  return json;
}

const requestKey = (call: CallRecord) => `${call.command}\u0000${requestJson(call)}`;

/** Calls grouped by command and request JSON, groups in the order of their first call (no key string built per call). */
function byJson(calls: readonly CallRecord[]): CallRecord[][] {
  const groups: CallRecord[][] = [];
  const byCommand = new Map<string, Map<string, CallRecord[]>>();
  for (const call of calls) {
    let same = byCommand.get(call.command);
    if (!same) byCommand.set(call.command, (same = new Map()));
    const json = requestJson(call);
    const list = same.get(json);
    if (list) list.push(call);
    else {
      const created = [call];
      same.set(json, created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * The groups of byJson that hold two calls or more, in the same order. Calls are first bucketed by a hash of
 * command and request (jsonHash.ts: no string built per call, no array per lone call); only calls that share
 * a bucket have their JSON compared. A request the hash is unsure of sends the whole session to byJson.
 * The buckets are an open-addressed table in typed arrays: a Map of 100,000 hashes (half of them too large
 * for a small integer, so each a heap number) was most of this rule's time.
 */
function sameRequests(calls: readonly CallRecord[]): CallRecord[][] {
  const n = calls.length;
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const call = calls[i]!;
    const hash = jsonHash(call.request.value, call.command);
    if (hash === UNSURE) return byJson(calls).filter((group) => group.length > 1);
    hashes[i] = hash;
  }
  // Slot -> first call of its hash (-1: empty), and each call's next call of the same hash, in call order.
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const first = new Int32Array(size).fill(-1);
  const last = new Int32Array(size);
  const next = new Int32Array(n).fill(-1);
  let shared = false;
  for (let i = 0; i < n; i++) {
    const hash = hashes[i]!;
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (first[slot] !== -1 && hashes[first[slot]!] !== hash) slot = (slot + 1) & mask;
    if (first[slot] === -1) first[slot] = i;
    else {
      next[last[slot]!] = i;
      shared = true;
    }
    last[slot] = i;
  }
  const groups: number[][] = [];
  for (let slot = 0; shared && slot < size; slot++) {
    const head = first[slot]!;
    if (head === -1 || next[head] === -1) continue;
    const byKey = new Map<string, number[]>();
    for (let i = head; i !== -1; i = next[i]!) {
      const key = requestKey(calls[i]!);
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
    for (const list of byKey.values()) if (list.length > 1) groups.push(list);
  }
  return groups.sort((a, b) => a[0]! - b[0]!).map((list) => list.map((i) => calls[i]!));
}

/**
 * The same call made again (same command, same payload) within a second of the first of its burst: a
 * re-render loop, or a value that should have been cached (getContext is not cached by the bridge, §2.3).
 * One finding per command and payload, with the bursts' calls as evidence and the repeats' time as its cost.
 */
export const repeatedCalls: SessionRule = {
  scope: 'session',
  run(input) {
    const out: Finding[] = [];
    for (const list of sameRequests(input.calls)) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.startedAt - b.startedAt);
      const repeated: CallRecord[] = [];
      let burstStart = list[0]!;
      let burst: CallRecord[] = [burstStart];
      let largest = 0;
      let wasted = 0;
      const flush = () => {
        if (burst.length < 2) return;
        repeated.push(...burst);
        largest = Math.max(largest, burst.length);
        for (const again of burst.slice(1)) wasted += durationOf(again) ?? 0;
      };
      for (const call of list.slice(1)) {
        if (call.startedAt - burstStart.startedAt <= REPEAT_WINDOW_MS) burst.push(call);
        else {
          flush();
          burstStart = call;
          burst = [call];
        }
      }
      flush();
      if (repeated.length === 0) continue;
      const frames = new Set(repeated.map((c) => c.frameKey)).size;
      const first = repeated[0]!;
      out.push({
        // The id carries a hash of the payload, never the payload itself (findings are shared).
        id: `repeated-call:${tokenHash(requestKey(first))}`,
        rule: 'repeated-call',
        severity: largest >= 5 ? 'warning' : 'info',
        title: `${callLabel(first)} made ${plural(largest, 'time')} with the same payload within 1 s`,
        numbers: `${plural(repeated.length, 'identical call')} in bursts of up to ${largest}, from ${plural(frames, 'frame')}; the repeats took ${ms(wasted)} in all.`,
        fix: first.command === 'reconcile'
          ? 'The UI Kit tree was committed again unchanged: look for a state update in a render or an effect without dependencies.'
          : 'Call it once and share the result (cache it in a module or a context), or find the render loop or effect that repeats it.',
        docs: first.command === 'invoke' ? DOCS.invoke : first.command === 'getContext' ? DOCS.view : first.command === 'reconcile' ? DOCS.uiKit : DOCS.limits,
        callIds: repeated.map((c) => c.id),
        costMs: wasted,
      });
    }
    return out;
  },
};
