import type { PortLike } from '../../../src/transport/reconnectingPort';

/** A runtime port in memory: records what was posted (cloned, as the browser would) and lets a test answer or drop it. */
export class FakePort<Out> implements PortLike<Out> {
  sent: Out[] = [];
  disconnected = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  postMessage(m: Out): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(m));
  }
  disconnect(): void {
    this.disconnected = true;
  }
  answer(message: unknown): void {
    this.messageListeners.forEach((l) => l(message));
  }
  /** The other side went away (the worker stopped). */
  drop(): void {
    this.disconnected = true;
    this.disconnectListeners.forEach((l) => l());
  }
}

/** A connect() that hands out FakePorts, and a schedule() whose timers the test fires by hand. */
export function fakeConnections<Out>() {
  const ports: FakePort<Out>[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let clock = 0;
  return {
    ports,
    timers,
    connect: () => {
      const port = new FakePort<Out>();
      ports.push(port);
      return port;
    },
    schedule: (fn: () => void, ms: number) => void timers.push({ fn, ms }),
    now: () => clock,
    advance: (ms: number) => void (clock += ms),
    fireNext: () => timers.shift()!.fn(),
  };
}
