import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/protocol/limits';
import { noLosses } from '../../../src/protocol/losses';
import type { BackgroundToPanel } from '../../../src/protocol/runtime';
import { MemoryStore } from '../../../src/recorder/persistence';
import { Recorder } from '../../../src/recorder/recorder';
import { batch, clock, delivery, end, hello, options, snap, start, starts, topHello } from './helpers';

const TAB = 7;
const FRAME = 3;


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

  it('has one bound on calls per tab (the Settings value), applied to every tab at once when changed', () => {
    const r = new Recorder(options({ maxCallsPerTab: 50 }));
    r.apply(1, 0, batch('a', 1, starts(1, 80)));
    r.apply(2, 0, batch('b', 1, starts(1, 80)));
    expect([r.getSession(1)!.calls.length, r.getSession(1)!.losses.evictedCalls, r.getSession(1)!.maxCalls]).toEqual([50, 30, 50]);
    void r.setDefaultMaxCalls(10);
    expect(r.getSession(1)!.calls.map((c) => c.callId)).toEqual([71, 72, 73, 74, 75, 76, 77, 78, 79, 80]);
    expect([r.getSession(1)!.losses.evictedCalls, r.getSession(1)!.maxCalls]).toEqual([70, 10]);
    expect(r.getSession(2)!.calls.length).toBe(10);
    void r.setDefaultMaxCalls(20);
    r.apply(1, 0, batch('a', 81, starts(81, 100)));
    expect(r.getSession(1)!.calls.length).toBe(20);
    expect(() => r.setDefaultMaxCalls(0)).toThrow(RangeError);
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

describe('Recorder: frames of a page that makes throwaway iframes', () => {
  it('keeps frames bounded: the oldest of forgotten documents go unless a kept call names them', async () => {
    const store = new MemoryStore();
    const r = new Recorder(options({ maxDocsPerTab: 20 }), store);
    const messages: BackgroundToPanel[] = [];
    r.subscribe(TAB, (m) => messages.push(m));
    // The first frame makes a call, then 2,000 frames say hello and are never heard from again.
    r.apply(TAB, 1, batch('keep', 1, [start(1)]));
    for (let i = 0; i < 2000; i++) r.apply(TAB, 100 + i, hello(`throwaway${i}`));
    const real = r.apply(TAB, 5000, batch('real', 1, [start(1), end(1)]));
    await real.persisted;
    const s = r.getSession(TAB)!;
    // Bound: 20 documents plus a slack of 16 before a sweep; the frame whose call is kept stays.
    expect(s.frames.length).toBeLessThanOrEqual(36);
    expect(s.frames.map((f) => f.key)).toContain('1:keep');
    expect(s.frames.map((f) => f.key)).toContain('5000:real');
    expect(s.calls.map((c) => c.id)).toEqual(['1:keep#1', '5000:real#1']);
    expect(s.losses.evictedDocuments).toBe(2002 - 20);
    // The store holds what the recorder holds, and the panel was sent a whole session when frames went.
    expect((await store.load()).frames.length).toBe(s.frames.length);
    const lastSession = messages.filter((m) => m.type === 'session').at(-1) as Extract<BackgroundToPanel, { type: 'session' }>;
    expect(lastSession.session.frames.length).toBeLessThanOrEqual(36 + 2);
    expect(messages.filter((m) => m.type === 'session').length).toBeLessThan(200);
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
    void r.noteRejected(TAB);
    void r.noteRejected(TAB);
    expect(r.getSession(TAB)!.losses.rejected).toBe(2);
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
