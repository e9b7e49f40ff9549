import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import { isDescription, SNAPSHOT_MARKER, type Snapshot } from '../protocol/snapshot';
import type { CallMatch } from '../protocol/tokens';

/** A size and whether it is only a lower bound (the snapshot stopped measuring). */
export interface Size {
  bytes: number;
  atLeast: boolean;
}

/** A snapshot's size: its own bytes, or the size the hook measured before it cut the whole value (a lower bound past 4× the bound). */
function snapshotSize(snapshot: Snapshot | null): Size {
  if (snapshot === null) return { bytes: 0, atLeast: false };
  const v = snapshot.value;
  if (isDescription(v) && v[SNAPSHOT_MARKER] === 'truncated' && v.whole === true && typeof v.approxBytes === 'number') {
    return { bytes: Math.max(snapshot.bytes, v.approxBytes), atLeast: v.atLeast === true };
  }
  return { bytes: snapshot.bytes, atLeast: snapshot.truncated };
}

const larger = (a: Size, b: Size): Size => (b.bytes > a.bytes ? b : a);

function bodySize(reported: number, body: string | null): Size {
  return { bytes: Math.max(reported, body?.length ?? 0), atLeast: false };
}

/** The network request each call caused (the GraphQL invocation, the request to the remote), by call id. */
export function entriesByCall(matches: readonly CallMatch[], network: readonly NetworkEntry[]): Map<string, NetworkEntry> {
  const byId = new Map(network.map((e) => [e.id, e]));
  const out = new Map<string, NetworkEntry>();
  for (const m of matches) {
    if (m.relation === 'token-renewal') continue;
    const entry = byId.get(m.entryId);
    if (entry) out.set(m.callId, entry);
  }
  return out;
}

/**
 * How big a call's request and response were: the larger of what the hook snapshotted (JSON, measured up to
 * 4× the snapshot bound) and what the browser reported for the network request the call caused.
 */
export function callSizes(call: CallRecord, entry: NetworkEntry | undefined): { request: Size; response: Size } {
  let request = snapshotSize(call.request);
  let response = snapshotSize(call.response ?? call.error);
  if (entry) {
    request = larger(request, bodySize(entry.requestBodySize, entry.requestBody));
    response = larger(response, bodySize(entry.responseBodySize, entry.responseBody));
  }
  return { request, response };
}
