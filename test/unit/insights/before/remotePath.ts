// The code as it was before the speed work (commit dab4239), kept to check the faster one gives the same result.
import type { Finding } from '../../../../src/protocol/findings';
import type { CallRecord } from '../../../../src/protocol/model';
import { remoteEndpointOf } from '../../../../src/bridge/httpCalls';
import { compareRemotes, MIN_CALLS, TIE_RATIO, verdictFor } from '../../../../src/stats';
import { DOCS } from '../../../../src/insights/docs';
import type { SessionRule } from '../../../../src/insights/types';

/**
 * Per remote endpoint, which path is faster and by how much (src/stats' Compare), once both sides have
 * enough calls and differ by more than a tie. Where invokeRemote is needed anyway (it alone brings OAuth
 * tokens), the finding says so instead of suggesting a switch.
 */
export const remotePath: SessionRule = {
  scope: 'session',
  run(input) {
    const out: Finding[] = [];
    for (const cmp of compareRemotes(input.calls)) {
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
        callIds: input.calls.filter((c: CallRecord) => sameEndpoint(c, cmp.method, cmp.path, cmp.remoteKey)).map((c) => c.id),
        costMs: (slow - fast) * slowerCalls,
      });
    }
    return out;
  },
};

function sameEndpoint(call: CallRecord, method: string, path: string, remoteKey: string | null): boolean {
  const e = remoteEndpointOf(call.command, call.request.value);
  return e !== null && e.method === method && e.path === path && (e.via === 'invokeRemote' || e.remoteKey === remoteKey);
}
