import type { HookEvent } from '../protocol/hook';
import { eventCost, LIMITS } from '../protocol/limits';
import type { RelayToBackground } from '../protocol/runtime';

export type HelloMessage = Extract<RelayToBackground, { type: 'hello' }>;
export type BatchMessage = Extract<RelayToBackground, { type: 'batch' }>;


export interface RelayBufferOptions {
  /** Most events held unacknowledged (default LIMITS.relayBufferEvents). */
  capacity?: number;
  /** Most snapshot bytes held unacknowledged (default LIMITS.relayBufferBytes). */
  maxBytes?: number;
  /** Most events per batch (default LIMITS.eventsPerBatch). */
  batchEvents?: number;
  /** Most snapshot bytes per batch (default LIMITS.messageBytes). */
  batchBytes?: number;
}

/** A random document id made of [A-Za-z0-9-], as the validators require. */
export function newDocId(): string {
  return globalThis.crypto.randomUUID();
}


function cut(text: string): string {
  return text.length > LIMITS.urlChars ? text.slice(0, LIMITS.urlChars) : text;
}

/**
 * The relay's pure logic: numbers the hook's events per document from 1 without gaps, keeps each until
 * the background acknowledges it, and cuts what is unsent into batches.
 *
 * Life cycle, as the relay content script drives it:
 * - On the first connection: post `helloMessage()` then `takeBatches()`.
 * - `push(events)` with each validated hook message; while connected, post `takeBatches()` (at once, or
 *   on a short timer to gather more events per batch). While disconnected, just push.
 * - `ack(upTo)` on each `{type:'ack'}` from the background.
 * - After each reconnection: post `resendAll()` (a fresh hello, then every unacknowledged event again,
 *   in order, whether it was sent before or not).
 *
 * Bounds: beyond `capacity` events or `maxBytes` bytes, the oldest unacknowledged events are dropped and
 * reported as `lost` in the next batch. A dropped event keeps its sequence number, so the background also
 * sees the gap; it counts losses from gaps, which is exact, and treats `lost` as information.
 */
export class RelayBuffer {
  readonly docId: string;
  private readonly hello: HelloMessage;
  private readonly capacity: number;
  private readonly maxBytes: number;
  private readonly batchEvents: number;
  private readonly batchBytes: number;

  /** Held events; events[head] has sequence number headSeq. */
  private events: HookEvent[] = [];
  private costs: number[] = [];
  private head = 0;
  private headSeq = 1;
  private nextSeqValue = 1;
  private heldBytes = 0;
  /** Highest sequence number sent on the current connection (or acknowledged). */
  private sentUpTo = 0;
  private lostSinceBatch = 0;
  private lostTotalValue = 0;

  /** `hello.docId` is ignored: the buffer's docId is `docId`. URLs longer than LIMITS.urlChars are cut. */
  constructor(docId: string, hello: HelloMessage | Omit<HelloMessage, 'type' | 'docId'>, options: RelayBufferOptions = {}) {
    this.docId = docId;
    this.hello = { type: 'hello', docId, url: cut(hello.url), isTop: hello.isTop, parentUrl: cut(hello.parentUrl) };
    this.capacity = Math.max(1, options.capacity ?? LIMITS.relayBufferEvents);
    this.maxBytes = Math.max(1, options.maxBytes ?? LIMITS.relayBufferBytes);
    this.batchEvents = Math.max(1, Math.min(options.batchEvents ?? LIMITS.eventsPerBatch, LIMITS.eventsPerBatch));
    this.batchBytes = Math.max(1, options.batchBytes ?? LIMITS.messageBytes);
  }

  /** Events held and not yet acknowledged (sent or not). */
  get pendingCount(): number {
    return this.events.length - this.head;
  }

  /** Held events not yet handed out by takeBatches() or resendAll(). */
  get unsentCount(): number {
    return this.nextSeqValue - 1 - Math.max(this.sentUpTo, this.headSeq - 1);
  }

  /** Sequence number the next pushed event will get. */
  get nextSeq(): number {
    return this.nextSeqValue;
  }

  /** Events dropped since the buffer was made. */
  get lostTotal(): number {
    return this.lostTotalValue;
  }

  /** Adds validated hook events, numbering them. */
  push(events: readonly HookEvent[]): void {
    for (const event of events) {
      const cost = eventCost(event);
      this.events.push(event);
      this.costs.push(cost);
      this.heldBytes += cost;
      this.nextSeqValue++;
    }
    while (this.pendingCount > this.capacity || (this.heldBytes > this.maxBytes && this.pendingCount > 1)) {
      this.dropOldest();
      this.lostSinceBatch++;
      this.lostTotalValue++;
    }
    this.compact();
  }

  /** The hello message for this document. */
  helloMessage(): HelloMessage {
    return { ...this.hello };
  }

  /** The batches to post now: every held event not handed out yet. */
  takeBatches(): BatchMessage[] {
    const batches: BatchMessage[] = [];
    let seq = Math.max(this.sentUpTo + 1, this.headSeq);
    const end = this.nextSeqValue;
    while (seq < end) {
      const firstSeq = seq;
      const events: HookEvent[] = [];
      let bytes = 0;
      while (seq < end && events.length < this.batchEvents) {
        const i = this.head + (seq - this.headSeq);
        const cost = this.costs[i]!;
        if (events.length > 0 && bytes + cost > this.batchBytes) break;
        events.push(this.events[i]!);
        bytes += cost;
        seq++;
      }
      batches.push({ type: 'batch', docId: this.docId, firstSeq, events, lost: this.lostSinceBatch });
      this.lostSinceBatch = 0;
    }
    this.sentUpTo = end - 1;
    return batches;
  }

  /** A batch of no events (it carries only what the relay reports beside them), numbered where the next would go. */
  emptyBatch(): BatchMessage {
    const batch: BatchMessage = { type: 'batch', docId: this.docId, firstSeq: this.nextSeqValue, events: [], lost: this.lostSinceBatch };
    this.lostSinceBatch = 0;
    return batch;
  }

  /** The background stored every event up to `upTo`: forget them. */
  ack(upTo: number): void {
    if (!Number.isFinite(upTo)) return;
    const last = Math.min(Math.floor(upTo), this.nextSeqValue - 1);
    while (this.headSeq <= last) this.dropOldest();
    if (this.sentUpTo < last) this.sentUpTo = last;
    this.compact();
  }

  /** After a reconnection: a fresh hello, then batches of every unacknowledged event, in order. */
  resendAll(): RelayToBackground[] {
    this.sentUpTo = this.headSeq - 1;
    return [this.helloMessage(), ...this.takeBatches()];
  }

  private dropOldest(): void {
    this.heldBytes -= this.costs[this.head]!;
    this.events[this.head] = undefined as unknown as HookEvent; // let it be collected
    this.head++;
    this.headSeq++;
  }

  /** Amortised O(1): copies the live part only when at least half of the array is dead. */
  private compact(): void {
    if (this.head === this.events.length) {
      this.events = [];
      this.costs = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.costs = this.costs.slice(this.head);
      this.head = 0;
    }
  }
}
