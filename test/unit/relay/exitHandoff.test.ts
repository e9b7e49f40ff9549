import { describe, expect, it } from 'vitest';
import { EXIT_NAME_RE, EXIT_REQUEST_SUFFIX, type HookEvent } from '../../../src/protocol/hook';
import { LIMITS } from '../../../src/protocol/limits';
import type { RelayToBackground } from '../../../src/protocol';
import { exitMessage, listenForHandoffs, readHandoff } from '../../../src/relay/exitHandoff';
import { RelayLink } from '../../../src/relay/relayLink';
import { FakePort } from '../transport/fakePort';

const start = (id: number): HookEvent => ({ type: 'call-start', id, command: 'invoke', at: 1000 + id, request: { value: null, bytes: 4, truncated: false } });

function setup() {
  const target = new EventTarget();
  const port = new FakePort<RelayToBackground>();
  const link = new RelayLink({ docId: 'doc-1', hello: { url: 'u', isTop: true, parentUrl: '' }, connect: () => port, schedule: () => undefined });
  link.start();
  const { name } = exitMessage(crypto.randomUUID());
  const request = listenForHandoffs(target, name, (data) => link.fromHook(data));
  const handOff = (detail: unknown) => target.dispatchEvent(new CustomEvent(name, { detail }));
  const sent = () => port.sent.flatMap((m) => (m.type === 'batch' ? m.events : []));
  return { target, link, name, request, handOff, sent };
}

describe('exit handoff, relay side', () => {
  it('names the exit event with a random id the hook accepts', () => {
    expect(exitMessage(crypto.randomUUID()).name).toMatch(EXIT_NAME_RE);
    expect(exitMessage('a b').name).not.toMatch(EXIT_NAME_RE);
  });

  it('receives a handoff synchronously, validated like a port message', () => {
    const { handOff, sent, link } = setup();
    handOff(JSON.stringify({ events: [start(1)] }));
    expect(sent()).toEqual([start(1)]);
    expect(link.rejected).toBe(0);
  });

  it('counts a forged, malformed or oversized handoff as rejected and never throws into the dispatcher', () => {
    const { handOff, target, name, sent, link } = setup();
    const bad: unknown[] = [
      undefined,
      { events: [start(1)] },
      '{"events": [',
      JSON.stringify({ events: [{ ...start(1), id: -1 }] }),
      JSON.stringify({ events: [{ type: 'channel-report', at: 1, hookDropped: 0, rejected: 0, foreignOffers: 0, unanswered: false }] }),
      JSON.stringify({ events: Array.from({ length: LIMITS.eventsPerHookMessage + 1 }, (_, i) => start(i + 1)) }),
      JSON.stringify({ events: [start(1)], pad: 'x'.repeat(LIMITS.exitHandoffChars) }),
    ];
    for (const detail of bad) expect(() => handOff(detail)).not.toThrow();
    expect(() => target.dispatchEvent(new Event(name))).not.toThrow();
    expect(link.rejected).toBe(bad.length + 1);
    expect(sent()).toEqual([]);
  });

  it('reads a detail as JSON only within the bound', () => {
    expect(readHandoff('{"events":[]}')).toEqual({ events: [] });
    expect(readHandoff(' '.repeat(LIMITS.exitHandoffChars + 1))).toBeUndefined();
    expect(readHandoff(42)).toBeUndefined();
  });

  it('asks the hook by dispatching the request event, and a receiver that throws stays inside', () => {
    const target = new EventTarget();
    const { name } = exitMessage(crypto.randomUUID());
    const request = listenForHandoffs(target, name, () => {
      throw new Error('receiver');
    });
    let asked = 0;
    target.addEventListener(name + EXIT_REQUEST_SUFFIX, () => asked++);
    request();
    expect(asked).toBe(1);
    expect(() => target.dispatchEvent(new CustomEvent(name, { detail: '{}' }))).not.toThrow();
  });
});
