import type { PersistedCall, PersistedDoc, PersistedFrame, PersistedNetwork, PersistedSession, PersistedState, SessionStore, StoreChanges } from './persistence';

export const IDB_NAME = 'forge-bridge-devtools';
/** 2 added the network store. */
const IDB_VERSION = 2;

const SESSIONS = 'sessions';
const FRAMES = 'frames';
const CALLS = 'calls';
const DOCS = 'docs';
const NETWORK = 'network';
const ALL = [SESSIONS, FRAMES, CALLS, DOCS, NETWORK];

export interface IdbStoreOptions {
  /** Database name (default IDB_NAME). */
  name?: string;
  /** The IndexedDB factory (default globalThis.indexedDB). */
  indexedDB?: IDBFactory;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Every key of one tab in a store keyed [tabId, …]: arrays sort after numbers and strings. */
function tabRange(tabId: number): IDBKeyRange {
  return IDBKeyRange.bound([tabId], [tabId, []]);
}

/**
 * The recorder's SessionStore on IndexedDB (available to the background in both browsers). Five object
 * stores: sessions (key tabId), frames ([tabId, key]), calls ([tabId, order]), docs ([tabId, key]) and
 * network ([tabId, order]).
 * Each save is one readwrite transaction; it resolves when the transaction completes.
 */
export class IdbStore implements SessionStore {
  private readonly name: string;
  private readonly factory: IDBFactory;
  private db: Promise<IDBDatabase> | null = null;

  constructor(options: IdbStoreOptions = {}) {
    this.name = options.name ?? IDB_NAME;
    this.factory = options.indexedDB ?? globalThis.indexedDB;
  }

  private open(): Promise<IDBDatabase> {
    if (!this.db) {
      const opening = new Promise<IDBDatabase>((resolve, reject) => {
        const req = this.factory.open(this.name, IDB_VERSION);
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(SESSIONS)) db.createObjectStore(SESSIONS, { keyPath: 'tabId' });
          if (!db.objectStoreNames.contains(FRAMES)) db.createObjectStore(FRAMES, { keyPath: ['tabId', 'key'] });
          if (!db.objectStoreNames.contains(CALLS)) db.createObjectStore(CALLS, { keyPath: ['tabId', 'order'] });
          if (!db.objectStoreNames.contains(DOCS)) db.createObjectStore(DOCS, { keyPath: ['tabId', 'key'] });
          if (!db.objectStoreNames.contains(NETWORK)) db.createObjectStore(NETWORK, { keyPath: ['tabId', 'order'] });
        };
        req.onsuccess = () => {
          const db = req.result;
          // Another version wants in (an extension update): step aside; the next call opens again.
          db.onversionchange = () => {
            db.close();
            this.db = null;
          };
          db.onclose = () => {
            this.db = null;
          };
          resolve(db);
        };
        req.onerror = () => reject(req.error ?? new Error(`cannot open IndexedDB ${this.name}`));
      });
      this.db = opening;
      opening.catch(() => {
        if (this.db === opening) this.db = null;
      });
    }
    return this.db;
  }

  async load(): Promise<PersistedState> {
    const db = await this.open();
    const tx = db.transaction(ALL, 'readonly');
    const [sessions, frames, calls, docs, network] = await Promise.all([
      request(tx.objectStore(SESSIONS).getAll() as IDBRequest<PersistedSession[]>),
      request(tx.objectStore(FRAMES).getAll() as IDBRequest<PersistedFrame[]>),
      // Key order is (tabId, order): the order the recorder needs.
      request(tx.objectStore(CALLS).getAll() as IDBRequest<PersistedCall[]>),
      request(tx.objectStore(DOCS).getAll() as IDBRequest<PersistedDoc[]>),
      request(tx.objectStore(NETWORK).getAll() as IDBRequest<PersistedNetwork[]>),
    ]);
    return { sessions, frames, calls, docs, network };
  }

  async save(changes: StoreChanges): Promise<void> {
    if (changes.tabs.length === 0) return;
    const db = await this.open();
    // 'relaxed': durable once the browser has it, which is what a stopped worker needs (not power loss).
    const tx = db.transaction(ALL, 'readwrite', { durability: 'relaxed' });
    const finished = done(tx);
    try {
      const sessions = tx.objectStore(SESSIONS);
      const frames = tx.objectStore(FRAMES);
      const calls = tx.objectStore(CALLS);
      const docs = tx.objectStore(DOCS);
      const network = tx.objectStore(NETWORK);
      for (const c of changes.tabs) {
        if (c.deleteAll) {
          sessions.delete(c.tabId);
          frames.delete(tabRange(c.tabId));
          calls.delete(tabRange(c.tabId));
          docs.delete(tabRange(c.tabId));
          network.delete(tabRange(c.tabId));
        }
        if (c.clearCalls) {
          calls.delete(tabRange(c.tabId));
          network.delete(tabRange(c.tabId));
        }
        if (c.clearFrames) frames.delete(tabRange(c.tabId));
        if (c.session) sessions.put(c.session);
        for (const key of c.deleteFrames) frames.delete([c.tabId, key]);
        for (const f of c.putFrames) frames.put(f);
        for (const order of c.deleteCalls) calls.delete([c.tabId, order]);
        for (const p of c.putCalls) calls.put(p);
        for (const key of c.deleteDocs) docs.delete([c.tabId, key]);
        for (const d of c.putDocs) docs.put(d);
        for (const order of c.deleteNetwork) network.delete([c.tabId, order]);
        for (const p of c.putNetwork) network.put(p);
      }
    } catch (e) {
      // A value IndexedDB cannot clone, or a closed connection: nothing of this save is written.
      try {
        tx.abort();
      } catch {
        // already finished
      }
      finished.catch(() => undefined);
      throw e;
    }
    await finished;
  }

  /** Deletes every stored record (for tests and for a "reset" command). */
  async clearAll(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(ALL, 'readwrite');
    for (const name of ALL) tx.objectStore(name).clear();
    await done(tx);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db).close();
  }
}
