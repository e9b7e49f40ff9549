import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeCallPage, encodeCallPage, type StoredCallPage } from '../../../src/recorder/callPageCodec';
import { IdbStore } from '../../../src/recorder/idbStore';
import { MemoryStore } from '../../../src/recorder/persistence';
import type { PersistedCallPage } from '../../../src/recorder/recordKinds';
import { Recorder } from '../../../src/recorder/recorder';
import type { HookEvent } from '../../../src/protocol/hook';
import { batch, delivery, end, hello, options, snap, start } from './helpers';

/** Pages a real recorder made from a mix of calls: two documents, errors, deliveries, call sites, pending calls. */
async function recordedPages(): Promise<PersistedCallPage[]> {
  const store = new MemoryStore();
  const r = new Recorder(options(), store);
  r.apply(1, 0, hello('docA'));
  r.apply(1, 3, hello('docB'));
  const a: HookEvent[] = [];
  for (let id = 1; id <= 130; id++) {
    a.push(id % 7 === 0 ? { type: 'call-start', id, command: 'on', at: 1000 + id, request: snap({ event: 'e' }), initiator: { frames: [{ fn: 'load', url: 'https://app.example/main.js', line: id, column: 2 }] } } : start(id, 1000 + id + 0.123, id % 3 === 0 ? 'getContext' : 'invoke'));
    if (id % 7 === 0) a.push(delivery(id, 0), delivery(id, 1));
    if (id % 11 !== 0) a.push(end(id, 2000 + id, id % 5 !== 0, id % 5 === 0 ? snap({ $fbdt: 'error', text: 'boom' }) : snap({ r: id, list: [1, 'two', null, true] })));
  }
  await r.apply(1, 0, batch('docA', 1, a)).persisted;
  await r.apply(1, 3, batch('docB', 1, [start(1, 9000, 'requestJira', snap({ path: '/rest/api/3/myself' })), end(1, 9001)])).persisted;
  return (await store.load()).callPages;
}

describe('a page of calls stored in rows', () => {
  it('reads back exactly the page it was made from, field for field (absent fields stay absent)', async () => {
    const pages = await recordedPages();
    const calls = pages.flatMap((p) => p.calls.map((s) => s.call));
    expect(calls.length).toBe(131);
    // The mix is there: call sites, deliveries, errors, calls still pending, two documents.
    expect(calls.some((c) => c.initiator !== undefined) && calls.some((c) => !('initiator' in c))).toBe(true);
    expect(calls.some((c) => c.deliveries.length === 2)).toBe(true);
    expect(new Set(calls.map((c) => c.status)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(calls.map((c) => c.frameKey)).size).toBe(2);
    for (const page of pages) {
      expect(decodeCallPage(encodeCallPage(page))).toStrictEqual(page);
      // As IndexedDB hands it back: a structured clone of what was put.
      expect(decodeCallPage(structuredClone(encodeCallPage(page)))).toStrictEqual(structuredClone(page));
    }
  });

  it('keeps an id that is not the usual frame key and call id', async () => {
    const [page] = await recordedPages();
    const odd = structuredClone(page!);
    odd.calls[0]!.call.id = 'something else#1';
    expect(decodeCallPage(encodeCallPage(odd)).calls[0]!.call.id).toBe('something else#1');
    expect(decodeCallPage(encodeCallPage(odd)).calls[1]!.call.id).toBe(odd.calls[1]!.call.id);
  });

  it('writes a third of the bytes of the objects for repeated getContext calls (the answer shared, as the recorder shares it)', () => {
    const request = snap({ $fbdt: 'undefined' }, 21);
    const context = snap({ cloudId: 'c1d2e3f4', moduleKey: 'issue-panel', extension: { type: 'jira:issuePanel', issue: { key: 'SBX-1' } } }, 120);
    const calls = Array.from({ length: 100 }, (_, i) => ({
      tabId: 3,
      order: i + 1,
      call: {
        id: `0:0b0c3c2e-4f5a-4d1e-9c7b-1a2b3c4d5e6f#${i + 1}`,
        frameKey: '0:0b0c3c2e-4f5a-4d1e-9c7b-1a2b3c4d5e6f',
        callId: i + 1,
        segment: 0,
        command: 'getContext',
        kind: 'context' as const,
        summary: 'getContext',
        startedAt: 1_700_000_000_000 + i * 0.81,
        endedAt: 1_700_000_000_000 + i * 0.81 + 0.7,
        status: 'ok' as const,
        request,
        response: context,
        error: null,
        deliveries: [],
        deliveriesDropped: 0,
      },
    }));
    const page: PersistedCallPage = { tabId: 3, page: 1, calls };
    expect(serialize(encodeCallPage(page)).length * 3).toBeLessThan(serialize(page).length);
  });

  it('reads a page written before rows (objects) as it is', async () => {
    const [page] = await recordedPages();
    expect(decodeCallPage(page!)).toBe(page);
  });

  it('leaves out rows that are not calls, and a damaged page reads as no calls rather than throwing', async () => {
    const [page] = await recordedPages();
    const stored = structuredClone(encodeCallPage(page!));
    const good = stored.calls.length;
    stored.calls.push('not a row' as never, [1, 2, 3], [...stored.calls[0]!.slice(0, 1), 99, ...stored.calls[0]!.slice(2)]);
    expect(decodeCallPage(stored).calls).toHaveLength(good);
    const broken = { tabId: 1, page: 9, rows: 1, frameKeys: null, calls: 'x' } as unknown as StoredCallPage;
    expect(decodeCallPage(broken)).toEqual({ tabId: 1, page: 9, calls: [] });
  });

  it('is what IdbStore writes, and a database holding both forms restores every call', async () => {
    const name = `rows-${Math.random()}`;
    const pages = await recordedPages();
    const r = new Recorder(options(), new IdbStore({ name }));
    r.apply(2, 0, hello('docC'));
    await r.apply(2, 0, batch('docC', 1, [start(1), end(1), start(2), end(2)])).persisted;
    // Raw records: rows for what this version wrote; then a page of objects as an earlier version wrote it.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const raw = await new Promise<unknown[]>((resolve) => {
      const req = db.transaction('callPages').objectStore('callPages').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ tabId: 2, page: 1, rows: 1, frameKeys: ['0:docC'] });
    const old = { ...pages[0]!, tabId: 5 };
    for (const slot of old.calls) slot.tabId = 5;
    await new Promise<void>((resolve) => {
      const tx = db.transaction('callPages', 'readwrite');
      tx.objectStore('callPages').put(old, [5, old.page]);
      tx.oncomplete = () => resolve();
    });
    db.close();
    const restored = await Recorder.restore(new IdbStore({ name }), options());
    expect(restored.getSession(2)!.calls.map((c) => [c.callId, c.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
    expect(restored.getSession(5)!.calls.map((c) => c.callId)).toEqual(old.calls.map((s) => s.call.callId));
  });
});
