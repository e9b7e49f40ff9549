import type { BackgroundToRelay, HookEvent, RelayLossReport, RelayToBackground } from '../protocol';
import type { RelayToBackgroundWire } from '../protocol/runtime';
import { LIMITS } from '../protocol/limits';
import { parseHookMessage } from '../protocol/validate';
import { ReconnectingPort, type PortLike } from '../transport/reconnectingPort';
import { OpenCalls } from './openCalls';
import { RelayBuffer } from './relayBuffer';
import { withSameSnapshots } from './sameSnapshots';

function withoutInitiator(e: HookEvent): HookEvent {
  if ((e.type !== 'call-start' && e.type !== 'call') || e.initiator === undefined) return e;
  const { initiator: _dropped, ...rest } = e;
  return rest;
}

/** The relay's batchDelayMs: a lone call after a quiet spell reaches the panel at once. */
export const RELAY_BATCH_DELAY_MS = 25;
/**
 * The relay's busyIntervalMs: at most four runtime messages a second while a page keeps calling (each the panel
 * sees up to 250 ms late). A runtime message costs mostly its wake-ups, not its bytes: the relay's first
 * port.postMessage in a task took 370-540 µs of the app frame's own thread, a second one in the same task
 * 30-60 µs (Chromium 156, a 5 ms round trip on this 2-core kind). At 100 ms, sandbox calls cost per call, against
 * the page without the extension, 110 and 190 µs of CPU in the app frame's process, 70 and 80 in the browser's,
 * 50 and 80 in the worker; at 250 ms, 60 and 140, 30 and 60, 30 and 50 (test/bench/profileProcesses.ts, two runs
 * of 8 and 10 rounds).
 */
export const RELAY_BUSY_INTERVAL_MS = 250;

export interface RelayLinkDeps {
  docId: string;
  hello: { url: string; isTop: boolean; parentUrl: string };
  connect(): PortLike<RelayToBackgroundWire>;
  schedule(fn: () => void, ms: number): void;
  now?(): number;
  /**
   * How long events gather before a batch goes to the background (0: at once). Each runtime message wakes the
   * browser and the worker, which on a small machine slows the page's own round trips; a batch of 200 events
   * goes at once regardless.
   */
  batchDelayMs?: number;
  /**
   * While events keep coming, batches go at most one per busyIntervalMs (default: none beyond batchDelayMs):
   * on a small machine each message's wake-ups of the browser and the worker cost more than its events. After
   * a quiet spell (no batch for that long) the first batch waits only batchDelayMs. A full batch, flush() and
   * pagehide() go at once as before.
   */
  busyIntervalMs?: number;
}

/**
 * The relay's connection to the background: validates hook messages, buffers them with sequence numbers,
 * sends batches, trims on ack, and reconnects with backoff and resends when the worker is stopped.
 */
export class RelayLink {
  private readonly buffer: RelayBuffer;
  private readonly transport: ReconnectingPort<RelayToBackgroundWire>;
  private flushScheduled = false;
  /** When the last batch of events went (deps.now), -Infinity before the first. */
  private lastSent = -Infinity;
  /** Hook messages refused by validation (reported with every batch, `losses.relayRejected`). */
  rejected = 0;
  /** Events the hook said it dropped (its messages' `dropped`), so far. */
  private hookDropped = 0;
  /** Calls whose start was seen and whose end was not (src/relay/openCalls.ts). */
  private readonly open = new OpenCalls();
  /** Calls left without an end when the page went away, so far (see pagehide()). */
  private pagehideLost = 0;
  /** Settings → "Record call sites"; null until read (initiators are then kept). */
  private initiator: boolean | null = null;

  constructor(private readonly deps: RelayLinkDeps) {
    this.buffer = new RelayBuffer(deps.docId, { type: 'hello', docId: deps.docId, ...deps.hello });
    this.transport = new ReconnectingPort({
      connect: deps.connect,
      schedule: deps.schedule,
      now: deps.now,
      onOpen: (send, reopened) => {
        for (const message of reopened ? this.buffer.resendAll() : [this.buffer.helloMessage(), ...this.buffer.takeBatches()]) send(this.withLosses(message));
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
      return;
    }
    const dropped = (data as { dropped?: unknown }).dropped;
    if (typeof dropped === 'number' && Number.isSafeInteger(dropped) && dropped > 0) this.hookDropped = Math.min(Number.MAX_SAFE_INTEGER, this.hookDropped + dropped);
    const events = this.initiator === false ? parsed.value.events.map(withoutInitiator) : parsed.value.events;
    for (const e of events) this.open.see(e);
    this.pushEvents(events);
  }

  /**
   * The "Record call sites" setting. The hook learns it over the channel and stops capturing stacks; what it
   * captured before it knew is dropped here when the setting is off.
   */
  setInitiator(on: boolean): void {
    this.initiator = on;
  }

  /** What this document lost so far, cumulative (sent with every batch). */
  losses(): RelayLossReport {
    return { hookDropped: this.hookDropped, relayRejected: this.rejected, pagehide: this.pagehideLost };
  }

  /**
   * The page is going away (pagehide): everything gathered goes now, with the count of calls whose end the
   * relay has not seen. An end the hook was still gathering is lost with the document (a message posted
   * now never arrives: the document is gone before its task runs); a call still in flight never ends.
   * Either way the call stays without its result, and the recorder counts it as lost to the navigation.
   * A page restored from the back/forward cache (pageshow) sends again; its calls may still end, and a
   * later pagehide counts only the calls opened since.
   */
  pagehide(): void {
    const open = this.open.takeCount();
    this.pagehideLost = Math.min(Number.MAX_SAFE_INTEGER, this.pagehideLost + open);
    // Nothing left to send: the count goes alone.
    this.send(open > 0);
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
      const busy = this.deps.busyIntervalMs ?? 0;
      // Bounded by the interval itself: a clock that jumps back never holds a batch longer.
      const wait = Math.min(busy, this.lastSent + busy - this.now());
      this.deps.schedule(() => this.flush(), Math.max(delay, wait));
    }
  }

  /** Sends everything gathered so far (also when the page is going away). */
  flush(): void {
    this.send(false);
  }

  /** Everything gathered, in batches with the loss counts; `evenEmpty`: a batch of no events when nothing is gathered. */
  private send(evenEmpty: boolean): void {
    this.flushScheduled = false;
    // What a dead port did not take stays unacknowledged in the buffer and goes again after the reconnect.
    if (!this.transport.connected) return;
    const batches = this.buffer.takeBatches();
    if (batches.length === 0 && evenEmpty) batches.push(this.buffer.emptyBatch());
    for (const batch of batches) this.transport.send(this.withLosses(batch));
    if (batches.length > 0) this.lastSent = this.now();
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** As posted: a batch with the losses so far, its repeated snapshots sent once (withSameSnapshots). */
  private withLosses(message: RelayToBackground): RelayToBackgroundWire {
    return message.type === 'batch' ? { ...message, events: withSameSnapshots(message.events), losses: this.losses() } : message;
  }

  private fromBackground(message: BackgroundToRelay): void {
    if (message && message.type === 'ack' && Number.isInteger(message.upTo)) this.buffer.ack(message.upTo);
  }
}
