import { LIMITS } from '../protocol/limits';
import { noLosses } from '../protocol/losses';
import { newTabSession, type TabSession } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { RelayToBackground } from '../protocol/runtime';
import type { SummaryInput } from '../bridge/summary';
import { CallEvents, type CallClassifier, type CallSummarizer } from './callEvents';
import { delta, PanelFeed, type Delta, type PanelListener } from './panelFeed';
import type { SessionStore } from './persistence';
import type { PersistedState } from './recordKinds';
import { RelayMessages } from './relayMessages';
import { loadState } from './restoreState';
import { SaveScheduler } from './saveScheduler';
import { evictAcrossTabs } from './allTabsBudget';
import type { ApplyResult, RecorderOptions } from './recorderOptions';
import { TabState, type TabContext } from './tabState';

export type { CallClassifier, CallSummarizer, PanelListener, SummaryInput };
export type { ApplyResult, RecorderOptions } from './recorderOptions';

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
}

/** Share of the bytes kept that a quota error evicts before the save is tried again. */
const QUOTA_EVICTION = 0.25;

/**
 * Keeps every tab's recording: applies validated relay messages for a (tabId, frameId) sender, bounds
 * what it keeps, feeds subscribed panels with what changed, and saves every change to a SessionStore so
 * that a stopped worker loses nothing. It coordinates the parts: per tab a TabState (sequencer, frames,
 * segments, call log, network log), CallEvents for the hook's events, the PanelFeed and the SaveScheduler.
 *
 * The tab id and frame id passed to `apply` must come from the port's sender, never from the message.
 */
export class Recorder {
  private readonly relay: RelayMessages;
  private readonly sessions = new Map<number, TabState>();
  private readonly feed = new PanelFeed();
  private readonly saves: SaveScheduler;
  private readonly ctx: TabContext;
  private maxBytesAllTabs: number;
  private defaultMaxCalls: number;
  private nextStamp = 1;

  constructor(options: RecorderOptions, store: SessionStore | null = null) {
    this.defaultMaxCalls = isCount(options.maxCallsPerTab) ? options.maxCallsPerTab : LIMITS.defaultMaxCallsPerTab;
    this.maxBytesAllTabs = isCount(options.maxBytesAllTabs) ? options.maxBytesAllTabs : LIMITS.maxBytesAllTabs;
    const onError = options.onStoreError ?? ((e) => console.warn('forge-bridge-devtools: saving the recording failed', e));
    this.saves = new SaveScheduler(store, {
      spacingMs: options.saveSpacingMs ?? 0,
      onError,
      onQuota: () => this.freeSpace(),
      onSave: () => {
        for (const s of this.sessions.values()) s.calls.saving();
      },
    });
    this.ctx = {
      changes: this.saves.changes,
      now: options.now ?? Date.now,
      stamp: () => this.nextStamp++,
      maxDocs: isCount(options.maxDocsPerTab) ? options.maxDocsPerTab : LIMITS.maxDocsPerTab,
      maxBytes: isCount(options.maxBytesPerTab) ? options.maxBytesPerTab : LIMITS.defaultMaxBytesPerTab,
      defaultMaxCalls: () => this.defaultMaxCalls,
      storage: () => (this.saves.persistent ? 'persistent' : 'memory'),
      storeFailures: () => this.saves.failures,
    };
    this.relay = new RelayMessages(new CallEvents(options.classify, options.summarize), this.ctx);
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
      recorder.saves.failed(error);
      return recorder;
    }
  }

  /** Applies one validated relay message from the frame `frameId` of the tab `tabId` (both from the port's sender). */
  apply(tabId: number, frameId: number, message: RelayToBackground): ApplyResult {
    if (!Number.isSafeInteger(tabId) || tabId < 0) throw new RangeError(`bad tab id ${tabId}`);
    if (!Number.isSafeInteger(frameId) || frameId < 0) throw new RangeError(`bad frame id ${frameId}`);
    const s = this.ensureSession(tabId);
    const d = delta();
    let ackUpTo: number | null = null;
    if (message.type === 'hello') this.relay.hello(s, frameId, message, d);
    else ackUpTo = this.relay.batch(s, frameId, message, d);
    return { ackUpTo, persisted: this.finish(s, d) };
  }

  /** Counts a message from this tab that validation refused. */
  noteRejected(tabId: number): Promise<boolean> {
    return this.change(tabId, (s, d) => {
      s.losses.rejected++;
      d.counters = true;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Panel commands

  /** Forgets the tab's calls and network entries (frames and segments stay). Late ends of cleared calls are ignored. */
  clear(tabId: number): Promise<boolean> {
    const s = this.sessions.get(tabId);
    if (!s) return this.saves.persist();
    const d = delta();
    s.discardCalls(d);
    d.cleared = true;
    return this.finish(s, d);
  }

  /** When off, relay events are acknowledged and not stored (ends and deliveries of calls already kept still apply). */
  setRecording(tabId: number, on: boolean): Promise<boolean> {
    return this.change(tabId, (s, d) => {
      if (s.recording === on) return;
      s.recording = on;
      if (on) s.pauses.resume(this.ctx.now());
      else s.pauses.pause(this.ctx.now());
      d.counters = true;
    });
  }

  /** With preserve log on, a navigation keeps the earlier segments' calls and frames. */
  setPreserveLog(tabId: number, on: boolean): Promise<boolean> {
    return this.change(tabId, (s, d) => {
      if (s.preserveLog === on) return;
      s.preserveLog = on;
      d.counters = true;
    });
  }

  /** The bound on calls per tab (Settings → "Calls kept per tab"). Lowering it evicts the oldest calls at once. */
  setDefaultMaxCalls(max: number): Promise<boolean> {
    if (!isCount(max)) throw new RangeError(`bad bound ${max}`);
    this.defaultMaxCalls = max;
    let last: Promise<boolean> = this.saves.persist();
    for (const s of this.sessions.values()) {
      const d = delta();
      d.counters = true;
      s.enforceBounds(d);
      last = this.finish(s, d);
    }
    return last;
  }

  // ---------------------------------------------------------------------------------------------
  // Network feed (from a DevTools window on the tab)

  /**
   * Keeps network entries the DevTools page handed over, in the tab's current page segment. An entry whose
   * id is already kept replaces it; beyond the bounds the oldest go and are counted.
   */
  applyNetwork(tabId: number, entries: NetworkEntry[]): Promise<boolean> {
    const s = this.ensureSession(tabId);
    if (!s.recording) return this.saves.persist();
    const d = delta();
    s.putNetwork(entries, d);
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
      this.feed.emit(tabId, d, s);
    }
  }

  /** Frees everything recorded for the tab (the tab was closed). */
  closeTab(tabId: number): Promise<boolean> {
    if (this.sessions.delete(tabId)) this.ctx.changes.clear(tabId, 'tab');
    return this.saves.persist();
  }

  /** Drops the sessions of tabs that are not open any more (call at worker start with the open tabs' ids). */
  pruneTabs(openTabIds: Iterable<number>): Promise<boolean> {
    const open = new Set(openTabIds);
    for (const tabId of [...this.sessions.keys()]) if (!open.has(tabId)) this.closeTab(tabId);
    return this.saves.persist();
  }

  /**
   * Sends `{type:'session'}` with the tab's whole session at once (an empty one when nothing is recorded
   * yet), then what each later operation changed (see PanelFeed.emit). Returns the function that unsubscribes.
   */
  subscribe(tabId: number, listener: PanelListener): () => void {
    const empty = () => newTabSession(tabId, { maxCalls: this.defaultMaxCalls, maxBytes: this.ctx.maxBytes, storage: this.ctx.storage(), losses: { ...noLosses(), storeFailures: this.saves.failures } });
    return this.feed.subscribe(tabId, listener, this.getSession(tabId) ?? empty());
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** A copy of the tab's session (calls in insertion order), or undefined when the tab has none. */
  getSession(tabId: number): TabSession | undefined {
    return this.sessions.get(tabId)?.session();
  }

  tabIds(): number[] {
    return [...this.sessions.keys()];
  }

  /**
   * How many calls the tab holds, how many are pending, how many were evicted, without copying the session;
   * `unsaved`: changes (of any tab) wait for a save or are being written.
   */
  counts(tabId: number): { calls: number; pending: number; dropped: number; unsaved: boolean } | null {
    const s = this.sessions.get(tabId);
    if (!s) return null;
    let pending = 0;
    for (const entry of s.calls.values()) if (entry.call.status === 'pending') pending++;
    return { calls: s.calls.size, pending, dropped: s.losses.evictedCalls, unsaved: this.saves.busy };
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions, bounds across tabs, saving

  private ensureSession(tabId: number): TabState {
    let s = this.sessions.get(tabId);
    if (!s) {
      s = new TabState(tabId, this.ctx);
      this.sessions.set(tabId, s);
    }
    return s;
  }

  /** One change to a tab's session (created if new), then finish: bounds, panels, save. */
  private change(tabId: number, apply: (s: TabState, d: Delta) => void): Promise<boolean> {
    const s = this.ensureSession(tabId);
    const d = delta();
    apply(s, d);
    return this.finish(s, d);
  }

  /** Saves the session record, keeps all tabs within their common bound, tells the panels, and saves. */
  private finish(s: TabState, d: Delta): Promise<boolean> {
    const others = evictAcrossTabs(this.sessions, this.maxBytesAllTabs, s, d);
    for (const [other, od] of others) this.settle(other, od);
    this.settle(s, d);
    return this.saves.persist();
  }

  private settle(s: TabState, d: Delta): void {
    if (s.countersChanged) {
      s.countersChanged = false;
      d.counters = true;
    }
    // The session record is small; writing it with every change keeps counters and nextOrder exact.
    if (this.sessions.get(s.tabId) === s) this.ctx.changes.put('sessions', s.persisted());
    this.feed.emit(s.tabId, d, s);
  }

  /** The store is full: evict the oldest quarter of what all tabs hold, so that the retried save has room. */
  private freeSpace(): void {
    let total = 0;
    for (const s of this.sessions.values()) total += s.bytes;
    const touched = evictAcrossTabs(this.sessions, Math.floor(total * (1 - QUOTA_EVICTION)));
    for (const [s, d] of touched) this.settle(s, d);
  }

  private load(state: PersistedState): void {
    loadState(state, (tabId) => this.ensureSession(tabId), () => this.nextStamp++);
    // The bounds may have been lowered since the state was saved.
    for (const s of this.sessions.values()) {
      const d = delta();
      s.enforceBounds(d);
      if (d.counters) this.finish(s, d);
    }
  }
}
