import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/recorder/recorder';
import type { HookEvent } from '../../../src/protocol/hook';
import { batch, clock, delivery, end, fakeSummarize, hello, options, snap, start } from './helpers';

const TAB = 7;
const FRAME = 3;

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

  it('records a call whose end or delivery arrived before its start as if they came in order', () => {
    const inOrder = new Recorder(options());
    inOrder.apply(TAB, FRAME, batch('d1', 1, [start(1, 1000.5), delivery(1, 1), end(1, 1012.25), start(2, 1013), end(2, 1014, false, snap('boom'))]));
    const reversed = new Recorder(options());
    // What the hook hands over at exit can overtake a message still on its port.
    reversed.apply(TAB, FRAME, batch('d1', 1, [delivery(1, 1), end(1, 1012.25), end(2, 1014, false, snap('boom'))]));
    reversed.apply(TAB, FRAME, batch('d1', 4, [start(1, 1000.5), start(2, 1013), start(2, 1099, 'other')]));
    expect(reversed.getSession(TAB)!.calls).toEqual(inOrder.getSession(TAB)!.calls);
    expect(reversed.getSession(TAB)!.losses.inTransit).toBe(0);
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

describe('Recorder: summaries of repeated calls', () => {
  it('summarises a call that repeats the one before once, and a call that differs anew', () => {
    const seen: string[] = [];
    const summarize = (i: Parameters<typeof fakeSummarize>[0]) => {
      seen.push(JSON.stringify(i.response));
      return `${i.command} ${i.status} ${JSON.stringify(i.response)}`;
    };
    const classified: unknown[] = [];
    const classify = (command: string, request: unknown) => {
      classified.push(request);
      return command === 'getContext' ? ('context' as const) : ('other' as const);
    };
    const r = new Recorder(options({ summarize, classify }));
    r.apply(TAB, FRAME, hello('d1'));
    // One batch's repeated answer: a single snapshot object shared by its events (as parseRelayToBackground gives it);
    // each request its own small object (too small to share), equal to the others.
    const shared = snap({ cloudId: 'c0ffee', theme: { colorMode: 'light' } }, 200);
    const request = () => snap({ $fbdt: 'undefined' }, 20);
    const events = [1, 2, 3].flatMap((id) => [start(id, 1000 + id, 'getContext', request()), end(id, 2000 + id, true, shared)]);
    events.push(start(4, 1004, 'getContext', request()), end(4, 2004, true, snap({ cloudId: 'other' }, 200)));
    events.push(start(5, 1005, 'getContext', snap({ other: true }, 20)));
    r.apply(TAB, FRAME, batch('d1', 1, events));
    const summaries = r.getSession(TAB)!.calls.map((c) => c.summary);
    expect(summaries).toEqual([
      'getContext ok {"cloudId":"c0ffee","theme":{"colorMode":"light"}}',
      'getContext ok {"cloudId":"c0ffee","theme":{"colorMode":"light"}}',
      'getContext ok {"cloudId":"c0ffee","theme":{"colorMode":"light"}}',
      'getContext ok {"cloudId":"other"}',
      'getContext pending null',
    ]);
    // Summarised: the first start (pending), the first answer, the answer that differs, and the start whose request
    // differs (its pending text is the same, but the request might have changed it); nothing else.
    expect(seen).toEqual(['null', '{"cloudId":"c0ffee","theme":{"colorMode":"light"}}', '{"cloudId":"other"}', 'null']);
    expect(classified).toEqual([{ $fbdt: 'undefined' }, { other: true }]);
  });
});

describe('Recorder: a `call` event (a start and its end the hook joined)', () => {
  /** The hook's rule, written again here: an end whose start is earlier in the same batch replaces that start. */
  function joinBatch(events: HookEvent[]): HookEvent[] {
    const out: HookEvent[] = [];
    const at = new Map<number, number>();
    for (const e of events) {
      const i = e.type === 'call-end' ? at.get(e.id) : undefined;
      if (e.type === 'call-end' && i !== undefined) {
        const s = out[i] as Extract<HookEvent, { type: 'call-start' }>;
        out[i] = { type: 'call', id: s.id, command: s.command, at: s.at, request: s.request, endAt: e.at, ok: e.ok, value: e.value };
        at.delete(e.id);
        continue;
      }
      if (e.type === 'call-start' && !at.has(e.id)) at.set(e.id, out.length);
      out.push(e);
    }
    return out;
  }

  it('records exactly what its start and end record, on random sessions with pauses, repeats, errors and events out of order', async () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let joinedCalls = 0;
    for (let round = 0; round < 60; round++) {
      const apart = new Recorder(options());
      const joined = new Recorder(options());
      for (const r of [apart, joined]) r.apply(TAB, FRAME, hello('d1'));
      let seq = 1;
      let joinedSeq = 1;
      let id = 0;
      const open: number[] = [];
      for (let b = 0; b < 8; b++) {
        const events: HookEvent[] = [];
        for (let i = 0; i < 1 + Math.floor(rand() * 12); i++) {
          const x = rand();
          const t = 1000 + b * 100 + i;
          if (x < 0.4) {
            id++;
            const command = rand() < 0.5 ? 'getContext' : 'invoke';
            events.push(start(id, t, command, snap(rand() < 0.5 ? { n: 1 } : { n: id })));
            open.push(id);
          } else if (x < 0.8 && open.length > 0) {
            const which = open.splice(Math.floor(rand() * open.length), 1)[0]!;
            events.push(end(which, t + 0.5, rand() < 0.8, snap(rand() < 0.5 ? { r: 1 } : { r: which })));
          } else if (x < 0.9 && id > 0) {
            events.push(delivery(1 + Math.floor(rand() * id), i, t));
          } else {
            // An end before its start (a handoff at exit overtakes the port), or a second end.
            events.push(end(1 + Math.floor(rand() * (id + 2)), t));
          }
        }
        const together = joinBatch(events);
        joinedCalls += together.filter((e) => e.type === 'call').length;
        clock.now = 1000 + b * 100;
        if (rand() < 0.2) {
          const on = rand() < 0.5;
          await apart.setRecording(TAB, on);
          await joined.setRecording(TAB, on);
        }
        apart.apply(TAB, FRAME, batch('d1', seq, events));
        joined.apply(TAB, FRAME, batch('d1', joinedSeq, together));
        seq += events.length;
        joinedSeq += together.length;
        expect(joined.getSession(TAB)!.calls).toEqual(apart.getSession(TAB)!.calls);
      }
      expect(joined.getSession(TAB)!.losses).toEqual(apart.getSession(TAB)!.losses);
    }
    expect(joinedCalls).toBeGreaterThan(100);
  });
});
