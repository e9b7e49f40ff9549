import { field, oneLine, textOf } from '../bridge/snapshotRead';
import { stripQuery } from '../bridge/httpCalls';
import type { CallRecord } from '../protocol/model';
import { httpOf } from '../query/callFacts';

/**
 * A call as a finding names it: the @forge/bridge function and what it addressed, never payload values
 * (findings go into shared traces and issues). Query strings are left out: they can carry secrets.
 */
export function callLabel(call: CallRecord): string {
  const http = httpOf(call);
  if (http) {
    const where = `${http.method} ${stripQuery(oneLine(http.path ?? '', 80)) || '/'}`;
    return http.remoteKey ? `${http.via}('${oneLine(http.remoteKey, 40)}', ${where})` : `${http.via} ${where}`;
  }
  if (call.kind === 'resolver') return `invoke('${functionKeyOf(call) ?? '?'}')`;
  return call.command;
}

/** The resolver function key an `invoke` call asked for, or null. */
export function functionKeyOf(call: CallRecord): string | null {
  const key = textOf(field(call.request.value, 'functionKey'));
  return key === null ? null : oneLine(key, 80);
}
