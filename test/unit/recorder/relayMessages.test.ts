import { describe, expect, it } from 'vitest';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, clock, delivery, end, hello, options, start, starts, topHello } from './helpers';

const TAB = 7;
const FRAME = 3;


describe('Recorder: sequence numbers', () => {
  it('applies only the new events of a batch that overlaps what is stored', () => {
    const r = new Recorder(options());
    expect(r.apply(TAB, FRAME, batch('d1', 1, [start(1), start(2), delivery(1, 1), end(2)])).ackUpTo).toBe(4);
    const before = r.getSession(TAB)!;
    // A resend after a reconnection: events 3 and 4 again, then 5 and 6 new.
    expect(r.apply(TAB, FRAME, batch('d1', 3, [delivery(1, 1), end(2), delivery(1, 2), end(1)])).ackUpTo).toBe(6);
    const after = r.getSession(TAB)!;
    expect(after.calls.length).toBe(2);
    expect(after.calls[0]!.deliveries.map((d) => d.seq)).toEqual([1, 2]);
    expect(after.calls[0]!.status).toBe('ok');
    expect(after.losses.inTransit).toBe(0);
    expect(before.calls[0]!.deliveries.length).toBe(1); // copies handed out do not change
  });

  it('changes nothing on an exact resend, and still acknowledges it', () => {
    const r = new Recorder(options());
    const b = batch('d1', 1, [start(1), end(1), start(2)]);
    r.apply(TAB, FRAME, b);
    const before = r.getSession(TAB);
    const messages: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => messages.push(m));
    expect(r.apply(TAB, FRAME, b).ackUpTo).toBe(3);
    expect(r.getSession(TAB)).toEqual(before);
    expect(messages.map((m) => m.type)).toEqual(['session']);
  });

  it('accepts a gap and counts it as lost in transit', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, batch('d1', 1, [start(1), start(2)]));
    expect(r.apply(TAB, FRAME, batch('d1', 6, [start(6)], 3)).ackUpTo).toBe(6);
    expect(r.apply(TAB, FRAME, batch('d1', 10, [start(7)])).ackUpTo).toBe(10);
    const s = r.getSession(TAB)!;
    expect(s.losses.inTransit).toBe(3 + 3);
    expect(s.calls.map((c) => c.callId)).toEqual([1, 2, 6, 7]);
  });

  it('counts sequence numbers per document', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, batch('d1', 1, [start(1)]));
    expect(r.apply(TAB, FRAME, batch('d2', 1, [start(1)])).ackUpTo).toBe(1);
    expect(r.apply(TAB, 9, batch('d1', 1, [start(1)])).ackUpTo).toBe(1);
    expect(r.getSession(TAB)!.calls.length).toBe(3);
    expect(r.getSession(TAB)!.losses.inTransit).toBe(0);
  });
});

describe('Recorder: segments', () => {
  function navigateScenario(preserveLog: boolean) {
    const r = new Recorder(options());
    if (preserveLog) void r.setPreserveLog(TAB, true);
    r.apply(TAB, 0, topHello('top1', 'https://site.atlassian.net/one'));
    r.apply(TAB, FRAME, hello('app1', 'https://app.example/', 'https://site.atlassian.net/one'));
    r.apply(TAB, FRAME, batch('app1', 1, [start(1), start(2)]));
    // Navigation: a new top document.
    clock.now = 7_000;
    r.apply(TAB, 0, topHello('top2', 'https://site.atlassian.net/two'));
    r.apply(TAB, 11, hello('app2', 'https://app.example/', 'https://site.atlassian.net/two'));
    r.apply(TAB, 11, batch('app2', 1, [start(1)]));
    return r;
  }

  it('without preserve log, a navigation discards the earlier calls and frames', () => {
    const r = navigateScenario(false);
    const s = r.getSession(TAB)!;
    expect(s.segments).toEqual([{ index: 1, startedAt: 7000, url: 'https://site.atlassian.net/two' }]);
    expect(s.frames.map((f) => [f.key, f.segment])).toEqual([
      ['0:top2', 1],
      ['11:app2', 1],
    ]);
    expect(s.calls.map((c) => [c.id, c.segment])).toEqual([['11:app2#1', 1]]);
    // A late batch from the old document is acknowledged and ignored.
    expect(r.apply(TAB, FRAME, batch('app1', 3, [end(1), start(3)])).ackUpTo).toBe(4);
    expect(r.getSession(TAB)!.calls.map((c) => c.id)).toEqual(['11:app2#1']);
    expect(r.getSession(TAB)!.frames.length).toBe(2);
  });

  it('with preserve log, a navigation keeps them and starts segment 1', () => {
    const r = navigateScenario(true);
    const s = r.getSession(TAB)!;
    expect(s.segments).toEqual([
      { index: 0, startedAt: 5000, url: 'https://site.atlassian.net/one' },
      { index: 1, startedAt: 7000, url: 'https://site.atlassian.net/two' },
    ]);
    expect(s.calls.map((c) => [c.id, c.segment])).toEqual([
      ['3:app1#1', 0],
      ['3:app1#2', 0],
      ['11:app2#1', 1],
    ]);
    expect(s.frames.map((f) => [f.key, f.segment])).toEqual([
      ['0:top1', 0],
      ['3:app1', 0],
      ['0:top2', 1],
      ['11:app2', 1],
    ]);
  });

  it('an iframe that says hello before the top frame does not make a navigation', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, hello('app1', 'https://app.example/', 'https://site.atlassian.net/one'));
    r.apply(TAB, FRAME, batch('app1', 1, [start(1)]));
    r.apply(TAB, 0, topHello('top1', 'https://site.atlassian.net/one#top'));
    const s = r.getSession(TAB)!;
    expect(s.segments).toEqual([{ index: 0, startedAt: 5000, url: 'https://site.atlassian.net/one#top' }]);
    expect(s.calls.length).toBe(1);
  });

  it('a top frame that reconnects (same document) does not make a navigation', () => {
    const r = new Recorder(options());
    r.apply(TAB, 0, topHello('top1'));
    r.apply(TAB, 0, batch('top1', 1, [start(1)]));
    r.apply(TAB, 0, topHello('top1'));
    expect(r.getSession(TAB)!.segments.length).toBe(1);
    expect(r.getSession(TAB)!.calls.length).toBe(1);
  });
});
