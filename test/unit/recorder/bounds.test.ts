import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../src/protocol/hook';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { parseRelayToBackground } from '../../../src/protocol/validate';
import { callsOf, MemoryStore, type StoreChanges } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, end, netEntry, options, snap, start, starts } from './helpers';

const TAB = 5;

/** A store whose next saves fail with a quota error, recording every save it is asked for. */
class QuotaStore extends MemoryStore {
  asked: StoreChanges[] = [];
  constructor(private quotaErrors: number) {
    super();
  }
  override async save(changes: StoreChanges): Promise<void> {
    this.asked.push(changes);
    if (this.quotaErrors > 0) {
      this.quotaErrors--;
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    }
    return super.save(changes);
  }
}

describe('Recorder: one byte budget per tab and one across tabs', () => {
  it('counts network bodies in the tab’s budget and evicts the oldest record of either kind first', async () => {
    const r = new Recorder(options({ maxBytesPerTab: 250_000 }));
    const seen: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => seen.push(m));
    r.apply(TAB, 0, batch('d', 1, [start(1), start(2)]));
    await r.applyNetwork(TAB, [netEntry('n1', { responseBody: 'x'.repeat(100_000), responseBodySize: 0 })]);
    r.apply(TAB, 0, batch('d', 3, [start(3)]));
    await r.applyNetwork(TAB, [netEntry('n2', { responseBody: 'y'.repeat(100_000), responseBodySize: 0 })]);
    // 2 calls + n1 + call 3 + n2 fit; one more body does not: the oldest go first (calls 1 and 2, then n1).
    await r.applyNetwork(TAB, [netEntry('n3', { responseBody: 'z'.repeat(100_000) })]);
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => c.callId)).toEqual([3]);
    expect(s.network.map((e) => e.id)).toEqual(['n2', 'n3']);
    expect([s.losses.evictedCalls, s.losses.evictedNetwork]).toEqual([2, 1]);
    expect(s.bytes).toBeLessThanOrEqual(250_000);
    const evicted = seen.filter((m) => m.type === 'evicted');
    expect(evicted.flatMap((m) => (m.type === 'evicted' ? [...m.calls, ...m.network] : []))).toEqual(['0:d#1', '0:d#2', 'n1']);
    expect(seen.at(-1)).toMatchObject({ type: 'summary', summary: { losses: { evictedCalls: 2, evictedNetwork: 1 } } });
  });

  it('measures snapshot sizes itself: a page claiming 0 bytes is held to the budget', () => {
    const r = new Recorder(options({ maxBytesPerTab: 50_000 }));
    const events: HookEvent[] = [];
    for (let id = 1; id <= 10; id++) events.push({ type: 'call-start', id, at: id, command: 'invoke', request: { value: 'v'.repeat(20_000), bytes: 0, truncated: false } });
    const parsed = parseRelayToBackground(batch('d', 1, events));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) r.apply(TAB, 0, parsed.value);
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => c.callId)).toEqual([9, 10]);
    expect(s.losses.evictedCalls).toBe(8);
  });

  it('keeps all tabs within one budget, evicting the oldest record of any tab and telling that tab', () => {
    const big = snap('x', 40_000);
    const r = new Recorder(options({ maxBytesAllTabs: 150_000 }));
    const tab1: BackgroundToPanel[] = [];
    r.subscribe(1, (m) => tab1.push(m));
    r.apply(1, 0, batch('a', 1, [start(1, 1, 'invoke', big), start(2, 2, 'invoke', big)]));
    r.apply(2, 0, batch('b', 1, [start(1, 3, 'invoke', big), start(2, 4, 'invoke', big)]));
    expect(r.getSession(1)!.calls.map((c) => c.callId)).toEqual([2]);
    expect(r.getSession(2)!.calls.map((c) => c.callId)).toEqual([1, 2]);
    expect(r.getSession(1)!.losses.evictedCalls).toBe(1);
    // Tab 2's batch evicted tab 1's oldest call: tab 1's panel hears it, with its new counts.
    expect(tab1.slice(-2)).toMatchObject([
      { type: 'evicted', tabId: 1, calls: ['0:a#1'], network: [] },
      { type: 'summary', tabId: 1, summary: { losses: { evictedCalls: 1 } } },
    ]);
    expect(r.getSession(1)!.bytes + r.getSession(2)!.bytes).toBeLessThanOrEqual(150_000);
  });
});

describe('Recorder: the bound across tabs after a restart', () => {
  it('still evicts the call that started first, whatever its tab', async () => {
    const big = snap('x', 40_000);
    const store = new MemoryStore();
    const before = new Recorder(options(), store);
    await before.apply(1, 0, batch('a', 1, [start(1, 5_000, 'invoke', big)])).persisted;
    await before.apply(2, 0, batch('b', 1, [start(1, 1_000, 'invoke', big)])).persisted;
    const after = await Recorder.restore(store, options({ maxBytesAllTabs: 100_000 }));
    after.apply(1, 0, batch('a', 2, [start(2, 6_000, 'invoke', big)]));
    expect(after.getSession(2)!.calls).toEqual([]);
    expect(after.getSession(1)!.calls.map((c) => c.callId)).toEqual([1, 2]);
  });
});

describe('Recorder: a full store', () => {
  it('on a quota error evicts the oldest quarter and saves again, deletes and puts in separate transactions', async () => {
    const store = new QuotaStore(0);
    const errors: unknown[] = [];
    const r = new Recorder(options({ onStoreError: (e) => errors.push(e) }), store);
    await r.apply(TAB, 0, batch('d', 1, starts(1, 100))).persisted;
    store.asked = [];
    (store as unknown as { quotaErrors: number }).quotaErrors = 1;
    const { persisted } = r.apply(TAB, 0, batch('d', 101, [end(100), start(101)]));
    await expect(persisted).resolves.toBe(true);
    const s = r.getSession(TAB)!;
    expect(s.losses.storeFailures).toBe(1);
    expect(errors).toHaveLength(1);
    expect(s.losses.evictedCalls).toBeGreaterThanOrEqual(25);
    expect(s.calls.at(-1)!.callId).toBe(101);
    // The failed save, then what frees space alone, then what takes it alone.
    const [, frees, takes] = store.asked;
    expect(frees!.tabs.every((t) => Object.values(t.puts).every((list) => list.length === 0))).toBe(true);
    expect(frees!.tabs.some((t) => t.deletes.callPages.length > 0 || t.puts.callPages.length === 0)).toBe(true);
    expect(takes!.tabs.every((t) => t.clears.length === 0 && Object.values(t.deletes).every((list) => list.length === 0))).toBe(true);
    // What is stored is what the recorder holds.
    const restored = await Recorder.restore(store, options());
    expect(restored.getSession(TAB)!.calls.map((c) => c.callId)).toEqual(s.calls.map((c) => c.callId));
    expect(callsOf(await store.load()).length).toBe(s.calls.length);
  });
});

describe('Recorder: losses reported by the relay', () => {
  it('counts hook drops, relay rejections and pagehide losses by cause, once, from batches and channel reports', () => {
    const r = new Recorder(options());
    const withLosses = (firstSeq: number, events: HookEvent[], hookDropped: number, relayRejected: number, pagehide: number) => ({ ...batch('d', firstSeq, events), losses: { hookDropped, relayRejected, pagehide } });
    r.apply(TAB, 0, withLosses(1, [start(1)], 3, 1, 0));
    r.apply(TAB, 0, withLosses(1, [start(1)], 3, 1, 0)); // a resend counts nothing twice
    r.apply(TAB, 0, batch('d', 2, [{ type: 'channel-report', at: 5, hookDropped: 5, rejected: 1, foreignOffers: 0, unanswered: false }]));
    r.apply(TAB, 0, withLosses(3, [end(1)], 5, 2, 4));
    expect(r.getSession(TAB)!.losses).toMatchObject({ hookDropped: 5, relayRejected: 2, navigation: 4 });
  });
});
