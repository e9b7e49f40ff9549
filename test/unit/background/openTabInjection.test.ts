import { describe, expect, it } from 'vitest';
import { injectionTargets } from '../../../src/background/openTabInjection';

describe('injectionTargets', () => {
  it('names each document the relay has not reached by its document id, one target each', () => {
    const targets = injectionTargets(7, [
      { frameId: 0, documentId: 'TOP', result: true },
      { frameId: 3, documentId: 'APP-OLD', result: false },
      { frameId: 5, documentId: 'OTHER', result: null },
    ]);
    expect(targets).toEqual([
      { tabId: 7, documentIds: ['APP-OLD'] },
      { tabId: 7, documentIds: ['OTHER'] },
    ]);
  });

  it('never targets a frame by id when its document is known (a navigation meanwhile gets no second hook)', () => {
    const targets = injectionTargets(1, [{ frameId: 3, documentId: 'D1', result: false }]);
    expect(targets.some((t) => 'frameIds' in t)).toBe(false);
  });

  it('falls back to frame ids where the browser gives no document id (Firefox)', () => {
    expect(injectionTargets(2, [{ frameId: 0, result: false }, { frameId: 4, documentId: '', result: undefined }, { frameId: 6, result: true }])).toEqual([
      { tabId: 2, frameIds: [0] },
      { tabId: 2, frameIds: [4] },
    ]);
  });

  it('leaves a tab whose documents all have the relay alone', () => {
    expect(injectionTargets(3, [{ frameId: 0, documentId: 'A', result: true }])).toEqual([]);
  });
});
