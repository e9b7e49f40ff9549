import type { TraceCall, TraceV2 } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import { traceProblems } from './check';
import type { Har, HarForgeCall, HarForgeEntry } from '../network/har';
import { callFromHar } from './harCalls';
import { networkFromHar } from './harNetwork';
import { newerVersionError } from './versions';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Items back in the trace's order (a HAR lists them by time); those without a usable index last, in the HAR's order. */
function inTraceOrder<T>(items: [number, T][]): T[] {
  const rank = (i: number) => (Number.isSafeInteger(i) ? i : Number.MAX_SAFE_INTEGER);
  return items.sort((a, b) => rank(a[0]) - rank(b[0])).map(([, item]) => item);
}

/**
 * A HAR this tool wrote (its `log._forge` holds the trace's other fields) back as the very trace; null for
 * any other HAR. Calls and entries come from the entries' `_forge`; entries without it are ignored.
 */
export function traceFromOwnHar(har: Har): { trace: TraceV2 } | { error: string } | null {
  const meta: unknown = har.log._forge;
  if (!isObject(meta) || meta.format !== 'forge-bridge-trace') return null;
  const newer = newerVersionError(meta.version);
  if (newer) return { error: newer };
  const calls: [number, TraceCall][] = [];
  const network: [number, NetworkEntry][] = [];
  for (const [i, entry] of har.log.entries.entries()) {
    const forge: unknown = entry._forge;
    if (!isObject(forge)) continue;
    if (isObject(forge.call)) {
      const call = callFromHar(entry, forge as unknown as HarForgeCall);
      if (!call) return { error: `This HAR was saved by Forge Bridge DevTools but entry ${i} is damaged: its request or response text is not the JSON of the call.` };
      calls.push([Number(forge.index), call]);
    } else if (typeof forge.id === 'string') {
      network.push([Number(forge.index), networkFromHar(entry, forge as unknown as HarForgeEntry)]);
    }
  }
  const trace = { ...(meta as Omit<TraceV2, 'calls' | 'network'>), calls: inTraceOrder(calls), network: inTraceOrder(network) };
  const problems = traceProblems(trace, 2);
  return problems.length > 0 ? { error: `This HAR was saved by Forge Bridge DevTools but is damaged: ${problems.join('; ')}.` } : { trace };
}
