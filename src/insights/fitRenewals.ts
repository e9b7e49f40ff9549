import { DOCS } from './docs';
import type { SessionRule } from './types';
import { ms, plural } from './words';

/** A renewal this slow on its own is worth a warning rather than a note. */
export const SLOW_RENEWAL_MS = 100;

/** FIT renewals (signInvocationTokenForUI) that requestRemote calls waited on (src/tokens fitRenewalsOf). */
export const fitRenewals: SessionRule = {
  scope: 'session',
  run(input) {
    const renewals = input.renewals.filter((r) => r.extraMs > 0);
    if (renewals.length === 0) return [];
    const starts = new Map(input.calls.map((c) => [c.id, c.startedAt]));
    const callIds = [...new Set(renewals.map((r) => r.callId))].filter((id) => starts.has(id)).sort((a, b) => starts.get(a)! - starts.get(b)!);
    const mints = new Set(renewals.map((r) => r.tokenId)).size;
    const total = renewals.reduce((sum, r) => sum + r.extraMs, 0);
    const worst = Math.max(...renewals.map((r) => r.extraMs));
    return [
      {
        id: 'fit-renewal-latency',
        rule: 'fit-renewal-latency',
        severity: worst >= SLOW_RENEWAL_MS ? 'warning' : 'info',
        title: `${plural(callIds.length, 'requestRemote call')} waited for a FIT renewal`,
        numbers: `${plural(mints, 'renewal')} added ${ms(total)} to calls in all, ${ms(worst)} at most: each call's request to the remote went out only after the host had minted a new FIT.`,
        fix: 'FITs live 25 s and the host renews them on demand: group requestRemote calls so one renewal serves several, and compare the endpoint against invokeRemote, which mints server-side.',
        docs: DOCS.requestRemote,
        callIds,
        costMs: total,
      },
    ];
  },
};
