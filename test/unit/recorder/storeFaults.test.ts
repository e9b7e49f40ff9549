import { describe, expect, it } from 'vitest';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { MemoryStore, type PersistedState, type SessionStore, type StoreChanges } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, end, hello, options, start } from './helpers';

const TAB = 3;

/** A store whose database cannot be opened: every call rejects, as IndexedDB's open does when storage is blocked. */
class UnopenableStore implements SessionStore {
  async load(): Promise<PersistedState> {
    throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
  }
  async save(_changes: StoreChanges): Promise<void> {
    throw new DOMException('closed', 'InvalidStateError');
  }
}

/** A store whose next `failures` saves fail (with a quota error, or another one). */
class FailingSaves extends MemoryStore {
  constructor(
    private failures: number,
    private readonly name = 'UnknownError',
  ) {
    super();
  }
  override async save(changes: StoreChanges): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new DOMException('The save failed', this.name);
    }
    return super.save(changes);
  }
}

describe('Recorder: storage that fails visibly', () => {
  it('records in memory when the store cannot be opened, says so, and counts the failure', async () => {
    const errors: unknown[] = [];
    const recorder = await Recorder.open(new UnopenableStore(), options({ onStoreError: (e) => errors.push(e) }));
    const seen: BackgroundToPanel[] = [];
    recorder.subscribe(TAB, (m) => seen.push(m));
    recorder.apply(TAB, 1, hello('d1'));
    const { persisted } = recorder.apply(TAB, 1, batch('d1', 1, [start(1), end(1)]));
    // Nothing to wait for: acknowledged at once (memory is where it lives).
    await expect(persisted).resolves.toBe(true);
    const session = recorder.getSession(TAB)!;
    expect(session.calls.map((c) => c.status)).toEqual(['ok']);
    expect(session.storage).toBe('memory');
    expect(session.losses.storeFailures).toBe(1);
    expect(errors).toHaveLength(1);
    // The panel hears it from its first message.
    expect(seen[0]!.type === 'session' && seen[0]!.session.storage).toBe('memory');
  });

  it('restores from a store that opens, and says the log is persistent', async () => {
    const recorder = await Recorder.open(new MemoryStore(), options());
    recorder.apply(TAB, 1, batch('d1', 1, [start(1)]));
    expect(recorder.getSession(TAB)!.storage).toBe('persistent');
    expect(recorder.getSession(TAB)!.losses.storeFailures).toBe(0);
  });

  it('a save that fails once is counted, not acknowledged, and goes with the next save', async () => {
    const store = new FailingSaves(1);
    const recorder = new Recorder(options({ onStoreError: () => undefined }), store);
    const first = recorder.apply(TAB, 1, batch('d1', 1, [start(1)]));
    await expect(first.persisted).resolves.toBe(false);
    expect(recorder.getSession(TAB)!.losses.storeFailures).toBe(1);
    const second = recorder.apply(TAB, 1, batch('d1', 2, [end(1)]));
    await expect(second.persisted).resolves.toBe(true);
    const restored = await Recorder.restore(store, options());
    expect(restored.getSession(TAB)!.calls.map((c) => [c.callId, c.status])).toEqual([[1, 'ok']]);
  });
});
