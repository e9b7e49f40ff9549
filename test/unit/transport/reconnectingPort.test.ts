import { describe, expect, it } from 'vitest';
import { ReconnectingPort } from '../../../src/transport/reconnectingPort';
import { fakeConnections } from './fakePort';

type Msg = { type: string; n?: number };

function setup(extra: { provenAfterMs?: number; connect?: () => never } = {}) {
  const net = fakeConnections<Msg>();
  const opens: boolean[] = [];
  const received: unknown[] = [];
  let closed = 0;
  const transport = new ReconnectingPort<Msg>({
    connect: extra.connect ?? net.connect,
    schedule: net.schedule,
    now: net.now,
    onOpen: (send, reopened) => {
      opens.push(reopened);
      send({ type: 'hello' });
    },
    onMessage: (m) => received.push(m),
    onClosed: () => void (closed += 1),
    provenAfterMs: extra.provenAfterMs,
  });
  transport.start();
  return { net, transport, opens, received, closed: () => closed };
}

describe('ReconnectingPort', () => {
  it('says hello on open, then sends what it is given', () => {
    const { net, transport, opens } = setup();
    expect(transport.send({ type: 'data', n: 1 })).toBe(true);
    expect(opens).toEqual([false]);
    expect(net.ports[0]!.sent).toEqual([{ type: 'hello' }, { type: 'data', n: 1 }]);
  });

  it('reconnects after the worker goes away and says hello again, marking the open as a reopen', () => {
    const { net, transport, opens, closed } = setup();
    net.ports[0]!.drop();
    expect(closed()).toBe(1);
    expect(transport.connected).toBe(false);
    expect(transport.send({ type: 'lost' })).toBe(false);
    net.fireNext();
    expect(opens).toEqual([false, true]);
    expect(net.ports).toHaveLength(2);
    expect(net.ports[1]!.sent).toEqual([{ type: 'hello' }]);
  });

  it('backs off while new ports die at once, and starts over once the other side answers', () => {
    const { net } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      net.ports.at(-1)!.drop();
      delays.push(net.timers[0]!.ms);
      net.fireNext();
    }
    expect(delays).toEqual([50, 100, 200, 400]);
    net.ports.at(-1)!.answer({ type: 'ack' });
    net.ports.at(-1)!.drop();
    expect(net.timers[0]!.ms).toBe(50);
  });

  it('counts a port that stayed open long enough as proven, even if the other side never answers', () => {
    const { net } = setup({ provenAfterMs: 1000 });
    net.ports[0]!.drop();
    net.fireNext();
    net.ports[1]!.drop();
    expect(net.timers[0]!.ms).toBe(100);
    net.fireNext();
    net.advance(1000);
    net.ports[2]!.drop();
    expect(net.timers[0]!.ms).toBe(50);
  });

  it('hands on messages from the current port only', () => {
    const { net, received } = setup();
    const old = net.ports[0]!;
    old.drop();
    net.fireNext();
    old.answer({ type: 'stale' });
    net.ports[1]!.answer({ type: 'fresh' });
    expect(received).toEqual([{ type: 'fresh' }]);
  });

  it('stops for good: disconnects and never reconnects', () => {
    const { net, transport } = setup();
    transport.stop();
    expect(net.ports[0]!.disconnected).toBe(true);
    net.ports[0]!.drop();
    expect(net.timers).toHaveLength(0);
    expect(transport.send({ type: 'late' })).toBe(false);
  });

  it('gives up quietly when the extension context is gone', () => {
    const { net, transport, opens } = setup({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(transport.connected).toBe(false);
    expect(opens).toEqual([]);
    expect(net.timers).toHaveLength(0);
  });

  it('reports a send on a port that died between checks as not sent', () => {
    const { net, transport } = setup();
    net.ports[0]!.disconnected = true;
    expect(transport.send({ type: 'data' })).toBe(false);
  });
});
