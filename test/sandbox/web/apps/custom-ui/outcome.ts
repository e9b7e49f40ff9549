/** What the app saw of one call, JSON-safe, so runs with and without a DevTools extension can be compared. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; ctor: string; keys: string[] } };

export async function observe(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await toPlain(await run()) };
  } catch (error) {
    const e = error as Error;
    return { ok: false, error: { name: String(e?.name), message: String(e?.message), ctor: e?.constructor?.name ?? typeof e, keys: Object.keys(e ?? {}).sort() } };
  }
}

/** A Response becomes {status, statusText, contentType, body}; functions become their name. */
async function toPlain(value: unknown): Promise<unknown> {
  if (value instanceof Response) {
    const contentType = value.headers.get('content-type') ?? '';
    const body = /json/.test(contentType) ? await value.json() : /^text\//.test(contentType) ? await value.text() : `<${(await value.blob()).size} bytes>`;
    return { status: value.status, statusText: value.statusText, contentType, body };
  }
  if (typeof value === 'function') return `function ${value.name}`;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Promise.all(value.map(toPlain));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await toPlain(v);
  return out;
}

/** Values that differ on every run (tokens, ids, times, multipart boundaries) replaced by their kind; everything else kept. */
const VOLATILE_KEY = /^(jwt|token|jti|eventId|eventTimestamp|id|requestId|receivedAt|date|time|timestamp|traceId|spanId|x-b3-traceid|x-b3-spanid|etag|expiresAt|localId|createdAt)$/i;
const VOLATILE_TEXT = /eyJ[\w-]+\.[\w-]+\.[\w-]*|\b\d{13}\b|\b[0-9a-f]{32,40}\b|boundary=[-\w]+/g;

export function normalise(value: unknown, key = ''): unknown {
  if (VOLATILE_KEY.test(key) && value !== null && value !== undefined) return `<${typeof value}>`;
  if (typeof value === 'string') return value.replace(VOLATILE_TEXT, '<volatile>');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'date' && k !== 'Date').map(([k, v]) => [k, normalise(v, k)]));
}
