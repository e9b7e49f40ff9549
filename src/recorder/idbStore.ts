import { CALLS_PER_PAGE, emptyState, KIND_NAMES, KINDS, kindsClearedBy, type KindName, type PersistedCall, type PersistedCallPage, type PersistedState, type RecordOf, type SubKey } from './recordKinds';
import { decodeCallPage, encodeCallPage } from './callPageCodec';
import { copyChanges, type SessionStore, type StoreChanges } from './persistence';

export const IDB_NAME = 'forge-bridge-devtools';
/**
 * 2 added the network store; 3 stores calls in pages (callPages) instead of one record each (calls); 4 gives each
 * record's key with its put instead of a key path in the store. With a key path, Chromium reads the key from a
 * copy of the value it makes by deserializing it again (the spec's "clone before key path evaluation"): putting
 * pages of 100 calls took a median 6.6 µs per call that way, 2.3 with the key given (Chromium 156, 10 rounds).
 */
const IDB_VERSION = 4;
/** The store of one record per call, before version 3. */
const OLD_CALLS = 'calls';

/** One object store per record kind, named after it. */
const ALL: string[] = KIND_NAMES;

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

/** Every key of one tab in a store keyed [tabId, …] (arrays sort after numbers and strings), or the tab's one key. */
function tabKeys(kind: KindName, tabId: number): IDBValidKey | IDBKeyRange {
  return typeof KINDS[kind].keyPath === 'string' ? tabId : IDBKeyRange.bound([tabId], [tabId, []]);
}

function keyOf(tabId: number, key: SubKey): IDBValidKey {
  return key === null ? tabId : [tabId, key];
}

/** A record as it is written: a page of calls in rows (src/recorder/callPageCodec.ts), the others as they are. */
function stored<K extends KindName>(kind: K, record: RecordOf[K]): unknown {
  return kind === 'callPages' ? encodeCallPage(record as PersistedCallPage) : record;
}

function keyOfRecord<K extends KindName>(kind: K, record: RecordOf[K]): IDBValidKey {
  return keyOf(record.tabId, KINDS[kind].subKey(record));
}

/**
 * The recorder's SessionStore on IndexedDB (available to the background in both browsers): one object store
 * per record kind of KINDS, each record put under its key (keyOf: the tab id, or the tab id and the record's sub-key);
 * a page of calls is written in rows (src/recorder/callPageCodec.ts) and read back as objects.
 * Each save is one readwrite transaction; it resolves when the transaction completes.
 */
export class IdbStore implements SessionStore {
  private readonly name: string;
  private readonly factory: IDBFactory;
  private db: Promise<IDBDatabase> | null = null;
  /** The open connection, once it is open (save() then writes without waiting). */
  private opened: IDBDatabase | null = null;
  /**
   * IndexedDB clones a value when put() is called (the spec's "clone value", synchronous): once the database
   * is open, save() puts every record before it returns; before, it copies them first.
   */
  readonly clonesOnSave = true;

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
          const tx = req.transaction!;
          for (const kind of KIND_NAMES) {
            if (!db.objectStoreNames.contains(kind)) db.createObjectStore(kind);
            else if (tx.objectStore(kind).keyPath !== null) rekey(db, tx, kind);
          }
          if (db.objectStoreNames.contains(OLD_CALLS)) migrateCalls(db, tx);
        };
        req.onsuccess = () => {
          const db = req.result;
          // Another version wants in (an extension update): step aside; the next call opens again.
          db.onversionchange = () => {
            db.close();
            this.forget(db);
          };
          db.onclose = () => this.forget(db);
          this.opened = db;
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

  private forget(db: IDBDatabase): void {
    this.db = null;
    if (this.opened === db) this.opened = null;
  }

  async load(): Promise<PersistedState> {
    const db = await this.open();
    const tx = db.transaction(ALL, 'readonly');
    const state = emptyState();
    await Promise.all(
      KIND_NAMES.map(async (kind) => {
        (state as Record<KindName, unknown[]>)[kind] = await request(tx.objectStore(kind).getAll());
      }),
    );
    state.callPages = state.callPages.map(decodeCallPage);
    return state;
  }

  save(changes: StoreChanges): Promise<void> {
    if (changes.tabs.length === 0) return Promise.resolve();
    if (this.opened) return this.write(this.opened, changes);
    // The records are the recorder's live ones: they may change while the database opens.
    const copied = copyChanges(changes);
    return this.open().then((db) => this.write(db, copied));
  }

  /** One readwrite transaction; every record is put (so cloned) before this returns. */
  private write(db: IDBDatabase, changes: StoreChanges): Promise<void> {
    let tx: IDBTransaction;
    try {
      // 'relaxed': durable once the browser has it, which is what a stopped worker needs (not power loss).
      tx = db.transaction(ALL, 'readwrite', { durability: 'relaxed' });
    } catch (e) {
      // A connection closed meanwhile: the next save opens again.
      this.forget(db);
      return Promise.reject(e);
    }
    const finished = done(tx);
    try {
      for (const c of changes.tabs) {
        for (const clear of c.clears) for (const kind of kindsClearedBy(clear)) tx.objectStore(kind).delete(tabKeys(kind, c.tabId));
        for (const kind of KIND_NAMES) {
          const store = tx.objectStore(kind);
          for (const key of c.deletes[kind]) store.delete(keyOf(c.tabId, key));
          for (const record of c.puts[kind]) store.put(stored(kind, record), keyOfRecord(kind, record));
        }
      }
    } catch (e) {
      // A value IndexedDB cannot clone, or a closed connection: nothing of this save is written.
      try {
        tx.abort();
      } catch {
        // already finished
      }
      finished.catch(() => undefined);
      return Promise.reject(e);
    }
    return finished;
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
    this.opened = null;
    if (db) (await db).close();
  }
}

/** Version 2 → 3: the calls, one record each, become pages (in the upgrade's own transaction), and their store goes. */
function migrateCalls(db: IDBDatabase, tx: IDBTransaction): void {
  const read = tx.objectStore(OLD_CALLS).getAll() as IDBRequest<PersistedCall[]>;
  read.onsuccess = () => {
    // Key order is (tabId, order): consecutive calls of a tab go into the same page.
    const pages = tx.objectStore('callPages');
    let page: PersistedCallPage | null = null;
    for (const call of read.result) {
      if (!page || page.tabId !== call.tabId || page.calls.length >= CALLS_PER_PAGE) {
        if (page) pages.put(page, keyOfRecord('callPages', page));
        page = { tabId: call.tabId, page: page && page.tabId === call.tabId ? page.page + 1 : 1, calls: [] };
      }
      page.calls.push(call);
    }
    if (page) pages.put(page, keyOfRecord('callPages', page));
    db.deleteObjectStore(OLD_CALLS);
  };
}

/** Version 3 → 4: a store keyed by a key path is made again without one, its records put under the same keys. */
function rekey<K extends KindName>(db: IDBDatabase, tx: IDBTransaction, kind: K): void {
  const read = tx.objectStore(kind).getAll() as IDBRequest<RecordOf[K][]>;
  read.onsuccess = () => {
    db.deleteObjectStore(kind);
    const store = db.createObjectStore(kind);
    for (const record of read.result) store.put(record, keyOfRecord(kind, record));
  };
}
