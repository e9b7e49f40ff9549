import type { TokenRecord, TokenWarning } from '../protocol/tokens';
import { headerValue } from '../network/har';
import { mintUse, refOf, secondsText, sentUses, type WarningContext } from './warningContext';

/** Clock difference beyond which a checker with the usual few seconds of tolerance starts refusing. */
export const SKEW_MS = 5000;
/** iat and the Date header are whole seconds (rounded down): every bound below gives them a second. */
const SECOND = 1000;

/**
 * clock-skew-iat: the issuer's clock (iat) against this browser's when the token was seen minted (the
 * GraphQL response that brought it: iat must fall within that request's time). Without a mint only "ahead"
 * can be told, from the first use: a cached token may be any age.
 */
export function iatSkewWarning(token: TokenRecord, context: WarningContext): TokenWarning | null {
  if (token.iat === null) return null;
  const iatMs = token.iat * 1000;
  const minted = mintUse(token);
  const seen = minted ?? sentUses(token)[0];
  if (!seen) return null;
  const ahead = iatMs - seen.at;
  const requestStart = minted?.entryId ? (context.entries.get(minted.entryId)?.startedAt ?? minted.at) : null;
  const behind = requestStart === null ? 0 : requestStart - (iatMs + SECOND);
  const skew = ahead > SKEW_MS ? ahead : behind > SKEW_MS ? -behind : 0;
  if (skew === 0) return null;
  return {
    code: 'clock-skew-iat',
    severity: 'warning',
    ...refOf(token, seen, context),
    // The skew is a lower bound, short of the truth by at most the mint request's duration.
    message: `This ${token.type} was issued (iat) ${secondsText(skew)} ${skew > 0 ? 'ahead of' : 'behind'} this browser's clock, so the expiry times shown here are off by as much.`,
  };
}

/**
 * clock-skew-date: the remote's clock (its response Date header) against the issuer's (iat) on a request
 * that carried the token. The remote answered after the token was minted, so Date may not be before iat;
 * and, when the mint was seen, not later than iat plus the browser's time from mint to that answer.
 * At most one warning each way per token (the first request that shows it).
 */
export function dateSkewWarnings(token: TokenRecord, context: WarningContext): TokenWarning[] {
  if (token.iat === null) return [];
  const iatMs = token.iat * 1000;
  const minted = mintUse(token);
  const mintStart = minted?.entryId ? context.entries.get(minted.entryId)?.startedAt : undefined;
  const out: TokenWarning[] = [];
  let warnedBehind = false;
  let warnedAhead = false;
  for (const use of sentUses(token)) {
    const entry = use.source === 'authorization-header' && use.entryId ? context.entries.get(use.entryId) : undefined;
    const date = entry ? Date.parse(headerValue(entry.responseHeaders, 'date') ?? '') : Number.NaN;
    if (!entry || !Number.isFinite(date)) continue;
    const behind = iatMs - (date + SECOND);
    if (!warnedBehind && behind > SKEW_MS) {
      warnedBehind = true;
      out.push({ code: 'clock-skew-date', severity: 'warning', ...refOf(token, use, context), message: `The remote's clock (its Date header) was at least ${secondsText(behind)} behind the clock that issued this ${token.type} (its iat), so a remote that checks nbf with less tolerance refuses it.` });
    }
    const answeredAt = entry.startedAt + Math.max(0, entry.durationMs);
    const ahead = mintStart === undefined ? 0 : date - (iatMs + SECOND + Math.max(0, answeredAt - mintStart));
    if (!warnedAhead && ahead > SKEW_MS) {
      warnedAhead = true;
      out.push({ code: 'clock-skew-date', severity: 'warning', ...refOf(token, use, context), message: `The remote's clock (its Date header) was at least ${secondsText(ahead)} ahead of the clock that issued this ${token.type} (its iat), so it may refuse tokens as expired before they are.` });
    }
  }
  return out;
}
