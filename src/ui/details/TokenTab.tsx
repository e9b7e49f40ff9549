import type { CallRecord, RecordedVerification, TokenRecord, TokenWarning } from '../../protocol';
import type { PanelEnvironment } from '../panelEnvironment';
import { TokenRecordView } from '../tokens/TokenView';

/** The tokens this call carried or received, explained, counted down and verified. */
export function TokenTab({ call, tokens, warnings, env, expectedAudience, verdicts }: { call: CallRecord; tokens: TokenRecord[]; warnings: TokenWarning[]; env: PanelEnvironment; expectedAudience: string | null; verdicts: ReadonlyMap<string, RecordedVerification> }) {
  // The token the call itself carried first (a requestRemote's FIT), then those it received or waited on.
  const carried = (t: TokenRecord) => t.uses.some((u) => u.callId === call.id && u.source === 'authorization-header');
  const mine = tokens.filter((t) => t.uses.some((u) => u.callId === call.id)).sort((a, b) => Number(carried(b)) - Number(carried(a)));
  if (mine.length === 0) {
    return (
      <p class="muted">
        No token was seen for this call. requestRemote carries a FIT to the remote; resolver and invokeRemote calls carry an FCT to Forge's
        GraphQL. Tokens are read from the network log, which is only there while DevTools is open.
      </p>
    );
  }
  return (
    <div>
      {mine.map((t) => (
        <TokenRecordView key={t.id} token={t} env={env} warnings={warnings.filter((w) => w.tokenId === t.id && (!w.callId || w.callId === call.id))} expectedAudience={expectedAudience} verdicts={verdicts} />
      ))}
    </div>
  );
}
