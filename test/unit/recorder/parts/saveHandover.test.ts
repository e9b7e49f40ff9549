import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbStore } from '../../../../src/recorder/idbStore';
import { ChangeSet, MemoryStore, type StoreChanges } from '../../../../src/recorder/persistence';
import { SaveScheduler } from '../../../../src/recorder/saveScheduler';

const doc = (tabId: number, key: string) => ({ tabId, key, nextSeq: 1, maxCallId: 0, ignoreUpTo: 0, retired: false });

function changesOf(record: ReturnType<typeof doc>): StoreChanges {
  const changes = new ChangeSet();
  changes.put('docs', record);
  return changes.take(false);
}

let dbCount = 0;

describe('saves hand over live records to a store that clones them on save', () => {
  it('take(false) hands over the live records, take() copies', () => {
    const d = doc(1, 'a');
    expect(changesOf(d).tabs[0]!.puts.docs[0]).toBe(d);
    const changes = new ChangeSet();
    changes.put('docs', d);
    expect(changes.take().tabs[0]!.puts.docs[0]).not.toBe(d);
  });

  it('IndexedDB writes the state at the moment of save(), whether the database was open yet or not', async () => {
    const store = new IdbStore({ name: `handover-${++dbCount}` });
    expect(store.clonesOnSave).toBe(true);
    // Not open yet: the records are copied before the database opens.
    const first = doc(1, 'a');
    const opening = store.save(changesOf(first));
    first.nextSeq = 99;
    await opening;
    // Open: every record is put (cloned by IndexedDB) before save() returns.
    const second = doc(1, 'b');
    const saving = store.save(changesOf(second));
    second.nextSeq = 77;
    await saving;
    const state = await store.load();
    expect(state.docs.map((x) => [x.key, x.nextSeq])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    await store.close();
  });

  it('a store that does not say it clones on save gets copies from the scheduler', async () => {
    const seen: StoreChanges[] = [];
    const inner = new MemoryStore();
    const plain = { load: () => inner.load(), save: async (c: StoreChanges) => void seen.push(c) };
    const scheduler = new SaveScheduler(plain, { spacingMs: 0, onError: () => undefined, onQuota: () => undefined });
    const d = doc(1, 'a');
    scheduler.changes.put('docs', d);
    await scheduler.persist();
    expect(seen[0]!.tabs[0]!.puts.docs[0]).toEqual(d);
    expect(seen[0]!.tabs[0]!.puts.docs[0]).not.toBe(d);
    // A store that clones on save gets the live record.
    const cloning = Object.assign(plain, { clonesOnSave: true });
    const live = new SaveScheduler(cloning, { spacingMs: 0, onError: () => undefined, onQuota: () => undefined });
    live.changes.put('docs', d);
    await live.persist();
    expect(seen[1]!.tabs[0]!.puts.docs[0]).toBe(d);
  });
});
