import { httpStatusOf, remoteEndpointOf } from '../bridge/httpCalls';
import type { CallRecord } from '../protocol/model';
import { sharedHistogram, summarize, type Distribution } from './summary';

export interface PathStats {
  calls: number;
  /** Calls still pending (not in the latency figures). */
  pending: number;
  latency: Distribution;
  /** Share of ended calls that failed: an error outcome, or an HTTP status ≥ 400. */
  errorRate: number;
  requestBytesP50: number;
  responseBytesP50: number;
  durations: number[];
}

export interface EndpointComparison {
  method: string;
  path: string;
  /** requestRemote's remote key(s) seen for this endpoint. */
  remoteKeys: string[];
  invokeRemote: PathStats | null;
  requestRemote: PathStats | null;
  histogram: { edges: number[]; invokeRemote: number[]; requestRemote: number[] };
}

function failed(call: CallRecord): boolean {
  if (call.status === 'error') return true;
  const status = httpStatusOf(call.command, call.request.value, call.response?.value ?? null);
  return status !== null && status >= 400;
}

function stats(calls: readonly CallRecord[]): PathStats | null {
  if (calls.length === 0) return null;
  const ended = calls.filter((c) => c.endedAt !== null);
  const durations = ended.map((c) => c.endedAt! - c.startedAt);
  const median = (values: number[]) => summarize(values).p50;
  return {
    calls: calls.length,
    pending: calls.length - ended.length,
    latency: summarize(durations),
    errorRate: ended.length ? ended.filter(failed).length / ended.length : 0,
    requestBytesP50: median(calls.map((c) => c.request.bytes)),
    responseBytesP50: median(ended.map((c) => (c.response ?? c.error)?.bytes ?? 0)),
    durations,
  };
}

/** invokeRemote against requestRemote per endpoint (method and path without query), from the recorded calls. */
export function compareRemotes(calls: readonly CallRecord[]): EndpointComparison[] {
  const groups = new Map<string, { method: string; path: string; keys: Set<string>; invoke: CallRecord[]; request: CallRecord[] }>();
  for (const call of calls) {
    const endpoint = remoteEndpointOf(call.command, call.request.value);
    if (!endpoint) continue;
    const id = `${endpoint.method} ${endpoint.path}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { method: endpoint.method, path: endpoint.path, keys: new Set(), invoke: [], request: [] }));
    if (endpoint.via === 'invokeRemote') group.invoke.push(call);
    else {
      group.request.push(call);
      if (endpoint.remoteKey) group.keys.add(endpoint.remoteKey);
    }
  }
  return [...groups.values()]
    .map((g) => {
      const invokeRemote = stats(g.invoke);
      const requestRemote = stats(g.request);
      const h = sharedHistogram(invokeRemote?.durations ?? [], requestRemote?.durations ?? []);
      return { method: g.method, path: g.path, remoteKeys: [...g.keys].sort(), invokeRemote, requestRemote, histogram: { edges: h.edges, invokeRemote: h.a, requestRemote: h.b } };
    })
    .sort((a, b) => (b.invokeRemote?.calls ?? 0) + (b.requestRemote?.calls ?? 0) - ((a.invokeRemote?.calls ?? 0) + (a.requestRemote?.calls ?? 0)) || a.path.localeCompare(b.path));
}

/** Below this many ended calls on a side, a comparison is not yet meaningful. */
export const MIN_CALLS = 5;
/** Within this ratio the two paths are called even. */
const TIE = 1.1;

const ms = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);
const pct = (n: number) => `${Math.round(n * 100)} %`;
const callsText = (n: number) => `${n} call${n === 1 ? '' : 's'}`;

/** One plain sentence, drawn only from the measurements. */
export function verdictFor(cmp: EndpointComparison): string {
  const where = `${cmp.method} ${cmp.path || '/'}`;
  const i = cmp.invokeRemote;
  const r = cmp.requestRemote;
  if (!i || !r) {
    const only = i ? 'invokeRemote' : 'requestRemote';
    const other = i ? 'requestRemote' : 'invokeRemote';
    return `Only ${only} was used for ${where} (${callsText((i ?? r)!.calls)}); call it with ${other} too to compare.`;
  }
  const ni = i.latency.count;
  const nr = r.latency.count;
  const counts = `${ni + nr} calls (${ni} invokeRemote, ${nr} requestRemote)`;
  if (ni < MIN_CALLS || nr < MIN_CALLS) return `Not enough calls to compare ${where} yet: ${counts}; at least ${MIN_CALLS} on each side are needed.`;
  const faster = i.latency.p50 <= r.latency.p50 ? 'invokeRemote' : 'requestRemote';
  const ratio = Math.max(i.latency.p50, r.latency.p50) / Math.max(0.001, Math.min(i.latency.p50, r.latency.p50));
  let sentence =
    ratio < TIE
      ? `invokeRemote and requestRemote take about the same time for ${where} (p50 ${ms(i.latency.p50)} and ${ms(r.latency.p50)}) over ${counts}.`
      : `${faster} is ${ratio.toFixed(1)}× faster at p50 for ${where} over ${counts} (${ms(Math.min(i.latency.p50, r.latency.p50))} against ${ms(Math.max(i.latency.p50, r.latency.p50))}).`;
  if (Math.abs(i.errorRate - r.errorRate) >= 0.05) sentence += ` Errors: invokeRemote ${pct(i.errorRate)}, requestRemote ${pct(r.errorRate)}.`;
  return sentence;
}
