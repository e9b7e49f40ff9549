import { CHANNEL_OFFER, HOOK_SETTINGS, type HookEvent, type HookMessage } from '../protocol/hook';
import type { CallInitiator } from '../protocol/initiator';
import { eventCost, LIMITS } from '../protocol/limits';
import { hasOwn, monotonicNow, setTimeoutFn } from './intrinsics';
import { batchRepeats, shareRepeated, type BatchRepeats } from './batchRepeats';
import { settleInitiator } from './initiator';
import { append, record, slots, toArray, type Slots } from './ownReads';
import { eventData, eventPorts, eventSource, eventTrusted, listenToPort, postToPort, stopImmediatePropagation, type PortLike } from './messageEvent';
import { listenForMessages, type MessageTarget } from './messageListener';
import { exitNameOf, handOff, listenForExitRequest } from './exitHandoff';

/**
 * The hook's end of its private channel to the relay (isolated world). Design and limits, relay side:
 * src/relay/channelWatch.ts.
 *
 * The relay posts `{ type: CHANNEL_OFFER, nonce }` to its own window with a MessagePort transferred. The
 * hook's listener is on before any page script runs (capture phase at the window, so it is the first
 * listener the event meets), takes the first trusted offer (`isTrusted`, read with the engine's getter:
 * a page's dispatchEvent cannot fake it) that comes from this very window with a port, stops it there
 * (`stopImmediatePropagation`: page listeners never see it) and stops listening for good. Nothing the
 * page can reach restarts, redirects or stops it: the hook keeps no handle on the window, and a later
 * offer (a page's, or a reloaded extension's) is never taken. Events flow only from the hook to the
 * relay's end; the one thing the hook reads from its port is the relay's settings message (HOOK_SETTINGS:
 * whether to record initiators), which only the relay, holding the other end, can post.
 *
 * Events are queued until the port arrives (bounded: MAX_QUEUED events and MAX_QUEUED_BYTES; beyond
 * that they are dropped and counted, and the count goes with the next message as `dropped`), then posted
 * as `{ events }` batches of at most LIMITS.eventsPerHookMessage, on a macrotask, or at once when a batch
 * is full. Nothing is posted on the app's call path except a full batch. Within a message, a snapshot equal to
 * an earlier one is that same object (batchRepeats.ts): the clone writes it once; and a call-end whose call-start
 * is in the same message is joined with it into one `call` event (joinEnd).
 */

export type ChannelWindow = MessageTarget;

export interface HookChannelOptions {
  /** Most events kept while no port is there; default 20,000. */
  maxQueued?: number;
  /** Most bytes (snapshot bytes plus a fixed cost per event) kept while waiting; default 16 MiB. */
  maxQueuedBytes?: number;
  /** Events per message; default LIMITS.eventsPerHookMessage. */
  batchSize?: number;
  /** Runs `run` in `ms` milliseconds (0: on the next macrotask); default a timer. */
  schedule?: (run: () => void, ms: number) => void;
  /** Milliseconds, monotonic; default performance.now (captured at load). */
  now?: () => number;
  /**
   * Stops listening for the relay's offer after this many milliseconds without one (default: listens until one
   * comes). For a second copy of the hook in a document (startHook): the first copy takes the relay's one offer
   * and hides it, so the second would otherwise read every window message the document gets, for good.
   */
  offerWaitMs?: number;
}

/**
 * What the hook posts. `dropped`: events dropped since the previous message because the queue was full
 * (the relay's ChannelWatch reports it; the validator passes over it).
 */
export interface HookChannelMessage extends HookMessage {
  dropped?: number;
}

export interface HookChannel {
  emit(event: HookEvent): void;
  /** Posts whatever is queued, if the port is there. */
  flush(): void;
  /**
   * The document is going (pagehide, a navigation starting): hands whatever is queued to the relay at once
   * (src/capture/exitHandoff.ts) once the relay has named the exit event, else posts it as flush() does.
   * The queue is emptied either way: a page restored from the back/forward cache sends nothing twice.
   */
  exit(): void;
  readonly connected: boolean;
  /** Events dropped so far. */
  readonly dropped: number;
  /** Whether the relay's settings ask for initiators: null until they arrive. */
  readonly initiator: boolean | null;
}

export const MAX_QUEUED = 20_000;
export const MAX_QUEUED_BYTES = 16 * 1024 * 1024;
/**
 * At most one message per GATHER_MS while events keep coming. Each message is a task and a structured clone on the
 * page's own thread, and a wake-up of the relay; gathering keeps that off the app's round trips. A message costs
 * much more than its events: on sandbox calls of 4-6 ms, posting one took 100-200 µs and the relay's task receiving
 * it 210-350 µs, both on the app's thread. At 40 ms that was 35-50 µs per call, at 100 ms 23-30 µs (2,000 calls,
 * two runs each). The relay batches for RELAY_BUSY_INTERVAL_MS anyway, so the panel waits little longer. Events
 * after a quiet spell (no message for GATHER_MS) go on the next macrotask instead, so the panel shows a lone call at
 * once. A full batch goes at once. Events still gathering when the document goes are handed to the relay
 * synchronously (exit(): src/capture/exitHandoff.ts), so a longer window loses nothing to a navigation.
 */
export const GATHER_MS = 100;

function defaultSchedule(): (run: () => void, ms: number) => void {
  const timeout = setTimeoutFn;
  if (timeout !== undefined) return (run, ms) => void timeout(run, ms);
  return (run) => void Promise.resolve().then(run);
}

/** A call-start's initiator, read only when it has one: a missing key would be looked up on Object.prototype, where a page may have put a getter. */
function initiatorOf(start: Extract<HookEvent, { type: 'call-start' }>): CallInitiator | undefined {
  return hasOwn(start, 'initiator') ? start.initiator : undefined;
}

/**
 * A call-start whose initiator was captured on the call path (deferInitiator), with the stack read now, or
 * without it when the settings say not to record initiators (the stack is then never read).
 */
function settled(event: HookEvent, wanted: boolean | null): HookEvent {
  if (event.type !== 'call-start') return event;
  const pending = initiatorOf(event);
  if (pending === undefined) return event;
  const initiator = wanted === false ? null : settleInitiator(pending);
  if (initiator === pending) return event;
  const { initiator: _pending, ...rest } = event;
  return initiator === null ? rest : { ...rest, initiator };
}

/** Where each call-start of the message being filled is in it, by call id (a record(): no page-patched Map). */
type CallStarts = Record<number, number | undefined>;

function callStarts(): CallStarts {
  return record<CallStarts>();
}

/**
 * A call-end whose call-start is in the message being filled replaces that start with one `call` event (joined
 * where the start is: a delivery between them then follows it, which the recorder takes alike). True when joined.
 * Built as literals: an assignment to a missing key would meet a setter a page put on Object.prototype.
 */
function joinEnd(batch: Slots<HookEvent>, starts: CallStarts, end: Extract<HookEvent, { type: 'call-end' }>, repeats: BatchRepeats): boolean {
  const at = starts[end.id];
  if (at === undefined) return false;
  const start = batch[at] as Extract<HookEvent, { type: 'call-start' }>;
  shareRepeated(end, repeats);
  const { id, command, request } = start;
  const initiator = initiatorOf(start);
  batch[at] =
    initiator === undefined
      ? { type: 'call', id, command, at: start.at, request, endAt: end.at, ok: end.ok, value: end.value }
      : { type: 'call', id, command, at: start.at, request, initiator, endAt: end.at, ok: end.ok, value: end.value };
  // Joined once: a second end (a thenable may call back twice) goes alone, and the recorder keeps the first.
  starts[end.id] = undefined;
  return true;
}

export function createHookChannel(win: ChannelWindow, opts: HookChannelOptions = {}): HookChannel {
  const maxQueued = opts.maxQueued ?? MAX_QUEUED;
  const maxQueuedBytes = opts.maxQueuedBytes ?? MAX_QUEUED_BYTES;
  const batchSize = opts.batchSize ?? LIMITS.eventsPerHookMessage;
  const schedule = opts.schedule ?? defaultSchedule();
  const now = opts.now ?? monotonicNow;

  let port: PortLike | null = null;
  let queue = slots<HookEvent>();
  let queuedBytes = 0;
  let scheduled = false;
  let dropped = 0;
  let droppedUnreported = 0;
  let stopListening: (() => void) | null = null;
  let initiator: boolean | null = null;
  /** When the last message was posted (now()), -Infinity before the first. */
  let lastPost = -Infinity;

  /** The relay's exit event name (HOOK_EXIT), once it arrives on the port. */
  let exitName: string | null = null;

  /** Posts `batch` on the port, or hands it to the relay under the exit event `handOffAs` (exit()). */
  const post = (batch: Slots<HookEvent>, handOffAs: string | null): void => {
    const events = toArray(batch);
    const reported = droppedUnreported;
    const message: HookChannelMessage = reported > 0 ? { events, dropped: reported } : { events };
    droppedUnreported = 0;
    let sent = false;
    try {
      if (handOffAs !== null) sent = handOff(win, handOffAs, message);
      else {
        postToPort(port as PortLike, message);
        sent = true;
      }
    } catch {
      // counted below
    }
    if (sent) return;
    dropped += events.length;
    // A handoff that failed is told with the next message (after a back/forward cache restore), as a full queue's drops are.
    if (handOffAs !== null) droppedUnreported += reported + events.length;
  };

  const flush = (handOffAs: string | null = null): void => {
    scheduled = false;
    if (port === null || queue.length === 0) return;
    lastPost = now();
    const events = queue;
    queue = slots();
    queuedBytes = 0;
    let batch = slots<HookEvent>();
    let bytes = 0;
    let repeats = batchRepeats();
    let starts = callStarts();
    for (let i = 0; i < events.length; i++) {
      const event = settled(events[i] as HookEvent, initiator);
      const cost = eventCost(event);
      if (event.type === 'call-end' && bytes + cost <= LIMITS.messageBytes && joinEnd(batch, starts, event, repeats)) {
        bytes += cost;
        continue;
      }
      if (batch.length > 0 && (batch.length >= batchSize || bytes + cost > LIMITS.messageBytes)) {
        post(batch, handOffAs);
        batch = slots();
        bytes = 0;
        repeats = batchRepeats();
        starts = callStarts();
      }
      shareRepeated(event, repeats);
      append(batch, event);
      if (event.type === 'call-start') starts[event.id] = batch.length - 1;
      bytes += cost;
    }
    if (batch.length > 0) post(batch, handOffAs);
  };

  const sendNow = (handOffAs: string | null): void => {
    try {
      flush(handOffAs);
    } catch {
      // never into the page
    }
  };
  const run = (): void => sendNow(null);
  // A listener's argument (the pagehide or navigate event) is not read.
  const exit = (): void => sendNow(exitName);

  const emit = (event: HookEvent): void => {
    try {
      const cost = eventCost(event);
      if (queue.length >= maxQueued || queuedBytes + cost > maxQueuedBytes) {
        dropped++;
        droppedUnreported++;
        return;
      }
      append(queue, event);
      queuedBytes += cost;
      if (port === null) return;
      if (queue.length >= batchSize) {
        flush();
      } else if (!scheduled) {
        scheduled = true;
        const wait = lastPost + GATHER_MS - now();
        schedule(run, wait > 0 ? wait : 0);
      }
    } catch {
      // never into the page
    }
  };

  const onMessage = (event: MessageEvent): void => {
    try {
      const data = eventData(event);
      if (data === null || typeof data !== 'object' || (data as { type?: unknown }).type !== CHANNEL_OFFER) return;
      if (eventSource(event) !== win || !eventTrusted(event)) return;
      const ports = eventPorts(event);
      const offered = ports !== null && ports.length > 0 ? ports[0] : undefined;
      if (offered === null || typeof offered !== 'object' || typeof (offered as PortLike).postMessage !== 'function') return;
      stopImmediatePropagation(event);
      stopListening?.();
      port = offered as PortLike;
      listenToPort(offered, onSettings);
      flush();
    } catch {
      // never into the page
    }
  };

  const onSettings = (event: MessageEvent): void => {
    try {
      const data = eventData(event);
      const name = exitName === null ? exitNameOf(data) : null;
      if (name !== null) {
        exitName = name;
        listenForExitRequest(win, name, exit);
        return;
      }
      if (data === null || typeof data !== 'object' || (data as { type?: unknown }).type !== HOOK_SETTINGS) return;
      initiator = (data as { initiator?: unknown }).initiator === true;
    } catch {
      // never into the page
    }
  };

  // No channel if the page refused the listener: events stay queued (bounded).
  stopListening = listenForMessages(win, onMessage);
  // Only with a real timer: the fallback schedule runs at once, which would stop the listener before any offer.
  if (opts.offerWaitMs !== undefined && (opts.schedule !== undefined || setTimeoutFn !== undefined)) {
    schedule(() => {
      if (port === null) stopListening?.();
    }, opts.offerWaitMs);
  }

  return {
    emit,
    flush: run,
    exit,
    get connected() {
      return port !== null;
    },
    get dropped() {
      return dropped;
    },
    get initiator() {
      return initiator;
    },
  };
}
