import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RecordedVerification, TokenRecord, VerificationResult } from '../../protocol';
import { createJwksCache, signingInput, verifyToken, withRecordedVerdicts } from '../../tokens';
import type { PanelEnvironment } from '../panelEnvironment';

/** One key cache per panel: JWKS are fetched once per URL for ten minutes. */
const cache = createJwksCache();

const fetcher = (env: PanelEnvironment) => env.fetchJwks ?? (() => Promise.reject(new Error('no network access here')));

/**
 * Verifies a token once per jwt (null while it runs), judging its lifetime at `at` (the moment it was used;
 * now for a pasted token). Without network access it says so rather than guessing.
 */
export function useVerification(jwt: string | null, env: PanelEnvironment, expectedAudience: string | null, at: number | null = null): VerificationResult | null {
  const [result, setResult] = useState<VerificationResult | null>(null);
  useEffect(() => {
    setResult(null);
    if (!jwt) return;
    let live = true;
    void env
      .trustedJwksUrls()
      .catch(() => [])
      .then((trusted) => verifyToken(jwt, { fetchJwks: fetcher(env), trustedJwksUrls: trusted, expectedAudience, now: at ?? env.now(), cache }))
      .then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [jwt, expectedAudience, at]);
  return result;
}

/**
 * Each token's verdict at its moment of use, by what its signature covered (signingInput): worked out once
 * per token while the panel records, so an export carries it ("verified when recorded") after redaction has
 * removed the signature. Tokens that came with a verdict (an opened trace) keep theirs.
 */
export function useRecordedVerdicts(tokens: readonly TokenRecord[], env: PanelEnvironment, carried: ReadonlyMap<string, RecordedVerification>): ReadonlyMap<string, RecordedVerification> {
  const [verdicts, setVerdicts] = useState<ReadonlyMap<string, RecordedVerification>>(new Map());
  // Tokens asked about already (done or under way): a live tab re-derives its tokens on every batch.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    const missing = tokens.filter((t) => !carried.has(signingInput(t.jwt)) && !asked.current.has(signingInput(t.jwt)));
    if (missing.length === 0) return;
    for (const t of missing) asked.current.add(signingInput(t.jwt));
    void env
      .trustedJwksUrls()
      .catch(() => [])
      .then((trusted) => withRecordedVerdicts(missing, { fetchJwks: fetcher(env), trustedJwksUrls: trusted, cache, now: env.now }))
      .then((judged) =>
        setVerdicts((current) => {
          const next = new Map(current);
          for (const t of judged) if (t.verification) next.set(signingInput(t.jwt), t.verification);
          return next;
        }),
      );
  }, [tokens, carried]);
  return useMemo(() => (carried.size ? new Map([...verdicts, ...carried]) : verdicts), [verdicts, carried]);
}

/** Tokens with the verdicts recorded for them, for an export. */
export function withVerdicts(tokens: readonly TokenRecord[], verdicts: ReadonlyMap<string, RecordedVerification>): TokenRecord[] {
  return tokens.map((t) => {
    const verification = t.verification ?? verdicts.get(signingInput(t.jwt));
    return verification ? { ...t, verification } : t;
  });
}
