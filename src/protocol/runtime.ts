import type { HookEvent } from './hook';
import type { Snapshot } from './snapshot';
import type { RelayLossReport } from './losses';
import type { CallRecord, FrameRecord, SessionSummary, TabSession, TraceV1, TraceV2 } from './model';
import type { NetworkEntry } from './network';

/** runtime.connect port names. */
export const PORT_RELAY = 'fbdt-relay';
export const PORT_PANEL = 'fbdt-panel';
export const PORT_DEVTOOLS = 'fbdt-devtools';

/** Relay → background, over the PORT_RELAY port. The background takes tab and frame ids from the port's sender, never from the message. */
export type RelayToBackground =
  | {
      type: 'hello';
      docId: string;
      url: string;
      isTop: boolean;
      parentUrl: string;
    }
  | {
      type: 'batch';
      docId: string;
      /** Sequence number of the first event; events are numbered per document from 1 without gaps. */
      firstSeq: number;
      events: HookEvent[];
      /** Events the relay dropped (buffer full) since its last batch. */
      lost: number;
      /** The document's losses so far, cumulative (absent from relays that do not count them yet). */
      losses?: RelayLossReport;
    };

/**
 * What the relay posts: as RelayToBackground, but a batch's event may name a snapshot instead of carrying it. The
 * batch's snapshots are numbered from 0 in the order its events carry them (a call's request before its value);
 * `same: k` stands for an event's first snapshot (a call-start's or call's request, a call-end's value, a delivery's
 * args) and `sameValue: k` for a call's value: equal to snapshot k, an earlier one of the same batch (an answer
 * that repeats goes once per batch). The background's validator (parseRelayToBackground) gives such an event that
 * very snapshot.
 */
export type RelayToBackgroundWire = Exclude<RelayToBackground, { type: 'batch' }> | (Omit<Extract<RelayToBackground, { type: 'batch' }>, 'events'> & { events: WireEvent[] });

/** The wire field that names an event's snapshot, by its position in snapshotKeys(e). */
export const SAME_FIELDS = ['same', 'sameValue'] as const;

type Ev<T extends HookEvent['type']> = Extract<HookEvent, { type: T }>;
type CallWire = Omit<Ev<'call'>, 'request' | 'value'> & ({ request: Snapshot } | { same: number }) & ({ value: Snapshot } | { sameValue: number });
export type SameSnapshotEvent = ((Omit<Ev<'call-start'>, 'request'> | Omit<Ev<'call-end'>, 'value'> | Omit<Ev<'delivery'>, 'args'>) & { same: number }) | CallWire;
export type WireEvent = HookEvent | SameSnapshotEvent;

/** Background → relay. */
export type BackgroundToRelay =
  /** Every event with a sequence number ≤ upTo is stored and need not be sent again. */
  | { type: 'ack'; upTo: number }
  | { type: 'recording'; on: boolean };

/** Panel → background, over the PORT_PANEL port. */
export type PanelToBackground =
  | { type: 'subscribe'; tabId: number }
  | { type: 'clear'; tabId: number }
  | { type: 'set-recording'; tabId: number; on: boolean }
  | { type: 'set-preserve-log'; tabId: number; on: boolean }
  | { type: 'export'; tabId: number; requestId: number };

/** Background → panel. */
export type BackgroundToPanel =
  | { type: 'session'; session: TabSession }
  | { type: 'calls'; tabId: number; calls: CallRecord[] }
  | { type: 'frames'; tabId: number; frames: FrameRecord[] }
  /** Everything but frames, calls and network entries, whole, whenever any of it changed. */
  | { type: 'summary'; tabId: number; summary: SessionSummary }
  /** Calls and network entries were cleared (frames and segments stay). */
  | { type: 'cleared'; tabId: number }
  /** Entries removed (evicted, oldest first), by id. */
  | { type: 'evicted'; tabId: number; calls: string[]; network: string[] }
  | { type: 'network'; tabId: number; entries: NetworkEntry[] }
  | { type: 'exported'; requestId: number; trace: TraceV1 | TraceV2 }
  /** `requestId` is the failed request's when it had one (an export), null otherwise. */
  | { type: 'error'; requestId: number | null; message: string };

/**
 * DevTools page → background, over the PORT_DEVTOOLS port. Only extension pages may use it (the background
 * checks the sender); the feed counts as on for the tab while the port is open.
 */
export type DevtoolsToBackground =
  | { type: 'network-hello'; tabId: number }
  | { type: 'network'; tabId: number; entries: NetworkEntry[] };
