import { describe, expect, it, vi } from 'vitest';
import { classifyMessage, startTransportSniffer, type SnifferTarget } from '../../../src/capture/transportSniffer';
import { CHANNEL_OFFER, type HostTransport } from '../../../src/protocol/hook';
import { FakeWindow } from './fakeWindow';

const POST_ROBOT = JSON.stringify({
  __post_robot_10_0_46__: [{ id: 'a1', origin: 'https://x.atlassian.net', type: 'postrobot_message_response', name: 'callBridge', hash: 'h', ack: 'success', data: {} }],
});

describe('classifyMessage', () => {
  it('recognises post-robot messages by their first characters', () => {
    expect(classifyMessage(POST_ROBOT)).toBe('post-robot');
    expect(classifyMessage('{"__post_robot_10_0_46__":[]}')).toBe('post-robot');
    expect(classifyMessage('{"__post_robot_9__":[]}')).toBe('post-robot');
  });

  it('does not take look-alikes for post-robot', () => {
    expect(classifyMessage('{"__post_robot_x__":[]}')).toBeNull();
    expect(classifyMessage('{"__post_robot_10_0_46":[]}')).toBeNull();
    expect(classifyMessage(' {"__post_robot_10__":[]}')).toBeNull();
    expect(classifyMessage({ __post_robot_10_0_46__: [] })).toBeNull();
    expect(classifyMessage('{"a":1}')).toBeNull();
    expect(classifyMessage('')).toBeNull();
  });

  it('recognises port-rpc by its marker in strings, fields or keys', () => {
    expect(classifyMessage('__port_rpc_handshake__')).toBe('port-rpc');
    expect(classifyMessage({ type: '__port_rpc_handshake__' })).toBe('port-rpc');
    expect(classifyMessage({ name: '__port_rpc_handshake__', id: 1 })).toBe('port-rpc');
    expect(classifyMessage({ __port_rpc_handshake__: true })).toBe('port-rpc');
    expect(classifyMessage('{"kind":"__port_rpc_handshake__"}')).toBe('port-rpc');
  });

  it('ignores ufo-event messages, the channel offer and anything else', () => {
    expect(classifyMessage({ type: 'ufo-event', name: 'ufo-forge-paint-timing', payload: {}, elapsed: 1 })).toBeNull();
    expect(classifyMessage({ type: CHANNEL_OFFER })).toBeNull();
    expect(classifyMessage({ type: 'adf-document', source: 'forge-adf-renderer' })).toBeNull();
    expect(classifyMessage(null)).toBeNull();
    expect(classifyMessage(42)).toBeNull();
    expect(classifyMessage(undefined)).toBeNull();
  });

  it('reads only own data properties of object data: a getter a page put on its own event data never runs', () => {
    let ran = 0;
    const data = { get type() { return (ran++, '__port_rpc_x'); }, get name() { return (ran++, '__port_rpc'); } };
    expect(classifyMessage(data)).toBeNull();
    expect(classifyMessage({ type: '__port_rpc_call' })).toBe('port-rpc');
    expect(ran).toBe(0);
  });

  it('does not parse big string data', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const big = `{"payload":"${'x'.repeat(1_000_000)}"}`;
      expect(classifyMessage(big)).toBeNull();
      expect(classifyMessage(`{"__post_robot_10_0_46__":${'['.repeat(10)}`)).toBe('post-robot');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('startTransportSniffer', () => {
  it('reports the first kind it sees once, and stops listening then (nothing per message after)', () => {
    const win = new FakeWindow();
    const reports: HostTransport[] = [];
    startTransportSniffer(win as unknown as SnifferTarget, (k) => reports.push(k));
    expect(win.listenerCount).toBe(1);
    win.dispatch({ data: { type: 'ufo-event' } });
    win.dispatch({ data: 'unrelated' });
    expect(win.listenerCount).toBe(1);
    win.dispatch({ data: POST_ROBOT });
    expect(reports).toEqual(['post-robot']);
    expect(win.listenerCount).toBe(0);
    win.dispatch({ data: POST_ROBOT });
    win.dispatch({ data: { type: '__port_rpc_handshake__' } });
    expect(reports).toEqual(['post-robot']);
  });

  it('reports port-rpc when that is what comes first', () => {
    const win = new FakeWindow();
    const reports: HostTransport[] = [];
    startTransportSniffer(win as unknown as SnifferTarget, (k) => reports.push(k));
    win.dispatch({ data: '__port_rpc_handshake__' });
    win.dispatch({ data: POST_ROBOT });
    expect(reports).toEqual(['port-rpc']);
    expect(win.listenerCount).toBe(0);
  });

  it('never stops the event from reaching page listeners', () => {
    const win = new FakeWindow();
    startTransportSniffer(win as unknown as SnifferTarget, () => undefined);
    const seen: unknown[] = [];
    win.addEventListener('message', (e) => seen.push(e.data), true);
    win.addEventListener('message', (e) => seen.push(e.data));
    win.dispatch({ data: POST_ROBOT });
    expect(seen).toEqual([POST_ROBOT, POST_ROBOT]);
  });

  it('never throws into the page, whatever the data or the reporter do', () => {
    const win = new FakeWindow();
    startTransportSniffer(win as unknown as SnifferTarget, () => {
      throw new Error('reporter broke');
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(() => win.dispatch({ data: hostile })).not.toThrow();
    expect(() => win.dispatch({ data: POST_ROBOT })).not.toThrow();
  });

  it('returns a stop function', () => {
    const win = new FakeWindow();
    const reports: HostTransport[] = [];
    const stop = startTransportSniffer(win as unknown as SnifferTarget, (k) => reports.push(k));
    stop();
    win.dispatch({ data: POST_ROBOT });
    expect(reports).toEqual([]);
    expect(win.listenerCount).toBe(0);
  });
});
