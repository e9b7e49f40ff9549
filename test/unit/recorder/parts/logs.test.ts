import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../../src/protocol/model';
import { CallLog, callCost } from '../../../../src/recorder/callLog';
import { NetworkLog, networkCost } from '../../../../src/recorder/networkLog';
import { UNKNOWN_COMMAND, UNKNOWN_REQUEST } from '../../../../src/recorder/records';
import { netEntry, snap } from '../helpers';

function call(id: number, bytes = 10): CallRecord {
  return {
    id: `0:d#${id}`,
    frameKey: '0:d',
    callId: id,
    segment: 0,
    command: UNKNOWN_COMMAND,
    kind: 'other',
    summary: '',
    startedAt: id,
    endedAt: null,
    status: 'pending',
    request: { ...UNKNOWN_REQUEST, bytes },
    response: null,
    error: null,
    deliveries: [],
    deliveriesDropped: 0,
  };
}

describe('CallLog', () => {
  it('keeps calls first in first out with their bytes', () => {
    const log = new CallLog(1);
    const a = log.add(call(1, 100), 1);
    log.add(call(2, 200), 2);
    expect([a.order, log.nextOrder, log.size]).toEqual([1, 3, 2]);
    expect(log.bytes).toBe(callCost(call(1, 100)) + callCost(call(2, 200)));
    a.call.response = snap('r', 50);
    log.grown(a);
    expect(log.bytes).toBe(callCost(call(1, 100)) + 50 + callCost(call(2, 200)));
    expect(log.removeOldest()?.call.callId).toBe(1);
    expect(log.oldest()?.call.callId).toBe(2);
    expect(log.bytes).toBe(callCost(call(2, 200)));
    log.clear();
    expect([log.size, log.bytes, log.oldest()]).toEqual([0, 0, undefined]);
  });

  it('counts deliveries in a call’s cost', () => {
    const c = call(1);
    const before = callCost(c);
    c.deliveries.push({ seq: 1, at: 1, key: 'k', args: snap([1], 1000) });
    expect(callCost(c) - before).toBeGreaterThan(1000);
  });
});

describe('NetworkLog', () => {
  it('measures entries from their own strings, not the sizes they claim', () => {
    const small = netEntry('a', { responseBody: 'x', responseBodySize: 0 });
    const big = netEntry('a', { responseBody: 'x'.repeat(100_000), responseBodySize: 0 });
    expect(networkCost(big) - networkCost(small)).toBe(99_999);
  });

  it('replaces an entry by id in place and evicts oldest first', () => {
    const log = new NetworkLog();
    log.put(netEntry('a'), 1);
    log.put(netEntry('b'), 2);
    const again = log.put(netEntry('a', { status: 500 }), 3);
    expect([again.order, again.stamp]).toEqual([1, 1]);
    expect(log.entries().map((e) => [e.id, e.status])).toEqual([['a', 500], ['b', 200]]);
    expect(log.bytes).toBe(networkCost(netEntry('a', { status: 500 })) + networkCost(netEntry('b')));
    expect(log.removeOldest()?.entry.id).toBe('a');
    expect(log.entries().map((e) => e.id)).toEqual(['b']);
    log.put(netEntry('a'), 4);
    expect(log.entries().map((e) => e.id)).toEqual(['b', 'a']);
  });
});
