import type { CallRecord } from '../protocol/model';
import type { PersistedCall, PersistedCallPage } from './recordKinds';

/**
 * How a page of calls is written to IndexedDB: a row (an array) per call instead of an object, the page's frame keys
 * listed once, and each call's id left out when it is the usual `${frameKey}#${callId}`. A getContext call took 333
 * bytes as objects (its answer shared within the page) and 91 as a row, and the browser's IndexedDB threads, which
 * write those bytes, went from about 6 µs of CPU per sandbox call to about 1 (test/bench/profileProcesses.ts,
 * THREADS=1, 8 rounds). The recorder keeps its pages as objects; only the store sees rows. Pages written before
 * (objects) are read as they are.
 */
export interface StoredCallPage {
  tabId: number;
  page: number;
  /** The row format's version. */
  rows: 1;
  frameKeys: string[];
  calls: unknown[][];
}

/** A CallRecord's fields in row order, after the row's `order` and frame index; `id` goes last, null when usual. */
const FIELDS = [
  'callId',
  'segment',
  'command',
  'kind',
  'summary',
  'startedAt',
  'endedAt',
  'status',
  'request',
  'response',
  'error',
  'deliveries',
  'deliveriesDropped',
  'initiator',
] as const satisfies readonly (keyof CallRecord)[];

/** Every field of CallRecord is in FIELDS or derived (id, frameKey): a field added to CallRecord fails to compile here. */
type Unlisted = Exclude<keyof CallRecord, (typeof FIELDS)[number] | 'id' | 'frameKey'>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

const FIRST_FIELD = 2;
const ROW_LENGTH = FIRST_FIELD + FIELDS.length + 1;

const usualId = (frameKey: string, callId: number) => `${frameKey}#${callId}`;

/** The page as the store writes it. Reads the recorder's live objects; changes none of them. */
export function encodeCallPage(page: PersistedCallPage): StoredCallPage {
  const frameKeys: string[] = [];
  // Built by push, never `new Array(n)`: a holey array is written as a sparse one, each item with its index.
  const calls: unknown[][] = [];
  let lastKey: string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < page.calls.length; i++) {
    const slot = page.calls[i]!;
    const call = slot.call;
    if (call.frameKey !== lastKey) {
      lastKey = call.frameKey;
      lastIndex = frameKeys.indexOf(lastKey);
      if (lastIndex < 0) lastIndex = frameKeys.push(lastKey) - 1;
    }
    const row: unknown[] = [slot.order, lastIndex];
    for (let f = 0; f < FIELDS.length; f++) row.push(call[FIELDS[f]!]);
    row.push(call.id === usualId(call.frameKey, call.callId) ? null : call.id);
    calls.push(row);
  }
  return { tabId: page.tabId, page: page.page, rows: 1, frameKeys, calls };
}

/**
 * A stored page as the recorder keeps it: rows turned back into calls (a row that is not one is left out), a page
 * of objects (written before rows) as it is.
 */
export function decodeCallPage(stored: PersistedCallPage | StoredCallPage): PersistedCallPage {
  if ((stored as StoredCallPage).rows !== 1) return stored as PersistedCallPage;
  const { tabId, page, frameKeys, calls: rows } = stored as StoredCallPage;
  const calls: PersistedCall[] = [];
  const keys: unknown[] = Array.isArray(frameKeys) ? frameKeys : [];
  for (const row of Array.isArray(rows) ? rows : []) {
    if (!Array.isArray(row) || row.length !== ROW_LENGTH) continue;
    const frameKey = keys[row[1] as number];
    if (typeof frameKey !== 'string') continue;
    const call = { id: '', frameKey } as Record<string, unknown>;
    for (let f = 0; f < FIELDS.length; f++) {
      const value = row[FIRST_FIELD + f];
      // An absent optional field (initiator) is written as undefined: left out again.
      if (value !== undefined) call[FIELDS[f]!] = value;
    }
    const id = row[ROW_LENGTH - 1];
    call.id = typeof id === 'string' ? id : usualId(frameKey, call.callId as number);
    calls.push({ tabId, order: row[0] as number, call: call as unknown as CallRecord });
  }
  return { tabId, page, calls };
}
