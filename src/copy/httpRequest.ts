import { httpRequestOf } from '../bridge/httpCalls';
import { field, textOf } from '../bridge/snapshotRead';
import { isCredentialHeader } from '../redact';
import type { CallRecord } from '../protocol/model';
import type { HeaderPair, NetworkEntry } from '../protocol/network';
import { LIMITS } from '../protocol/limits';
import { isDescription } from '../protocol/snapshot';
import { fetchInitOf, headerPairsOf } from './fetchInit';
import { describeInWords } from './jsLiteral';

/** Stands for the FIT in copied requests; the shell or the console reads it from a variable of this name. */
export const TOKEN_VARIABLE = 'FORGE_FIT';
export const BASE_URL_PLACEHOLDER = '<remote base URL>';

/** Headers the browser sets itself: copying them adds nothing. */
const BROWSER_SET = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'origin', 'referer', 'user-agent', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-dest', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'priority']);

/** A requestRemote as an HTTP request to copy. */
export interface CopiedRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  /** Name of an Authorization header to write as `Bearer $FORGE_FIT`; null when none stands for the token. */
  tokenHeader: string | null;
  body: string | null;
  /** Said as comments above the copied request: what is a placeholder, what was not recorded. */
  notes: string[];
}

function fromEntry(entry: NetworkEntry, includeToken: boolean): CopiedRequest {
  const notes: string[] = [];
  const headers: HeaderPair[] = [];
  let tokenHeader: string | null = null;
  for (const h of entry.requestHeaders) {
    const lower = h.name.toLowerCase();
    if (h.name.startsWith(':') || BROWSER_SET.has(lower)) continue;
    if (includeToken || !isCredentialHeader(lower)) headers.push(h);
    else if (lower === 'authorization') tokenHeader = h.name;
    else notes.push(`${h.name} left out: a credential.`);
  }
  let body = entry.requestBody;
  if (body !== null && entry.bodyTruncated && body.length >= LIMITS.networkBodyChars) {
    notes.push(`The request body was cut at ${body.length} characters when it was recorded: put the whole body in its place.`);
    body = '<request body: cut short in the recording>';
  }
  return { method: entry.method, url: entry.url, headers, tokenHeader, body, notes };
}

function fromCall(call: CallRecord, includeToken: boolean): CopiedRequest {
  const http = httpRequestOf(call.command, call.request.value)!;
  const init = fetchInitOf(call.request.value);
  const notes = [`No matching network request was recorded: the remote's base URL is not known, and Forge adds the FIT itself.`];
  const headers = headerPairsOf(field(init, 'headers'));
  if (headers === null) notes.push('The recorded headers were not a list of name/value pairs: left out.');
  let body: string | null = null;
  const recordedBody = field(init, 'body');
  if (typeof recordedBody === 'string') body = recordedBody;
  else if (isDescription(recordedBody)) {
    notes.push(`The request body was ${describeInWords(recordedBody)}: put the whole body in its place.`);
    body = '<request body: not recorded>';
  }
  if (field(call.request.value, 'isMultipartFormData') === true) notes.push('The app sent FormData: the body is the JSON @forge/bridge flattened it to (files in base64), not multipart.');
  const path = textOf(field(init, 'path')) ?? http.path ?? '';
  return { method: http.method, url: `${BASE_URL_PLACEHOLDER}${path}`, headers: (headers ?? []).filter((h) => h.name.toLowerCase() !== 'authorization' && (includeToken || !isCredentialHeader(h.name))), tokenHeader: 'Authorization', body, notes };
}

/**
 * The HTTP request behind a requestRemote call: the matched network entry's when there is one (its real
 * URL and headers), else what the call's payload says. Without `includeToken`, the Authorization header
 * stands for the token (`tokenHeader`) and other credentials are left out. null for any other call.
 */
export function copiedRequestOf(call: CallRecord, entry: NetworkEntry | null, includeToken: boolean): CopiedRequest | null {
  if (httpRequestOf(call.command, call.request.value)?.via !== 'requestRemote') return null;
  const request = entry ? fromEntry(entry, includeToken) : fromCall(call, includeToken);
  if (!entry && includeToken) request.notes.push(`The token is not in the call's payload: set ${TOKEN_VARIABLE} to the FIT of its request.`);
  return request;
}
