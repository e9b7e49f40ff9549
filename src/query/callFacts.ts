import { httpRequestOf, httpStatusFrom, type HttpRequestInfo } from '../bridge/httpCalls';
import type { CallRecord } from '../protocol/model';
import type { Snapshot } from '../protocol/snapshot';

/**
 * What filtering reads from a call's payloads, worked out once per snapshot: a request snapshot never
 * changes, and a response snapshot belongs to one call, so each is a safe cache key (and is let go with it).
 */
const httpByRequest = new WeakMap<Snapshot, HttpRequestInfo | null>();
const statusByResponse = new WeakMap<Snapshot, number | null>();

/** What outcome and HTTP facts read of a call: a recorded call, or a trace's (whose response may be absent). */
export type CallLike = Pick<CallRecord, 'command' | 'request'> & { response?: Snapshot | null };

export function httpOf(call: CallLike): HttpRequestInfo | null {
  let http = httpByRequest.get(call.request);
  if (http === undefined) {
    http = httpRequestOf(call.command, call.request.value);
    httpByRequest.set(call.request, http);
  }
  return http;
}

/** The HTTP status in the response snapshot of an HTTP-like call, or null. */
export function httpStatusOfCall(call: CallLike): number | null {
  const response = call.response;
  const http = response ? httpOf(call) : null;
  if (!response || http === null) return null;
  let status = statusByResponse.get(response);
  if (status === undefined) {
    status = httpStatusFrom(http, response.value);
    statusByResponse.set(response, status);
  }
  return status;
}

