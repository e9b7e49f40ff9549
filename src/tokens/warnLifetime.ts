import type { TokenRecord, TokenWarning } from '../protocol/tokens';
import { receiverOf, refOf, secondsText, sentUses, type WarningContext } from './warningContext';

/** Left on a token at use below which it may expire on its way to the checker. */
export const NEAR_EXPIRY_MS = 2000;
/** nbf is whole seconds and the browser's clock is not the issuer's: a use this close before nbf is not flagged. */
const NBF_SLACK_MS = 1000;

/** expired-at-use, near-expiry and not-yet-valid: each time the token went out, by this browser's clock. */
export function lifetimeWarnings(token: TokenRecord, context: WarningContext): TokenWarning[] {
  const out: TokenWarning[] = [];
  for (const use of sentUses(token)) {
    const ref = refOf(token, use, context);
    if (token.exp !== null) {
      const left = token.exp * 1000 - use.at;
      if (left <= 0) {
        out.push({ code: 'expired-at-use', severity: 'error', ...ref, message: `This ${token.type} was used ${secondsText(left)} after it expired, so ${receiverOf(use)} should refuse it.` });
      } else if (left < NEAR_EXPIRY_MS) {
        out.push({ code: 'near-expiry', severity: 'warning', ...ref, message: `This ${token.type} was used with only ${secondsText(left)} left before it expired, so it may expire before ${receiverOf(use)} checks it.` });
      }
    }
    if (token.nbf !== null && use.at < token.nbf * 1000 - NBF_SLACK_MS) {
      out.push({ code: 'not-yet-valid', severity: 'warning', ...ref, message: `This ${token.type} was used ${secondsText(token.nbf * 1000 - use.at)} before it became valid (nbf), so ${receiverOf(use)} may refuse it unless this browser's clock is behind.` });
    }
  }
  return out;
}
