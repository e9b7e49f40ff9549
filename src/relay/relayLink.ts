import type { BackgroundToRelay, HookEvent, RelayToBackground } from '../protocol';
import { LIMITS } from '../protocol/limits';
import { parseHookMessage } from '../protocol/validate';
import { ReconnectingPort, type PortLike } from '../transport/reconnectingPort';
import { RelayBuffer } from './relayBuffer';

export interface RelayLinkDeps {
  docId: string;
  hello: { url: string; isTop: boolean; parentUrl: string };
  connect(): PortLike<RelayToBackground>;
  schedule(fn: () => void, ms: number): void;
  now?(): number;
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
  private readonly transport: ReconnectingPort<RelayToBackground>;
  private flushScheduled = false;
  /** Hook messages refused by validation; reported nowhere else, so kept for diagnostics. */
  rejected = 0;
  lastRejection = '';

  constructor(private readonly deps: RelayLinkDeps) {
    this.buffer = new RelayBuffer(deps.docId, { type: 'hello', docId: deps.docId, ...deps.hello });
    this.transport = new ReconnectingPort({
      connect: deps.connect,
      schedule: deps.schedule,
      now: deps.now,
      onOpen: (send, reopened) => {
        for (const message of reopened ? this.buffer.resendAll() : [this.buffer.helloMessage(), ...this.buffer.takeBatches()]) send(message);
      },
      onMessage: (raw) => this.fromBackground(raw as BackgroundToRelay),
    });
  }

  start(): void {
    this.transport.start();
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
    // What a dead port did not take stays unacknowledged in the buffer and goes again after the reconnect.
    if (!this.transport.connected) return;
    for (const batch of this.buffer.takeBatches()) this.transport.send(batch);
  }

  private fromBackground(message: BackgroundToRelay): void {
    if (message && message.type === 'ack' && Number.isInteger(message.upTo)) this.buffer.ack(message.upTo);
  }
}
