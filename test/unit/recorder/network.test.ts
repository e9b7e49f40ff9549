import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/protocol/limits';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { IdbStore } from '../../../src/recorder/idbStore';
import { MemoryStore } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { netEntry, options } from './helpers';

const TAB = 3;

describe('Recorder: network entries from the DevTools page', () => {
  it('keeps entries in the current segment, replaces one by id, and feeds them to the panel', async () => {
    const r = new Recorder(options());
    const messages: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => messages.push(m));
    await r.applyNetwork(TAB, [netEntry('n1', { segment: 9 }), netEntry('n2')]);
    await r.applyNetwork(TAB, [netEntry('n1', { status: 500 })]);
    const session = r.getSession(TAB)!;
    expect(session.network.map((e) => [e.id, e.status, e.segment])).toEqual([['n1', 500, 0], ['n2', 200, 0]]);
    const feed = messages.filter((m) => m.type === 'network');
    expect(feed.map((m) => (m.type === 'network' ? m.entries.map((e) => e.id) : []))).toEqual([['n1', 'n2'], ['n1']]);
  });

  it('drops the oldest beyond the bound and counts them; clear forgets entries with the calls', async () => {
    const r = new Recorder(options());
    const over = LIMITS.networkEntriesPerTab + 3;
    await r.applyNetwork(TAB, Array.from({ length: over }, (_, i) => netEntry(`n${i}`)));
    let session = r.getSession(TAB)!;
    expect(session.network).toHaveLength(LIMITS.networkEntriesPerTab);
    expect(session.network[0]!.id).toBe('n3');
    expect(session.losses.evictedNetwork).toBe(3);
    await r.clear(TAB);
    session = r.getSession(TAB)!;
    expect(session.network).toEqual([]);
    expect(session.losses.evictedNetwork).toBe(0);
  });

  it('stores nothing while recording is paused', async () => {
    const r = new Recorder(options());
    await r.setRecording(TAB, false);
    await r.applyNetwork(TAB, [netEntry('n1')]);
    expect(r.getSession(TAB)!.network).toEqual([]);
  });

  it('says when a DevTools window starts and stops watching, counting windows', () => {
    const r = new Recorder(options());
    const feed: boolean[] = [];
    r.subscribe(TAB, (m) => m.type === 'summary' && feed.push(m.summary.networkFeed === 'on'));
    r.setNetworkFeed(TAB, true);
    r.setNetworkFeed(TAB, true);
    expect(r.getSession(TAB)!.networkFeed).toBe('on');
    r.setNetworkFeed(TAB, false);
    r.setNetworkFeed(TAB, false);
    expect(feed).toEqual([true, false]);
    expect(r.getSession(TAB)!.networkFeed).toBe('off');
  });

  it('survives a stopped worker: entries and the dropped count come back from IndexedDB and from memory', async () => {
    for (const makeStore of [() => new MemoryStore(), () => new IdbStore({ name: `net-${Math.random()}` })]) {
      const store = makeStore();
      const before = new Recorder(options(), store);
      await before.applyNetwork(TAB, [netEntry('a'), netEntry('b', { url: 'https://remote.example/tasks', category: 'remote' })]);
      const after = await Recorder.restore(store, options());
      const session = after.getSession(TAB)!;
      expect(session.network.map((e) => [e.id, e.category])).toEqual([['a', 'forge-graphql'], ['b', 'remote']]);
      // The feed is a live connection: a restarted worker has none until the DevTools page says hello again.
      expect(session.networkFeed).toBe('off');
      await after.applyNetwork(TAB, [netEntry('c')]);
      expect(after.getSession(TAB)!.network.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    }
  });
});
