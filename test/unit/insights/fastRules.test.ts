import { describe, expect, it } from 'vitest';
import { remotePath } from '../../../src/insights/remotePath';
import { repeatedCalls } from '../../../src/insights/repeatedCalls';
import { sequentialChain } from '../../../src/insights/sequentialChain';
import type { InsightInput } from '../../../src/insights/types';
import { correlate } from '../../../src/network';
import type { CallRecord } from '../../../src/protocol/model';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { call } from '../network/fixtures';
import { randomRecorded } from '../network/before/randomRecorded';
import { random } from '../ui/randomSession';
import { remotePath as remotePathBefore } from './before/remotePath';
import { repeatedCalls as repeatedCallsBefore } from './before/repeatedCalls';
import { sequentialChain as sequentialChainBefore } from './before/sequentialChain';
import { frame, resolver } from './fixtures';
import { missingResolver } from '../../../src/insights/missingResolver';
import { missingResolver as missingResolverBefore } from './before/missingResolver';

function randomInput(seed: number, clusters: number): InsightInput {
  const { calls, network } = randomRecorded(seed, clusters);
  return { calls, frames: [], network, matches: correlate(calls, network), tokenWarnings: [], renewals: [] };
}

const snap = (value: SnapshotValue) => ({ value, bytes: 10, truncated: false });

/**
 * Calls one after another, most within the chain gap, whose responses carry values (words, ids, numbers, text
 * with Unicode spaces) that later requests sometimes pass along whole or as a piece between separators.
 */
function randomCalls(seed: number, count: number): CallRecord[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const words = ['abc', 'SBX-12', 'tasks', 'x', '1234', 'true', 'null', 'café', 'ab\u00a0cd', 'wxyz\u3000', '42', 'ISSUE-7'];
  const separators = ['/', '?', '=', ' ', '&', ',', '\u00a0', '\u2003', '"', '-', ''];
  const text = () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(words)).join(pick(separators));
  const value = (): SnapshotValue => (rand() < 0.2 ? Math.floor(rand() * 20_000) : rand() < 0.3 ? { key: text(), n: pick([7, 12_345]) } : text());
  let t = 1_800_000_000_000;
  return Array.from({ length: count }, (_, i) => {
    t += pick([0, 5, 30, 60, 400]);
    const start = t;
    t += pick([10, 80, 300]);
    const command = pick(['invoke', 'invoke', 'fetchRemote', 'getContext']);
    const request: SnapshotValue = pick<SnapshotValue>([{ functionKey: 'getIssues', payload: { q: value() } }, { functionKey: 'save', payload: value() }, { remoteKey: 'r', fetchRequestInit: { path: `/tasks/${text()}` } }]);
    const kind = pick(['resolver', 'requestRemote', 'context', 'other'] as const);
    return call(command, i % 5 === 0 ? { functionKey: 'getIssues', payload: { q: 'SBX-12' } } : request, start, rand() < 0.05 ? null : t, { kind, frameKey: pick(['f:d', 'f:e']), response: snap({ status: 200, body: value(), items: [value(), value()] }) });
  });
}

describe('rules made faster give the same findings as before', () => {
  it('missing-resolver, on random runs of resolver calls (the same key many times in a row, then others)', () => {
    let found = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = random(seed);
      const keys = ['getIssue', 'getIssues', 'save', 'saveIsue', 'load'];
      let key = keys[0]!;
      const calls = Array.from({ length: 200 }, (_, i) => {
        if (rand() < 0.2) key = keys[Math.floor(rand() * keys.length)]!;
        const roll = rand();
        const outcome = roll < 0.15 ? { error: new Error(`Resolver has no definition for '${key}'.`) } : roll < 0.3 ? { result: undefined } : roll < 0.35 ? { error: new Error('failed') } : { result: { n: i } };
        return resolver(key, i * 10, i * 10 + 5, key === 'saveIsue' ? { result: undefined } : key === 'getIssue' ? { error: new Error(`Resolver has no definition for '${key}'.`) } : outcome);
      });
      const now = missingResolver.run(frame(), calls);
      expect(now, `seed ${seed}`).toEqual(missingResolverBefore.run(frame(), calls));
      found += now.length;
    }
    expect(found).toBeGreaterThan(30);
  });

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

  it('sequential-chain and repeated-call, on random calls', () => {
    let chains = 0;
    let repeats = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const calls = randomCalls(seed, 300);
      const chain = sequentialChain.run(frame('f:d'), calls);
      expect(chain, `seed ${seed}`).toEqual(sequentialChainBefore.run(frame('f:d'), calls));
      const input: InsightInput = { calls, frames: [], network: [], matches: [], tokenWarnings: [], renewals: [] };
      const repeated = repeatedCalls.run(input);
      expect(repeated, `seed ${seed}`).toEqual(repeatedCallsBefore.run(input));
      chains += chain.length;
      repeats += repeated.length;
    }
    expect(chains).toBeGreaterThan(20);
    expect(repeats).toBeGreaterThan(20);
  });
});
