import { describe, expect, it } from 'vitest';
import { callsOf, MemoryStore } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, end, hello, options, start } from './helpers';

describe('Recorder: save spacing', () => {
  it('writes the changes made within saveSpacingMs in one save, and acknowledges only once it is done', async () => {
    const store = new MemoryStore();
    const r = new Recorder(options({ saveSpacingMs: 30 }), store);
    const results = [r.apply(1, 0, hello('d1')), r.apply(1, 0, batch('d1', 1, [start(1)])), r.apply(1, 0, batch('d1', 2, [end(1)]))];
    expect(store.saves).toBe(0);
    expect(await Promise.all(results.map((x) => x.persisted))).toEqual([true, true, true]);
    expect(store.saves).toBe(1);
    const state = await store.load();
    expect(callsOf(state).map((c) => c.call.status)).toEqual(['ok']);
  });

  it('counts say unsaved from the first change until its save is written, then not', async () => {
    const store = new MemoryStore();
    const r = new Recorder(options({ saveSpacingMs: 30 }), store);
    const first = r.apply(1, 0, hello('d1'));
    const later = r.apply(1, 0, batch('d1', 1, [start(1), end(1)]));
    expect(r.counts(1)).toMatchObject({ calls: 1, unsaved: true });
    await first.persisted;
    await later.persisted;
    expect(store.saves).toBe(1);
    expect(r.counts(1)).toMatchObject({ calls: 1, unsaved: false });
  });
});
