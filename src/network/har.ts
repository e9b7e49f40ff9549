import type { TraceCall, TraceV2 } from '../protocol/model';
import type { HeaderPair, NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';

/**
 * HAR 1.2, in one place: entries as Chrome's and Firefox's devtools.network hand them over, as HAR files hold
 * them, and as this tool writes them (with `_forge` fields). Headers, query strings and cookies are HeaderPair.
 * Chrome: float timings (-1 where a phase did not apply), `_initiator`, `_resourceType` ('preflight' for a CORS
 * preflight). Firefox: whole-ms timings, neither extra field. Fields a browser or a file may leave out are
 * optional; entries from files are untrusted, so readers check what they read. What this tool writes is checked
 * against the HAR 1.2 schema in its tests.
 */
export type HarTimingName = 'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive';

export interface HarEntry<Forge = unknown> {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion?: string;
    cookies?: HeaderPair[];
    headers: HeaderPair[];
    queryString?: HeaderPair[];
    postData?: { mimeType?: string; text?: string };
    headersSize?: number;
    bodySize?: number;
  };
  response: {
    status: number;
    statusText?: string;
    httpVersion?: string;
    cookies?: HeaderPair[];
    headers: HeaderPair[];
    content: { size?: number; mimeType?: string; text?: string; encoding?: string };
    redirectURL?: string;
    headersSize?: number;
    bodySize?: number;
  };
  cache?: Record<string, never>;
  timings?: Partial<Record<HarTimingName, number>>;
  /** Chrome only: 'preflight' for a CORS preflight, 'fetch', 'xhr', 'image', 'script', … */
  _resourceType?: string;
  /** Chrome only: who started the request ({type: 'script' | 'preflight' | …, stack?, url?}). */
  _initiator?: unknown;
  /** This tool's own entries: what HAR has no field for (HarForgeEntry, HarForgeCall). */
  _forge?: Forge;
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: Record<string, number>;
}

export interface Har<Forge = unknown, EntryForge = unknown> {
  log: {
    version: string;
    creator: { name: string; version: string };
    browser?: { name: string; version: string };
    pages?: HarPage[];
    entries: HarEntry<EntryForge>[];
    comment?: string;
    /** This tool's HAR: the trace without its calls and network entries (those are in the entries). */
    _forge?: Forge;
  };
}

/** `_forge` of a network entry this tool wrote: what HAR has no field for, and the calls that caused it. */
export interface HarForgeEntry {
  /** Position in the trace's network list (entries are sorted by time here). */
  index: number;
  id: string;
  category: NetworkEntry['category'];
  operationName: string | null;
  segment: number;
  bodyTruncated: boolean;
  matches: Pick<CallMatch, 'callId' | 'relation' | 'certainty'>[];
  /** Fields whose HAR form differs from the entry (e.g. -1 sizes HAR cannot hold), so that import is exact. */
  exact?: Partial<NetworkEntry>;
}

/** A snapshot without its value: the value is the entry's postData (request) or content text (response, error). */
export interface SnapshotSize {
  bytes: number;
  truncated: boolean;
}

/** `_forge` of a bridge call this tool wrote: the call, its snapshots' values being in the entry's postData and content. */
export interface HarForgeCall {
  /** Position in the trace's call list. */
  index: number;
  call: Omit<TraceCall, 'request' | 'response' | 'error'> & { request: SnapshotSize; response?: SnapshotSize; error?: SnapshotSize };
}

/** A HAR as this tool writes it: a trace's calls and network entries as entries, the rest in `log._forge`. */
export type ForgeHar = Har<Omit<TraceV2, 'calls' | 'network'>, HarForgeEntry | HarForgeCall>;

export function headerValue(headers: readonly HeaderPair[] | undefined, name: string): string | null {
  if (!Array.isArray(headers)) return null;
  const lower = name.toLowerCase();
  for (const h of headers) if (typeof h?.name === 'string' && h.name.toLowerCase() === lower) return typeof h.value === 'string' ? h.value : null;
  return null;
}
