import { headerValue } from '../network';
import type { NetworkEntry } from '../protocol/network';
import type { TokenRecord, TokenWarning } from '../protocol/tokens';

/** Left on a token at use below which a remote may see it expire in flight. */
export const NEAR_EXPIRY_MS = 2000;
/** Clock difference beyond which a remote verifying exp/nbf with a usual tolerance starts refusing. */
export const SKEW_MS = 5000;
/** The Date header and iat have whole-second resolution. */
const SECOND = 1000;

const s = (ms: number) => `${(Math.abs(ms) / 1000).toFixed(1)} s`;

function objectAt(value: unknown, key: string): Record<string, unknown> | null {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function environmentOf(claims: Record<string, unknown>): string | null {
  const env = objectAt(objectAt(claims, 'app'), 'environment');
  if (!env) return null;
  return `${String(env.type ?? '?')} ${String(env.id ?? '?')}`;
}

/** Warnings a Forge developer needs about the tokens seen (forge-facts §3, §5). */
export function tokenWarnings(input: {
  tokens: readonly TokenRecord[];
  network: readonly NetworkEntry[];
  /** FIT renewals that cost a call time (from its phases): tokenId of the new FIT and the extra ms. */
  renewals?: readonly { callId: string; tokenId: string; extraMs: number }[];
}): TokenWarning[] {
  const out: TokenWarning[] = [];
  const entries = new Map(input.network.map((e) => [e.id, e]));
  let previousFit: TokenRecord | null = null;

  for (const token of input.tokens) {
    const sent = token.uses.filter((u) => u.source === 'authorization-header' || u.source === 'graphql-request');
    for (const use of sent) {
      const ref = { tokenId: token.id, ...(use.callId ? { callId: use.callId } : {}), ...(use.entryId ? { entryId: use.entryId } : {}) };
      if (token.exp !== null) {
        const left = token.exp * SECOND - use.at;
        if (left <= 0) out.push({ code: 'expired-at-use', severity: 'error', ...ref, message: `This ${token.type} was sent ${s(left)} after it expired; the remote should refuse it (401).` });
        else if (left < NEAR_EXPIRY_MS) out.push({ code: 'near-expiry', severity: 'warning', ...ref, message: `This ${token.type} was sent with only ${s(left)} left; it may expire before the remote checks it.` });
      }
      if (token.nbf !== null && use.at < token.nbf * SECOND - SECOND) {
        out.push({ code: 'not-yet-valid', severity: 'warning', ...ref, message: `This ${token.type} was sent ${s(token.nbf * SECOND - use.at)} before it became valid (nbf).` });
      }
      const entry = use.entryId ? entries.get(use.entryId) : undefined;
      const date = entry && use.source === 'authorization-header' ? Date.parse(headerValue(entry.responseHeaders, 'date') ?? '') : Number.NaN;
      if (entry && Number.isFinite(date)) {
        const skew = date - (entry.startedAt + Math.max(0, entry.durationMs));
        if (Math.abs(skew) > SKEW_MS + SECOND) {
          out.push({ code: 'clock-skew-date', severity: 'warning', ...ref, message: `The remote's clock (its Date header) is ${s(skew)} ${skew > 0 ? 'ahead of' : 'behind'} this browser's; with the usual few seconds of tolerance it may refuse valid tokens.` });
        }
      }
    }
    const minted = token.uses.find((u) => u.source === 'graphql-fit' || u.source === 'graphql-fct');
    if (minted && token.iat !== null) {
      const skew = token.iat * SECOND - minted.at;
      if (Math.abs(skew) > SKEW_MS + SECOND) {
        out.push({ code: 'clock-skew-iat', severity: 'warning', tokenId: token.id, ...(minted.entryId ? { entryId: minted.entryId } : {}), message: `This ${token.type} was issued (iat) ${s(skew)} ${skew > 0 ? 'ahead of' : 'behind'} this browser's clock; expiry countdowns here are off by as much.` });
      }
    }
    if (token.type === 'FIT') {
      if (sent.some((u) => u.source === 'authorization-header') && objectAt(token.claims, 'app') && !objectAt(objectAt(token.claims, 'app'), 'license')) {
        out.push({ code: 'no-license', severity: 'info', tokenId: token.id, message: 'No app.license claim: expected for a requestRemote FIT (Atlassian documents that requestRemote omits it). Check licensing another way.' });
      }
      if (previousFit) {
        if (JSON.stringify(previousFit.claims.aud) !== JSON.stringify(token.claims.aud)) {
          out.push({ code: 'aud-changed', severity: 'warning', tokenId: token.id, message: `The audience changed between FITs (${String(previousFit.claims.aud)} → ${String(token.claims.aud)}): a remote that checks aud against one app id refuses one of them.` });
        }
        const before = environmentOf(previousFit.claims);
        const now = environmentOf(token.claims);
        if (before !== now) out.push({ code: 'env-changed', severity: 'warning', tokenId: token.id, message: `The app environment changed between FITs (${before ?? 'none'} → ${now ?? 'none'}).` });
      }
      previousFit = token;
    }
  }
  for (const r of input.renewals ?? []) {
    if (r.extraMs > 0) out.push({ code: 'renewal-cost', severity: 'info', tokenId: r.tokenId, callId: r.callId, message: `The call waited ${r.extraMs.toFixed(0)} ms for a new FIT before its request went out.` });
  }
  return out;
}
