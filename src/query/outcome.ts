import { endpointFailedFrom, httpStatusFrom, type HttpRequestInfo } from '../bridge/httpCalls';
import type { CallRecord } from '../protocol/model';
import { httpOf, httpStatusOfCall, type CallLike } from './callFacts';

/**
 * What became of a call, the one definition every part of the panel uses (Status column, row colour,
 * `is:error`, Errors only, Compare's error rate):
 * - `pending`: no answer yet;
 * - `rejected`: the bridge promise rejected (the app saw an exception);
 * - `unsuccessful`: invokeRemote/invokeService answered `success: false` without an HTTP status;
 * - `http`: an HTTP-like call answered with a status; a failure when it is 400 or more;
 * - `ok`: anything else that settled.
 */
export type CallOutcome =
  | { kind: 'pending'; failed: false; httpStatus: null }
  | { kind: 'rejected'; failed: true; httpStatus: null }
  | { kind: 'unsuccessful'; failed: true; httpStatus: null }
  | { kind: 'http'; failed: boolean; httpStatus: number }
  | { kind: 'ok'; failed: false; httpStatus: null };

export function callOutcome(call: CallLike & Pick<CallRecord, 'status'>): CallOutcome {
  if (call.status === 'pending') return { kind: 'pending', failed: false, httpStatus: null };
  if (call.status === 'error') return { kind: 'rejected', failed: true, httpStatus: null };
  return settledOutcome(call, httpOf(call), httpStatusOfCall(call));
}

/** The outcome of a call that settled, from its request's HTTP side and its response's HTTP status. */
function settledOutcome(call: CallLike, http: Pick<HttpRequestInfo, 'via'> | null, status: number | null): CallOutcome {
  if (status !== null) return { kind: 'http', failed: status >= 400, httpStatus: status };
  if (endpointFailedFrom(http, call.response?.value ?? null)) return { kind: 'unsuccessful', failed: true, httpStatus: null };
  return { kind: 'ok', failed: false, httpStatus: null };
}

/**
 * callFailed for a call whose request's HTTP side the caller read already (statistics over 37,500 remote calls):
 * the same answer, with no per-call cache filled on the way (callFacts' WeakMaps, which the panel's list reads).
 */
export function callFailedWith(call: CallLike & Pick<CallRecord, 'status'>, http: Pick<HttpRequestInfo, 'via'> | null): boolean {
  if (call.status === 'pending') return false;
  if (call.status === 'error') return true;
  return settledOutcome(call, http, httpStatusFrom(http, call.response?.value ?? null)).failed;
}

/** True when the call failed (see callOutcome). */
export const callFailed = (call: CallLike & Pick<CallRecord, 'status'>): boolean => callOutcome(call).failed;

/** The Status column's text: the HTTP status (200, 401), "rejected", "error", "⋯ pending" or "ok". */
export function statusLabel(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'http': return String(outcome.httpStatus);
    case 'rejected': return 'rejected';
    case 'unsuccessful': return 'error';
    case 'pending': return '⋯ pending';
    case 'ok': return 'ok';
  }
}

/** A class name for the row and the bar: `failed`, `pending` or `ok`. */
export const outcomeClass = (outcome: CallOutcome): 'failed' | 'pending' | 'ok' => (outcome.failed ? 'failed' : outcome.kind === 'pending' ? 'pending' : 'ok');
