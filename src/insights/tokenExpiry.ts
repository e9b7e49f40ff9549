import { DOCS } from './docs';
import { someMessages, warningsWithCalls } from './tokenEvidence';
import type { SessionRule } from './types';
import { plural } from './words';

/** Tokens used at or near their expiry, or before they were valid (src/tokens' lifetime warnings). */
export const tokenExpiry: SessionRule = {
  scope: 'session',
  run(input) {
    const { warnings, calls } = warningsWithCalls(input, ['expired-at-use', 'near-expiry', 'not-yet-valid']);
    if (warnings.length === 0) return [];
    const expired = warnings.filter((w) => w.code !== 'near-expiry').length;
    return [
      {
        id: 'token-near-expiry',
        rule: 'token-near-expiry',
        severity: expired > 0 ? 'error' : 'warning',
        title: expired > 0 ? `${plural(expired, 'token use')} outside the token's lifetime` : `${plural(warnings.length, 'token')} used with under 2 s to live`,
        numbers: someMessages(warnings),
        fix: 'A remote that checks exp strictly will refuse these: allow a few seconds of leeway, and for FITs let the bridge renew them (do not cache a FIT in the app).',
        docs: DOCS.remoteEssentials,
        callIds: calls.map((c) => c.id),
        costMs: 0,
      },
    ];
  },
};
