import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/network';
import type { CallRecord } from '../../../src/protocol/model';
import { callIdsByEntry } from '../../../src/tokens/callLinks';
import { warningContext } from '../../../src/tokens/warningContext';
import { randomRecorded } from '../network/before/randomRecorded';
import { random } from '../ui/randomSession';
import { callIdsByEntry as callIdsByEntryBefore } from './before/callLinks';
import { warningContext as warningContextBefore } from './before/warningContext';

/**
 * Random recorded sessions and their matches, with calls the matches name left out (dropped beyond the bound)
 * and some calls given the id of another (the last call of an id is the one looked up).
 */
function sessions(): { calls: CallRecord[]; network: ReturnType<typeof randomRecorded>['network']; matches: ReturnType<typeof correlate> }[] {
  const out = [];
  for (let seed = 1; seed <= 30; seed++) {
    const { calls, network } = randomRecorded(seed);
    const matches = correlate(calls, network);
    const rand = random(seed + 1000);
    const kept = calls.filter(() => rand() > 0.2).map((c, i, all) => (rand() < 0.1 && i > 0 ? { ...c, id: all[Math.floor(rand() * i)]!.id } : c));
    out.push({ calls: kept, network, matches });
  }
  return out;
}

describe('speed work gives the same token context as before', () => {
  it('warningContext: the same calls by id and calls per entry, on random sessions with dropped and duplicated ids', () => {
    let looked = 0;
    let found = 0;
    for (const { calls, network, matches } of sessions()) {
      const now = warningContext(calls, network, matches);
      const before = warningContextBefore(calls, network, matches);
      expect([...now.callIdsOfEntry]).toEqual([...before.callIdsOfEntry]);
      // Matched ids first (answered from the matched calls), then every other id (the full index), then unknown ones.
      const ids = [...matches.map((m) => m.callId), ...calls.map((c) => c.id), 'no such call', ''];
      for (const id of ids) {
        looked++;
        const call = now.calls.get(id);
        if (call) found++;
        expect(call, id).toBe(before.calls.get(id));
      }
    }
    expect(found).toBeGreaterThan(1000);
    expect(looked).toBeGreaterThan(found);
  });

  it('callIdsByEntry: the same lists as before, with the recorded calls and without (null: every match counts)', () => {
    for (const { calls, matches } of sessions()) {
      expect([...callIdsByEntry(calls, matches)]).toEqual([...callIdsByEntryBefore(calls, matches)]);
      expect([...callIdsByEntry(null, matches)]).toEqual([...callIdsByEntryBefore(null, matches)]);
    }
  });
});
