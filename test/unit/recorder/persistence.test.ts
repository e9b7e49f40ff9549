import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../../src/recorder/idbStore';
import { callsOf, MemoryStore, type SessionStore, type StoreChanges } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { RelayBuffer } from '../../../src/relay/relayBuffer';
import type { RelayToBackground } from '../../../src/protocol/runtime';
import { batch, clock, delivery, end, hello, options, snap, start, starts, topHello } from './helpers';

let dbCount = 0;
function freshDbName(): string {
  return `test-db-${++dbCount}-${Math.random().toString(36).slice(2)}`;
}


/** Builds a recorder state with something of everything. */
async function populate(r: Recorder): Promise<void> {
  const done: Promise<boolean>[] = [];
  done.push(r.setPreserveLog(1, true));
  done.push(r.apply(1, 0, topHello('top1', 'https://site.atlassian.net/one')).persisted);
  done.push(r.apply(1, 5, hello('app1', 'https://app.example/a', 'https://site.atlassian.net/one')).persisted);
  done.push(
    r.apply(
      1,
      5,
      batch('app1', 1, [
        { type: 'hook-ready', at: 1, url: 'https://app.example/a', isTop: false, referrer: 'https://site.atlassian.net/one' },
        { type: 'bridge-found', at: 2, semver: '9.9.9', frozen: false, via: 'present' },
        start(1),
        start(2, 1002, 'on'),
        delivery(2, 1),
        end(1, 2001, false, snap({ message: 'bad' })),
      ]),
    ).persisted,
  );
  clock.now = 9_000;
  done.push(r.apply(1, 0, topHello('top2', 'https://site.atlassian.net/two')).persisted);
  done.push(r.apply(1, 8, batch('app2', 4, [start(1), end(9)])).persisted); // gap of 3, an orphan end
  done.push(r.setDefaultMaxCalls(4));
  done.push(r.apply(2, 0, batch('x', 1, starts(1, 5))).persisted); // 1 dropped
  done.push(r.setRecording(2, false));
  done.push(r.noteRejected(2));
  done.push(r.apply(3, 0, batch('y', 1, [start(1)])).persisted);
  done.push(r.clear(3));
  const results = await Promise.all(done);
  expect(results.every((ok) => ok)).toBe(true);
}

describe('IdbStore round trip', () => {
  it('restores every session, frame, call, counter and sequence number', async () => {
    const name = freshDbName();
    const before = new Recorder(options(), new IdbStore({ name }));
    await populate(before);
    const sessions = [1, 2, 3].map((t) => before.getSession(t));
    // Sanity of the scenario itself (hand-known values).
    expect(sessions[0]!.calls.map((c) => c.id)).toEqual(['5:app1#1', '5:app1#2', '8:app2#1', '8:app2#9']);
    expect(sessions[0]!.segments.map((s) => s.index)).toEqual([0, 1]);
    expect(sessions[0]!.losses.inTransit).toBe(3);
    expect([sessions[1]!.calls.length, sessions[1]!.losses.evictedCalls, sessions[1]!.recording, sessions[1]!.losses.rejected, sessions[1]!.maxCalls]).toEqual([4, 1, false, 1, 4]);
    expect(sessions[2]!.calls).toEqual([]);

    // The worker stops; a new one restores from the same database.
    // The service sets the Settings bound (4 here) on the restored recorder, as it does at start.
    const after = await Recorder.restore(new IdbStore({ name }), options({ maxCallsPerTab: 4 }));
    expect(after.tabIds().sort()).toEqual([1, 2, 3]);
    for (const [i, tabId] of [1, 2, 3].entries()) expect(after.getSession(tabId)).toEqual(sessions[i]);

    // The relays resend what they had not seen acknowledged: nothing changes.
    const resend1 = after.apply(1, 5, batch('app1', 3, [start(2, 1002, 'on'), delivery(2, 1), end(1, 2001, false, snap({ message: 'bad' }))]));
    expect(resend1.ackUpTo).toBe(6);
    const resend2 = after.apply(2, 0, batch('x', 1, starts(1, 5)));
    expect(resend2.ackUpTo).toBe(5);
    await Promise.all([resend1.persisted, resend2.persisted]);
    expect(after.getSession(1)).toEqual(sessions[0]);
    expect(after.getSession(2)).toEqual(sessions[1]);

    // And what is new carries on where it was: call order, sequence numbers, segment of the frame (the user
    // has raised the bound in Settings, so nothing is evicted).
    await after.setDefaultMaxCalls(1000);
    const next = after.apply(1, 5, batch('app1', 7, [delivery(2, 2), start(3)]));
    expect(next.ackUpTo).toBe(8);
    const s1 = after.getSession(1)!;
    expect(s1.calls.map((c) => c.id)).toEqual(['5:app1#1', '5:app1#2', '8:app2#1', '8:app2#9', '5:app1#3']);
    expect(s1.calls[1]!.deliveries.map((d) => d.seq)).toEqual([1, 2]);
    expect(s1.calls[4]!.segment).toBe(0);
    expect(s1.losses.inTransit).toBe(3);
    await next.persisted;
    const third = await Recorder.restore(new IdbStore({ name }), options({ maxCallsPerTab: 1000 }));
    expect(third.getSession(1)).toEqual(s1);
  });

  it('keeps closeTab and pruneTabs across restarts', async () => {
    const name = freshDbName();
    const r = new Recorder(options(), new IdbStore({ name }));
    for (const tab of [1, 2, 3]) r.apply(tab, 0, batch('d', 1, [start(1)]));
    await r.closeTab(2);
    await r.pruneTabs([1]);
    const after = await Recorder.restore(new IdbStore({ name }), options());
    expect(after.tabIds()).toEqual([1]);
    // A closed tab's range delete must not touch tab 1's records.
    expect(after.getSession(1)!.calls.map((c) => c.id)).toEqual(['0:d#1']);
  });

  it('keeps clear and a navigation without preserve log across restarts', async () => {
    const name = freshDbName();
    const r = new Recorder(options(), new IdbStore({ name }));
    await r.apply(1, 0, batch('d', 1, [start(1), start(2)])).persisted;
    await r.apply(2, 0, topHello('top1', 'https://site.atlassian.net/one')).persisted;
    await r.apply(2, 4, batch('app', 1, [start(1)])).persisted;
    await r.clear(1);
    clock.now = 8_000;
    await r.apply(2, 0, topHello('top2', 'https://site.atlassian.net/two')).persisted;
    const after = await Recorder.restore(new IdbStore({ name }), options());
    expect(after.getSession(1)!.calls).toEqual([]);
    expect(after.getSession(2)!.calls).toEqual([]);
    expect(after.getSession(2)!.frames.map((f) => f.key)).toEqual(['0:top2']);
    expect(after.getSession(2)!.segments).toEqual([{ index: 1, startedAt: 8000, url: 'https://site.atlassian.net/two' }]);
    // Late events of the cleared and of the discarded documents stay out after the restart too.
    after.apply(1, 0, batch('d', 3, [end(1), start(3)]));
    after.apply(2, 4, batch('app', 2, [end(1), start(2)]));
    expect(after.getSession(1)!.calls.map((c) => c.id)).toEqual(['0:d#3']);
    expect(after.getSession(2)!.calls).toEqual([]);
  });

  it('persists calls dropped by the bound as deleted', async () => {
    const name = freshDbName();
    const r = new Recorder(options({ maxCallsPerTab: 5 }), new IdbStore({ name }));
    await r.apply(1, 0, batch('d', 1, starts(1, 8))).persisted;
    const after = await Recorder.restore(new IdbStore({ name }), options({ maxCallsPerTab: 5 }));
    expect(after.getSession(1)!.calls.map((c) => c.callId)).toEqual([4, 5, 6, 7, 8]);
    expect(after.getSession(1)!.losses.evictedCalls).toBe(3);
    // Restored with a lower bound: the oldest go at once.
    const lower = await Recorder.restore(new IdbStore({ name }), options({ maxCallsPerTab: 2 }));
    expect(lower.getSession(1)!.calls.map((c) => c.callId)).toEqual([7, 8]);
    expect(lower.getSession(1)!.losses.evictedCalls).toBe(6);
  });

  it('stores snapshot keys such as __proto__ as data', async () => {
    const name = freshDbName();
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, never>;
    const r = new Recorder(options(), new IdbStore({ name }));
    await r.apply(1, 0, batch('d', 1, [start(1, 1, 'invoke', snap(value))])).persisted;
    const after = await Recorder.restore(new IdbStore({ name }), options());
    const restored = after.getSession(1)!.calls[0]!.request.value as Record<string, unknown>;
    expect(JSON.stringify(restored)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** A store whose saves wait until released. */
class GatedStore implements SessionStore {
  inner = new MemoryStore();
  private gates: (() => void)[] = [];
  failNext = 0;
  load() {
    return this.inner.load();
  }
  async save(changes: StoreChanges): Promise<void> {
    await new Promise<void>((resolve) => this.gates.push(resolve));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('quota exceeded');
    }
    await this.inner.save(changes);
  }
  releaseAll(): void {
    const gates = this.gates;
    this.gates = [];
    for (const g of gates) g();
  }
  get waiting(): number {
    return this.gates.length;
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('durability before acknowledgement', () => {
  it('persisted resolves only once the save is done', async () => {
    const store = new GatedStore();
    const r = new Recorder(options(), store);
    let resolved = false;
    const result = r.apply(1, 0, batch('d', 1, [start(1)]));
    void result.persisted.then(() => (resolved = true));
    await tick();
    expect(store.waiting).toBe(1);
    expect(resolved).toBe(false);
    store.releaseAll();
    expect(await result.persisted).toBe(true);
    expect(callsOf(await store.inner.load()).map((c) => c.call.id)).toEqual(['0:d#1']);
  });

  it('gathers the changes made while a save runs into the next one', async () => {
    const store = new GatedStore();
    const r = new Recorder(options(), store);
    const first = r.apply(1, 0, batch('d', 1, [start(1)]));
    await tick();
    const second = r.apply(1, 0, batch('d', 2, [start(2)]));
    const third = r.apply(1, 0, batch('d', 3, [start(3)]));
    expect(second.persisted).toBe(third.persisted);
    store.releaseAll();
    await first.persisted;
    await tick();
    expect(store.waiting).toBe(1); // one save for both
    store.releaseAll();
    await third.persisted;
    expect(store.inner.saves).toBe(2);
    expect(callsOf(await store.inner.load()).length).toBe(3);
  });

  it('a failed save resolves false, reports, and goes again with the next save', async () => {
    const store = new GatedStore();
    const errors: unknown[] = [];
    const r = new Recorder(options({ onStoreError: (e) => errors.push(e) }), store);
    store.failNext = 1;
    const first = r.apply(1, 0, batch('d', 1, [start(1), start(2)]));
    await tick();
    store.releaseAll();
    expect(await first.persisted).toBe(false);
    expect(errors.length).toBe(1);
    expect(r.getSession(1)!.losses.storeFailures).toBe(1);
    const second = r.apply(1, 0, batch('d', 3, [end(1)]));
    await tick();
    store.releaseAll();
    expect(await second.persisted).toBe(true);
    const restored = await Recorder.restore(store.inner, options());
    expect(restored.getSession(1)!.calls.map((c) => [c.callId, c.status])).toEqual([
      [1, 'ok'],
      [2, 'pending'],
    ]);
  });
});

describe('relay and recorder across a worker restart', () => {
  it('loses and duplicates nothing when the worker stops before acknowledging', async () => {
    const name = freshDbName();
    const relay = new RelayBuffer('doc-a', { url: 'https://app.example/', isTop: false, parentUrl: '' });
    let recorder = new Recorder(options(), new IdbStore({ name }));
    relay.push(starts(1, 300));
    for (const m of [relay.helloMessage(), ...relay.takeBatches()]) {
      const { ackUpTo, persisted } = recorder.apply(1, 2, m);
      await persisted;
      if (ackUpTo !== null) relay.ack(ackUpTo);
    }
    expect(relay.pendingCount).toBe(0);
    relay.push([...starts(301, 350), end(1), end(300), delivery(2, 1)]);
    const inFlight = relay.takeBatches();
    // The worker stores this batch and stops before its ack reaches the relay.
    await recorder.apply(1, 2, inFlight[0]!).persisted;
    relay.push(starts(351, 360)); // more while the worker is away
    recorder = await Recorder.restore(new IdbStore({ name }), options());
    for (const m of relay.resendAll()) {
      const { ackUpTo, persisted } = recorder.apply(1, 2, m);
      await persisted;
      if (ackUpTo !== null) relay.ack(ackUpTo);
    }
    expect(relay.pendingCount).toBe(0);
    const s = recorder.getSession(1)!;
    expect(s.calls.length).toBe(360);
    expect(s.calls.map((c) => c.callId)).toEqual(Array.from({ length: 360 }, (_, i) => i + 1));
    expect(s.calls[1]!.deliveries.length).toBe(1);
    expect([s.calls[0]!.status, s.calls[299]!.status, s.calls[1]!.status]).toEqual(['ok', 'ok', 'pending']);
    expect(s.losses.inTransit).toBe(0);
  });

  it('processes and persists a burst of 2,000 calls in reasonable time', async () => {
    const name = freshDbName();
    const relay = new RelayBuffer('burst', { url: 'https://app.example/', isTop: false, parentUrl: '' });
    const recorder = new Recorder(options(), new IdbStore({ name }));
    const t0 = performance.now();
    for (let id = 1; id <= 2000; id += 100) {
      const events = [];
      for (let k = id; k < id + 100; k++) events.push(start(k, k, 'invoke', snap({ payload: 'p'.repeat(200), k }, 220)), end(k, k + 5));
      relay.push(events);
    }
    const acks = [relay.helloMessage(), ...relay.takeBatches()].map((m) => recorder.apply(4, 1, m));
    await Promise.all(acks.map((a) => a.persisted));
    const elapsed = performance.now() - t0;
    expect(acks.at(-1)!.ackUpTo).toBe(4000);
    expect(elapsed).toBeLessThan(10_000);
    const restored = await Recorder.restore(new IdbStore({ name }), options());
    const s = restored.getSession(4)!;
    expect(s.calls.length).toBe(2000);
    expect(s.calls.every((c, i) => c.callId === i + 1 && c.status === 'ok')).toBe(true);
  });
});
