import { noLosses, type LossCounts, type RelayLossReport } from '../protocol/losses';
import type { CallRecord, FrameRecord, Segment } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { PausedInterval } from './pauses';
import { cloneCall, cloneFrame, cloneSegments } from './records';

/** A tab's session without its frames, calls, documents and network entries (those are stored one record each). */
export interface PersistedSession {
  tabId: number;
  segments: Segment[];
  /** Absent in records saved before losses were counted by cause (they have the four legacy counters instead). */
  losses?: LossCounts;
  dropped?: number;
  lostInTransit?: number;
  rejected?: number;
  /** When recording was off (absent in records saved before it was kept). */
  paused?: PausedInterval[];
  recording: boolean;
  preserveLog: boolean;
  /** A per-tab bound, in records saved while tabs could have their own (read by nothing now). */
  maxCalls?: number | null;
  /** Frame key of the current segment's top document, when one has said hello. */
  topDocKey: string | null;
  /** Insertion number the next call gets. */
  nextOrder: number;
  /** Index the next segment gets. */
  nextSegment: number;
  /** Insertion number the next frame gets. */
  nextFrameOrder: number;
  networkDropped?: number;
}

/** A persisted session's losses, also from a record saved before they were counted by cause. */
export function lossesOf(p: PersistedSession): LossCounts {
  if (p.losses) return { ...noLosses(), ...p.losses };
  return { ...noLosses(), evictedCalls: p.dropped ?? 0, inTransit: p.lostInTransit ?? 0, rejected: p.rejected ?? 0, evictedNetwork: p.networkDropped ?? 0 };
}

export interface PersistedFrame {
  tabId: number;
  key: string;
  /** Insertion number within the tab: frames are restored in this order. */
  order: number;
  frame: FrameRecord;
}

export interface PersistedCall {
  tabId: number;
  /** Insertion number within the tab: calls are restored, and evicted when over a bound, in this order. */
  order: number;
  call: CallRecord;
}

/**
 * Calls are stored a page at a time: consecutive calls of a tab, oldest first. A save writes each page
 * that changed once (one put for up to CALLS_PER_PAGE calls instead of one or two per call).
 */
export interface PersistedCallPage {
  tabId: number;
  /** Page number within the tab, in insertion order. */
  page: number;
  calls: PersistedCall[];
}

/** Most calls, and about the most snapshot bytes, one page holds (a page is rewritten whole when one of its calls changes). */
export const CALLS_PER_PAGE = 100;
export const BYTES_PER_PAGE = 512 * 1024;
/**
 * A page that holds at least this many calls when a save takes it is closed: later calls go to a new page,
 * so that the next save does not clone these again (a page is written whole). Fewer stay open, so that a
 * slow stream of calls does not make a page per save.
 */
export const CLOSE_PAGE_AT_SAVE = 20;

/** The calls of the stored pages, in no particular order. */
export function callsOf(state: Pick<PersistedState, 'callPages'>): PersistedCall[] {
  return state.callPages.flatMap((p) => p.calls);
}

export interface PersistedNetwork {
  tabId: number;
  /** Insertion number within the tab, shared with nothing else: entries are restored in this order. */
  order: number;
  entry: NetworkEntry;
}

/** What the recorder knows of one document's event stream; it outlives the document's frame record. */
export interface PersistedDoc {
  tabId: number;
  /** Frame key, `${frameId}:${docId}`. */
  key: string;
  /** Sequence number of the next event expected from this document. */
  nextSeq: number;
  /** Highest call id seen from this document. */
  maxCallId: number;
  /** An end or delivery for an unknown call with an id ≤ this is ignored (the call was cleared or dropped). */
  ignoreUpTo: number;
  /** Its frame was discarded (navigation without preserve log): later events are acknowledged and ignored. */
  retired: boolean;
  /** The highest loss counts its relay reported (they are cumulative per document); absent until one is. */
  reported?: RelayLossReport;
}

/** The record of each kind. */
export interface RecordOf {
  sessions: PersistedSession;
  frames: PersistedFrame;
  callPages: PersistedCallPage;
  docs: PersistedDoc;
  network: PersistedNetwork;
}
export type KindName = keyof RecordOf;

/** What removes records of a tab at once: closing the tab, Clear (calls and network), a navigation (frames). */
export type Clear = 'tab' | 'calls' | 'frames';

/** A record's key within its tab (null for the one session record of a tab). */
export type SubKey = string | number | null;

export interface KindSpec<K extends KindName> {
  /**
   * The record's key as a key path: the tab id, then its sub-key. The stores of version 3 and before were keyed
   * by it; since version 4 each record is put under that key (src/recorder/idbStore.ts), and a single path marks
   * the kinds with one record per tab.
   */
  keyPath: string | string[];
  subKey(record: RecordOf[K]): SubKey;
  /** The clears that remove every record of this kind of the tab. */
  clearedBy: readonly Clear[];
  /** A copy that later changes to the recorder's live objects do not reach. */
  copy(record: RecordOf[K]): RecordOf[K];
}

/** Every record kind the recorder stores, described once: the stores and the change set loop over it. */
export const KINDS: { readonly [K in KindName]: KindSpec<K> } = {
  sessions: {
    keyPath: 'tabId',
    subKey: () => null,
    clearedBy: ['tab'],
    copy: (s) => ({
      ...s,
      segments: cloneSegments(s.segments),
      ...(s.losses ? { losses: { ...s.losses } } : {}),
      ...(s.paused ? { paused: s.paused.map((p) => ({ ...p })) } : {}),
    }),
  },
  frames: { keyPath: ['tabId', 'key'], subKey: (f) => f.key, clearedBy: ['tab', 'frames'], copy: (f) => ({ ...f, frame: cloneFrame(f.frame) }) },
  callPages: {
    keyPath: ['tabId', 'page'],
    subKey: (p) => p.page,
    clearedBy: ['tab', 'calls'],
    copy: (p) => ({ ...p, calls: p.calls.map((c) => ({ ...c, call: cloneCall(c.call) })) }),
  },
  docs: { keyPath: ['tabId', 'key'], subKey: (d) => d.key, clearedBy: ['tab'], copy: (d) => ({ ...d, ...(d.reported ? { reported: { ...d.reported } } : {}) }) },
  // Entries are never changed after they arrive, so they are written as they are.
  network: { keyPath: ['tabId', 'order'], subKey: (n) => n.order, clearedBy: ['tab', 'calls'], copy: (n) => ({ ...n }) },
};

export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** Every record the store holds, by kind, in any order (the recorder sorts them by tab and order). */
export type PersistedState = { [K in KindName]: RecordOf[K][] };

export function emptyState(): PersistedState {
  return { sessions: [], frames: [], callPages: [], docs: [], network: [] };
}

/** The kinds a clear removes. */
export function kindsClearedBy(clear: Clear): KindName[] {
  return KIND_NAMES.filter((k) => KINDS[k].clearedBy.includes(clear));
}
