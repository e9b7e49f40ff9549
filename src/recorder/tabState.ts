import { LIMITS } from '../protocol/limits';
import { noLosses, type LossCounts, type RelayLossReport } from '../protocol/losses';
import type { CallRecord, FrameRecord, SessionSummary, StorageKind, TabSession } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import { CallLog, type CallEntry } from './callLog';
import { FrameTable } from './frameTable';
import { NetworkLog } from './networkLog';
import type { Delta, FeedSource } from './panelFeed';
import { PauseLog } from './pauses';
import type { ChangeSet } from './persistence';
import type { PersistedDoc, PersistedSession } from './recordKinds';
import { cloneCall, cloneFrame, cloneSegments } from './records';
import { Segments } from './segments';
import { Sequencer } from './sequencer';

/** What every tab shares with the recorder. */
export interface TabContext {
  readonly changes: ChangeSet;
  now(): number;
  /** The next insertion number across all tabs (what "oldest" means for the bounds). */
  stamp(): number;
  readonly maxDocs: number;
  readonly maxBytes: number;
  defaultMaxCalls(): number;
  storage(): StorageKind;
  storeFailures(): number;
}

/** How far past the documents' bound frames may grow before the oldest unused ones are dropped. */
const frameSlack = (maxDocs: number) => Math.max(16, Math.ceil(maxDocs / 4));

/**
 * One tab's recording: its parts (documents, frames, segments, calls, network entries), its counters, and
 * the changes that keep them within their bounds. Every change is put in the change set and marked in the
 * operation's delta.
 */
export class TabState implements FeedSource {
  readonly calls: CallLog;
  readonly network = new NetworkLog();
  readonly frames = new FrameTable();
  readonly segments: Segments;
  readonly docs: Sequencer;
  losses: LossCounts = noLosses();
  pauses = new PauseLog();
  recording = true;
  preserveLog = false;
  /** DevTools windows watching the tab's network now (not persisted: a restarted worker has none). */
  networkFeeds = 0;
  /** Frame count past which the unused frames of forgotten documents are dropped (see forgetFrames). */
  private nextFrameSweepAt: number;
  /** Counters changed outside an operation's delta (a document forgotten): the next summary goes out. */
  countersChanged = false;

  constructor(
    readonly tabId: number,
    private readonly ctx: TabContext,
  ) {
    this.nextFrameSweepAt = ctx.maxDocs + frameSlack(ctx.maxDocs);
    this.calls = new CallLog(tabId);
    this.segments = new Segments(ctx.now);
    this.docs = new Sequencer(tabId, ctx.maxDocs, {
      putDoc: (doc) => ctx.changes.put('docs', doc),
      deleteDoc: (key) => ctx.changes.delete('docs', tabId, key),
      evicted: () => {
        this.losses.evictedDocuments++;
        this.countersChanged = true;
      },
    });
  }

  /** Bytes held for the tab: calls with their deliveries, and network entries with their bodies. */
  get bytes(): number {
    return this.calls.bytes + this.network.bytes;
  }

  maxCallsNow(): number {
    return this.ctx.defaultMaxCalls();
  }

  // -- calls

  addCall(call: CallRecord, d: Delta): CallEntry | undefined {
    const entry = this.calls.add(call, this.ctx.stamp());
    this.ctx.changes.put('callPages', entry.page);
    d.calls.add(call.id);
    this.enforceBounds(d);
    return this.calls.get(call.id);
  }

  /** The call changed (by `added` bytes when that is all that changed; otherwise its cost is measured again). */
  grown(entry: CallEntry, d: Delta, added?: number): void {
    this.calls.grown(entry, added);
    this.ctx.changes.put('callPages', entry.page);
    d.calls.add(entry.call.id);
    this.enforceBounds(d);
  }

  /** Forgets every call and network entry; ends and deliveries of calls seen so far are ignored from now on. */
  discardCalls(d: Delta): void {
    this.docs.ignoreAllSeen();
    this.calls.clear();
    this.network.clear();
    this.losses.evictedCalls = 0;
    this.losses.evictedNetwork = 0;
    this.ctx.changes.clear(this.tabId, 'calls');
    d.calls.clear();
    d.network = [];
    d.counters = true;
  }

  /** Adds what a document's relay newly reported lost (see Sequencer.report) to the tab's counts by cause. */
  relayLosses(doc: PersistedDoc, counts: Partial<RelayLossReport>, d: Delta): void {
    const added = this.docs.report(doc, counts);
    if (added.hookDropped + added.relayRejected + added.pagehide === 0) return;
    this.losses.hookDropped += added.hookDropped;
    this.losses.relayRejected += added.relayRejected;
    this.losses.navigation += added.pagehide;
    d.counters = true;
  }

  // -- network

  putNetwork(incoming: readonly NetworkEntry[], d: Delta): void {
    const segment = this.segments.current()?.index ?? 0;
    for (const e of incoming) {
      const entry: NetworkEntry = { ...e, segment };
      const item = this.network.put(entry, this.ctx.stamp());
      this.ctx.changes.put('network', { tabId: this.tabId, order: item.order, entry });
      d.network.push(entry);
    }
    this.enforceBounds(d);
  }

  // -- frames

  frameChanged(frame: FrameRecord, d: Delta): void {
    this.ctx.changes.put('frames', { tabId: this.tabId, key: frame.key, order: this.frames.orderOf(frame.key), frame });
    d.frames.add(frame.key);
  }

  // -- bounds

  /** Evicts, oldest first, until the tab is within its bounds on calls, network entries and bytes. */
  enforceBounds(d: Delta): void {
    const maxCalls = this.maxCallsNow();
    while (this.calls.size > maxCalls && this.evictCall(d));
    while (this.network.size > LIMITS.networkEntriesPerTab && this.evictNetwork(d));
    while (this.bytes > this.ctx.maxBytes && this.calls.size + this.network.size > 1 && this.evictOldest(d));
    if (this.frames.size > this.nextFrameSweepAt) this.forgetFrames(d);
  }

  /**
   * Frames are kept beyond their documents' bound only while a kept call names them: past the bound and a
   * slack (so that the sweep, one pass over the calls, and the whole session it sends the panels, come once
   * per many new documents), the oldest frames of forgotten documents that no kept call names are dropped.
   */
  private forgetFrames(d: Delta): void {
    const named = new Set<string>();
    for (const entry of this.calls.values()) named.add(entry.call.frameKey);
    const forget: string[] = [];
    let left = this.frames.size - this.ctx.maxDocs;
    for (const key of this.frames.keys()) {
      if (left <= 0) break;
      if (named.has(key) || this.docs.get(key)) continue;
      forget.push(key);
      left--;
    }
    for (const key of forget) {
      this.frames.delete(key);
      this.ctx.changes.delete('frames', this.tabId, key);
    }
    if (forget.length > 0) d.session = true;
    // Frames that could not go (kept calls name them) must not make every later event sweep again.
    this.nextFrameSweepAt = this.frames.size + frameSlack(this.ctx.maxDocs);
  }

  /** Stamp of the oldest call or network entry, or Infinity when the tab holds none. */
  oldestStamp(): number {
    return Math.min(this.calls.oldest()?.stamp ?? Infinity, this.network.oldest()?.stamp ?? Infinity);
  }

  /** Evicts the oldest call or network entry; false when there is none. */
  evictOldest(d: Delta): boolean {
    const call = this.calls.oldest();
    const item = this.network.oldest();
    if (call && (!item || call.stamp < item.stamp)) return this.evictCall(d);
    return item ? this.evictNetwork(d) : false;
  }

  private evictCall(d: Delta): boolean {
    const entry = this.calls.removeOldest();
    if (!entry) return false;
    const id = entry.call.id;
    if (entry.page.calls.length > 0) this.ctx.changes.put('callPages', entry.page);
    else this.ctx.changes.delete('callPages', this.tabId, entry.page.page);
    const doc = this.docs.get(entry.call.frameKey);
    // A late end or delivery of an evicted call must not bring it back as a call with an unknown start.
    if (doc) this.docs.ignoreUpTo(doc, entry.call.callId);
    this.losses.evictedCalls++;
    d.counters = true;
    d.calls.delete(id);
    d.evictedCalls.push(id);
    return true;
  }

  private evictNetwork(d: Delta): boolean {
    const item = this.network.removeOldest();
    if (!item) return false;
    this.ctx.changes.delete('network', this.tabId, item.order);
    this.losses.evictedNetwork++;
    d.counters = true;
    d.evictedNetwork.push(item.entry.id);
    return true;
  }

  // -- reading

  persisted(): PersistedSession {
    return {
      tabId: this.tabId,
      segments: this.segments.list,
      losses: this.losses,
      paused: this.pauses.toJSON(),
      recording: this.recording,
      preserveLog: this.preserveLog,
      topDocKey: this.segments.topDocKey,
      nextOrder: this.calls.nextOrder,
      nextSegment: this.segments.nextIndex,
      nextFrameOrder: this.frames.nextOrder,
    };
  }

  summary(): SessionSummary {
    return {
      segments: cloneSegments(this.segments.list),
      recording: this.recording,
      preserveLog: this.preserveLog,
      maxCalls: this.maxCallsNow(),
      losses: { ...this.losses, storeFailures: this.ctx.storeFailures() },
      networkFeed: this.networkFeeds > 0 ? 'on' : 'off',
      storage: this.ctx.storage(),
      bytes: this.bytes,
      maxBytes: this.ctx.maxBytes,
    };
  }

  /** A copy of the whole session (calls in insertion order). */
  session(): TabSession {
    const calls: CallRecord[] = [];
    for (const entry of this.calls.values()) calls.push(cloneCall(entry.call));
    return { tabId: this.tabId, ...this.summary(), frames: [...this.frames.values()].map(cloneFrame), calls, network: this.network.entries() };
  }

  frame(key: string): FrameRecord | undefined {
    return this.frames.get(key);
  }

  call(id: string): CallEntry | undefined {
    return this.calls.get(id);
  }
}
