/** A HAR 1.2 entry as Chrome's and Firefox's devtools.network hand it over (and as HAR files hold it). */
export interface HarHeader {
  name: string;
  value: string;
}

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
  timings?: Partial<Record<'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive', number>>;
  /** Chrome only: 'preflight' for a CORS preflight, 'fetch', 'xhr', … */
  _resourceType?: string;
}

export function headerValue(headers: readonly HarHeader[], name: string): string | null {
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return null;
}
