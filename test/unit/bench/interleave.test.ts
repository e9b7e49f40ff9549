import { describe, expect, it } from 'vitest';
import { armOrder, interleave, summarize, type Arm } from '../../bench/interleave';

describe('armOrder', () => {
  it('puts each of three arms first, in the middle and last equally often over six rounds', () => {
    const names = ['without', 'with', 'control'] as const;
    const positions = new Map(names.map((n) => [n, [0, 0, 0]]));
    for (let r = 0; r < 6; r++) armOrder(names, r).forEach((name, i) => positions.get(name)![i]!++);
    for (const name of names) expect(positions.get(name)).toEqual([2, 2, 2]);
  });

  it('alternates which of two arms goes first, and each does so half the time', () => {
    const firsts = [0, 1, 2, 3].map((r) => armOrder(['without', 'with'], r)[0]);
    expect(firsts.filter((n) => n === 'with')).toHaveLength(2);
    expect(new Set(armOrder(['without', 'with'], 1))).toEqual(new Set(['without', 'with']));
  });
});

describe('interleave and summarize', () => {
  const arm = (costs: number[], log: string[], name: string): Arm => ({
    block: async () => {
      log.push(name);
      return costs.shift()!;
    },
    settle: async () => undefined,
  });

  it('runs every arm once per block and computes ratios per round against the arm without', async () => {
    const log: string[] = [];
    const rounds = await interleave({ without: arm([100, 200], log, 'without'), with: arm([110, 180], log, 'with'), control: arm([100, 220], log, 'control') }, 2, 1);
    expect(log).toHaveLength(6);
    const s = summarize(rounds);
    expect(s.rounds).toBe(2);
    expect(s.ratio.min).toBeCloseTo(0.9);
    expect(s.ratio.max).toBeCloseTo(1.1);
    expect(s.added.max).toBe(10);
    expect(s.control!.max).toBeCloseTo(1.1);
  });

  it('continues the order of an earlier set of rounds and has no control figure without a control arm', async () => {
    const log: string[] = [];
    const rounds = await interleave({ without: arm([100], log, 'without'), with: arm([105], log, 'with') }, 1, 1, 1);
    expect(log).toEqual(armOrder(['without', 'with'], 1));
    expect(summarize(rounds).control).toBeNull();
    expect(summarize(rounds).ratio.median).toBeCloseTo(1.05);
  });
});
