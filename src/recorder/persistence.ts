import { emptyState, KIND_NAMES, KINDS, kindsClearedBy, type Clear, type KindName, type PersistedState, type RecordOf, type SubKey } from './recordKinds';

export type { PersistedCall, PersistedCallPage, PersistedDoc, PersistedFrame, PersistedNetwork, PersistedSession, PersistedState } from './recordKinds';
export { callsOf, lossesOf } from './recordKinds';

export type KeysByKind = { [K in KindName]: SubKey[] };

/**
 * What changed for one tab since the last save. A store applies it in this order, in one transaction:
 * 1. `clears`: every record of the kinds each clear removes (KINDS[kind].clearedBy);
 * 2. the deletions and puts by key (a key appears in at most one of them).
 */
export interface TabChanges {
  tabId: number;
  clears: Clear[];
  puts: PersistedState;
  deletes: KeysByKind;
}

export interface StoreChanges {
  tabs: TabChanges[];
}

/** Where the recorder keeps its state across worker restarts. */
export interface SessionStore {
  load(): Promise<PersistedState>;
  /** Resolves once the changes are durable; rejects when they could not be written. */
  save(changes: StoreChanges): Promise<void>;
  /**
   * True when save() has read (cloned) every record it was given by the time it returns, so that the
   * recorder may hand over its live records instead of copies (later changes cannot reach what is written).
   */
  readonly clonesOnSave?: boolean;
}

function noKeys(): KeysByKind {
  return { sessions: [], frames: [], callPages: [], docs: [], network: [] };
}

type PendingRecords = { [K in KindName]: Map<SubKey, RecordOf[K] | null> };

interface PendingTab {
  clears: Set<Clear>;
  records: PendingRecords;
}

function emptyPending(): PendingTab {
  return { clears: new Set(), records: { sessions: new Map(), frames: new Map(), callPages: new Map(), docs: new Map(), network: new Map() } };
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

  /** Removes the records a clear removes, pending ones included. */
  clear(tabId: number, clear: Clear): void {
    if (clear === 'tab') this.tabs.set(tabId, emptyPending());
    const t = this.tab(tabId);
    t.clears.add(clear);
    for (const kind of kindsClearedBy(clear)) t.records[kind].clear();
  }

  put<K extends KindName>(kind: K, record: RecordOf[K]): void {
    (this.tab(record.tabId).records[kind] as Map<SubKey, RecordOf[K] | null>).set(KINDS[kind].subKey(record), record);
  }

  delete(kind: KindName, tabId: number, key: SubKey): void {
    this.tab(tabId).records[kind].set(key, null);
  }

  /** Forgets everything accumulated (nothing to save it to). */
  discard(): void {
    this.tabs = new Map();
  }

  /**
   * Everything accumulated, and a fresh start. The records are copies unless `copy` is false: then they are
   * the recorder's live objects, for a store that clones them before save() returns (clonesOnSave).
   */
  take(copy = true): StoreChanges {
    const out: StoreChanges = { tabs: [] };
    for (const [tabId, t] of this.tabs) {
      const c: TabChanges = { tabId, clears: [...t.clears], puts: emptyState(), deletes: noKeys() };
      for (const kind of KIND_NAMES) takeKind(kind, t.records, c, copy);
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
      for (const clear of c.clears) this.clear(c.tabId, clear);
      for (const kind of KIND_NAMES) {
        for (const key of c.deletes[kind]) this.delete(kind, c.tabId, key);
        for (const record of c.puts[kind]) this.put(kind, record);
      }
    }
    for (const [tabId, t] of newer) {
      for (const clear of t.clears) this.clear(tabId, clear);
      const into = this.tab(tabId);
      for (const kind of KIND_NAMES) for (const [k, v] of t.records[kind]) (into.records[kind] as Map<SubKey, unknown>).set(k, v);
    }
  }
}

function takeKind<K extends KindName>(kind: K, records: PendingRecords, c: TabChanges, copying: boolean): void {
  const copy = KINDS[kind].copy;
  const puts = c.puts[kind] as RecordOf[K][];
  for (const [key, record] of records[kind] as Map<SubKey, RecordOf[K] | null>) {
    if (record) puts.push(copying ? copy(record) : record);
    else c.deletes[kind].push(key);
  }
}

/** The same changes with every record copied (KINDS' copy): for a store that must wait before it can clone them. */
export function copyChanges(changes: StoreChanges): StoreChanges {
  return { tabs: changes.tabs.map((c) => ({ ...c, puts: copyPuts(c.puts) })) };
}

function copyPuts(puts: PersistedState): PersistedState {
  const out = emptyState();
  for (const kind of KIND_NAMES) (out[kind] as unknown[]) = (puts[kind] as never[]).map((r) => KINDS[kind].copy(r));
  return out;
}

/**
 * The same changes in two parts: what frees space (clears and deletes), then what takes it (puts). After a
 * quota error the store gets them as two saves, so that the first can succeed and make room for the second.
 */
export function splitChanges(changes: StoreChanges): [StoreChanges, StoreChanges] {
  const frees: StoreChanges = { tabs: [] };
  const takes: StoreChanges = { tabs: [] };
  for (const c of changes.tabs) {
    frees.tabs.push({ tabId: c.tabId, clears: c.clears, puts: emptyState(), deletes: c.deletes });
    takes.tabs.push({ tabId: c.tabId, clears: [], puts: c.puts, deletes: noKeys() });
  }
  return [frees, takes];
}

/** A SessionStore in memory: for tests, and for a background where IndexedDB cannot be opened. */
export class MemoryStore implements SessionStore {
  /** save() clones every record before its first await. */
  readonly clonesOnSave = true;
  /** kind → tab → key → record. */
  private readonly kinds = new Map<KindName, Map<number, Map<SubKey, unknown>>>(KIND_NAMES.map((k) => [k, new Map()]));
  /** Number of successful saves (for tests). */
  saves = 0;

  async load(): Promise<PersistedState> {
    const state = emptyState();
    for (const kind of KIND_NAMES) {
      const out = state[kind] as unknown[];
      const tabs = [...this.kinds.get(kind)!].sort((a, b) => a[0] - b[0]);
      for (const [, records] of tabs) for (const record of records.values()) out.push(structuredClone(record));
    }
    return state;
  }

  async save(changes: StoreChanges): Promise<void> {
    for (const c of changes.tabs) {
      for (const clear of c.clears) for (const kind of kindsClearedBy(clear)) this.kinds.get(kind)!.delete(c.tabId);
      for (const kind of KIND_NAMES) {
        const byTab = this.kinds.get(kind)!;
        let records = byTab.get(c.tabId);
        if (!records) byTab.set(c.tabId, (records = new Map()));
        for (const key of c.deletes[kind]) records.delete(key);
        for (const record of c.puts[kind]) records.set(KINDS[kind].subKey(record as never), structuredClone(record));
      }
    }
    this.saves++;
  }
}
