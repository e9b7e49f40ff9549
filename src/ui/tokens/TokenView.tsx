import { useEffect, useState } from 'preact/hooks';
import type { TokenRecord, TokenWarning, VerificationResult } from '../../protocol';
import { explainClaims } from '../../tokens';
import type { PanelEnvironment } from '../panelEnvironment';
import { countdownText } from './countdown';
import { useVerification } from './useVerification';

/** Re-renders every `everyMs` while mounted (countdowns tick); null: no ticking. */
export function useNow(env: PanelEnvironment, everyMs: number | null = 1000): number {
  const [now, setNow] = useState(env.now());
  useEffect(() => {
    if (everyMs === null) return;
    setNow(env.now());
    const timer = setInterval(() => setNow(env.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function VerificationBadge({ result }: { result: VerificationResult | null }) {
  if (!result) return <span class="badge" data-testid="verification">verifying…</span>;
  const cls = result.status === 'verified' ? 'ok' : result.status === 'invalid' ? 'error' : 'warn';
  return <span class={`badge ${cls}`} data-testid="verification" title={result.jwksUrl ?? ''}>{result.status === 'verified' ? '✓ ' : result.status === 'invalid' ? '✗ ' : ''}{result.reason}</span>;
}

const localTime = (seconds: number | null) => (seconds === null ? '—' : new Date(seconds * 1000).toLocaleString());

/** A token's header and claims, explained, with its times, a live countdown and its verification. */
export function TokenView({ type, jwt, header, claims, exp, iat, env, warnings = [], expectedAudience = null }: Pick<TokenRecord, 'jwt' | 'header' | 'claims' | 'exp' | 'iat'> & {
  /** A recorded token's type, or what a pasted one was recognised as. */
  type: string;
  env: PanelEnvironment;
  warnings?: TokenWarning[];
  expectedAudience?: string | null;
}) {
  const now = useNow(env);
  const verification = useVerification(jwt, env, expectedAudience);
  return (
    <section class="token" aria-label={`${type} token`}>
      <h3>{type === 'FIT' ? 'Forge Invocation Token (FIT)' : type === 'FCT' ? 'Forge Context Token (FCT)' : 'JWT'}</h3>
      <p>
        <span class={`countdown ${exp !== null && exp * 1000 < now ? 'error' : ''}`} data-testid="countdown">{countdownText(exp, now)}</span>
        {' · '}issued {localTime(iat)} · expires {localTime(exp)}
      </p>
      <p><VerificationBadge result={verification} /></p>
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Token warnings">
          {warnings.map((w, i) => <li key={i} class={w.severity} data-code={w.code}>{w.message}</li>)}
        </ul>
      )}
      <h4>Header</h4>
      <table class="claims"><tbody>{Object.entries(header).map(([k, v]) => <tr key={k}><th>{k}</th><td>{typeof v === 'string' ? v : JSON.stringify(v)}</td><td /></tr>)}</tbody></table>
      {explainClaims(claims, now).map((group) => (
        <div key={group.group}>
          <h4>{group.group}</h4>
          <table class="claims"><tbody>{group.rows.map((r) => <tr key={r.key}><th>{r.key}</th><td>{r.value}</td><td class="meaning">{r.meaning}</td></tr>)}</tbody></table>
        </div>
      ))}
    </section>
  );
}

export function TokenRecordView({ token, env, warnings, expectedAudience }: { token: TokenRecord; env: PanelEnvironment; warnings: TokenWarning[]; expectedAudience: string | null }) {
  return <TokenView type={token.type} jwt={token.jwt} header={token.header} claims={token.claims} exp={token.exp} iat={token.iat} env={env} warnings={warnings} expectedAudience={expectedAudience} />;
}
