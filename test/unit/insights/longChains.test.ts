import { describe, expect, it } from 'vitest';
import { sequentialChain } from '../../../src/insights/sequentialChain';
import { signature, Signatures } from '../../../src/insights/signatures';
import type { CallRecord } from '../../../src/protocol/model';
import type { SnapshotValue } from '../../../src/protocol/snapshot';
import { call } from '../network/fixtures';
import { random } from '../ui/randomSession';
import { sequentialChain as sequentialChainBefore } from './before/sequentialChain';
import { frame } from './fixtures';

const snap = (value: SnapshotValue) => ({ value, bytes: 10, truncated: false });

/**
 * Calls 3 ms apart (one chain unless a request passes a value along), whose responses carry values from a large
 * pool (ids, numbers, words beyond ASCII, text with Unicode spaces) and whose requests now and then carry one of
 * them, whole, as a number, or as a piece of a path or query, sometimes from a response thousands of calls back.
 */
function longChain(seed: number, count: number): CallRecord[] {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const stems = ['SBX', 'tâche', 'naïve', 'ключ', '課題', 'ab\u00a0cd', 'id', 'x', 'true', 'null'];
  const pool: (string | number)[] = Array.from({ length: 4000 }, (_, i) =>
    i % 3 === 0 ? 1000 + Math.floor(rand() * 9000) : i % 3 === 1 ? `${pick(stems)}-${Math.floor(rand() * 500)}` : `${pick(stems)}${pick(['\u2003', ' ', '/', ''])}${pick(stems)}`);
  const separators = ['/', '?', '=', ' ', '&', ',', '\u00a0', '\u3000', '"', '-', ''];
  const value = (): string | number => pick(pool);
  const embedded = (): SnapshotValue => {
    const v = String(value());
    return rand() < 0.5 ? `/items${pick(separators)}${v}${pick(separators)}edit` : v;
  };
  const hasPassed = () => rand() < 0.004;
  let start = 1_800_000_000_000;
  return Array.from({ length: count }, (_, i) => {
    start += rand() < 0.002 ? 100 : 3;
    const request: SnapshotValue = hasPassed() ? { functionKey: 'get', payload: { q: embedded(), n: value() } } : { functionKey: 'get', payload: { page: i, q: `page ${i}` } };
    const body: SnapshotValue = rand() < 0.3 ? [value(), { id: value(), name: value() }] : { id: value(), n: i };
    return call('invoke', request, start, start + 2, { kind: 'resolver', response: snap({ status: 200, headers: { etag: String(value()) }, body }) });
  });
}

describe('sequential-chain on long chains gives the findings of the rule before its speed-ups', () => {
  it('matches the earlier rule, with chains of hundreds of calls broken only by a value passed along', () => {
    let longest = 0;
    let chains = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const calls = longChain(seed, 3000);
      const now = sequentialChain.run(frame('f:d'), calls);
      expect(now, `seed ${seed}`).toEqual(sequentialChainBefore.run(frame('f:d'), calls));
      chains += now.length;
      for (const f of now) longest = Math.max(longest, f.callIds.length);
    }
    expect(longest).toBeGreaterThan(500);
    expect(chains).toBeGreaterThan(24);
  });
});

describe('Signatures', () => {
  it('never rules out a string added, whole or as a range of a longer one', () => {
    const rand = random(7);
    const chars = 'ab/?= -1é\u00a0課';
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => chars[Math.floor(rand() * chars.length)]).join(''));
    const signatures = new Signatures();
    for (const text of texts) signatures.add(signature(`<<${text}>>`, 2, text.length + 2));
    for (const text of texts) expect(signatures.has(signature(text, 0, text.length)), text).toBe(true);
  });

  it('rules out most strings never added', () => {
    const signatures = new Signatures();
    for (let i = 0; i < 2000; i++) signatures.add(signature(`/tasks?page=${i}`, 0, `/tasks?page=${i}`.length));
    const other = Array.from({ length: 2000 }, (_, i) => `{"items":[${i}]}`);
    expect(other.filter((text) => signatures.has(signature(text, 0, text.length))).length).toBeLessThan(100);
  });
});
