import { useEffect, useState } from 'preact/hooks';
import type { RecordedVerification, TokenRecord, TokenWarning, VerificationResult } from '../../protocol';
import { CLAIMS_UNREADABLE, explainClaims, momentOfUse, signatureRemoved, signingInput } from '../../tokens';
import { formatClock, formatSeconds } from '../format';

const claimTypeOf = (type: string) => (type === 'FIT' || type === 'FCT' ? type : 'JWT');
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

const mark = (r: VerificationResult) => (r.status === 'verified' ? '✓ ' : r.status === 'invalid' ? '✗ ' : '');
const tone = (r: VerificationResult) => (r.status === 'verified' ? 'ok' : r.status === 'invalid' ? 'error' : 'warn');

/** A verdict; for a token that was used (`usedAt`), judged at that moment and said so. */
export function VerificationBadge({ result, usedAt = null, exp = null, now = 0 }: { result: VerificationResult | null; usedAt?: number | null; exp?: number | null; now?: number }) {
  if (!result) return <span class="badge" data-testid="verification">verifying…</span>;
  const later = usedAt !== null && exp !== null && exp * 1000 < now ? `; expired ${formatSeconds((exp * 1000 - usedAt) / 1000)} after it was sent` : '';
  const when = usedAt !== null && result.status === 'verified' ? 'valid when sent: ' : '';
  return <span class={`badge ${tone(result)}`} data-testid="verification" title={result.jwksUrl ?? ''}>{mark(result)}{when}{result.reason}{result.status === 'verified' ? later : ''}</span>;
}

/** A redacted token: its signature is gone, so only the verdict recorded before export can speak for it. */
function RecordedVerdict({ recorded }: { recorded: RecordedVerification | null }) {
  return (
    <span data-testid="verification">
      <span class="badge warn">signature removed by redaction</span>{' '}
      {recorded ? (
        <span class={`badge ${tone(recorded)}`} data-testid="recorded-verdict" title={recorded.jwksUrl ?? ''}>
          verified when recorded: {mark(recorded)}{recorded.reason}
          {recorded.jwksUrl ? ` · key set ${recorded.jwksUrl}` : ''} · judged at its use, {formatClock(recorded.checkedAt)} · checked {new Date(recorded.recordedAt).toLocaleString()}
        </span>
      ) : (
        <span class="muted">No verdict was recorded before export, and none can be made now.</span>
      )}
    </span>
  );
}

const localTime = (seconds: number | null) => (seconds === null ? '—' : new Date(seconds * 1000).toLocaleString());

/** A token's header and claims, explained, with its times, a live countdown and its verification. */
export function TokenView({ type, jwt, header, claims, claimsUnreadable, exp, iat, env, warnings = [], expectedAudience = null, usedAt = null, recorded = null }: Pick<TokenRecord, 'jwt' | 'header' | 'claims' | 'claimsUnreadable' | 'exp' | 'iat'> & {
  /** A recorded token's type, or what a pasted one was recognised as. */
  type: string;
  env: PanelEnvironment;
  warnings?: TokenWarning[];
  expectedAudience?: string | null;
  /** When the token was used (sent to a remote): its lifetime is judged then. Null for a pasted token (now). */
  usedAt?: number | null;
  /** The verdict recorded before export, for a token whose signature redaction removed. */
  recorded?: RecordedVerification | null;
}) {
  const now = useNow(env);
  const removed = signatureRemoved(jwt);
  const verification = useVerification(removed ? null : jwt, env, expectedAudience, usedAt);
  return (
    <section class="token" aria-label={`${type} token`}>
      <h3>{type === 'FIT' ? 'Forge Invocation Token (FIT)' : type === 'FCT' ? 'Forge Context Token (FCT)' : 'JWT'}</h3>
      <p>
        <span class={`countdown ${exp !== null && exp * 1000 < now ? 'error' : ''}`} data-testid="countdown">{countdownText(exp, now)}</span>
        {' · '}issued {localTime(iat)} · expires {localTime(exp)}
      </p>
      {usedAt !== null && exp !== null && <p class="muted" data-testid="left-when-sent">{exp * 1000 >= usedAt ? `${formatSeconds((exp * 1000 - usedAt) / 1000)} left when it was sent (${formatClock(usedAt)})` : `already expired ${formatSeconds((usedAt - exp * 1000) / 1000)} before it was sent (${formatClock(usedAt)})`}</p>}
      <p>{removed ? <RecordedVerdict recorded={recorded} /> : <VerificationBadge result={verification} usedAt={usedAt} exp={exp} now={now} />}</p>
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Token warnings">
          {warnings.map((w, i) => <li key={i} class={w.severity} data-code={w.code}>{w.message}</li>)}
        </ul>
      )}
      <h4>Header</h4>
      <table class="claims"><tbody>{Object.entries(header).map(([k, v]) => <tr key={k}><th>{k}</th><td>{typeof v === 'string' ? v : JSON.stringify(v)}</td><td /></tr>)}</tbody></table>
      {claimsUnreadable !== undefined && (
        <p class="warn" role="status" data-testid="claims-unreadable">
          {CLAIMS_UNREADABLE}: {claimsUnreadable.replace(`${CLAIMS_UNREADABLE}: `, '')}. It is still tracked and redacted as a token.
        </p>
      )}
      {explainClaims(claims, now, claimTypeOf(type)).map((group) => (
        <div key={group.group}>
          <h4>{group.group}</h4>
          <table class="claims"><tbody>{group.rows.map((r) => (
            <tr key={r.key} class={r.deprecated ? 'deprecated' : undefined}>
              <th>{r.key}{r.deprecated && <span class="badge warn">deprecated</span>}</th>
              <td>{r.value}</td>
              <td class="meaning">{r.meaning}</td>
            </tr>
          ))}</tbody></table>
        </div>
      ))}
    </section>
  );
}

export function TokenRecordView({ token, env, warnings, expectedAudience, verdicts }: { token: TokenRecord; env: PanelEnvironment; warnings: TokenWarning[]; expectedAudience: string | null; verdicts: ReadonlyMap<string, RecordedVerification> }) {
  const recorded = token.verification ?? verdicts.get(signingInput(token.jwt)) ?? null;
  return <TokenView type={token.type} jwt={token.jwt} header={token.header} claims={token.claims} claimsUnreadable={token.claimsUnreadable} exp={token.exp} iat={token.iat} env={env} warnings={warnings} expectedAudience={expectedAudience} usedAt={momentOfUse(token)} recorded={recorded} />;
}
