import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/protocol/limits';
import { noLosses } from '../../../src/protocol/losses';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { MemoryStore } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, clock, delivery, end, hello, options, snap, start, starts } from './helpers';

const TAB = 7;
const FRAME = 3;

function topHello(docId: string, url = 'https://site.atlassian.net/jira') {
  return { type: 'hello' as const, docId, url, isTop: true, parentUrl: '' };
}

describe('Recorder: calls', () => {
  it('records a call from its start and end', () => {
    const r = new Recorder(options());
    expect(r.apply(TAB, FRAME, hello('d1', 'https://app.example/x', 'https://site.atlassian.net/')).ackUpTo).toBeNull();
    clock.now = 6_000;
    const result = r.apply(TAB, FRAME, batch('d1', 1, [start(1, 1000.5), end(1, 1012.25)]));
    expect(result.ackUpTo).toBe(2);
    const session = r.getSession(TAB)!;
    expect(session.calls).toEqual([
      {
        id: '3:d1#1',
        frameKey: '3:d1',
        callId: 1,
        segment: 0,
        command: 'invoke',
        kind: 'resolver',
        summary: 'invoke ok',
        startedAt: 1000.5,
        endedAt: 1012.25,
        status: 'ok',
        request: { value: { n: 1 }, bytes: 10, truncated: false },
        response: { value: { r: 1 }, bytes: 10, truncated: false },
        error: null,
        deliveries: [],
        deliveriesDropped: 0,
      },
    ]);
    expect(session.frames).toEqual([
      {
        key: '3:d1',
        frameId: 3,
        docId: 'd1',
        url: 'https://app.example/x',
        isTop: false,
        parentUrl: 'https://site.atlassian.net/',
        firstSeenAt: 5000,
        hookReady: false,
        bridge: null,
        transport: 'unknown',
        segment: 0,
      },
    ]);
    expect(session.segments).toEqual([{ index: 0, startedAt: 5000, url: 'https://site.atlassian.net/' }]);
    expect([session.losses.evictedCalls, session.losses.inTransit, session.losses.rejected, session.recording, session.preserveLog, session.maxCalls]).toEqual([
      0, 0, 0, true, false, 10_000,
    ]);
  });

  it('records errors, classification and summaries from the injected functions', () => {
    const seen: string[] = [];
    const r = new Recorder(
      options({
        classify: (command) => (command === 'fetchProduct' ? 'product' : 'other'),
        summarize: (i) => {
          seen.push(`${i.command}/${i.status}/${JSON.stringify(i.request)}/${JSON.stringify(i.error)}`);
          return `S:${i.status}`;
        },
      }),
    );
    r.apply(TAB, FRAME, batch('d1', 1, [start(1, 10, 'fetchProduct', snap('GET /x')), end(1, 20, false, snap({ message: 'nope' }))]));
    const call = r.getSession(TAB)!.calls[0]!;
    expect([call.kind, call.summary, call.status, call.response, call.error]).toEqual(['product', 'S:error', 'error', null, snap({ message: 'nope' })]);
    expect(seen).toEqual(['fetchProduct/pending/"GET /x"/null', 'fetchProduct/error/"GET /x"/{"message":"nope"}']);
  });

  it('survives classify and summarize functions that throw', () => {
    const r = new Recorder(
      options({
        classify: () => {
          throw new Error('x');
        },
        summarize: () => {
          throw new Error('y');
        },
      }),
    );
    r.apply(TAB, FRAME, batch('d1', 1, [start(1, 10, 'someCommand')]));
    const call = r.getSession(TAB)!.calls[0]!;
    expect([call.kind, call.summary]).toEqual(['other', 'someCommand']);
  });

  it('ignores a second end of the same call', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, batch('d1', 1, [start(1), end(1, 50, true, snap('first')), end(1, 60, false, snap('second'))]));
    const call = r.getSession(TAB)!.calls[0]!;
    expect([call.status, call.endedAt, call.response, call.error]).toEqual(['ok', 50, snap('first'), null]);
  });

  it('keeps an end whose start was lost as a call with an unknown start', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, batch('d1', 5, [end(9, 77.5, false, snap('boom'))]));
    const session = r.getSession(TAB)!;
    expect(session.losses.inTransit).toBe(4);
    expect(session.calls).toEqual([
      {
        id: '3:d1#9',
        frameKey: '3:d1',
        callId: 9,
        segment: 0,
        command: '',
        kind: 'other',
        summary: ' error',
        startedAt: 77.5,
        endedAt: 77.5,
        status: 'error',
        request: { value: { $fbdt: 'truncated', text: 'the start of this call was not recorded' }, bytes: 70, truncated: true },
        response: null,
        error: snap('boom'),
        deliveries: [],
        deliveriesDropped: 0,
      },
    ]);
  });

  it('keeps deliveries up to 200 per call and counts the rest', () => {
    const r = new Recorder(options());
    const events = [start(1, 10, 'on')];
    for (let seq = 1; seq <= 205; seq++) events.push(delivery(1, seq));
    r.apply(TAB, FRAME, batch('d1', 1, events.slice(0, 150)));
    r.apply(TAB, FRAME, batch('d1', 151, events.slice(150)));
    const call = r.getSession(TAB)!.calls[0]!;
    expect(call.deliveries.length).toBe(200);
    expect(call.deliveries[0]).toEqual({ seq: 1, at: 3001, key: 'callback', args: snap([1]) });
    expect(call.deliveries[199]!.seq).toBe(200);
    expect(call.deliveriesDropped).toBe(5);
  });

  it('updates the frame from hook-ready, bridge-found and transport', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, hello('d1', 'https://app.example/a'));
    r.apply(
      TAB,
      FRAME,
      batch('d1', 1, [
        { type: 'hook-ready', at: 1, url: 'https://app.example/b', isTop: true, referrer: 'https://site.atlassian.net/wiki' },
        { type: 'bridge-found', at: 2, semver: '1.2.3', frozen: true, via: 'trap' },
        { type: 'transport', at: 3, kind: 'port-rpc' },
      ]),
    );
    const frame = r.getSession(TAB)!.frames[0]!;
    expect([frame.url, frame.parentUrl, frame.hookReady, frame.bridge, frame.transport, frame.isTop]).toEqual([
      'https://app.example/b',
      'https://site.atlassian.net/wiki',
      true,
      { semver: '1.2.3', frozen: true, via: 'trap' },
      'port-rpc',
      false, // from the sender's frame id, not from the page
    ]);
  });

  it('keeps tabs and frames apart by sender', () => {
    const r = new Recorder(options());
    r.apply(1, 0, batch('same', 1, [start(1)]));
    r.apply(1, 4, batch('same', 1, [start(1)]));
    r.apply(2, 0, batch('same', 1, [start(1)]));
    expect(r.getSession(1)!.calls.map((c) => c.id)).toEqual(['0:same#1', '4:same#1']);
    expect(r.getSession(2)!.calls.map((c) => c.id)).toEqual(['0:same#1']);
    expect(r.tabIds().sort()).toEqual([1, 2]);
  });

  it('refuses ids that do not come from a sender', () => {
    const r = new Recorder(options());
    expect(() => r.apply(-1, 0, hello('d'))).toThrow(RangeError);
    expect(() => r.apply(1, 0.5, hello('d'))).toThrow(RangeError);
  });
});

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

describe('Recorder: bounds', () => {
  it('keeps the newest 10,000 of 12,000 calls, in order, and counts 2,000 dropped', () => {
    const r = new Recorder(options());
    let seq = 1;
    for (let id = 1; id <= 12_000; id += 200) {
      r.apply(TAB, FRAME, batch('d1', seq, starts(id, id + 199)));
      seq += 200;
    }
    const s = r.getSession(TAB)!;
    expect(s.losses.evictedCalls).toBe(2000);
    expect(s.calls.length).toBe(10_000);
    expect(s.calls[0]!.callId).toBe(2001);
    expect(s.calls[9_999]!.callId).toBe(12_000);
    expect(s.calls.every((c, i) => c.callId === 2001 + i)).toBe(true);
    // A late end of a dropped call does not bring it back.
    r.apply(TAB, FRAME, batch('d1', seq, [end(5), end(2001)]));
    const after = r.getSession(TAB)!;
    expect(after.calls.length).toBe(10_000);
    expect(after.calls[0]!.status).toBe('ok');
    expect(after.calls.some((c) => c.callId === 5)).toBe(false);
  });

  it('stays fast at the bound (no shifting of the whole list per call)', () => {
    const r = new Recorder(options({ maxCallsPerTab: 10_000 }));
    const t0 = performance.now();
    let seq = 1;
    for (let id = 1; id <= 60_000; id += 200) {
      r.apply(TAB, FRAME, batch('d1', seq, starts(id, id + 199)));
      seq += 200;
    }
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.getSession(TAB)!.losses.evictedCalls).toBe(50_000);
  });

  it('has a bound per tab and a recorder-wide default, both changeable', () => {
    const r = new Recorder(options({ maxCallsPerTab: 50 }));
    r.apply(1, 0, batch('a', 1, starts(1, 80)));
    r.apply(2, 0, batch('b', 1, starts(1, 80)));
    expect([r.getSession(1)!.calls.length, r.getSession(1)!.losses.evictedCalls, r.getSession(1)!.maxCalls]).toEqual([50, 30, 50]);
    void r.setMaxCalls(1, 10);
    expect(r.getSession(1)!.calls.map((c) => c.callId)).toEqual([71, 72, 73, 74, 75, 76, 77, 78, 79, 80]);
    expect(r.getSession(1)!.losses.evictedCalls).toBe(70);
    void r.setDefaultMaxCalls(20);
    expect(r.getSession(2)!.calls.length).toBe(20);
    expect(r.getSession(1)!.calls.length).toBe(10); // its own bound wins
    void r.setMaxCalls(1, null);
    r.apply(1, 0, batch('a', 81, starts(81, 100)));
    expect(r.getSession(1)!.calls.length).toBe(20);
    expect(() => r.setMaxCalls(1, 0)).toThrow(RangeError);
  });

  it('bounds the bytes kept per tab', () => {
    const r = new Recorder(options({ maxBytesPerTab: 10_000 }));
    const big = snap('x', 3000);
    r.apply(TAB, FRAME, batch('d1', 1, [start(1, 1, 'invoke', big), start(2, 2, 'invoke', big), start(3, 3, 'invoke', big), start(4, 4, 'invoke', big)]));
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => c.callId)).toEqual([2, 3, 4]);
    expect(s.losses.evictedCalls).toBe(1);
  });

  it('forgets the document heard from least recently beyond its bound per tab, never refusing a new one', () => {
    const r = new Recorder(options({ maxDocsPerTab: 3 }));
    r.apply(TAB, 1, hello('a'));
    r.apply(TAB, 2, hello('b'));
    r.apply(TAB, 3, hello('c'));
    r.apply(TAB, 1, batch('a', 1, [start(1)])); // 'a' is in use again: 'b' is now the least recent
    expect(r.apply(TAB, 4, batch('d', 1, [start(1), start(2)])).ackUpTo).toBe(2);
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => c.id)).toEqual(['1:a#1', '4:d#1', '4:d#2']);
    expect(s.losses.evictedDocuments).toBe(1);
    expect(s.losses.rejected).toBe(0);
    // 'a' kept its sequence numbers: a resend of its batch changes nothing.
    r.apply(TAB, 1, batch('a', 1, [start(1)]));
    expect(r.getSession(TAB)!.calls.length).toBe(3);
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

describe('Recorder: panel commands', () => {
  it('when recording is off, acknowledges events without storing them', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, batch('d1', 1, [start(1)]));
    void r.setRecording(TAB, false);
    expect(r.getSession(TAB)!.recording).toBe(false);
    expect(r.apply(TAB, FRAME, batch('d1', 2, [start(2), end(1), delivery(3, 1)])).ackUpTo).toBe(4);
    void r.setRecording(TAB, true);
    r.apply(TAB, FRAME, batch('d1', 5, [end(2), start(3)]));
    const s = r.getSession(TAB)!;
    // Call 1 (kept before) still got its end; call 2 started while off and its end is ignored.
    expect(s.calls.map((c) => [c.callId, c.status])).toEqual([
      [1, 'ok'],
      [3, 'pending'],
    ]);
    expect(s.recording).toBe(true);
    expect(s.losses.inTransit).toBe(0);
  });

  it('judges Pause and Resume by when a call started, not when its event arrived', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, hello('d1'));
    clock.now = 10_000;
    void r.setRecording(TAB, false);
    clock.now = 10_500;
    void r.setRecording(TAB, true);
    // The relay batches: calls made while paused (at 10,100 and 10,400) arrive after Resume.
    r.apply(TAB, FRAME, batch('d1', 1, [start(1, 9_900), start(2, 10_100), start(3, 10_400), start(4, 10_500)]));
    r.apply(TAB, FRAME, batch('d1', 5, [end(2, 10_600), delivery(3, 1, 10_700), end(1, 10_800), end(4, 10_900)]));
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => [c.callId, c.status])).toEqual([
      [1, 'ok'],
      [4, 'ok'],
    ]);
    expect(s.calls.find((c) => c.callId === 4)!.deliveries).toEqual([]);
  });

  it('keeps the paused stretches across a worker restart', async () => {
    const store = new MemoryStore();
    const r = await Recorder.restore(store, options());
    r.apply(TAB, FRAME, hello('d1'));
    clock.now = 10_000;
    void r.setRecording(TAB, false);
    clock.now = 10_500;
    await r.setRecording(TAB, true);
    const again = await Recorder.restore(store, options());
    again.apply(TAB, FRAME, batch('d1', 1, [start(1, 10_200), start(2, 10_600)]));
    expect(again.getSession(TAB)!.calls.map((c) => c.callId)).toEqual([2]);
  });

  it('clear forgets the calls and ignores late ends of cleared calls', () => {
    const r = new Recorder(options());
    r.apply(TAB, FRAME, hello('d1'));
    r.apply(TAB, FRAME, batch('d1', 1, [start(1), start(2), end(2)]));
    const messages: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => messages.push(m));
    void r.clear(TAB);
    r.apply(TAB, FRAME, batch('d1', 4, [end(1), start(3)]));
    const s = r.getSession(TAB)!;
    expect(s.calls.map((c) => c.callId)).toEqual([3]);
    expect(s.frames.length).toBe(1);
    expect(messages.map((m) => m.type)).toEqual(['session', 'cleared', 'summary', 'calls']);
  });

  it('closeTab frees the session; pruneTabs frees those of closed tabs', () => {
    const r = new Recorder(options());
    for (const tab of [1, 2, 3, 4]) r.apply(tab, 0, batch('d', 1, [start(1)]));
    void r.closeTab(2);
    expect(r.getSession(2)).toBeUndefined();
    void r.pruneTabs([1, 4, 99]);
    expect(r.tabIds().sort()).toEqual([1, 4]);
  });

  it('noteRejected counts refused messages', () => {
    const r = new Recorder(options());
    void r.noteRejected(TAB, 'events[0].id: expected a positive integer');
    void r.noteRejected(TAB, 'second');
    expect(r.getSession(TAB)!.losses.rejected).toBe(2);
    expect(r.lastRejection(TAB)).toBe('second');
  });
});

describe('Recorder: change feed', () => {
  it('sends the session on subscribe, then one coalesced message of each kind per apply', () => {
    const r = new Recorder(options());
    const messages: BackgroundToPanel[] = [];
    const unsubscribe = r.subscribe(TAB, (m) => messages.push(m));
    expect(messages).toEqual([
      {
        type: 'session',
        session: { tabId: TAB, segments: [], frames: [], calls: [], losses: noLosses(), recording: true, preserveLog: false, maxCalls: 10_000, network: [], networkFeed: 'off', storage: 'memory', bytes: 0, maxBytes: LIMITS.defaultMaxBytesPerTab },
      },
    ]);
    messages.length = 0;
    r.apply(TAB, FRAME, hello('d1'));
    // The first frame opens the first segment: the summary carries it (the panel exports segments too).
    expect(messages.map((m) => m.type)).toEqual(['frames', 'summary']);
    const summary = messages[1]!;
    expect(summary.type === 'summary' && summary.summary.segments).toEqual([{ index: 0, startedAt: expect.any(Number), url: 'https://app.example/' }]);
    messages.length = 0;
    r.apply(TAB, FRAME, batch('d1', 1, [start(1), start(2), end(1), delivery(2, 1), delivery(2, 2)]));
    expect(messages.map((m) => m.type)).toEqual(['calls']);
    const calls = messages[0]!;
    expect(calls.type === 'calls' && calls.calls.map((c) => [c.callId, c.status, c.deliveries.length])).toEqual([
      [1, 'ok', 0],
      [2, 'pending', 2],
    ]);
    messages.length = 0;
    r.apply(TAB, FRAME, batch('d1', 9, [end(2)]));
    expect(messages.map((m) => m.type)).toEqual(['calls', 'summary']);
    expect(messages[1]).toMatchObject({ type: 'summary', tabId: TAB, summary: { losses: { ...noLosses(), inTransit: 3 }, recording: true, preserveLog: false } });
    unsubscribe();
    messages.length = 0;
    r.apply(TAB, FRAME, batch('d1', 10, [start(3)]));
    expect(messages).toEqual([]);
  });

  it('sends a whole session after a navigation, and only to the tab concerned', () => {
    const r = new Recorder(options());
    const mine: BackgroundToPanel[] = [];
    const other: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => mine.push(m));
    r.subscribe(99, (m) => other.push(m));
    r.apply(TAB, 0, topHello('a'));
    r.apply(TAB, 0, batch('a', 1, [start(1)]));
    mine.length = 0;
    r.apply(TAB, 0, topHello('b'));
    expect(mine.length).toBe(1);
    expect(mine[0]!.type === 'session' && mine[0]!.session.calls).toEqual([]);
    expect(other.map((m) => m.type)).toEqual(['session']);
  });

  it('keeps feeding other listeners when one throws', () => {
    const r = new Recorder(options());
    const got: string[] = [];
    r.subscribe(TAB, () => {
      throw new Error('broken panel');
    });
    r.subscribe(TAB, (m) => got.push(m.type));
    r.apply(TAB, FRAME, batch('d1', 1, [start(1)]));
    expect(got).toEqual(['session', 'frames', 'calls', 'summary']);
  });
});
