import { noRelayLosses, type RelayLossReport } from '../protocol/losses';
import type { PersistedDoc } from './recordKinds';

/** Where the sequencer writes its documents (the change set) and says it forgot one. */
export interface DocSink {
  putDoc(doc: PersistedDoc): void;
  deleteDoc(key: string): void;
  evicted(doc: PersistedDoc): void;
}

/** What a batch's sequence numbers say against what is stored. */
export interface Accepted {
  /** Events numbered but never delivered before this batch (a gap). */
  gap: number;
  /** Leading events of the batch already applied (a resend overlaps). */
  skip: number;
}

/**
 * One tab's documents (`${frameId}:${docId}`): the next sequence number each is expected to send, the call
 * ids seen, and which ids to ignore (cleared, evicted or started while paused). At most `maxDocs` are kept:
 * beyond it the one heard from least recently is forgotten and counted, never a new one refused.
 */
export class Sequencer {
  /** In order of last use, least recent first. */
  private readonly docs = new Map<string, PersistedDoc>();

  constructor(
    private readonly tabId: number,
    private readonly maxDocs: number,
    private readonly sink: DocSink,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  get(key: string): PersistedDoc | undefined {
    return this.docs.get(key);
  }

  values(): IterableIterator<PersistedDoc> {
    return this.docs.values();
  }

  /** The document, created when new (forgetting the least recently used beyond the bound), and marked as used now. */
  use(key: string): PersistedDoc {
    let doc = this.docs.get(key);
    if (doc) {
      this.docs.delete(key);
      this.docs.set(key, doc);
      return doc;
    }
    while (this.docs.size >= this.maxDocs) {
      const [oldKey, old] = this.docs.entries().next().value as [string, PersistedDoc];
      this.docs.delete(oldKey);
      this.sink.deleteDoc(oldKey);
      this.sink.evicted(old);
    }
    doc = { tabId: this.tabId, key, nextSeq: 1, maxCallId: 0, ignoreUpTo: 0, retired: false };
    this.docs.set(key, doc);
    this.sink.putDoc(doc);
    return doc;
  }

  /** Advances the document past a batch of `count` events starting at `firstSeq`. */
  accept(doc: PersistedDoc, firstSeq: number, count: number): Accepted {
    const before = doc.nextSeq;
    let gap = 0;
    if (firstSeq > doc.nextSeq) {
      gap = firstSeq - doc.nextSeq;
      doc.nextSeq = firstSeq;
    }
    const skip = doc.nextSeq - firstSeq;
    if (skip < count) doc.nextSeq = firstSeq + count;
    if (doc.nextSeq !== before) this.sink.putDoc(doc);
    return { gap, skip };
  }

  seeCallId(doc: PersistedDoc, id: number): void {
    if (id > doc.maxCallId) {
      doc.maxCallId = id;
      this.sink.putDoc(doc);
    }
  }

  /** Late ends and deliveries of calls with ids up to `id` (not kept) are ignored. */
  ignoreUpTo(doc: PersistedDoc, id: number): void {
    if (id > doc.ignoreUpTo) {
      doc.ignoreUpTo = id;
      this.sink.putDoc(doc);
    }
  }

  /** Clear: every call seen so far is ignored from now on. */
  ignoreAllSeen(): void {
    for (const doc of this.docs.values()) this.ignoreUpTo(doc, doc.maxCallId);
  }

  /**
   * A relay's loss counts for the document (cumulative, from its batches or its channel reports; either may
   * carry only some): what is new since the highest seen, so that a resent report counts nothing twice.
   */
  report(doc: PersistedDoc, counts: Partial<RelayLossReport>): RelayLossReport {
    const seen = doc.reported ?? noRelayLosses();
    const added = noRelayLosses();
    let changed = false;
    for (const cause of Object.keys(added) as (keyof RelayLossReport)[]) {
      const n = counts[cause];
      if (n !== undefined && n > seen[cause]) {
        added[cause] = n - seen[cause];
        seen[cause] = n;
        changed = true;
      }
    }
    if (changed) {
      doc.reported = seen;
      this.sink.putDoc(doc);
    }
    return added;
  }

  setRetired(doc: PersistedDoc, retired: boolean): void {
    if (doc.retired !== retired) {
      doc.retired = retired;
      this.sink.putDoc(doc);
    }
  }

  /** A document restored from the store. */
  load(doc: PersistedDoc): void {
    this.docs.set(doc.key, { ...doc, ...(doc.reported ? { reported: { ...doc.reported } } : {}) });
  }
}
