import type { Finding } from '../protocol/findings';
import type { CallRecord } from '../protocol/model';
import { remoteEndpointOf, type RemoteEndpoint } from '../bridge/httpCalls';
import { compareRemotes, MIN_CALLS, TIE_RATIO, verdictFor } from '../stats';
import { DOCS } from './docs';
import type { SessionRule } from './types';

/**
 * Per remote endpoint, which path is faster and by how much (src/stats' Compare), once both sides have
 * enough calls and differ by more than a tie. Where invokeRemote is needed anyway (it alone brings OAuth
 * tokens), the finding says so instead of suggesting a switch.
 */
export const remotePath: SessionRule = {
  scope: 'session',
  run(input) {
    const { calls, endpoints } = comparedCalls(input.calls);
    const out: Finding[] = [];
    if (calls.length === 0) return out;
    for (const cmp of compareRemotes(calls, endpoints)) {
      const i = cmp.invokeRemote;
      const r = cmp.requestRemote;
      if (!i || !r || i.calls < MIN_CALLS || r.calls < MIN_CALLS) continue;
      const slow = Math.max(i.latency.p50, r.latency.p50);
      const fast = Math.min(i.latency.p50, r.latency.p50);
      if (slow <= fast * TIE_RATIO) continue;
      const faster = r.latency.p50 < i.latency.p50 ? 'requestRemote' : 'invokeRemote';
      const slowerCalls = faster === 'requestRemote' ? i.calls : r.calls;
      const where = `${cmp.method} ${cmp.path || '/'}`;
      const needsOAuth = cmp.oauthObserved?.invokeRemote === true;
      const fix =
        faster === 'invokeRemote'
          ? `Keep invokeRemote for ${where}.`
          : needsOAuth
            ? `Keep invokeRemote for ${where}: it alone brings the OAuth tokens (x-forge-oauth-*) this endpoint uses.`
            : `Call ${where} with requestRemote, unless the remote needs the OAuth tokens (x-forge-oauth-*) that only invokeRemote brings (endpoint.auth).`;
      out.push({
        id: `remote-path:${cmp.id}`,
        rule: 'remote-path',
        severity: 'info',
        title: `${faster} is ${(slow / Math.max(fast, 0.001)).toFixed(1)}× faster for ${where}`,
        numbers: verdictFor(cmp),
        fix,
        docs: faster === 'requestRemote' ? DOCS.requestRemote : DOCS.invokeRemote,
        callIds: calls.filter((c, n) => sameEndpoint(endpoints[n]!, cmp.method, cmp.path, cmp.remoteKey)).map((c) => c.id),
        costMs: (slow - fast) * slowerCalls,
      });
    }
    return out;
  },
};

const INVOKE_REMOTE = 1;
const REQUEST_REMOTE = 2;

/**
 * The calls to endpoints (method and path) that both invokeRemote and requestRemote were used for, in input
 * order, with each one's endpoint: only those can make a finding, so only they are compared (a session of
 * requestRemote calls alone needs no statistics), and each call's request is read once.
 */
function comparedCalls(all: readonly CallRecord[]): { calls: CallRecord[]; endpoints: RemoteEndpoint[] } {
  // invokeRemote calls are invokes: a session without one (most) compares nothing, and its requestRemote calls are not read.
  if (!all.some((call) => call.command === 'invoke' && remoteEndpointOf(call.command, call.request.value) !== null)) return { calls: [], endpoints: [] };
  const read: (RemoteEndpoint | null)[] = [];
  const used = new Map<string, Map<string, number>>();
  for (const call of all) {
    const e = remoteEndpointOf(call.command, call.request.value);
    read.push(e);
    if (e === null) continue;
    let paths = used.get(e.method);
    if (!paths) used.set(e.method, (paths = new Map()));
    paths.set(e.path, (paths.get(e.path) ?? 0) | (e.via === 'invokeRemote' ? INVOKE_REMOTE : REQUEST_REMOTE));
  }
  const calls: CallRecord[] = [];
  const endpoints: RemoteEndpoint[] = [];
  all.forEach((call, n) => {
    const e = read[n];
    if (e && used.get(e.method)!.get(e.path) === (INVOKE_REMOTE | REQUEST_REMOTE)) {
      calls.push(call);
      endpoints.push(e);
    }
  });
  return { calls, endpoints };
}

function sameEndpoint(e: RemoteEndpoint, method: string, path: string, remoteKey: string | null): boolean {
  return e.method === method && e.path === path && (e.via === 'invokeRemote' || e.remoteKey === remoteKey);
}
