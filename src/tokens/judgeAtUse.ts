import type { RecordedVerification, TokenRecord } from '../protocol/tokens';
import type { JwksCache } from './jwksCache';
import { signatureRemoved, signingInput } from './signature';
import { verifyToken } from './verify';

/**
 * The moment a token was used: when it was first sent to a remote (Authorization header), else when it was
 * first seen. A token is judged at that moment, not when someone looks at it later: a FIT that worked 40 s
 * ago is not "invalid: expired" now.
 */
export function momentOfUse(token: Pick<TokenRecord, 'uses' | 'firstSeenAt'>): number {
  const sent = token.uses.find((u) => u.source === 'authorization-header');
  return sent?.at ?? token.uses[0]?.at ?? token.firstSeenAt;
}

export interface JudgeOptions {
  /** Fetches a key set; called only with the environment's URL or a trusted one (see verifyToken). */
  fetchJwks: (url: string) => Promise<unknown>;
  trustedJwksUrls: readonly string[];
  cache: JwksCache;
  /** The wall clock, for `recordedAt`. */
  now: () => number;
}

/** Verifies one token at its moment of use; null when its signature is already gone (nothing to check). */
export async function judgeAtUse(token: TokenRecord, options: JudgeOptions): Promise<RecordedVerification | null> {
  if (signatureRemoved(token.jwt)) return null;
  const result = await verifyToken(token.jwt, { fetchJwks: options.fetchJwks, trustedJwksUrls: options.trustedJwksUrls, now: momentOfUse(token), cache: options.cache });
  return { ...result, recordedAt: options.now() };
}

/**
 * The tokens with the verdict obtained now, at each one's moment of use, so that it survives redaction. A
 * token that already carries one keeps it. Never throws (verifyToken does not).
 */
export async function withRecordedVerdicts(tokens: readonly TokenRecord[], options: JudgeOptions): Promise<TokenRecord[]> {
  return Promise.all(
    tokens.map(async (t) => {
      if (t.verification) return t;
      const verification = await judgeAtUse(t, options);
      return verification ? { ...t, verification } : t;
    }),
  );
}

/** Recorded verdicts by what the signature covered (header and claims), which redaction keeps. */
export function recordedVerdicts(tokens: readonly TokenRecord[]): Map<string, RecordedVerification> {
  const out = new Map<string, RecordedVerification>();
  for (const t of tokens) if (t.verification) out.set(signingInput(t.jwt), t.verification);
  return out;
}
