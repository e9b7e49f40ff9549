import { describe, expect, it } from 'vitest';
import { ChangeSet, MemoryStore } from '../../../../src/recorder/persistence';
import { KIND_NAMES, KINDS, kindsClearedBy } from '../../../../src/recorder/recordKinds';
import { netEntry } from '../helpers';

const doc = (tabId: number, key: string) => ({ tabId, key, nextSeq: 1, maxCallId: 0, ignoreUpTo: 0, retired: false });

describe('record kinds and the change set', () => {
  it('describes each kind once: what each clear removes', () => {
    expect(kindsClearedBy('tab')).toEqual(KIND_NAMES);
    expect(kindsClearedBy('calls')).toEqual(['callPages', 'network']);
    expect(kindsClearedBy('frames')).toEqual(['frames']);
    expect(KINDS.docs.subKey(doc(1, 'k'))).toBe('k');
  });

  it('keeps the last state of each record, copied when taken', () => {
    const changes = new ChangeSet();
    const d = doc(1, 'a');
    changes.put('docs', d);
    d.nextSeq = 5;
    changes.delete('docs', 1, 'b');
    const taken = changes.take();
    d.nextSeq = 9;
    expect(taken.tabs[0]!.puts.docs).toEqual([{ ...doc(1, 'a'), nextSeq: 5 }]);
    expect(taken.tabs[0]!.deletes.docs).toEqual(['b']);
    expect(changes.isEmpty).toBe(true);
  });

  it('a clear drops pending records of its kinds; a failed save goes back under newer changes', async () => {
    const changes = new ChangeSet();
    changes.put('network', { tabId: 1, order: 1, entry: netEntry('a') });
    changes.put('docs', doc(1, 'a'));
    changes.clear(1, 'calls');
    const failed = changes.take();
    expect(failed.tabs[0]!.puts.network).toEqual([]);
    expect(failed.tabs[0]!.puts.docs).toHaveLength(1);
    changes.put('docs', { ...doc(1, 'a'), nextSeq: 3 });
    changes.restoreFailed(failed);
    const store = new MemoryStore();
    await store.save({ tabs: [{ tabId: 1, clears: [], puts: { sessions: [], frames: [], callPages: [], docs: [], network: [{ tabId: 1, order: 1, entry: netEntry('old') }] }, deletes: { sessions: [], frames: [], callPages: [], docs: [], network: [] } }] });
    await store.save(changes.take());
    const state = await store.load();
    expect(state.network).toEqual([]);
    expect(state.docs.map((x) => x.nextSeq)).toEqual([3]);
  });
});
