import { DOCS } from './docs';
import { someMessages, warningsWithCalls } from './tokenEvidence';
import type { SessionRule } from './types';
import { plural } from './words';

/** Clock skew between this machine, the platform and the remote (src/tokens' clock-skew warnings, beyond 5 s). */
export const clockSkew: SessionRule = {
  scope: 'session',
  run(input) {
    const { warnings, calls } = warningsWithCalls(input, ['clock-skew-iat', 'clock-skew-date']);
    if (warnings.length === 0) return [];
    return [
      {
        id: 'clock-skew',
        rule: 'clock-skew',
        severity: 'warning',
        title: `Clocks disagree by more than 5 s (${plural(new Set(warnings.map((w) => w.tokenId)).size, 'token')})`,
        numbers: someMessages(warnings),
        fix: 'Sync the clocks (NTP) of this machine and the remote, and let the remote accept about 5–10 s of leeway on iat, nbf and exp when it verifies FITs.',
        docs: DOCS.remoteEssentials,
        callIds: calls.map((c) => c.id),
        costMs: 0,
      },
    ];
  },
};
