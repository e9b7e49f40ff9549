import { describe, expect, it } from 'vitest';
import {
  parseBackgroundToRelay,
  parseHookMessage,
  parsePanelToBackground,
  parseRelayToBackground,
  parseSnapshot,
} from '../../../src/protocol/validate';
import { goodEvents, measured, type Obj, reasonOf, snap, start } from './messageFixtures';

describe('parseHookMessage: accepts', () => {
  it('every event type, unchanged', () => {
    // Unchanged but for each snapshot's size, which the receiver measures (issue 14: never the sender's claim).
    const result = parseHookMessage({ events: goodEvents });
    expect(result).toEqual({ ok: true, value: { events: measured(goodEvents) } });
  });

  it('an empty message', () => {
    expect(parseHookMessage({ events: [] })).toEqual({ ok: true, value: { events: [] } });
  });

  it('drops unknown fields', () => {
    const result = parseHookMessage({ events: [{ ...goodEvents[6], extra: 'x' }], also: 1 });
    expect(result).toEqual({ ok: true, value: { events: [{ type: 'transport', at: 6, kind: 'post-robot' }] } });
  });

  it('500 events, the limit', () => {
    const events = Array.from({ length: 500 }, (_, i) => start(i + 1));
    const result = parseHookMessage({ events });
    expect(result.ok && result.value.events.length).toBe(500);
  });

  it('objects with a null prototype and from JSON', () => {
    const value = Object.create(null) as Obj;
    value.a = 1;
    expect(parseHookMessage({ events: [start(1, { request: snap(value) })] }).ok).toBe(true);
    expect(parseHookMessage(JSON.parse(JSON.stringify({ events: goodEvents }))).ok).toBe(true);
  });
});

describe('parseHookMessage: rejects, naming the field', () => {
  it('a message that is not an object', () => {
    expect(reasonOf(parseHookMessage(null))).toBe('message: expected a plain object, got null');
    expect(reasonOf(parseHookMessage([]))).toBe('message: expected a plain object, got an array');
    expect(reasonOf(parseHookMessage('x'))).toBe('message: expected a plain object, got a string');
  });

  it('events that are not an array', () => {
    expect(reasonOf(parseHookMessage({ events: {} }))).toBe('events: expected an array, got an object');
    expect(reasonOf(parseHookMessage({}))).toBe('events: expected an array, got undefined');
  });

  it('too many events', () => {
    const events = Array.from({ length: 501 }, (_, i) => start(i + 1));
    expect(reasonOf(parseHookMessage({ events }))).toBe('events: more than 500 events (501)');
  });

  it('a huge claimed count without iterating it', () => {
    const events: unknown[] = [];
    events.length = 2 ** 31;
    expect(reasonOf(parseHookMessage({ events }))).toMatch(/^events: more than 500 events/);
  });

  it('bad ids', () => {
    const events = [start(1), start(2), start(3)];
    for (const bad of [0, -1, 1.5, '4', NaN, Infinity, 2 ** 53, null]) {
      events[2] = start(bad);
      expect(reasonOf(parseHookMessage({ events }))).toBe('events[2].id: expected a positive integer');
    }
  });

  it('unknown event types', () => {
    expect(reasonOf(parseHookMessage({ events: [start(), { type: 'nope', at: 1 }] }))).toBe('events[1].type: unknown event type "nope"');
    expect(reasonOf(parseHookMessage({ events: [{ at: 1 }] }))).toBe('events[0].type: expected an event type, got undefined');
  });

  it('non-finite or negative times', () => {
    for (const bad of [NaN, Infinity, -Infinity, -1, '1']) {
      expect(reasonOf(parseHookMessage({ events: [start(1, { at: bad })] }))).toMatch(/^events\[0\]\.at: expected a finite non-negative number/);
    }
  });

  it('commands: empty, too long, not a string', () => {
    expect(reasonOf(parseHookMessage({ events: [start(1, { command: '' })] }))).toBe('events[0].command: expected a non-empty string');
    expect(reasonOf(parseHookMessage({ events: [start(1, { command: 'x'.repeat(201) })] }))).toBe(
      'events[0].command: string longer than 200 characters (201)',
    );
    expect(reasonOf(parseHookMessage({ events: [start(1, { command: 5 })] }))).toBe('events[0].command: expected a string, got a number');
  });

  it('URLs longer than 4096 characters', () => {
    const ready = { ...goodEvents[0], url: 'https://a/' + 'x'.repeat(4096) };
    expect(reasonOf(parseHookMessage({ events: [ready] }))).toMatch(/^events\[0\]\.url: string longer than 4096 characters/);
    const ref = { ...goodEvents[0], referrer: 'y'.repeat(4097) };
    expect(reasonOf(parseHookMessage({ events: [ref] }))).toMatch(/^events\[0\]\.referrer: string longer than 4096/);
  });

  it('enum values', () => {
    expect(reasonOf(parseHookMessage({ events: [{ ...goodEvents[1], via: 'magic' }] }))).toBe('events[0].via: expected one of "trap", "present"');
    expect(reasonOf(parseHookMessage({ events: [{ type: 'transport', at: 1, kind: 'carrier-pigeon' }] }))).toBe(
      'events[0].kind: expected one of "post-robot", "port-rpc", "unknown"',
    );
    expect(reasonOf(parseHookMessage({ events: [{ ...goodEvents[4], ok: 'yes' }] }))).toBe('events[0].ok: expected a boolean, got a string');
    expect(reasonOf(parseHookMessage({ events: [{ ...goodEvents[1], semver: 3 }] }))).toBe('events[0].semver: expected a string or null, got a number');
  });

  it('bad delivery fields', () => {
    expect(reasonOf(parseHookMessage({ events: [{ ...goodEvents[5], seq: -1 }] }))).toBe('events[0].seq: expected a non-negative integer');
    expect(reasonOf(parseHookMessage({ events: [{ ...goodEvents[5], key: 7 }] }))).toBe('events[0].key: expected a string, got a number');
  });
});

describe('parseRelayToBackground', () => {
  const hello = { type: 'hello', docId: '4f1c-aa_9', url: 'https://a/', isTop: true, parentUrl: '' };

  it('accepts hello and batch', () => {
    expect(parseRelayToBackground(hello)).toEqual({ ok: true, value: hello });
    const batch = { type: 'batch', docId: 'd1', firstSeq: 1, events: goodEvents, lost: 3 };
    expect(parseRelayToBackground(batch)).toEqual({ ok: true, value: { ...batch, events: measured(goodEvents) } });
  });

  it('takes a batch\'s cumulative loss report, and refuses a bad one', () => {
    const losses = { hookDropped: 2, relayRejected: 1, pagehide: 0 };
    const batch = { type: 'batch', docId: 'd1', firstSeq: 1, events: [], lost: 0, losses };
    expect(parseRelayToBackground(batch)).toEqual({ ok: true, value: batch });
    expect(reasonOf(parseRelayToBackground({ ...batch, losses: { ...losses, hookDropped: -1 } }))).toMatch(/^losses\.hookDropped/);
    expect(reasonOf(parseRelayToBackground({ ...batch, losses: { ...losses, pagehide: 1.5 } }))).toMatch(/^losses\.pagehide/);
    expect(reasonOf(parseRelayToBackground({ ...batch, losses: 'many' }))).toMatch(/^losses/);
  });

  it('measures each snapshot itself: a sender that claims 0 bytes for a large value, or a large size for a tiny one, is not believed', () => {
    const big = 'x'.repeat(60_000);
    const lying = { type: 'batch', docId: 'd1', firstSeq: 1, lost: 0, events: [start(1, { request: snap(big, 0) }), { type: 'call-end', id: 1, at: 2, ok: true, value: snap(1, 60_000) }] };
    const parsed = parseRelayToBackground(lying);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.type !== 'batch') return;
    const [s, e] = parsed.value.events;
    expect(s!.type === 'call-start' && s!.request.bytes).toBe(60_002);
    expect(e!.type === 'call-end' && e!.value.bytes).toBe(1);
  });

  it('rejects bad docIds', () => {
    expect(reasonOf(parseRelayToBackground({ ...hello, docId: 'a:b' }))).toBe('docId: expected only letters, digits, "_" and "-"');
    expect(reasonOf(parseRelayToBackground({ ...hello, docId: 'a#1' }))).toBe('docId: expected only letters, digits, "_" and "-"');
    expect(reasonOf(parseRelayToBackground({ ...hello, docId: '' }))).toBe('docId: expected a non-empty string');
    expect(reasonOf(parseRelayToBackground({ ...hello, docId: 'x'.repeat(129) }))).toBe('docId: string longer than 128 characters (129)');
  });

  it('rejects bad hello fields', () => {
    expect(reasonOf(parseRelayToBackground({ ...hello, url: 'u'.repeat(4097) }))).toBe('url: string longer than 4096 characters (4097)');
    expect(reasonOf(parseRelayToBackground({ ...hello, isTop: 1 }))).toBe('isTop: expected a boolean, got a number');
    expect(reasonOf(parseRelayToBackground({ ...hello, parentUrl: null }))).toBe('parentUrl: expected a string, got null');
  });

  it('rejects bad batches', () => {
    const batch = { type: 'batch', docId: 'd1', firstSeq: 1, events: [start()], lost: 0 };
    expect(reasonOf(parseRelayToBackground({ ...batch, firstSeq: 0 }))).toBe('firstSeq: expected a positive integer');
    expect(reasonOf(parseRelayToBackground({ ...batch, lost: -1 }))).toBe('lost: expected a non-negative integer');
    expect(reasonOf(parseRelayToBackground({ ...batch, lost: Infinity }))).toBe('lost: expected a non-negative integer');
    expect(reasonOf(parseRelayToBackground({ ...batch, lost: 1e300 }))).toBe('lost: expected a non-negative integer');
    expect(reasonOf(parseRelayToBackground({ ...batch, firstSeq: 2 ** 53 - 1 }))).toBe('firstSeq: sequence numbers overflow');
    const events = Array.from({ length: 201 }, (_, i) => start(i + 1));
    expect(reasonOf(parseRelayToBackground({ ...batch, events }))).toBe('events: more than 200 events (201)');
    expect(reasonOf(parseRelayToBackground({ ...batch, events: [start(), start(2, { at: NaN })] }))).toBe(
      'events[1].at: expected a finite non-negative number, got NaN',
    );
    expect(reasonOf(parseRelayToBackground({ type: 'goodbye' }))).toBe('type: expected "hello" or "batch", got "goodbye"');
  });

  it('accepts a full 200-event batch with 50-item payloads (its speed is in `npm run bench -- validate`)', () => {
    const request = snap({ payload: { items: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}`, on: i % 2 === 0 })) } }, 2500);
    const events = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? start(i + 1, { request }) : { type: 'call-end', id: i, at: 2, ok: true, value: request },
    );
    const batch = JSON.parse(JSON.stringify({ type: 'batch', docId: 'd1', firstSeq: 1, events, lost: 0 })) as unknown;
    const parsed = parseRelayToBackground(batch);
    expect(parsed.ok).toBe(true);
    expect((parsed as { value: { events: unknown[] } }).value.events).toHaveLength(200);
  });
});

describe('parsePanelToBackground and parseBackgroundToRelay', () => {
  it('accepts every panel message', () => {
    const messages = [
      { type: 'subscribe', tabId: 3 },
      { type: 'clear', tabId: 0 },
      { type: 'set-recording', tabId: 3, on: false },
      { type: 'set-preserve-log', tabId: 3, on: true },
      { type: 'export', tabId: 3, requestId: 9 },
    ];
    for (const m of messages) expect(parsePanelToBackground(m)).toEqual({ ok: true, value: m });
  });

  it('rejects bad panel messages', () => {
    expect(reasonOf(parsePanelToBackground({ type: 'subscribe', tabId: -1 }))).toBe('tabId: expected a non-negative integer');
    expect(reasonOf(parsePanelToBackground({ type: 'subscribe', tabId: '3' }))).toBe('tabId: expected a non-negative integer');
    expect(reasonOf(parsePanelToBackground({ type: 'set-recording', tabId: 3 }))).toBe('on: expected a boolean, got undefined');
    expect(reasonOf(parsePanelToBackground({ type: 'export', tabId: 3, requestId: 1.5 }))).toBe('requestId: expected a non-negative integer');
    expect(reasonOf(parsePanelToBackground({ type: 'drop-tables', tabId: 3 }))).toBe('type: expected "subscribe", "clear", "set-recording", "set-preserve-log" or "export", got "drop-tables"');
    expect(reasonOf(parsePanelToBackground(undefined))).toBe('message: expected a plain object, got undefined');
  });

  it('checks background → relay messages', () => {
    expect(parseBackgroundToRelay({ type: 'ack', upTo: 12 })).toEqual({ ok: true, value: { type: 'ack', upTo: 12 } });
    expect(parseBackgroundToRelay({ type: 'recording', on: false })).toEqual({ ok: true, value: { type: 'recording', on: false } });
    expect(reasonOf(parseBackgroundToRelay({ type: 'ack', upTo: NaN }))).toBe('upTo: expected a non-negative integer');
  });
});

describe('message types a page might try', () => {
  it('refuses types that name what every object inherits', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(parsePanelToBackground({ type, tabId: 1 }).ok, type).toBe(false);
      expect(parseRelayToBackground({ type, docId: 'a' }).ok, type).toBe(false);
      expect(parseBackgroundToRelay({ type, upTo: 1 }).ok, type).toBe(false);
    }
  });
});
