import { useState } from 'preact/hooks';
import { decodeJwt, hasUnreadableClaims, tokenTypeOf } from '../../tokens';
import type { PanelEnvironment } from '../panelEnvironment';
import { TokenView } from './TokenView';

/** A FIT or FCT pasted here is decoded and verified like a recorded one. It is kept nowhere. */
export function PasteToDecode({ env }: { env: PanelEnvironment }) {
  const [text, setText] = useState('');
  const trimmed = text.trim().replace(/^Authorization:\s*/i, '').replace(/^Bearer\s+/i, '');
  const decoded = trimmed ? decodeJwt(trimmed) : null;
  return (
    <div class="decode">
      <label for="paste-token">Paste a Forge token (FIT or FCT), or an Authorization header, to decode and verify it:</label>
      <textarea id="paste-token" rows={4} spellcheck={false} autocomplete="off" value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} placeholder="eyJhbGciOiJSUzI1NiIs…" />
      {decoded && !decoded.ok && !hasUnreadableClaims(decoded) && <p class="error" role="alert">{decoded.error}</p>}
      {decoded && hasUnreadableClaims(decoded) && (
        <TokenView type={tokenTypeOf(decoded.header, {})} jwt={trimmed} header={decoded.header} claims={{}} claimsUnreadable={decoded.error} exp={null} iat={null} env={env} />
      )}
      {decoded?.ok && (
        <TokenView
          type={tokenTypeOf(decoded.header, decoded.claims)}
          jwt={trimmed}
          header={decoded.header}
          claims={decoded.claims}
          exp={typeof decoded.claims.exp === 'number' ? decoded.claims.exp : null}
          iat={typeof decoded.claims.iat === 'number' ? decoded.claims.iat : null}
          env={env}
        />
      )}
    </div>
  );
}
