/**
 * A HAR 1.2 entry as Chrome's and Firefox's devtools.network hand it over, and as HAR files hold it.
 * Chrome: float timings (-1 where a phase did not apply), `_initiator`, `_resourceType` ('preflight' for a
 * CORS preflight). Firefox: whole-ms timings, neither extra field. Entries from files are untrusted: readers
 * of this type check what they read.
 */
export interface HarHeader {
  name: string;
  value: string;
}

export type HarTimingName = 'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive';

export interface HarEntryLike {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    postData?: { mimeType?: string; text?: string };
    bodySize?: number;
  };
  response: {
    status: number;
    statusText?: string;
    headers: HarHeader[];
    content: { size?: number; mimeType?: string; text?: string; encoding?: string };
    bodySize?: number;
  };
  timings?: Partial<Record<HarTimingName, number>>;
  /** Chrome only: 'preflight' for a CORS preflight, 'fetch', 'xhr', 'image', 'script', … */
  _resourceType?: string;
  /** Chrome only: who started the request ({type: 'script' | 'preflight' | …, stack?, url?}). */
  _initiator?: unknown;
}

export function headerValue(headers: readonly HarHeader[] | undefined, name: string): string | null {
  if (!Array.isArray(headers)) return null;
  const lower = name.toLowerCase();
  for (const h of headers) if (typeof h?.name === 'string' && h.name.toLowerCase() === lower) return typeof h.value === 'string' ? h.value : null;
  return null;
}
