import { DEFAULT_RECONNECT, reconnectDelay, type ReconnectPolicy } from './backoff';

/** The part of a `runtime.Port` a transport uses; a fake in tests (test/unit/transport/fakePort.ts). */
export interface PortLike<Out> {
  postMessage(message: Out): void;
  disconnect?(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ReconnectingPortDeps<Out> {
  /** Opens a port; throws when the extension context is gone (extension updated or removed). */
  connect(): PortLike<Out>;
  schedule(fn: () => void, ms: number): void;
  now?(): number;
  /** Called on every open, before anything else is sent: say hello, subscribe again, resend what is unacknowledged. */
  onOpen(send: (message: Out) => void, reopened: boolean): void;
  onMessage?(message: unknown): void;
  /** The port closed; a reconnect is already scheduled. */
  onClosed?(): void;
  policy?: ReconnectPolicy;
  /**
   * A port that stayed open this long has proved itself, as has one the other side answered on: the next
   * disconnect starts the backoff from its first step again. `runtime.connect` itself always succeeds, and a
   * worker that cannot start disconnects at once, so success is judged after the fact.
   */
  provenAfterMs?: number;
}

/**
 * One runtime port that reconnects with backoff when the background's worker is stopped or restarted. Every
 * context that talks to the background (relay, DevTools network feed, panel) goes through it, so connect,
 * reconnect and send are written once.
 */
export class ReconnectingPort<Out> {
  private port: PortLike<Out> | null = null;
  private attempts = 0;
  private openedAt = 0;
  private stopped = false;

  constructor(private readonly deps: ReconnectingPortDeps<Out>) {}

  get connected(): boolean {
    return this.port !== null;
  }

  start(): void {
    this.open(false);
  }

  /** Posts when connected; returns false when there is no port (the caller keeps the message if it matters). */
  send(message: Out): boolean {
    if (!this.port) return false;
    try {
      this.port.postMessage(message);
      return true;
    } catch {
      // The port died between checks; its onDisconnect schedules the reconnect.
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect?.();
    } catch {
      // already closed
    }
  }

  private open(reopened: boolean): void {
    if (this.stopped) return;
    let port: PortLike<Out>;
    try {
      port = this.deps.connect();
    } catch {
      return; // nothing left to talk to
    }
    this.port = port;
    this.openedAt = (this.deps.now ?? Date.now)();
    port.onMessage.addListener((message) => {
      if (this.port !== port) return;
      this.attempts = 0;
      this.deps.onMessage?.(message);
    });
    port.onDisconnect.addListener(() => this.closed(port));
    this.deps.onOpen((message) => void this.send(message), reopened);
  }

  private closed(port: PortLike<Out>): void {
    if (this.port !== port) return;
    this.port = null;
    if (this.stopped) return;
    if ((this.deps.now ?? Date.now)() - this.openedAt >= (this.deps.provenAfterMs ?? 2000)) this.attempts = 0;
    this.deps.schedule(() => this.open(true), reconnectDelay(this.attempts++, this.deps.policy ?? DEFAULT_RECONNECT));
    this.deps.onClosed?.();
  }
}
