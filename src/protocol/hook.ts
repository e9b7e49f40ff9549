import type { CallInitiator } from './initiator';
import type { Snapshot } from './snapshot';

/** How the Forge bridge's own transport to the host was seen to work in a frame. */
export type HostTransport = 'post-robot' | 'port-rpc' | 'unknown';

/**
 * Events the MAIN-world hook sends to the relay, over the private MessagePort the relay hands it.
 * Times are epoch milliseconds with sub-millisecond precision (performance.timeOrigin + performance.now()).
 * Call ids are unique within one document, starting at 1.
 */
export type HookEvent =
  | {
      type: 'hook-ready';
      at: number;
      url: string;
      isTop: boolean;
      /** document.referrer: for an iframe, usually the embedding page's URL. */
      referrer: string;
      /** performance.timeOrigin: when the document's navigation started (absent from older hooks). */
      navigationStart?: number;
    }
  | {
      type: 'bridge-found';
      at: number;
      /** __bridge.__SEMVER when the bridge has one. */
      semver: string | null;
      frozen: boolean;
      /** 'trap': the bridge was assigned after the hook ran; 'present': it was there already. */
      via: 'trap' | 'present';
    }
  | { type: 'call-start'; id: number; command: string; at: number; request: Snapshot; initiator?: CallInitiator }
  | { type: 'call-end'; id: number; at: number; ok: boolean; value: Snapshot }
  | {
      /**
       * A call-start and its call-end gathered into the same hook message, as one event (the hook's channel joins
       * them: half the events for every call that ends within a message's gathering window). `at` is the start's,
       * `endAt` the end's; the rest as in those two events.
       */
      type: 'call';
      id: number;
      command: string;
      at: number;
      request: Snapshot;
      initiator?: CallInitiator;
      endAt: number;
      ok: boolean;
      value: Snapshot;
    }
  | {
      /** A host delivery to a callback the app passed in a subscription call (on, onPublic, subscribeRealtimeChannel). */
      type: 'delivery';
      id: number;
      seq: number;
      at: number;
      /** The payload key the callback was under, e.g. "callback" or "onEvent". */
      key: string;
      args: Snapshot;
    }
  | { type: 'transport'; at: number; kind: HostTransport }
  | ChannelReportEvent
  /** A paint the browser reported for the document (PerformancePaintTiming), at its epoch time. */
  | { type: 'paint'; at: number; name: PaintName };

export type PaintName = 'first-paint' | 'first-contentful-paint';

/**
 * What the relay saw of its channel with the hook (cumulative for the document). The relay writes it
 * into the stream itself; one arriving from the hook's side of the port is refused.
 */
export interface ChannelReport {
  /** Events the hook dropped because its queue was full (told by the hook with its messages). */
  hookDropped: number;
  /** Hook messages the relay refused (malformed, too many events, a relay-only event). */
  rejected: number;
  /** Channel offers posted to the window that the relay did not make: a page trying to take the channel. */
  foreignOffers: number;
  /** True when the hook never answered the relay's offer: the offer was taken or the hook cannot run. */
  unanswered: boolean;
}

export type ChannelReportEvent = { type: 'channel-report'; at: number } & ChannelReport;

export type HookEventType = HookEvent['type'];

/** Where an event keeps its snapshots, in the order they are numbered (a call's request before its value). */
export type SnapshotKey = 'request' | 'value' | 'args';

const REQUEST: readonly SnapshotKey[] = ['request'];
const VALUE: readonly SnapshotKey[] = ['value'];
const REQUEST_VALUE: readonly SnapshotKey[] = ['request', 'value'];
const ARGS: readonly SnapshotKey[] = ['args'];
const NONE: readonly SnapshotKey[] = [];

/**
 * The keys of the snapshots an event carries: a call-start's request, a call-end's value, a call's both, a delivery's
 * args. (A switch, not a table: the hook must not look a name up where a page could have put a getter.)
 */
export function snapshotKeys(e: HookEvent): readonly SnapshotKey[] {
  switch (e.type) {
    case 'call-start':
      return REQUEST;
    case 'call-end':
      return VALUE;
    case 'call':
      return REQUEST_VALUE;
    case 'delivery':
      return ARGS;
    default:
      return NONE;
  }
}

/** The snapshot an event keeps under `key` (one of snapshotKeys(e)). */
export function snapshotAt(e: HookEvent, key: SnapshotKey): Snapshot {
  return (e as unknown as Record<SnapshotKey, Snapshot>)[key];
}

/** Puts `s` under `key` (one of snapshotKeys(e)): an equal snapshot shared in place of the event's own. */
export function setSnapshotAt(e: HookEvent, key: SnapshotKey, s: Snapshot): void {
  (e as unknown as Record<SnapshotKey, Snapshot>)[key] = s;
}

/**
 * Window message the relay posts (with a MessagePort transferred) to hand the hook its channel:
 * `{ type: CHANNEL_OFFER, nonce }`; the nonce lets the relay tell its own offer from a page's.
 */
export const CHANNEL_OFFER = 'forge-bridge-devtools:channel';

/**
 * The one message on the private port the other way, relay → hook: the settings that shape what the hook
 * records, posted once the relay has read them (and again when they change). `initiator`: record each call's
 * call site (Settings, off by default: it costs the page a stack per call).
 */
export const HOOK_SETTINGS = 'forge-bridge-devtools:settings';

export interface HookSettingsMessage {
  type: typeof HOOK_SETTINGS;
  initiator: boolean;
}

/**
 * Relay → hook on the private port, once, right after the offer: the name of the DOM event by which the hook
 * hands the relay what it gathered when the document goes (pagehide, a navigation starting). A message posted
 * then never arrives (the document is gone before its task runs); a DOM event's listeners run at once, in
 * both worlds. The hook dispatches `name` on its window with `detail` the HookMessage as JSON text (a string
 * crosses worlds in Chrome and through Firefox's Xrays; an object does not reliably); the relay dispatches
 * `name + EXIT_REQUEST_SUFFIX` at its own pagehide, and the hook answers at once with what it still holds.
 * The name is random and travels only on the private port, so a page hears neither event; one that took the
 * port (possible only when the extension arrives after the page's scripts) could forge handoffs, which the
 * relay checks exactly like port messages.
 */
export const HOOK_EXIT = 'forge-bridge-devtools:exit';
export const EXIT_REQUEST_SUFFIX = ':request';

export interface HookExitMessage {
  type: typeof HOOK_EXIT;
  name: string;
}

/** The exit event names the relay makes: HOOK_EXIT, ':', then a random id of [A-Za-z0-9_-]. */
export const EXIT_NAME_RE = new RegExp(`^${HOOK_EXIT}:[A-Za-z0-9_-]{16,128}$`);

/** Messages on the private port, hook → relay. */
export interface HookMessage {
  events: HookEvent[];
}
