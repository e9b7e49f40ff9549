import { describe, expect, it } from 'vitest';
import { remotePath } from '../../../src/insights/remotePath';
import type { InsightInput } from '../../../src/insights/types';
import { correlate } from '../../../src/network';
import { randomRecorded } from '../network/before/randomRecorded';
import { remotePath as remotePathBefore } from './before/remotePath';

function randomInput(seed: number, clusters: number): InsightInput {
  const { calls, network } = randomRecorded(seed, clusters);
  return { calls, frames: [], network, matches: correlate(calls, network), tokenWarnings: [], renewals: [] };
}

describe('rules made faster give the same findings as before', () => {
  it('remote-path, on random sessions', () => {
    let found = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const input = randomInput(seed, 120);
      const now = remotePath.run(input);
      expect(now, `seed ${seed}`).toEqual(remotePathBefore.run(input));
      found += now.length;
    }
    expect(found).toBeGreaterThan(10);
  });
});
