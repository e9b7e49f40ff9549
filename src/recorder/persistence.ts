import { noLosses, type LossCounts } from '../protocol/losses';
import type { CallRecord, FrameRecord, Segment } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { PausedInterval } from './pauses';
import { cloneCall, cloneFrame, cloneSegments } from './records';

/** A tab's session without its frames and calls (those are stored one record each). */
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
  /** The bound set for this tab, or null for the recorder-wide default. */
  maxCalls: number | null;
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
  /** Insertion number within the tab: calls are restored, and dropped when over the bound, in this order. */
  order: number;
  call: CallRecord;
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
}

export interface PersistedState {
  sessions: PersistedSession[];
  /** In any order (the recorder sorts them by tabId and order). */
  frames: PersistedFrame[];
  /** In any order (the recorder sorts them by tabId and order). */
  calls: PersistedCall[];
  docs: PersistedDoc[];
  /** In any order (the recorder sorts them by tabId and order). */
  network: PersistedNetwork[];
}

/**
 * What changed for one tab since the last save. A store applies it in this order, in one transaction:
 * 1. `deleteAll`: every record of the tab; 2. `clearCalls` / `clearFrames`: every call and network entry /
 *    every frame of the tab;
 * 3. the deletions and puts by key (a key appears in at most one of them).
 */
export interface TabChanges {
  tabId: number;
  deleteAll: boolean;
  clearCalls: boolean;
  clearFrames: boolean;
  session: PersistedSession | null;
  putFrames: PersistedFrame[];
  deleteFrames: string[];
  putCalls: PersistedCall[];
  deleteCalls: number[];
  putDocs: PersistedDoc[];
  deleteDocs: string[];
  putNetwork: PersistedNetwork[];
  deleteNetwork: number[];
}

export interface StoreChanges {
  tabs: TabChanges[];
}

/** Where the recorder keeps its state across worker restarts. */
export interface SessionStore {
  load(): Promise<PersistedState>;
  /** Resolves once the changes are durable; rejects when they could not be written. */
  save(changes: StoreChanges): Promise<void>;
}

interface PendingTab {
  deleteAll: boolean;
  clearCalls: boolean;
  clearFrames: boolean;
  session: PersistedSession | null;
  frames: Map<string, { frame: FrameRecord; order: number } | null>;
  calls: Map<number, CallRecord | null>;
  docs: Map<string, PersistedDoc | null>;
  network: Map<number, NetworkEntry | null>;
}

function emptyPending(): PendingTab {
  return { deleteAll: false, clearCalls: false, clearFrames: false, session: null, frames: new Map(), calls: new Map(), docs: new Map(), network: new Map() };
}

/**
 * Accumulates changes between saves, keeping only the last state of each record. It holds the live
 * records and copies them when the changes are taken, so what is written is the state at that moment.
 */
export class ChangeSet {
  private tabs = new Map<number, PendingTab>();

  get isEmpty(): boolean {
    return this.tabs.size === 0;
  }

  private tab(tabId: number): PendingTab {
    let t = this.tabs.get(tabId);
    if (!t) {
      t = emptyPending();
      this.tabs.set(tabId, t);
    }
    return t;
  }

  deleteTab(tabId: number): void {
    const t = emptyPending();
    t.deleteAll = true;
    this.tabs.set(tabId, t);
  }

  clearCalls(tabId: number): void {
    const t = this.tab(tabId);
    t.clearCalls = true;
    t.calls = new Map();
    t.network = new Map();
  }

  clearFrames(tabId: number): void {
    const t = this.tab(tabId);
    t.clearFrames = true;
    t.frames = new Map();
  }

  putSession(session: PersistedSession): void {
    this.tab(session.tabId).session = session;
  }

  putFrame(tabId: number, frame: FrameRecord, order: number): void {
    this.tab(tabId).frames.set(frame.key, { frame, order });
  }

  deleteFrame(tabId: number, key: string): void {
    this.tab(tabId).frames.set(key, null);
  }

  putCall(tabId: number, order: number, call: CallRecord): void {
    this.tab(tabId).calls.set(order, call);
  }

  deleteCall(tabId: number, order: number): void {
    this.tab(tabId).calls.set(order, null);
  }

  putDoc(doc: PersistedDoc): void {
    this.tab(doc.tabId).docs.set(doc.key, doc);
  }

  deleteDoc(tabId: number, key: string): void {
    this.tab(tabId).docs.set(key, null);
  }

  putNetwork(tabId: number, order: number, entry: NetworkEntry): void {
    this.tab(tabId).network.set(order, entry);
  }

  deleteNetwork(tabId: number, order: number): void {
    this.tab(tabId).network.set(order, null);
  }

  /** Everything accumulated, copied, and a fresh start. */
  take(): StoreChanges {
    const out: StoreChanges = { tabs: [] };
    for (const [tabId, t] of this.tabs) {
      const c: TabChanges = {
        tabId,
        deleteAll: t.deleteAll,
        clearCalls: t.clearCalls,
        clearFrames: t.clearFrames,
        session: t.session ? { ...t.session, segments: cloneSegments(t.session.segments), ...(t.session.losses ? { losses: { ...t.session.losses } } : {}), ...(t.session.paused ? { paused: t.session.paused.map((p) => ({ ...p })) } : {}) } : null,
        putFrames: [],
        deleteFrames: [],
        putCalls: [],
        deleteCalls: [],
        putDocs: [],
        deleteDocs: [],
        putNetwork: [],
        deleteNetwork: [],
      };
      for (const [key, f] of t.frames) {
        if (f) c.putFrames.push({ tabId, key, order: f.order, frame: cloneFrame(f.frame) });
        else c.deleteFrames.push(key);
      }
      for (const [order, call] of t.calls) {
        if (call) c.putCalls.push({ tabId, order, call: cloneCall(call) });
        else c.deleteCalls.push(order);
      }
      for (const [key, doc] of t.docs) {
        if (doc) c.putDocs.push({ ...doc });
        else c.deleteDocs.push(key);
      }
      // Entries are never changed after they arrive, so they are written as they are.
      for (const [order, entry] of t.network) {
        if (entry) c.putNetwork.push({ tabId, order, entry });
        else c.deleteNetwork.push(order);
      }
      out.tabs.push(c);
    }
    this.tabs = new Map();
    return out;
  }

  /**
   * Puts back changes whose save failed, under what accumulated since (which wins), so that the next
   * save writes both.
   */
  restoreFailed(failed: StoreChanges): void {
    const newer = this.tabs;
    this.tabs = new Map();
    for (const c of failed.tabs) {
      if (c.deleteAll) this.deleteTab(c.tabId);
      if (c.clearCalls) this.clearCalls(c.tabId);
      if (c.clearFrames) this.clearFrames(c.tabId);
      if (c.session) this.putSession(c.session);
      for (const key of c.deleteFrames) this.deleteFrame(c.tabId, key);
      for (const f of c.putFrames) this.putFrame(c.tabId, f.frame, f.order);
      for (const order of c.deleteCalls) this.deleteCall(c.tabId, order);
      for (const p of c.putCalls) this.putCall(c.tabId, p.order, p.call);
      for (const key of c.deleteDocs) this.deleteDoc(c.tabId, key);
      for (const d of c.putDocs) this.putDoc(d);
      for (const order of c.deleteNetwork) this.deleteNetwork(c.tabId, order);
      for (const p of c.putNetwork) this.putNetwork(c.tabId, p.order, p.entry);
    }
    for (const [tabId, t] of newer) {
      if (t.deleteAll) this.deleteTab(tabId);
      if (t.clearCalls) this.clearCalls(tabId);
      if (t.clearFrames) this.clearFrames(tabId);
      const into = this.tab(tabId);
      if (t.session) into.session = t.session;
      for (const [k, v] of t.frames) into.frames.set(k, v);
      for (const [k, v] of t.calls) into.calls.set(k, v);
      for (const [k, v] of t.docs) into.docs.set(k, v);
      for (const [k, v] of t.network) into.network.set(k, v);
    }
  }
}

/** A SessionStore in memory: for tests, and for a background where IndexedDB cannot be opened. */
export class MemoryStore implements SessionStore {
  private sessions = new Map<number, PersistedSession>();
  private frames = new Map<number, Map<string, PersistedFrame>>();
  private calls = new Map<number, Map<number, PersistedCall>>();
  private docs = new Map<number, Map<string, PersistedDoc>>();
  private network = new Map<number, Map<number, PersistedNetwork>>();
  /** Number of successful saves (for tests). */
  saves = 0;

  async load(): Promise<PersistedState> {
    const state: PersistedState = { sessions: [], frames: [], calls: [], docs: [], network: [] };
    for (const tabId of [...this.sessions.keys(), ...this.frames.keys(), ...this.calls.keys(), ...this.docs.keys(), ...this.network.keys()]
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort((a, b) => a - b)) {
      const s = this.sessions.get(tabId);
      if (s) state.sessions.push(structuredClone(s));
      for (const f of this.frames.get(tabId)?.values() ?? []) state.frames.push(structuredClone(f));
      const calls = [...(this.calls.get(tabId)?.values() ?? [])].sort((a, b) => a.order - b.order);
      for (const c of calls) state.calls.push(structuredClone(c));
      for (const d of this.docs.get(tabId)?.values() ?? []) state.docs.push(structuredClone(d));
      for (const n of this.network.get(tabId)?.values() ?? []) state.network.push(structuredClone(n));
    }
    return state;
  }

  async save(changes: StoreChanges): Promise<void> {
    for (const c of changes.tabs) {
      const id = c.tabId;
      if (c.deleteAll) {
        this.sessions.delete(id);
        this.frames.delete(id);
        this.calls.delete(id);
        this.docs.delete(id);
        this.network.delete(id);
      }
      if (c.clearCalls) {
        this.calls.delete(id);
        this.network.delete(id);
      }
      if (c.clearFrames) this.frames.delete(id);
      if (c.session) this.sessions.set(id, structuredClone(c.session));
      const frames = mapOf(this.frames, id);
      for (const key of c.deleteFrames) frames.delete(key);
      for (const f of c.putFrames) frames.set(f.key, structuredClone(f));
      const calls = mapOf(this.calls, id);
      for (const order of c.deleteCalls) calls.delete(order);
      for (const p of c.putCalls) calls.set(p.order, structuredClone(p));
      const docs = mapOf(this.docs, id);
      for (const key of c.deleteDocs) docs.delete(key);
      for (const d of c.putDocs) docs.set(d.key, structuredClone(d));
      const network = mapOf(this.network, id);
      for (const order of c.deleteNetwork) network.delete(order);
      for (const p of c.putNetwork) network.set(p.order, structuredClone(p));
    }
    this.saves++;
  }
}

function mapOf<K, V>(outer: Map<number, Map<K, V>>, id: number): Map<K, V> {
  let m = outer.get(id);
  if (!m) {
    m = new Map();
    outer.set(id, m);
  }
  return m;
}
