import type { HookEvent } from '../protocol/hook';
import { LIMITS } from '../protocol/limits';
import { noLosses, type LossCounts } from '../protocol/losses';
import { newTabSession, type CallKind, type CallRecord, type FrameRecord, type Segment, type SessionSummary, type TabSession } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { BackgroundToPanel, RelayToBackground } from '../protocol/runtime';
import type { Snapshot, SnapshotValue } from '../protocol/snapshot';
import type { SummaryInput } from '../bridge/summary';
import { Fifo } from './fifo';
import { ChangeSet, type PersistedDoc, type PersistedSession, type PersistedState, type SessionStore } from './persistence';
import { bootOf, cloneCall, cloneFrame, cloneSegments, UNKNOWN_COMMAND, UNKNOWN_REQUEST } from './records';
import { lossesOf } from './persistence';
import { PauseLog } from './pauses';

/** src/bridge's classifyCall has this shape: it reads the request's snapshot value. */
export type CallClassifier = (command: string, request: SnapshotValue) => CallKind;

export type { SummaryInput };
export type CallSummarizer = (input: SummaryInput) => string;

export type PanelListener = (message: BackgroundToPanel) => void;

/** Default bound on the snapshot bytes kept per tab (beside the bound on the number of calls). */
export const DEFAULT_MAX_BYTES_PER_TAB = 128 * 1024 * 1024;
/** Default bound on the documents (frames) a tab's session tracks. */
export const DEFAULT_MAX_DOCS_PER_TAB = 1000;

export interface RecorderOptions {
  classify: CallClassifier;
  summarize: CallSummarizer;
  /** Calls kept per tab unless a tab has its own bound (default LIMITS.defaultMaxCallsPerTab). */
  maxCallsPerTab?: number;
  /** Snapshot bytes kept per tab; beyond, the oldest calls are dropped and counted (default DEFAULT_MAX_BYTES_PER_TAB). */
  maxBytesPerTab?: number;
  /** Documents tracked per tab; a new document beyond it is refused and counted as rejected (default DEFAULT_MAX_DOCS_PER_TAB). */
  maxDocsPerTab?: number;
  /** Clock for segment starts and frame first-seen times (default Date.now). */
  now?: () => number;
  /**
   * Least time between the starts of two saves (default 0). Changes made meanwhile go together, so a call that
   * starts and ends within it is written once; the relay keeps events until the save is acknowledged.
   */
  saveSpacingMs?: number;
  /** Called when a save fails (the changes stay pending and go with the next save). */
  onStoreError?: (error: unknown) => void;
}

export interface ApplyResult {
  /** What to acknowledge to the relay (`{type:'ack', upTo}`), or null when nothing is to be acknowledged (a hello). */
  ackUpTo: number | null;
  /**
   * Resolves true once this message's effects are durably saved (ack only then), false if the save
   * failed (the effects stay in memory and go with the next save). Never rejects. Without a store it
   * resolves true at once.
   */
  persisted: Promise<boolean>;
}

interface CallEntry {
  call: CallRecord;
  order: number;
  cost: number;
}

/** A tab's live state: what is persisted per session, plus the in-memory indexes built from it. */
interface SessionState extends Omit<PersistedSession, 'nextFrameOrder' | 'losses' | 'dropped' | 'lostInTransit' | 'rejected' | 'networkDropped' | 'paused'> {
  losses: LossCounts;
  /** When recording was off: a call is judged by when it started, not when its event arrived. */
  pauses: PauseLog;
  frames: Map<string, FrameRecord>;
  /** Insertion number of each frame (frames are listed in this order). */
  frameOrder: Map<string, number>;
  nextFrameOrder: number;
  calls: Map<string, CallEntry>;
  /** Call ids in insertion order, oldest first: what the bound drops first. */
  fifo: Fifo<string>;
  docs: Map<string, PersistedDoc>;
  bytes: number;
  lastRejection: string | null;
  /** Network entries by insertion order (Map order = oldest first), and each id's order. */
  network: Map<number, NetworkEntry>;
  networkOrder: Map<string, number>;
  nextNetworkOrder: number;
  /** DevTools windows watching the tab's network now (not persisted: a restarted worker has none). */
  networkFeeds: number;
}

/** What one operation changed, for the panel feed. */
interface Delta {
  calls: Set<string>;
  frames: Set<string>;
  counters: boolean;
  session: boolean;
  cleared: boolean;
  network: NetworkEntry[];
  evictedCalls: string[];
  evictedNetwork: string[];
}

function delta(): Delta {
  return { calls: new Set(), frames: new Set(), counters: false, session: false, cleared: false, network: [], evictedCalls: [], evictedNetwork: [] };
}

const CALL_OVERHEAD = 256;
const DELIVERY_OVERHEAD = 64;

function callCost(call: CallRecord): number {
  let cost = CALL_OVERHEAD + call.command.length + call.summary.length + call.request.bytes;
  if (call.response) cost += call.response.bytes;
  if (call.error) cost += call.error.bytes;
  for (const d of call.deliveries) cost += DELIVERY_OVERHEAD + d.key.length + d.args.bytes;
  return cost;
}

function frameKeyOf(frameId: number, docId: string): string {
  return `${frameId}:${docId}`;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
}

/**
 * Keeps every tab's recording: applies validated relay messages for a (tabId, frameId) sender, bounds
 * what it keeps, feeds subscribed panels with what changed, and saves every change to a SessionStore so
 * that a stopped worker loses nothing.
 *
 * The tab id and frame id passed to `apply` must come from the port's sender, never from the message.
 */
export class Recorder {
  private readonly classify: CallClassifier;
  private readonly summarize: CallSummarizer;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly maxDocs: number;
  private readonly onStoreError: (error: unknown) => void;
  private readonly saveSpacingMs: number;
  private defaultMaxCalls: number;

  private readonly sessions = new Map<number, SessionState>();
  private readonly listeners = new Map<number, Set<PanelListener>>();

  private readonly store: SessionStore | null;
  private readonly changes: ChangeSet | null;
  private saving: Promise<boolean> = Promise.resolve(true);
  private nextFlush: Promise<boolean> | null = null;
  private failedSaves = 0;

  constructor(options: RecorderOptions, store: SessionStore | null = null) {
    this.classify = options.classify;
    this.summarize = options.summarize;
    this.now = options.now ?? Date.now;
    this.defaultMaxCalls = isCount(options.maxCallsPerTab) ? options.maxCallsPerTab : LIMITS.defaultMaxCallsPerTab;
    this.maxBytes = isCount(options.maxBytesPerTab) ? options.maxBytesPerTab : DEFAULT_MAX_BYTES_PER_TAB;
    this.maxDocs = isCount(options.maxDocsPerTab) ? options.maxDocsPerTab : DEFAULT_MAX_DOCS_PER_TAB;
    this.onStoreError = options.onStoreError ?? ((e) => console.warn('forge-bridge-devtools: saving the recording failed', e));
    this.saveSpacingMs = options.saveSpacingMs ?? 0;
    this.store = store;
    this.changes = store ? new ChangeSet() : null;
  }

  /** A recorder with everything the store holds: sessions, frames, calls, counters and each document's next expected sequence number. */
  static async restore(store: SessionStore, options: RecorderOptions): Promise<Recorder> {
    const state = await store.load();
    const recorder = new Recorder(options, store);
    recorder.load(state);
    return recorder;
  }

  /**
   * `restore`, or, when the store cannot be opened or read (IndexedDB unavailable, e.g. in a private window
   * or with storage blocked), a recorder that keeps everything in memory: it records, the failure is
   * counted, and every session says `storage: 'memory'` so that the panel can say the log will not
   * survive a worker restart.
   */
  static async open(store: SessionStore, options: RecorderOptions): Promise<Recorder> {
    try {
      return await Recorder.restore(store, options);
    } catch (error) {
      const recorder = new Recorder(options, null);
      recorder.failedSaves++;
      try {
        recorder.onStoreError(error);
      } catch {
        // a failing error handler changes nothing
      }
      return recorder;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Relay messages

  /** Applies one validated relay message from the frame `frameId` of the tab `tabId` (both from the port's sender). */
  apply(tabId: number, frameId: number, message: RelayToBackground): ApplyResult {
    if (!Number.isSafeInteger(tabId) || tabId < 0) throw new RangeError(`bad tab id ${tabId}`);
    if (!Number.isSafeInteger(frameId) || frameId < 0) throw new RangeError(`bad frame id ${frameId}`);
    const s = this.ensureSession(tabId);
    const d = delta();
    let ackUpTo: number | null = null;
    if (message.type === 'hello') this.applyHello(s, frameId, message, d);
    else ackUpTo = this.applyBatch(s, frameId, message, d);
    return { ackUpTo, persisted: this.finish(s, d) };
  }

  /** Counts a message from this tab that validation refused. */
  noteRejected(tabId: number, reason: string): Promise<boolean> {
    const s = this.ensureSession(tabId);
    s.losses.rejected++;
    s.lastRejection = reason.slice(0, 500);
    const d = delta();
    d.counters = true;
    return this.finish(s, d);
  }

  private applyHello(s: SessionState, frameId: number, m: Extract<RelayToBackground, { type: 'hello' }>, d: Delta): void {
    const key = frameKeyOf(frameId, m.docId);
    let doc = s.docs.get(key);
    if (!doc) {
      doc = this.newDoc(s, key, d) ?? undefined;
      if (!doc) return;
    } else if (doc.retired) {
      // A document that said hello again (back from the back/forward cache): it records again.
      doc.retired = false;
      this.changes?.putDoc(doc);
    }
    if (frameId === 0) this.topDocument(s, key, m.url, d);
    else this.ensureSegment(s, m.parentUrl || m.url, d);
    let frame = s.frames.get(key);
    if (!frame) {
      frame = this.newFrame(s, frameId, m.docId, key, d);
      frame.url = m.url;
      frame.parentUrl = m.parentUrl;
      this.frameChanged(s, frame, d);
    } else if ((frame.url === '' && m.url !== '') || (frame.parentUrl === '' && m.parentUrl !== '')) {
      frame.url ||= m.url;
      frame.parentUrl ||= m.parentUrl;
      this.frameChanged(s, frame, d);
    }
  }

  private applyBatch(s: SessionState, frameId: number, m: Extract<RelayToBackground, { type: 'batch' }>, d: Delta): number {
    const key = frameKeyOf(frameId, m.docId);
    const last = m.firstSeq + m.events.length - 1;
    const doc = s.docs.get(key) ?? this.newDoc(s, key, d);
    // Refused (too many documents): acknowledged, so that the relay does not send it forever.
    if (!doc) return Math.max(last, 0);
    const before = doc.nextSeq;
    if (m.firstSeq > doc.nextSeq) {
      // Events the relay numbered but never delivered (dropped while the background was away, or refused).
      s.losses.inTransit += m.firstSeq - doc.nextSeq;
      d.counters = true;
      doc.nextSeq = m.firstSeq;
    }
    const skip = doc.nextSeq - m.firstSeq;
    if (skip < m.events.length) {
      if (!doc.retired) {
        const frame = s.frames.get(key) ?? this.createFrame(s, frameId, key, m.docId, d);
        for (let i = skip; i < m.events.length; i++) this.applyEvent(s, doc, frame, m.events[i]!, d);
      }
      doc.nextSeq = last + 1;
    }
    if (doc.nextSeq !== before) this.changes?.putDoc(doc);
    return doc.nextSeq - 1;
  }

  private applyEvent(s: SessionState, doc: PersistedDoc, frame: FrameRecord, e: HookEvent, d: Delta): void {
    switch (e.type) {
      case 'hook-ready':
        if (e.url !== '') frame.url = e.url;
        frame.parentUrl = e.referrer;
        frame.hookReady = true;
        if (e.navigationStart !== undefined) frame.boot = { ...bootOf(frame), navigationStart: e.navigationStart };
        this.frameChanged(s, frame, d);
        return;
      case 'bridge-found':
        frame.bridge = { semver: e.semver, frozen: e.frozen, via: e.via };
        if (bootOf(frame).bridgeAt === null) frame.boot = { ...bootOf(frame), bridgeAt: e.at };
        this.frameChanged(s, frame, d);
        return;
      case 'transport':
        frame.transport = e.kind;
        this.frameChanged(s, frame, d);
        return;
      case 'channel-report':
        // Reports are cumulative per document: the tab's loss counts take what is new since the last one.
        s.losses.hookDropped += Math.max(0, e.hookDropped - (frame.channel?.hookDropped ?? 0));
        s.losses.relayRejected += Math.max(0, e.rejected - (frame.channel?.rejected ?? 0));
        d.counters = true;
        frame.channel = { hookDropped: e.hookDropped, rejected: e.rejected, foreignOffers: e.foreignOffers, unanswered: e.unanswered };
        this.frameChanged(s, frame, d);
        return;
      case 'paint':
        frame.boot = { ...bootOf(frame), [e.name === 'first-paint' ? 'firstPaintAt' : 'firstContentfulPaintAt']: e.at };
        this.frameChanged(s, frame, d);
        return;
      case 'call-start':
        this.seeCallId(doc, e.id);
        return this.callStart(s, doc, frame, e, d);
      case 'call-end':
        this.seeCallId(doc, e.id);
        return this.callEnd(s, doc, frame, e, d);
      case 'delivery':
        this.seeCallId(doc, e.id);
        return this.delivery(s, doc, frame, e, d);
    }
  }

  private seeCallId(doc: PersistedDoc, id: number): void {
    if (id > doc.maxCallId) {
      doc.maxCallId = id;
      this.changes?.putDoc(doc);
    }
  }

  private callStart(s: SessionState, doc: PersistedDoc, frame: FrameRecord, e: Extract<HookEvent, { type: 'call-start' }>, d: Delta): void {
    // Started while paused, even if it arrives after Resume (the relay batches): ignored with its end and deliveries.
    if (!s.recording || s.pauses.covers(e.at)) {
      this.ignoreUpTo(doc, e.id);
      return;
    }
    const id = `${frame.key}#${e.id}`;
    if (s.calls.has(id)) return;
    const call: CallRecord = {
      id,
      frameKey: frame.key,
      callId: e.id,
      segment: frame.segment,
      command: e.command,
      kind: this.kindOf(e.command, e.request),
      summary: '',
      startedAt: e.at,
      endedAt: null,
      status: 'pending',
      request: e.request,
      response: null,
      error: null,
      deliveries: [],
      deliveriesDropped: 0,
      ...(e.initiator ? { initiator: e.initiator } : {}),
    };
    call.summary = this.summaryOf(call);
    this.insert(s, call, d);
  }

  private callEnd(s: SessionState, doc: PersistedDoc, frame: FrameRecord, e: Extract<HookEvent, { type: 'call-end' }>, d: Delta): void {
    const entry = s.calls.get(`${frame.key}#${e.id}`);
    if (entry) {
      const call = entry.call;
      if (call.status !== 'pending') return; // a second end changes nothing
      call.endedAt = e.at;
      call.status = e.ok ? 'ok' : 'error';
      if (e.ok) call.response = e.value;
      else call.error = e.value;
      call.summary = this.summaryOf(call);
      this.grown(s, entry, d);
      return;
    }
    if (!s.recording || s.pauses.covers(e.at) || e.id <= doc.ignoreUpTo) return;
    const call = this.orphan(frame, e.id, e.at);
    call.endedAt = e.at;
    call.status = e.ok ? 'ok' : 'error';
    if (e.ok) call.response = e.value;
    else call.error = e.value;
    call.summary = this.summaryOf(call);
    this.insert(s, call, d);
  }

  private delivery(s: SessionState, doc: PersistedDoc, frame: FrameRecord, e: Extract<HookEvent, { type: 'delivery' }>, d: Delta): void {
    let entry = s.calls.get(`${frame.key}#${e.id}`);
    if (!entry) {
      if (!s.recording || s.pauses.covers(e.at) || e.id <= doc.ignoreUpTo) return;
      const call = this.orphan(frame, e.id, e.at);
      call.summary = this.summaryOf(call);
      entry = this.insert(s, call, d);
      if (!entry) return;
    }
    const call = entry.call;
    if (call.deliveries.length < LIMITS.deliveriesPerCall) {
      call.deliveries.push({ seq: e.seq, at: e.at, key: e.key, args: e.args });
    } else {
      call.deliveriesDropped++;
    }
    this.grown(s, entry, d);
  }

  /** A call whose start was not recorded: see UNKNOWN_COMMAND. */
  private orphan(frame: FrameRecord, callId: number, at: number): CallRecord {
    return {
      id: `${frame.key}#${callId}`,
      frameKey: frame.key,
      callId,
      segment: frame.segment,
      command: UNKNOWN_COMMAND,
      kind: 'other',
      summary: '',
      startedAt: at,
      endedAt: null,
      status: 'pending',
      request: UNKNOWN_REQUEST,
      response: null,
      error: null,
      deliveries: [],
      deliveriesDropped: 0,
    };
  }

  private kindOf(command: string, request: Snapshot): CallKind {
    try {
      return this.classify(command, request.value);
    } catch {
      return 'other';
    }
  }

  private summaryOf(call: CallRecord): string {
    try {
      const text = this.summarize({
        command: call.command,
        request: call.request.value,
        status: call.status,
        response: call.response ? call.response.value : null,
        error: call.error ? call.error.value : null,
      });
      return typeof text === 'string' ? text : '';
    } catch {
      return call.command;
    }
  }

  private ignoreUpTo(doc: PersistedDoc, id: number): void {
    if (id > doc.ignoreUpTo) {
      doc.ignoreUpTo = id;
      this.changes?.putDoc(doc);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calls and bounds

  private insert(s: SessionState, call: CallRecord, d: Delta): CallEntry | undefined {
    const entry: CallEntry = { call, order: s.nextOrder++, cost: callCost(call) };
    s.calls.set(call.id, entry);
    s.fifo.push(call.id);
    s.bytes += entry.cost;
    this.changes?.putCall(s.tabId, entry.order, call);
    d.calls.add(call.id);
    this.enforceBounds(s, d);
    return s.calls.get(call.id);
  }

  private grown(s: SessionState, entry: CallEntry, d: Delta): void {
    const cost = callCost(entry.call);
    s.bytes += cost - entry.cost;
    entry.cost = cost;
    this.changes?.putCall(s.tabId, entry.order, entry.call);
    d.calls.add(entry.call.id);
    this.enforceBounds(s, d);
  }

  private maxCallsOf(s: SessionState): number {
    return s.maxCalls ?? this.defaultMaxCalls;
  }

  private enforceBounds(s: SessionState, d: Delta): void {
    const max = this.maxCallsOf(s);
    while (s.calls.size > max || (s.bytes > this.maxBytes && s.calls.size > 1)) {
      if (!this.dropOldest(s, d)) break;
    }
  }

  private dropOldest(s: SessionState, d: Delta): boolean {
    for (;;) {
      const id = s.fifo.shift();
      if (id === undefined) return false;
      const entry = s.calls.get(id);
      if (!entry) continue;
      s.calls.delete(id);
      s.bytes -= entry.cost;
      this.changes?.deleteCall(s.tabId, entry.order);
      const doc = s.docs.get(entry.call.frameKey);
      // A late end or delivery of a dropped call must not bring it back as a call with an unknown start.
      if (doc) this.ignoreUpTo(doc, entry.call.callId);
      s.losses.evictedCalls++;
      d.counters = true;
      d.calls.delete(id);
      d.evictedCalls.push(id);
      return true;
    }
  }

  private discardCalls(s: SessionState, d: Delta): void {
    for (const doc of s.docs.values()) this.ignoreUpTo(doc, doc.maxCallId);
    s.calls = new Map();
    s.fifo.clear();
    s.bytes = 0;
    s.losses.evictedCalls = 0;
    s.network = new Map();
    s.networkOrder = new Map();
    s.losses.evictedNetwork = 0;
    this.changes?.clearCalls(s.tabId);
    d.calls.clear();
    d.network = [];
    d.counters = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Frames, documents, segments

  private newDoc(s: SessionState, key: string, d: Delta): PersistedDoc | null {
    if (s.docs.size >= this.maxDocs) {
      // Forget the oldest document whose frame is gone; refuse when every tracked document is live.
      let evicted = false;
      for (const [k, doc] of s.docs) {
        if (doc.retired || !s.frames.has(k)) {
          s.docs.delete(k);
          this.changes?.deleteDoc(s.tabId, k);
          evicted = true;
          break;
        }
      }
      if (!evicted) {
        s.losses.rejected++;
        s.lastRejection = `more than ${this.maxDocs} documents in this tab`;
        d.counters = true;
        return null;
      }
    }
    const doc: PersistedDoc = { tabId: s.tabId, key, nextSeq: 1, maxCallId: 0, ignoreUpTo: 0, retired: false };
    s.docs.set(key, doc);
    this.changes?.putDoc(doc);
    return doc;
  }

  /** A frame first seen through a batch (its hello was refused or lost). */
  private createFrame(s: SessionState, frameId: number, key: string, docId: string, d: Delta): FrameRecord {
    const frame = this.newFrame(s, frameId, docId, key, d);
    this.frameChanged(s, frame, d);
    return frame;
  }

  private newFrame(s: SessionState, frameId: number, docId: string, key: string, d: Delta): FrameRecord {
    const segment = this.ensureSegment(s, '', d);
    const frame: FrameRecord = {
      key,
      frameId,
      docId,
      url: '',
      isTop: frameId === 0,
      parentUrl: '',
      firstSeenAt: this.now(),
      hookReady: false,
      bridge: null,
      transport: 'unknown',
      segment: segment.index,
    };
    s.frames.set(key, frame);
    s.frameOrder.set(key, s.nextFrameOrder++);
    return frame;
  }

  private frameChanged(s: SessionState, frame: FrameRecord, d: Delta): void {
    this.changes?.putFrame(s.tabId, frame, s.frameOrder.get(frame.key) ?? 0);
    d.frames.add(frame.key);
  }

  private ensureSegment(s: SessionState, url: string, d: Delta): Segment {
    let segment = s.segments[s.segments.length - 1];
    if (!segment) {
      segment = { index: s.nextSegment++, startedAt: this.now(), url };
      s.segments.push(segment);
      d.counters = true;
    } else if (segment.url === '' && url !== '') {
      segment.url = url;
      d.counters = true;
    }
    return segment;
  }


  /**
   * A top-frame document said hello. The first in a session (or after the first segment was opened by an
   * iframe) is adopted by the current segment; a different one is a navigation and opens a new segment.
   */
  private topDocument(s: SessionState, key: string, url: string, d: Delta): void {
    if (s.topDocKey === key) return;
    const current = s.segments[s.segments.length - 1];
    if (!current || s.topDocKey === null) {
      s.topDocKey = key;
      if (!current) this.ensureSegment(s, url, d);
      else if (url !== '' && current.url !== url) {
        current.url = url;
        d.counters = true;
      }
      return;
    }
    const segment: Segment = { index: s.nextSegment++, startedAt: this.now(), url };
    if (s.preserveLog) {
      s.segments.push(segment);
    } else {
      this.discardCalls(s, d);
      for (const k of s.frames.keys()) {
        const doc = s.docs.get(k);
        if (doc && !doc.retired) {
          doc.retired = true;
          this.changes?.putDoc(doc);
        }
      }
      s.frames = new Map();
      s.frameOrder = new Map();
      this.changes?.clearFrames(s.tabId);
      d.frames.clear();
      s.segments = [segment];
    }
    s.topDocKey = key;
    d.session = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Panel commands

  /** Forgets the tab's calls (frames and segments stay). Late ends of cleared calls are ignored. */
  clear(tabId: number): Promise<boolean> {
    const s = this.sessions.get(tabId);
    if (!s) return this.persist();
    const d = delta();
    this.discardCalls(s, d);
    d.cleared = true;
    return this.finish(s, d);
  }

  /** When off, relay events are acknowledged and not stored (ends and deliveries of calls already kept still apply). */
  setRecording(tabId: number, on: boolean): Promise<boolean> {
    const s = this.ensureSession(tabId);
    const d = delta();
    if (s.recording !== on) {
      s.recording = on;
      if (on) s.pauses.resume(this.now());
      else s.pauses.pause(this.now());
      d.counters = true;
    }
    return this.finish(s, d);
  }

  /** With preserve log on, a navigation keeps the earlier segments' calls and frames. */
  setPreserveLog(tabId: number, on: boolean): Promise<boolean> {
    const s = this.ensureSession(tabId);
    const d = delta();
    if (s.preserveLog !== on) {
      s.preserveLog = on;
      d.counters = true;
    }
    return this.finish(s, d);
  }

  /** This tab's bound on calls, or null for the recorder-wide default. Lowering it drops the oldest calls at once. */
  setMaxCalls(tabId: number, max: number | null): Promise<boolean> {
    if (max !== null && !isCount(max)) throw new RangeError(`bad bound ${max}`);
    const s = this.ensureSession(tabId);
    const d = delta();
    s.maxCalls = max;
    d.counters = true;
    this.enforceBounds(s, d);
    return this.finish(s, d);
  }

  /** The recorder-wide bound on calls per tab (for tabs without their own). */
  setDefaultMaxCalls(max: number): Promise<boolean> {
    if (!isCount(max)) throw new RangeError(`bad bound ${max}`);
    this.defaultMaxCalls = max;
    let last: Promise<boolean> = this.persist();
    for (const s of this.sessions.values()) {
      if (s.maxCalls !== null) continue;
      const d = delta();
      d.counters = true;
      this.enforceBounds(s, d);
      last = this.finish(s, d);
    }
    return last;
  }

  // ---------------------------------------------------------------------------------------------
  // Network feed (from a DevTools window on the tab)

  /**
   * Keeps network entries the DevTools page handed over, in the tab's current page segment. An entry whose
   * id is already kept replaces it; beyond LIMITS.networkEntriesPerTab the oldest go and are counted.
   */
  applyNetwork(tabId: number, entries: NetworkEntry[]): Promise<boolean> {
    const s = this.ensureSession(tabId);
    const d = delta();
    if (!s.recording) return this.persist();
    const segment = s.segments.at(-1)?.index ?? 0;
    for (const incoming of entries) {
      const entry: NetworkEntry = { ...incoming, segment };
      let order = s.networkOrder.get(entry.id);
      if (order === undefined) {
        order = s.nextNetworkOrder++;
        s.networkOrder.set(entry.id, order);
      }
      s.network.set(order, entry);
      this.changes?.putNetwork(tabId, order, entry);
      d.network.push(entry);
    }
    for (const [order, entry] of s.network) {
      if (s.network.size <= LIMITS.networkEntriesPerTab) break;
      s.network.delete(order);
      s.networkOrder.delete(entry.id);
      s.losses.evictedNetwork++;
      d.counters = true;
      d.evictedNetwork.push(entry.id);
      this.changes?.deleteNetwork(tabId, order);
    }
    return this.finish(s, d);
  }

  /** A DevTools window started (on) or stopped (off) watching the tab's network. */
  setNetworkFeed(tabId: number, on: boolean): void {
    const s = this.ensureSession(tabId);
    const before = s.networkFeeds > 0;
    s.networkFeeds = Math.max(0, s.networkFeeds + (on ? 1 : -1));
    if (before !== s.networkFeeds > 0) {
      const d = delta();
      d.counters = true;
      this.emit(s, d);
    }
  }

  /** Frees everything recorded for the tab (the tab was closed). */
  closeTab(tabId: number): Promise<boolean> {
    if (this.sessions.delete(tabId)) this.changes?.deleteTab(tabId);
    return this.persist();
  }

  /** Drops the sessions of tabs that are not open any more (call at worker start with the open tabs' ids). */
  pruneTabs(openTabIds: Iterable<number>): Promise<boolean> {
    const open = new Set(openTabIds);
    for (const tabId of [...this.sessions.keys()]) {
      if (!open.has(tabId)) {
        this.sessions.delete(tabId);
        this.changes?.deleteTab(tabId);
      }
    }
    return this.persist();
  }

  /**
   * Sends `{type:'session'}` with the tab's whole session at once (an empty one when nothing is recorded
   * yet), then, after each operation that changed the tab, at most one each of 'cleared', 'frames'
   * (changed frames), 'calls' (changed calls, in insertion order) and 'counters'; or a single 'session'
   * after a navigation. Records are copies. Returns the function that unsubscribes.
   */
  subscribe(tabId: number, listener: PanelListener): () => void {
    let set = this.listeners.get(tabId);
    if (!set) {
      set = new Set();
      this.listeners.set(tabId, set);
    }
    set.add(listener);
    safeCall(listener, { type: 'session', session: this.getSession(tabId) ?? this.emptySession(tabId) });
    return () => {
      const current = this.listeners.get(tabId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(tabId);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** A copy of the tab's session (calls in insertion order), or undefined when the tab has none. */
  getSession(tabId: number): TabSession | undefined {
    const s = this.sessions.get(tabId);
    return s ? this.snapshot(s) : undefined;
  }

  tabIds(): number[] {
    return [...this.sessions.keys()];
  }

  isRecording(tabId: number): boolean {
    return this.sessions.get(tabId)?.recording ?? true;
  }

  /** Why the last refused message of the tab was refused, for diagnostics. */
  lastRejection(tabId: number): string | null {
    return this.sessions.get(tabId)?.lastRejection ?? null;
  }

  /** Saves that failed since the recorder started. */
  get storeFailures(): number {
    return this.failedSaves;
  }

  /** Resolves once everything changed so far is saved (true) or its save failed (false). */
  flush(): Promise<boolean> {
    return this.persist();
  }

  private snapshot(s: SessionState): TabSession {
    const calls: CallRecord[] = [];
    for (const entry of s.calls.values()) calls.push(cloneCall(entry.call));
    return {
      tabId: s.tabId,
      ...this.summaryFor(s),
      frames: [...s.frames.values()].map(cloneFrame),
      calls,
      network: [...s.network.values()],
    };
  }

  private summaryFor(s: SessionState): SessionSummary {
    return {
      segments: cloneSegments(s.segments),
      recording: s.recording,
      preserveLog: s.preserveLog,
      maxCalls: this.maxCallsOf(s),
      losses: { ...s.losses, storeFailures: this.failedSaves },
      networkFeed: s.networkFeeds > 0 ? 'on' : 'off',
      storage: this.store ? 'persistent' : 'memory',
      bytes: s.bytes,
      maxBytes: this.maxBytes,
    };
  }

  private emptySession(tabId: number): TabSession {
    return newTabSession(tabId, { maxCalls: this.defaultMaxCalls, maxBytes: this.maxBytes, storage: this.store ? 'persistent' : 'memory', losses: { ...noLosses(), storeFailures: this.failedSaves } });
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions, feed, persistence

  private ensureSession(tabId: number): SessionState {
    let s = this.sessions.get(tabId);
    if (!s) {
      s = {
        tabId,
        segments: [],
        frames: new Map(),
        frameOrder: new Map(),
        nextFrameOrder: 1,
        calls: new Map(),
        fifo: new Fifo(),
        docs: new Map(),
        bytes: 0,
        losses: noLosses(),
        pauses: new PauseLog(),
        recording: true,
        preserveLog: false,
        maxCalls: null,
        topDocKey: null,
        nextOrder: 1,
        nextSegment: 0,
        lastRejection: null,
        network: new Map(),
        networkOrder: new Map(),
        nextNetworkOrder: 1,
        networkFeeds: 0,
      };
      this.sessions.set(tabId, s);
    }
    return s;
  }

  private persistedSession(s: SessionState): PersistedSession {
    return {
      tabId: s.tabId,
      segments: s.segments,
      losses: s.losses,
      paused: s.pauses.toJSON(),
      recording: s.recording,
      preserveLog: s.preserveLog,
      maxCalls: s.maxCalls,
      topDocKey: s.topDocKey,
      nextOrder: s.nextOrder,
      nextSegment: s.nextSegment,
      nextFrameOrder: s.nextFrameOrder,
    };
  }

  private finish(s: SessionState, d: Delta): Promise<boolean> {
    // The session record is small; writing it with every change keeps counters and nextOrder exact.
    if (this.sessions.get(s.tabId) === s) this.changes?.putSession(this.persistedSession(s));
    this.emit(s, d);
    return this.persist();
  }

  private emit(s: SessionState, d: Delta): void {
    const listeners = this.listeners.get(s.tabId);
    if (!listeners || listeners.size === 0) return;
    const tabId = s.tabId;
    const messages: BackgroundToPanel[] = [];
    if (d.session) {
      messages.push({ type: 'session', session: this.snapshot(s) });
    } else {
      if (d.cleared) messages.push({ type: 'cleared', tabId });
      if (d.frames.size > 0) {
        const frames: FrameRecord[] = [];
        for (const key of d.frames) {
          const frame = s.frames.get(key);
          if (frame) frames.push(cloneFrame(frame));
        }
        if (frames.length > 0) messages.push({ type: 'frames', tabId, frames });
      }
      if (d.calls.size > 0) {
        const entries: CallEntry[] = [];
        for (const id of d.calls) {
          const entry = s.calls.get(id);
          if (entry) entries.push(entry);
        }
        entries.sort((a, b) => a.order - b.order);
        if (entries.length > 0) messages.push({ type: 'calls', tabId, calls: entries.map((e) => cloneCall(e.call)) });
      }
      if (d.evictedCalls.length > 0 || d.evictedNetwork.length > 0) messages.push({ type: 'evicted', tabId, calls: d.evictedCalls.slice(), network: d.evictedNetwork.slice() });
      if (d.network.length > 0) messages.push({ type: 'network', tabId, entries: d.network.slice() });
      if (d.counters || d.cleared) messages.push({ type: 'summary', tabId, summary: this.summaryFor(s) });
    }
    for (const listener of [...listeners]) for (const m of messages) safeCall(listener, m);
  }

  /** One save at a time; changes made while one runs go together in the next. */
  private persist(): Promise<boolean> {
    if (!this.store || !this.changes) return Promise.resolve(true);
    if (this.nextFlush) return this.nextFlush;
    const spacing = this.saveSpacingMs;
    const next = this.saving.then(() => (spacing > 0 ? new Promise<void>((r) => setTimeout(r, spacing)) : undefined)).then(() => this.save());
    this.nextFlush = next;
    this.saving = next;
    return next;
  }

  private async save(): Promise<boolean> {
    this.nextFlush = null;
    const store = this.store;
    const changes = this.changes;
    if (!store || !changes || changes.isEmpty) return true;
    const taken = changes.take();
    try {
      await store.save(taken);
      return true;
    } catch (error) {
      changes.restoreFailed(taken);
      this.failedSaves++;
      try {
        this.onStoreError(error);
      } catch {
        // a failing error handler changes nothing
      }
      return false;
    }
  }

  private load(state: PersistedState): void {
    for (const p of state.sessions) {
      const s = this.ensureSession(p.tabId);
      s.segments = cloneSegments(p.segments);
      s.losses = lossesOf(p);
      s.pauses = new PauseLog(p.paused);
      s.recording = p.recording;
      s.preserveLog = p.preserveLog;
      s.maxCalls = p.maxCalls;
      s.topDocKey = p.topDocKey;
      s.nextOrder = p.nextOrder;
      s.nextSegment = p.nextSegment;
      s.nextFrameOrder = p.nextFrameOrder;
    }
    const frames = state.frames.slice().sort((a, b) => a.tabId - b.tabId || a.order - b.order);
    for (const p of frames) {
      const s = this.ensureSession(p.tabId);
      s.frames.set(p.key, p.frame);
      s.frameOrder.set(p.key, p.order);
      if (p.order >= s.nextFrameOrder) s.nextFrameOrder = p.order + 1;
    }
    for (const p of state.docs) this.ensureSession(p.tabId).docs.set(p.key, { ...p });
    const calls = state.calls.slice().sort((a, b) => a.tabId - b.tabId || a.order - b.order);
    for (const p of calls) {
      const s = this.ensureSession(p.tabId);
      const entry: CallEntry = { call: p.call, order: p.order, cost: callCost(p.call) };
      s.calls.set(p.call.id, entry);
      s.fifo.push(p.call.id);
      s.bytes += entry.cost;
      if (p.order >= s.nextOrder) s.nextOrder = p.order + 1;
    }
    const network = state.network.slice().sort((a, b) => a.tabId - b.tabId || a.order - b.order);
    for (const p of network) {
      const s = this.ensureSession(p.tabId);
      s.network.set(p.order, p.entry);
      s.networkOrder.set(p.entry.id, p.order);
      if (p.order >= s.nextNetworkOrder) s.nextNetworkOrder = p.order + 1;
    }
    // The bounds may have been lowered since the state was saved.
    for (const s of this.sessions.values()) {
      const d = delta();
      this.enforceBounds(s, d);
      if (d.counters) this.finish(s, d);
    }
  }
}

function safeCall(listener: PanelListener, message: BackgroundToPanel): void {
  try {
    listener(message);
  } catch {
    // One broken panel must not stop the others, nor the recorder.
  }
}
