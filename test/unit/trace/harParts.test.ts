import { describe, expect, it } from 'vitest';
import { newTabSession, type CallRecord, type TraceV2 } from '../../../src/protocol/model';
import type { NetworkEntry } from '../../../src/protocol/network';
import { harJsonParts, importTraceText, redactTrace, toHar } from '../../../src/trace';
import { random, randomSession } from '../ui/randomSession';
import { plantedEverywhereTrace, traceOf } from './fixtures';

/** A random recorded session as a trace, its calls and requests in the order they arrived (not by start time). */
function randomTrace(seed: number): TraceV2 {
  const happenings = randomSession(random(seed), 40).sort((a, b) => a.at - b.at);
  // A call arrives when it starts and again when it settles: the last word on each id stands.
  const calls = [...new Map(happenings.flatMap((h) => (h.call ? [[h.call.id, h.call] as const] : []))).values()] as CallRecord[];
  const network = happenings.flatMap((h) => (h.entry ? [h.entry] : [])) as NetworkEntry[];
  const segments = [{ index: 0, startedAt: 1_800_000_000_000, url: 'http://site.test/' }];
  return traceOf(newTabSession(1, { segments, frames: [], calls, network, networkFeed: 'on' }));
}

/** The entries' order toHar promised before it streamed: every network entry, then every call, stably sorted by start time. */
function expectedOrder(trace: TraceV2): string[] {
  const all = [...trace.network.map((e) => ({ at: e.startedAt, id: `entry ${e.id}` })), ...trace.calls.map((c) => ({ at: c.startedAt, id: `call ${c.id}` }))];
  return all.sort((a, b) => a.at - b.at).map((x) => x.id);
}

const entryIds = (har: ReturnType<typeof toHar>) =>
  har.log.entries.map((e) => ('call' in (e._forge as object) ? `call ${(e._forge as { call: { id: string } }).call.id}` : `entry ${(e._forge as { id: string }).id}`));

describe('HAR written entry by entry', () => {
  it('joins to exactly JSON.stringify(toHar(trace)) on random sessions, redacted or not', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const trace = randomTrace(seed);
      for (const t of [trace, redactTrace(trace)]) expect(harJsonParts(t).join(''), `seed ${seed}`).toBe(JSON.stringify(toHar(t)));
    }
  });

  it('joins to exactly JSON.stringify(toHar(trace)) at 0 to 600 entries', () => {
    const base = randomTrace(3);
    expect(base.calls.length).toBeGreaterThan(0);
    for (const n of [0, 1, 255, 256, 257, 600]) {
      const calls = Array.from({ length: n }, (_, i) => ({ ...base.calls[i % base.calls.length]!, id: `c${i}`, startedAt: base.calls[i % base.calls.length]!.startedAt + i }));
      const trace = { ...base, calls, network: n === 0 ? [] : base.network };
      expect(harJsonParts(trace).join(''), `${n} calls`).toBe(JSON.stringify(toHar(trace)));
    }
  });

  it('orders entries by start time, a request before a call that started at the same moment', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const trace = randomTrace(seed);
      expect(entryIds(toHar(trace)), `seed ${seed}`).toEqual(expectedOrder(trace));
    }
    const trace = plantedEverywhereTrace();
    const tied = { ...trace, calls: trace.calls.map((c) => ({ ...c, startedAt: trace.network[0]!.startedAt })) };
    expect(entryIds(toHar(tied))).toEqual(expectedOrder(tied));
  });

  it('parses back to the same trace', () => {
    const trace = redactTrace(randomTrace(7));
    const back = importTraceText(harJsonParts(trace).join(''));
    expect(back.ok && back.trace.calls).toEqual(trace.calls);
    expect(back.ok && back.trace.network).toEqual(trace.network);
  });
});
