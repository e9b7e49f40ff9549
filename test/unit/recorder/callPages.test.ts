import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../../src/recorder/idbStore';
import { callsOf, MemoryStore, type StoreChanges } from '../../../src/recorder/persistence';
import { CALLS_PER_PAGE, KIND_NAMES, type PersistedState } from '../../../src/recorder/recordKinds';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, end, hello, options, snap, start, starts } from './helpers';

/** A MemoryStore that records what each save held. */
class Spy extends MemoryStore {
  seen: StoreChanges[] = [];
  override async save(changes: StoreChanges): Promise<void> {
    this.seen.push(changes);
    return super.save(changes);
  }
}

describe('calls stored in pages', () => {
  it('writes a burst as one save of a few pages, not a record per call', async () => {
    const store = new Spy();
    const r = new Recorder(options(), store);
    const events = [];
    for (let id = 1; id <= 250; id++) events.push(start(id), end(id));
    let seq = 1;
    const results = [];
    for (let i = 0; i < events.length; i += 200) {
      results.push(r.apply(1, 0, batch('d', seq, events.slice(i, i + 200))));
      seq += Math.min(200, events.length - i);
    }
    await Promise.all(results.map((x) => x.persisted));
    const pages = store.seen.flatMap((c) => c.tabs.flatMap((t) => t.puts.callPages));
    expect(new Set(pages.map((p) => p.page)).size).toBe(Math.ceil(250 / CALLS_PER_PAGE));
    expect(pages.length).toBeLessThanOrEqual(2 * Math.ceil(250 / CALLS_PER_PAGE));
    const saved = callsOf(await store.load());
    expect(saved.length).toBe(250);
    expect(saved.every((c) => c.call.status === 'ok')).toBe(true);
  });

  it('a save closes the page being filled once it holds CLOSE_PAGE_AT_SAVE calls: the next save writes only new calls', async () => {
    const store = new Spy();
    const r = new Recorder(options(), store);
    const pagesOf = (save: StoreChanges) => save.tabs.flatMap((t) => t.puts.callPages.map((p) => [p.page, p.calls.length]));
    await r.apply(1, 0, batch('d', 1, starts(1, 50))).persisted;
    await r.apply(1, 0, batch('d', 51, starts(51, 100))).persisted;
    expect(pagesOf(store.seen.at(-1)!)).toEqual([[2, 50]]);
    // Below the threshold the page stays open: a slow stream does not make a page per save.
    await r.apply(1, 0, batch('d', 101, starts(101, 105))).persisted;
    await r.apply(1, 0, batch('d', 106, starts(106, 110))).persisted;
    expect(pagesOf(store.seen.at(-1)!)).toEqual([[3, 10]]);
    const after = await Recorder.restore(store, options());
    expect(after.getSession(1)!.calls.map((c) => c.callId)).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
  });

  it('evicting the oldest rewrites or deletes their pages, and a restart lists what is left in order', async () => {
    const store = new MemoryStore();
    const r = new Recorder(options({ maxCallsPerTab: 150 }), store);
    await r.apply(1, 0, batch('d', 1, starts(1, 180))).persisted;
    expect((await store.load()).callPages.map((p) => p.page)).toEqual([1, 2]);
    await r.apply(1, 0, batch('d', 181, starts(181, 210))).persisted;
    let state = await store.load();
    expect(state.callPages.map((p) => [p.page, p.calls[0]!.call.callId, p.calls.length])).toEqual([
      [1, 61, 40],
      // The save of the first 180 closed page 2 (CLOSE_PAGE_AT_SAVE): the next calls went to page 3.
      [2, 101, 80],
      [3, 181, 30],
    ]);
    await r.setDefaultMaxCalls(100);
    state = await store.load();
    expect(state.callPages.map((p) => p.page)).toEqual([2, 3]);
    const after = await Recorder.restore(store, options());
    expect(after.getSession(1)!.calls.map((c) => c.callId)).toEqual(Array.from({ length: 100 }, (_, i) => 111 + i));
    await after.apply(1, 0, batch('d', 211, [start(211, 1, 'invoke', snap({ x: 1 }))])).persisted;
    expect(callsOf(await store.load()).map((c) => c.call.callId).sort((a, b) => a - b).at(-1)).toBe(211);
  });

  it('gives each record its key with the put since version 4, and moves a version 3 database (key paths) over', async () => {
    // What version 3 stored, made by the recorder: a session, a frame, a document, pages of calls.
    const source = new IdbStore({ name: `v4-${Math.random()}` });
    const recorder = new Recorder(options(), source);
    recorder.apply(2, 5, hello('d', 'https://app.example/', 'https://site.atlassian.net/'));
    await recorder.apply(2, 5, batch('d', 1, starts(1, 150))).persisted;
    const before = await source.load();
    expect(before.callPages.length).toBeGreaterThan(1);
    await source.close();

    const name = `migrate-v3-${Math.random()}`;
    const keyPaths: Record<string, string | string[]> = { sessions: 'tabId', frames: ['tabId', 'key'], callPages: ['tabId', 'page'], docs: ['tabId', 'key'], network: ['tabId', 'order'] };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 3);
      req.onupgradeneeded = () => {
        for (const kind of KIND_NAMES) {
          const store = req.result.createObjectStore(kind, { keyPath: keyPaths[kind] });
          for (const record of (before as Record<string, unknown[]>)[kind]!) store.put(record);
        }
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const store = new IdbStore({ name });
    const after: PersistedState = await store.load();
    for (const kind of KIND_NAMES) expect(after[kind], kind).toEqual(before[kind]);
    const stores = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    const tx = stores.transaction(KIND_NAMES);
    for (const kind of KIND_NAMES) expect(tx.objectStore(kind).keyPath, kind).toBeNull();
    expect(await new Promise((resolve) => (tx.objectStore('callPages').getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest).result)))).toEqual(
      before.callPages.map((p) => [2, p.page]),
    );
    stores.close();
    // Restored, the recorder goes on: new calls are saved, and evicted ones deleted, under the same keys.
    const restored = await Recorder.restore(store, options());
    await restored.apply(2, 5, batch('d', 151, starts(151, 160))).persisted;
    await restored.setDefaultMaxCalls(20);
    const last = await store.load();
    expect(callsOf(last).map((c) => c.call.callId).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 141 + i));
    await store.close();
  });

  it('moves calls saved one record each (database version 2) into pages', async () => {
    const name = `migrate-${Math.random()}`;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 2);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('sessions', { keyPath: 'tabId' });
        db.createObjectStore('frames', { keyPath: ['tabId', 'key'] });
        db.createObjectStore('docs', { keyPath: ['tabId', 'key'] });
        db.createObjectStore('network', { keyPath: ['tabId', 'order'] });
        const calls = db.createObjectStore('calls', { keyPath: ['tabId', 'order'] });
        const sample = new Recorder(options());
        sample.apply(4, 0, batch('d', 1, starts(1, 120)));
        for (const [i, call] of sample.getSession(4)!.calls.entries()) calls.put({ tabId: 4, order: i + 1, call });
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    const store = new IdbStore({ name });
    const state = await store.load();
    expect(state.callPages.map((p) => [p.page, p.calls.length])).toEqual([
      [1, CALLS_PER_PAGE],
      [2, 120 - CALLS_PER_PAGE],
    ]);
    const r = await Recorder.restore(store, options());
    expect(r.getSession(4)!.calls.map((c) => c.callId)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    await store.close();
  });
});
