import { remoteEndpointFrom, type RemoteEndpoint } from '../bridge/httpCalls';
import { durationOf, type CallRecord } from '../protocol/model';
import { httpOf } from '../query/callFacts';
import { callFailed, callFailedWith } from '../query/outcome';
import { sharedHistogram } from './histogram';
import { median, summarize, type Distribution } from './summary';

/** One side of a comparison. Every figure but `pending` is over the ended calls. */
export interface PathStats {
  /** Ended calls. */
  calls: number;
  /** Calls still waiting for their answer: in no figure. */
  pending: number;
  latency: Distribution;
  /** Ended calls that failed, as query/outcome's callFailed defines it. */
  errors: number;
  /** errors / calls; 0 when no call has ended. */
  errorRate: number;
  /** Median request snapshot bytes. */
  requestBytesP50: number;
  /** Median response (or error) snapshot bytes. */
  responseBytesP50: number;
  /** Latencies in ms, in the order the calls came. */
  durations: number[];
}

/** Whether invokeRemote was seen to bring OAuth tokens to this endpoint: null or absent when not measurable. */
export interface OAuthObserved {
  invokeRemote: boolean | null;
}

/** invokeRemote against requestRemote for one endpoint. */
export interface EndpointComparison {
  /** Unique among the comparisons of one run: `GET /tasks`, or `GET /tasks remote-a` with a remote key. */
  id: string;
  method: string;
  /** Without query string or fragment; '' when the calls had none. */
  path: string;
  /** The requestRemote side's remote key; null when not known or when only invokeRemote was used. */
  remoteKey: string | null;
  /** `remoteKey` as a list (empty when null). */
  remoteKeys: string[];
  /** invokeRemote calls of this method and path. They go to the module's one remote, whose key the browser does not see. */
  invokeRemote: PathStats | null;
  requestRemote: PathStats | null;
  /** Latency histograms of both sides on shared edges. */
  histogram: { edges: number[]; invokeRemote: number[]; requestRemote: number[] };
  /** Hook for a source that can see invokeRemote's headers at the remote; compareRemotes cannot and leaves it out. */
  oauthObserved?: OAuthObserved;
}

/** `endpoints`, when given, holds each call's remote endpoint, in the calls' order (read already by compareRemotes). */
export function pathStats(calls: readonly CallRecord[], endpoints?: readonly RemoteEndpoint[]): PathStats {
  const ended: CallRecord[] = [];
  let errors = 0;
  for (let n = 0; n < calls.length; n++) {
    const call = calls[n]!;
    if (call.endedAt === null) continue;
    ended.push(call);
    if (endpoints ? callFailedWith(call, endpoints[n]!) : callFailed(call)) errors++;
  }
  const durations = ended.map((c) => durationOf(c)!);
  return {
    calls: ended.length,
    pending: calls.length - ended.length,
    latency: summarize(durations),
    errors,
    errorRate: ended.length ? errors / ended.length : 0,
    requestBytesP50: median(ended.map((c) => c.request.bytes)),
    responseBytesP50: median(ended.map((c) => (c.response ?? c.error)?.bytes ?? 0)),
    durations,
  };
}

interface Group {
  method: string;
  path: string;
  remoteKey: string | null;
  calls: CallRecord[];
  /** Each call's endpoint, in the same order. */
  endpoints: RemoteEndpoint[];
}

function addTo(groups: Map<string, Group>, id: string, endpoint: RemoteEndpoint, remoteKey: string | null, call: CallRecord): void {
  let group = groups.get(id);
  if (!group) groups.set(id, (group = { method: endpoint.method, path: endpoint.path, remoteKey, calls: [], endpoints: [] }));
  group.calls.push(call);
  group.endpoints.push(endpoint);
}

function comparison(method: string, path: string, remoteKey: string | null, invokeRemote: PathStats | null, requestRemote: PathStats | null): EndpointComparison {
  const h = sharedHistogram(invokeRemote?.durations ?? [], requestRemote?.durations ?? []);
  const id = `${method} ${path}${remoteKey === null ? '' : ` ${remoteKey}`}`;
  return { id, method, path, remoteKey, remoteKeys: remoteKey === null ? [] : [remoteKey], invokeRemote, requestRemote, histogram: { edges: h.edges, invokeRemote: h.a, requestRemote: h.b } };
}

const totalCalls = (s: PathStats | null) => (s ? s.calls + s.pending : 0);

/**
 * invokeRemote against requestRemote per endpoint: METHOD and path without query. requestRemote calls are
 * grouped by remote key as well; invokeRemote goes to the module's one remote, so its group of a method and
 * path stands beside every requestRemote group of that method and path. Most-called endpoints first.
 * `endpoints`, when given, holds each call's remoteEndpointOf, in the calls' order (a caller that read them already).
 */
export function compareRemotes(calls: readonly CallRecord[], endpoints?: readonly (RemoteEndpoint | null)[]): EndpointComparison[] {
  const invoked = new Map<string, Group>();
  const requested = new Map<string, Group>();
  for (let n = 0; n < calls.length; n++) {
    const call = calls[n]!;
    const endpoint = endpoints ? endpoints[n]! : remoteEndpointFrom(httpOf(call));
    if (!endpoint) continue;
    const id = `${endpoint.method} ${endpoint.path}`;
    if (endpoint.via === 'invokeRemote') addTo(invoked, id, endpoint, null, call);
    else addTo(requested, `${id}\u0000${endpoint.remoteKey ?? ''}`, endpoint, endpoint.remoteKey, call);
  }
  const invokeStats = new Map([...invoked].map(([id, g]) => [id, pathStats(g.calls, g.endpoints)]));
  const paired = new Set<string>();
  const out: EndpointComparison[] = [];
  for (const g of requested.values()) {
    const id = `${g.method} ${g.path}`;
    paired.add(id);
    out.push(comparison(g.method, g.path, g.remoteKey, invokeStats.get(id) ?? null, pathStats(g.calls, g.endpoints)));
  }
  for (const [id, g] of invoked) if (!paired.has(id)) out.push(comparison(g.method, g.path, null, invokeStats.get(id)!, null));
  const total = (c: EndpointComparison) => totalCalls(c.invokeRemote) + totalCalls(c.requestRemote);
  return out.sort((a, b) => total(b) - total(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
