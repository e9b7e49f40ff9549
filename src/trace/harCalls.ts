import type { TraceCall } from '../protocol/model';
import type { Snapshot } from '../protocol/snapshot';
import type { HarEntry, HarForgeCall, SnapshotSize } from '../network/har';
import { harTime, nonNegative } from '../network/harTime';

/** Bridge calls become entries at this made-up host (`.invalid` never resolves), one path per frame and command. */
export const BRIDGE_HOST = 'forge-bridge.invalid';

/** The host of a frame's URL, for the made-up URL's path; one URL parse per frame, not per call. */
function frameHosts(): (url: string) => string {
  const known = new Map<string, string>();
  return (url) => {
    let host = known.get(url);
    if (host === undefined) {
      host = (URL.canParse(url) && new URL(url).host) || 'frame';
      known.set(url, host);
    }
    return host;
  };
}

const sizeOf = (s: Snapshot): SnapshotSize => ({ bytes: s.bytes, truncated: s.truncated });

/** A bridge call as a HAR entry: POST to a made-up URL, the payload as postData, the outcome as content. */
function callToHar(call: TraceCall, index: number, host: string): HarEntry<HarForgeCall> {
  const { request, response, error, ...rest } = call;
  const outcome = response ?? error;
  const forge: HarForgeCall = { index, call: { ...rest, request: sizeOf(request), ...(response ? { response: sizeOf(response) } : {}), ...(error ? { error: sizeOf(error) } : {}) } };
  const duration = nonNegative(call.durationMs ?? 0);
  return {
    startedDateTime: harTime(call.startedAt),
    time: duration,
    request: {
      method: 'POST',
      url: `https://${BRIDGE_HOST}/${encodeURIComponent(host)}/${encodeURIComponent(call.command || 'unknown')}`,
      httpVersion: 'forge-bridge',
      cookies: [],
      headers: [],
      queryString: [],
      postData: { mimeType: 'application/json', text: JSON.stringify(request.value) },
      headersSize: -1,
      bodySize: request.bytes,
    },
    response: {
      // 200 ok, 500 error, 0 still pending: so that a HAR viewer colours them as the panel does.
      status: call.status === 'ok' ? 200 : call.status === 'error' ? 500 : 0,
      statusText: call.summary,
      httpVersion: 'forge-bridge',
      cookies: [],
      headers: [],
      content: { size: outcome?.bytes ?? 0, mimeType: 'application/json', ...(outcome ? { text: JSON.stringify(outcome.value) } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: outcome?.bytes ?? 0,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: duration, receive: 0 },
    _forge: forge,
  };
}

/** The i-th call as a HAR entry, made when asked for (a writer turns each into text and drops it). */
export function callsToHar(calls: readonly TraceCall[]): (i: number) => HarEntry<HarForgeCall> {
  const hostOf = frameHosts();
  return (i) => callToHar(calls[i]!, i, hostOf(calls[i]!.frame.url));
}

/** The call back from an entry of this tool's HAR; null when its texts are not the JSON this tool wrote. */
export function callFromHar(har: HarEntry, forge: HarForgeCall): TraceCall | null {
  try {
    const { request, response, error, ...rest } = forge.call;
    const text = har.response.content.text;
    const call: TraceCall = { ...rest, request: { ...request, value: JSON.parse(har.request.postData?.text ?? '') } };
    if (response) call.response = { ...response, value: JSON.parse(text ?? '') };
    if (error) call.error = { ...error, value: JSON.parse(text ?? '') };
    return call;
  } catch {
    return null;
  }
}
