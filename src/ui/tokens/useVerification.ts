import { useEffect, useState } from 'preact/hooks';
import type { VerificationResult } from '../../protocol';
import { createJwksCache, verifyToken } from '../../tokens';
import type { PanelEnvironment } from '../panelEnvironment';

/** One key cache per panel: JWKS are fetched once per URL for ten minutes. */
const cache = createJwksCache();

/** Verifies a token once per jwt (null while it runs). Without network access it says so rather than guessing. */
export function useVerification(jwt: string | null, env: PanelEnvironment, expectedAudience: string | null): VerificationResult | null {
  const [result, setResult] = useState<VerificationResult | null>(null);
  useEffect(() => {
    setResult(null);
    if (!jwt) return;
    let live = true;
    const fetchJwks = env.fetchJwks ?? (() => Promise.reject(new Error('no network access here')));
    void env
      .trustedJwksUrls()
      .catch(() => [])
      .then((trusted) => verifyToken(jwt, { fetchJwks, trustedJwksUrls: trusted, expectedAudience, now: env.now(), cache }))
      .then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [jwt, expectedAudience]);
  return result;
}
