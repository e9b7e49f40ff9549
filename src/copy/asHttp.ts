import { httpRequestOf } from '../bridge/httpCalls';
import { field, path } from '../bridge/snapshotRead';
import type { CallRecord } from '../protocol/model';
import type { HeaderPair, NetworkEntry } from '../protocol/network';

/** Placeholders a pasted command reads from the shell or the page instead of a live token. */
export const TOKEN_PLACEHOLDER = '$FORGE_FIT';
const BASE_PLACEHOLDER = '<remote base URL>';
/** Headers the browser sets itself; copying them adds nothing. */
const SKIP = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'origin', 'referer', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-dest', 'user-agent']);

interface HttpRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: string | null;
}

function fromCall(call: CallRecord, entry: NetworkEntry | null): HttpRequest | null {
  const http = httpRequestOf(call.command, call.request.value);
  if (!http || http.via !== 'requestRemote') return null;
  if (entry) return { method: entry.method, url: entry.url, headers: entry.requestHeaders.filter((h) => !SKIP.has(h.name.toLowerCase()) && !h.name.startsWith(':')), body: entry.requestBody };
  const init = field(call.request.value, 'fetchRequestInit');
  const rawHeaders = path(init, 'headers');
  const headers: HeaderPair[] = Array.isArray(rawHeaders) ? rawHeaders.flatMap((h) => (Array.isArray(h) && typeof h[0] === 'string' ? [{ name: h[0], value: String(h[1] ?? '') }] : [])) : [];
  const body = field(init, 'body');
  return { method: http.method, url: `${BASE_PLACEHOLDER}${http.path ?? ''}`, headers: [{ name: 'Authorization', value: `Bearer ${TOKEN_PLACEHOLDER}` }, ...headers], body: typeof body === 'string' ? body : null };
}

function withToken(headers: HeaderPair[], includeToken: boolean): HeaderPair[] {
  return headers.map((h) => (h.name.toLowerCase() === 'authorization' && !includeToken ? { name: h.name, value: `Bearer ${TOKEN_PLACEHOLDER}` } : h));
}

/** POSIX shell single quotes: ' becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A requestRemote call as cURL (from its matched request when known). The token is a placeholder unless asked for. */
export function requestRemoteAsCurl(call: CallRecord, entry: NetworkEntry | null, options: { includeToken: boolean }): string | null {
  const request = fromCall(call, entry);
  if (!request) return null;
  const lines = [`curl ${shellQuote(request.url)}`, `  -X ${request.method}`];
  for (const h of withToken(request.headers, options.includeToken)) {
    // The placeholder stays outside single quotes so that the shell expands it.
    const value = h.value.includes(TOKEN_PLACEHOLDER) ? `"${h.name}: ${h.value.replace(/(["\\`])/g, '\\$1')}"` : shellQuote(`${h.name}: ${h.value}`);
    lines.push(`  -H ${value}`);
  }
  if (request.body !== null) lines.push(`  --data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n');
}

/** The same request as fetch() for the browser console. */
export function requestRemoteAsFetch(call: CallRecord, entry: NetworkEntry | null, options: { includeToken: boolean }): string | null {
  const request = fromCall(call, entry);
  if (!request) return null;
  const headers = Object.fromEntries(withToken(request.headers, options.includeToken).map((h) => [h.name, h.value]));
  const init: Record<string, unknown> = { method: request.method, headers };
  if (request.body !== null) init.body = request.body;
  const json = JSON.stringify(init, null, 2).replace(`"Bearer ${TOKEN_PLACEHOLDER}"`, '`Bearer ${FORGE_FIT}`');
  return `// ${options.includeToken ? 'Carries the real token: do not share.' : 'Set FORGE_FIT to a fresh token first.'}\nawait fetch(${JSON.stringify(request.url)}, ${json});`;
}
