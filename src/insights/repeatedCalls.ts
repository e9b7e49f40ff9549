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
 */
function sameRequests(calls: readonly CallRecord[]): CallRecord[][] {
  /** Per hash, the index of its one call so far, or the indexes of all its calls. */
  const buckets = new Map<number, number | number[]>();
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    const hash = jsonHash(call.request.value, call.command);
    if (hash === UNSURE) return byJson(calls).filter((group) => group.length > 1);
    const held = buckets.get(hash);
    if (held === undefined) buckets.set(hash, i);
    else if (typeof held === 'number') buckets.set(hash, [held, i]);
    else held.push(i);
  }
  const groups: number[][] = [];
  for (const held of buckets.values()) {
    if (typeof held === 'number') continue;
    const byKey = new Map<string, number[]>();
    for (const i of held) {
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
