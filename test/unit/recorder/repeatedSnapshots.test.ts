import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotValue } from '../../../src/protocol/snapshot';
import { IdbStore } from '../../../src/recorder/idbStore';
import { Recorder } from '../../../src/recorder/recorder';
import { LIMITS } from '../../../src/protocol/limits';
import { sameJson } from '../../../src/protocol/sameJson';
import { MAX_KEPT_BYTES, MAX_PLACES, RepeatedSnapshots } from '../../../src/recorder/repeatedSnapshots';
import { batch, end, options, start } from './helpers';

/** A snapshot as the worker gets it: its own copy, parsed from JSON, `bytes` its JSON length. */
function parsed(value: SnapshotValue, truncated = false): Snapshot {
  const text = JSON.stringify(value);
  return { value: JSON.parse(text) as SnapshotValue, bytes: text.length, truncated };
}

const context = { cloudId: 'c0ffee', localId: 'ari:cloud:ecosystem::extension/x/y/static/panel', extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'SBX-1' } }, theme: { colorMode: 'light' }, list: [1, 'two', null, true] };

/** Random JSON-parsed values of a few shapes, small enough to be often equal. */
function randomValue(rand: () => number, depth = 0): SnapshotValue {
  const r = rand();
  if (depth > 2 || r < 0.4) return [null, true, false, 0, 1, 'a', 'b', '', '1'][Math.floor(rand() * 9)]!;
  if (r < 0.7) return Array.from({ length: Math.floor(rand() * 3) }, () => randomValue(rand, depth + 1));
  const out: Record<string, SnapshotValue> = {};
  for (const key of ['a', 'b', '1', '__proto__'].filter(() => rand() < 0.5)) Object.defineProperty(out, key, { value: randomValue(rand, depth + 1), enumerable: true, writable: true, configurable: true });
  return JSON.parse(JSON.stringify(out)) as SnapshotValue;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('sameJson', () => {
  it('is true exactly when the JSON texts are equal, on random values (key order and __proto__ keys included)', () => {
    const rand = seeded(7);
    let equal = 0;
    for (let i = 0; i < 5000; i++) {
      const a = randomValue(rand);
      const b = rand() < 0.3 ? (JSON.parse(JSON.stringify(a)) as SnapshotValue) : randomValue(rand);
      const same = JSON.stringify(a) === JSON.stringify(b);
      if (same) equal++;
      expect(sameJson(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(same);
    }
    expect(equal).toBeGreaterThan(1000);
  });

  it('tells key order, arrays from objects, and 1 from "1"', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameJson([1], ['1'])).toBe(false);
    expect(sameJson({ a: { b: [1, { c: null }] } }, { a: { b: [1, { c: null }] } })).toBe(true);
  });
});

describe('RepeatedSnapshots', () => {
  it('hands back the kept snapshot for an equal one at the same place, and keeps a different one', () => {
    const repeats = new RepeatedSnapshots();
    const first = parsed(context);
    expect(repeats.share(1, 'response', 'getContext', first)).toBe(first);
    expect(repeats.share(1, 'response', 'getContext', parsed(context))).toBe(first);
    const other = parsed({ ...context, cloudId: 'c0ffef' });
    expect(repeats.share(1, 'response', 'getContext', other)).toBe(other);
    // The newest is what later ones are compared with.
    expect(repeats.share(1, 'response', 'getContext', parsed({ ...context, cloudId: 'c0ffef' }))).toBe(other);
  });

  it('never shares across tabs, parts or commands, nor a truncated with a whole one, nor another key order', () => {
    const repeats = new RepeatedSnapshots();
    repeats.share(1, 'response', 'getContext', parsed(context));
    for (const [tab, part, command] of [[2, 'response', 'getContext'], [1, 'request', 'getContext'], [1, 'response', 'invoke']] as const) {
      const s = parsed(context);
      expect(repeats.share(tab, part, command, s)).toBe(s);
    }
    const cut = parsed(context, true);
    expect(repeats.share(1, 'response', 'getContext', cut)).toBe(cut);
    const { cloudId, ...rest } = context;
    const reordered = parsed({ ...rest, cloudId });
    expect(reordered.bytes).toBe(cut.bytes);
    expect(repeats.share(1, 'response', 'getContext', reordered)).toBe(reordered);
  });

  it('hands back the kept snapshot again for one object shared by many events, and not once the place keeps another', () => {
    const repeats = new RepeatedSnapshots();
    const kept = parsed(context);
    const shared = parsed(context); // one batch's snapshot, named by each of its events
    expect(repeats.share(1, 'response', 'getContext', kept)).toBe(kept);
    for (let i = 0; i < 3; i++) expect(repeats.share(1, 'response', 'getContext', shared)).toBe(kept);
    const other = parsed({ ...context, cloudId: 'other' });
    expect(repeats.share(1, 'response', 'getContext', other)).toBe(other);
    expect(repeats.share(1, 'response', 'getContext', shared)).toBe(shared);
    expect(repeats.share(1, 'response', 'getContext', parsed(context))).toBe(shared);
    // Equal to what another place keeps says nothing of this one.
    expect(repeats.share(1, 'request', 'getContext', other)).toBe(other);
    expect(repeats.share(1, 'request', 'getContext', shared)).toBe(shared);
  });

  it('leaves small snapshots alone, and forgets everything past its bounds instead of growing', () => {
    const repeats = new RepeatedSnapshots();
    const small = parsed({ a: 1 });
    expect(small.bytes).toBeLessThan(LIMITS.sameSnapshotMinBytes);
    repeats.share(1, 'response', 'x', small);
    const again = parsed({ a: 1 });
    expect(repeats.share(1, 'response', 'x', again)).toBe(again);

    const first = parsed(context);
    repeats.share(1, 'response', 'first', first);
    for (let i = 0; i < MAX_PLACES; i++) repeats.share(1, 'response', `c${i}`, parsed(context));
    const later = parsed(context);
    expect(repeats.share(1, 'response', 'first', later)).toBe(later);

    const big = 'x'.repeat(MAX_KEPT_BYTES / 2);
    const one = parsed({ big });
    repeats.share(1, 'response', 'big1', one);
    repeats.share(1, 'response', 'big2', parsed({ big }));
    const next = parsed({ big });
    expect(repeats.share(1, 'response', 'big1', next)).toBe(next);
  });
});

describe('the recorder with repeated answers', () => {
  it('calls hold one object for equal answers, and the store writes and restores them whole', async () => {
    const name = `repeats-${Math.random()}`;
    const r = new Recorder(options(), new IdbStore({ name }));
    const events = [];
    for (let id = 1; id <= 30; id++) events.push(start(id, 1000 + id, 'getContext', parsed(null)), end(id, 2000 + id, true, parsed(id === 20 ? { ...context, cloudId: 'other' } : context)));
    await r.apply(1, 0, batch('d', 1, events)).persisted;
    const calls = r.getSession(1)!.calls;
    expect(calls[0]!.response).toEqual(parsed(context));
    expect(calls[1]!.response).toBe(calls[0]!.response);
    expect(calls[19]!.response!.value).toEqual({ ...context, cloudId: 'other' });
    expect(calls[20]!.response).not.toBe(calls[0]!.response);
    expect(calls[20]!.response).toEqual(calls[0]!.response);

    const after = await Recorder.restore(new IdbStore({ name }), options());
    const restored = after.getSession(1)!.calls;
    expect(restored).toEqual(calls);
    // One page: the store's clone kept the calls' shared answer as one object.
    expect(restored[1]!.response).toBe(restored[0]!.response);
  });
});
