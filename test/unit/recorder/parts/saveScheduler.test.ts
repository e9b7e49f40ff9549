import { describe, expect, it } from 'vitest';
import { MemoryStore, splitChanges, type StoreChanges } from '../../../../src/recorder/persistence';
import { SaveScheduler } from '../../../../src/recorder/saveScheduler';

const session = (tabId: number) => ({ tabId, segments: [], recording: true, preserveLog: false, maxCalls: null, topDocKey: null, nextOrder: 1, nextSegment: 0, nextFrameOrder: 1 });

/** A store whose next saves fail with the given error names, and that records what each save held. */
class ScriptedStore extends MemoryStore {
  seen: StoreChanges[] = [];
  constructor(private failures: string[]) {
    super();
  }
  override async save(changes: StoreChanges): Promise<void> {
    this.seen.push(changes);
    const name = this.failures.shift();
    if (name) throw new DOMException('failed', name);
    return super.save(changes);
  }
}

describe('SaveScheduler', () => {
  it('without a store, succeeds at once and keeps nothing pending', async () => {
    const saves = new SaveScheduler(null, { spacingMs: 0, onError: () => undefined, onQuota: () => undefined });
    saves.changes.put('sessions', session(1));
    await expect(saves.persist()).resolves.toBe(true);
    expect(saves.changes.isEmpty).toBe(true);
    expect(saves.persistent).toBe(false);
  });

  it('counts a failed save and writes its changes with the next one', async () => {
    const store = new ScriptedStore(['UnknownError']);
    const errors: unknown[] = [];
    const saves = new SaveScheduler(store, { spacingMs: 0, onError: (e) => errors.push(e), onQuota: () => undefined });
    saves.changes.put('sessions', session(1));
    await expect(saves.persist()).resolves.toBe(false);
    saves.changes.put('sessions', session(2));
    await expect(saves.persist()).resolves.toBe(true);
    expect([saves.failures, errors.length]).toEqual([1, 1]);
    expect((await store.load()).sessions.map((s) => s.tabId)).toEqual([1, 2]);
  });

  it('after a quota error, frees space and retries with deletes and puts in separate saves', async () => {
    const store = new ScriptedStore(['QuotaExceededError']);
    let quota = 0;
    const saves = new SaveScheduler(store, {
      spacingMs: 0,
      onError: () => undefined,
      onQuota: () => {
        quota++;
        saves.changes.delete('callPages', 1, 1);
      },
    });
    saves.changes.put('sessions', session(1));
    await expect(saves.persist()).resolves.toBe(true);
    expect([quota, saves.failures]).toEqual([1, 1]);
    const [, frees, takes] = store.seen;
    expect(frees!.tabs[0]!.deletes.callPages).toEqual([1]);
    expect(frees!.tabs[0]!.puts.sessions).toEqual([]);
    expect(takes!.tabs[0]!.puts.sessions.map((s) => s.tabId)).toEqual([1]);
    expect(takes!.tabs[0]!.deletes.callPages).toEqual([]);
  });

  it('splitChanges keeps clears with the deletes', () => {
    const [frees, takes] = splitChanges({ tabs: [{ tabId: 1, clears: ['calls'], puts: { sessions: [session(1)], frames: [], callPages: [], docs: [], network: [] }, deletes: { sessions: [], frames: ['k'], callPages: [], docs: [], network: [] } }] });
    expect([frees.tabs[0]!.clears, frees.tabs[0]!.deletes.frames, frees.tabs[0]!.puts.sessions.length]).toEqual([['calls'], ['k'], 0]);
    expect([takes.tabs[0]!.clears, takes.tabs[0]!.puts.sessions.length]).toEqual([[], 1]);
  });
});
