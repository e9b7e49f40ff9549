import { describe, expect, it } from 'vitest';
import { Targets } from '../../bench/targets';

describe('Targets', () => {
  it('counts a figure at its limit as met and lists each missed one with its figure', () => {
    const t = new Targets();
    t.check('ratio', 1.05, 1.05, '1.050');
    t.check('export', 1027, 1000, '1027 ms');
    t.check('heap', 5, 15, '5.0 MB');
    expect(t.summary()).toEqual(['Targets: 2 of 3 met; missed:', '  export: 1027 ms (target ≤ 1000)']);
  });

  it('counts a figure that is not a number as missed', () => {
    const t = new Targets();
    t.check('burst', Number.NaN, 1000, 'not recorded within 60 s');
    expect(t.summary()).toEqual(['Targets: 0 of 1 met; missed:', '  burst: not recorded within 60 s (target ≤ 1000)']);
  });

  it('says nothing when no target was checked', () => {
    expect(new Targets().summary()).toEqual([]);
  });
});
