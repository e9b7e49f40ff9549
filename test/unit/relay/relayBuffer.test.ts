import { describe, expect, it } from 'vitest';
import type { HookEvent } from '../../../src/protocol/hook';
import type { RelayToBackground } from '../../../src/protocol/runtime';
import { parseRelayToBackground } from '../../../src/protocol/validate';
import { RelayBuffer, type BatchMessage } from '../../../src/relay/relayBuffer';

const HELLO = { url: 'https://app.cdn.prod.atlassian-dev.net/index.html', isTop: false, parentUrl: 'https://site.atlassian.net/jira' };

/** Events whose call id tells which one it is. */
function events(from: number, count: number, bytes = 10): HookEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'call-start' as const,
    id: from + i,
    command: 'invoke',
    at: 1000 + from + i,
    request: { value: 'x', bytes, truncated: false },
  }));
}

function ids(batch: RelayToBackground | undefined): number[] {
  if (!batch || batch.type !== 'batch') throw new Error('not a batch');
  return batch.events.map((e) => (e.type === 'call-start' ? e.id : -1));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function asBatch(m: RelayToBackground | undefined): BatchMessage {
  if (!m || m.type !== 'batch') throw new Error('not a batch');
  return m;
}

describe('RelayBuffer', () => {
  it('says hello with its document id', () => {
    const buffer = new RelayBuffer('doc-1', HELLO);
    expect(buffer.helloMessage()).toEqual({ type: 'hello', docId: 'doc-1', ...HELLO });
    expect(parseRelayToBackground(buffer.helloMessage()).ok).toBe(true);
  });

  it('cuts URLs to the accepted length', () => {
    const long = 'https://a/' + 'q'.repeat(5000);
    const hello = new RelayBuffer('d', { url: long, isTop: true, parentUrl: long }).helloMessage();
    expect(hello.url).toHaveLength(4096);
    expect(hello.parentUrl).toHaveLength(4096);
    expect(parseRelayToBackground(hello).ok).toBe(true);
  });

  it('numbers events from 1 without gaps across pushes', () => {
    const buffer = new RelayBuffer('d', HELLO);
    buffer.push(events(1, 3));
    const first = buffer.takeBatches();
    buffer.push(events(4, 2));
    const second = buffer.takeBatches();
    expect(first).toEqual([{ type: 'batch', docId: 'd', firstSeq: 1, events: events(1, 3), lost: 0 }]);
    expect(second).toEqual([{ type: 'batch', docId: 'd', firstSeq: 4, events: events(4, 2), lost: 0 }]);
    expect(buffer.takeBatches()).toEqual([]);
    expect(buffer.nextSeq).toBe(6);
  });

  it('cuts batches of at most 200 events, each valid for the background', () => {
    const buffer = new RelayBuffer('d', HELLO);
    buffer.push(events(1, 450));
    const batches = buffer.takeBatches();
    expect(batches.map((b) => [b.firstSeq, b.events.length])).toEqual([
      [1, 200],
      [201, 200],
      [401, 50],
    ]);
    expect(ids(batches[2])).toEqual(range(401, 450));
    for (const b of batches) expect(parseRelayToBackground(JSON.parse(JSON.stringify(b))).ok).toBe(true);
  });

  it('cuts batches by bytes too, with at least one event each', () => {
    const buffer = new RelayBuffer('d', HELLO, { batchBytes: 1000 });
    buffer.push(events(1, 5, 400)); // each costs 400 + overhead
    expect(buffer.takeBatches().map((b) => b.events.length)).toEqual([1, 1, 1, 1, 1]);
    buffer.push(events(6, 1, 50_000));
    expect(buffer.takeBatches().map((b) => b.firstSeq)).toEqual([6]);
  });

  it('keeps events until acknowledged, then forgets them', () => {
    const buffer = new RelayBuffer('d', HELLO);
    buffer.push(events(1, 10));
    buffer.takeBatches();
    expect(buffer.pendingCount).toBe(10);
    buffer.ack(4);
    expect(buffer.pendingCount).toBe(6);
    buffer.ack(2); // older ack: nothing
    expect(buffer.pendingCount).toBe(6);
    buffer.ack(99); // beyond what exists: everything
    expect(buffer.pendingCount).toBe(0);
    buffer.push(events(11, 1));
    expect(asBatch(buffer.takeBatches()[0]).firstSeq).toBe(11);
  });

  it('drops the oldest beyond its capacity and reports them once as lost', () => {
    const buffer = new RelayBuffer('d', HELLO, { capacity: 100 });
    buffer.push(events(1, 150));
    expect(buffer.pendingCount).toBe(100);
    expect(buffer.lostTotal).toBe(50);
    const batches = buffer.takeBatches();
    expect(batches.map((b) => [b.firstSeq, b.events.length, b.lost])).toEqual([[51, 100, 50]]);
    expect(ids(batches[0])).toEqual(range(51, 150));
    buffer.ack(150);
    buffer.push(events(151, 1));
    expect(buffer.takeBatches().map((b) => b.lost)).toEqual([0]);
    // 151 is sent but not acknowledged; 101 more push out 151 and 152 (both counted as lost by the relay).
    buffer.push(events(152, 100));
    buffer.push(events(252, 1));
    expect(buffer.takeBatches().map((b) => [b.firstSeq, b.events.length, b.lost])).toEqual([[153, 100, 2]]);
  });

  it('drops the oldest beyond its byte bound', () => {
    const buffer = new RelayBuffer('d', HELLO, { maxBytes: 10_000 });
    buffer.push(events(1, 10, 2000)); // about 2128 each: 4 fit
    expect(buffer.pendingCount).toBe(4);
    expect(buffer.lostTotal).toBe(6);
    expect(ids(buffer.takeBatches()[0])).toEqual([7, 8, 9, 10]);
  });

  it('the default capacity is 20,000 events', () => {
    const buffer = new RelayBuffer('d', HELLO);
    for (let i = 0; i < 50; i++) buffer.push(events(i * 500 + 1, 500)); // 25,000 events, never sent
    expect(buffer.pendingCount).toBe(20_000);
    expect(buffer.lostTotal).toBe(5_000);
    const resent = buffer.resendAll();
    expect(asBatch(resent[1]).firstSeq).toBe(5_001);
    expect(asBatch(resent[1]).lost).toBe(5_000);
    expect(asBatch(resent[resent.length - 1]).events.at(-1)).toEqual(events(25_000, 1)[0]);
  });

  it('resends hello and every unacknowledged event, in order, after a reconnection', () => {
    const buffer = new RelayBuffer('d', HELLO);
    buffer.push(events(1, 10));
    buffer.takeBatches();
    buffer.ack(4);
    buffer.push(events(11, 3)); // pushed while disconnected: not taken
    const resent = buffer.resendAll();
    expect(resent[0]).toEqual({ type: 'hello', docId: 'd', ...HELLO });
    expect(resent.length).toBe(2);
    expect(asBatch(resent[1]).firstSeq).toBe(5);
    expect(ids(resent[1])).toEqual(range(5, 13));
    // Nothing is sent twice on the new connection.
    expect(buffer.takeBatches()).toEqual([]);
    buffer.push(events(14, 1));
    expect(asBatch(buffer.takeBatches()[0]).firstSeq).toBe(14);
  });

  it('stays exact over a long run with drops, acks and compaction', () => {
    const buffer = new RelayBuffer('d', HELLO, { capacity: 3000 });
    let expectedNext = 1;
    let seen = 0;
    let lost = 0;
    for (let round = 0; round < 100; round++) {
      buffer.push(events(round * 400 + 1, 400));
      if (round % 3 === 2) continue; // background slow: nothing sent this round
      for (const b of buffer.takeBatches()) {
        expect(b.firstSeq).toBeGreaterThanOrEqual(expectedNext);
        lost += b.firstSeq - expectedNext;
        expect(ids(b)[0]).toBe(b.firstSeq);
        expectedNext = b.firstSeq + b.events.length;
        seen += b.events.length;
        if (round % 2 === 0) buffer.ack(expectedNext - 1);
      }
    }
    for (const b of buffer.takeBatches()) {
      lost += b.firstSeq - expectedNext;
      expectedNext = b.firstSeq + b.events.length;
      seen += b.events.length;
    }
    expect(expectedNext).toBe(40_001);
    expect(seen + lost).toBe(40_000);
    expect(lost).toBe(buffer.lostTotal);
  });
});
