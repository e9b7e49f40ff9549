import type { BackgroundToRelay, HookEvent, RelayToBackground } from '../protocol';
import { LIMITS } from '../protocol/limits';
import { parseHookMessage } from '../protocol/validate';
import { RelayBuffer } from './relayBuffer';
import { reconnectDelay } from './reconnect';

/** The part of a runtime.Port the relay uses; a fake in tests. */
export interface RelayPort {
  postMessage(message: RelayToBackground): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RelayLinkDeps {
  docId: string;
  hello: { url: string; isTop: boolean; parentUrl: string };
  connect(): RelayPort;
  schedule(fn: () => void, ms: number): void;
  /**
   * How long events gather before a batch goes to the background (0: at once). Each runtime message wakes the
   * browser and the worker, which on a small machine slows the page's own round trips; a batch of 200 events
   * goes at once regardless.
   */
  batchDelayMs?: number;
}

/**
 * The relay's connection to the background: validates hook messages, buffers them with sequence numbers,
 * sends batches, trims on ack, and reconnects with backoff and resends when the worker is stopped.
 */
export class RelayLink {
  private readonly buffer: RelayBuffer;
  private port: RelayPort | null = null;
  private attempts = 0;
  private flushScheduled = false;
  /** Hook messages refused by validation; reported nowhere else, so kept for diagnostics. */
  rejected = 0;
  lastRejection = '';

  constructor(private readonly deps: RelayLinkDeps) {
    this.buffer = new RelayBuffer(deps.docId, { type: 'hello', docId: deps.docId, ...deps.hello });
  }

  start(): void {
    this.open(false);
  }

  fromHook(data: unknown): void {
    const parsed = parseHookMessage(data);
    if (!parsed.ok) {
      this.rejected += 1;
      this.lastRejection = parsed.reason;
      return;
    }
    this.pushEvents(parsed.value.events);
  }

  /** An event the relay itself writes into the document's stream (src/relay/channelWatch's reports). */
  report(event: HookEvent): void {
    this.pushEvents([event]);
  }

  private pushEvents(events: HookEvent[]): void {
    this.buffer.push(events);
    const delay = this.deps.batchDelayMs ?? 0;
    if (delay <= 0 || this.buffer.unsentCount >= LIMITS.eventsPerBatch) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.deps.schedule(() => this.flush(), delay);
    }
  }

  /** Sends everything gathered so far (also when the page is going away). */
  flush(): void {
    this.flushScheduled = false;
    if (!this.port) return;
    for (const batch of this.buffer.takeBatches()) this.send(batch);
  }

  private send(message: RelayToBackground): void {
    try {
      this.port?.postMessage(message);
    } catch {
      // The port died between checks; onDisconnect schedules the reconnect and the buffer still holds it.
    }
  }

  private open(resend: boolean): void {
    let port: RelayPort;
    try {
      port = this.deps.connect();
    } catch {
      // The extension context is gone (extension updated or removed): nothing left to talk to.
      return;
    }
    this.port = port;
    port.onMessage.addListener((raw) => this.fromBackground(raw as BackgroundToRelay));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      const delay = reconnectDelay(this.attempts++);
      this.deps.schedule(() => this.open(true), delay);
    });
    for (const message of resend ? this.buffer.resendAll() : [this.buffer.helloMessage(), ...this.buffer.takeBatches()]) {
      this.send(message);
    }
  }

  private fromBackground(message: BackgroundToRelay): void {
    if (message && message.type === 'ack' && Number.isInteger(message.upTo)) {
      this.attempts = 0;
      this.buffer.ack(message.upTo);
    }
  }
}
