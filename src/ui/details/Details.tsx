import { useState } from 'preact/hooks';
import type { CallRecord, Finding, FrameRecord, RecordedVerification, TokenRecord } from '../../protocol';
import type { Derived } from '../derived';
import { JsonTree } from '../JsonTree';
import type { PanelEnvironment } from '../panelEnvironment';
import { ErrorBoundary } from '../ErrorBoundary';
import { CopyMenu } from './CopyMenu';
import { ErrorView } from './ErrorView';
import { HttpRequestView } from './HttpRequestView';
import { Overview } from './Overview';
import { withParsedBodies, type CarriedToken } from './whatHappened';
import { TimingTab } from './TimingTab';
import { TokenTab } from './TokenTab';

/** The record as JSON; a component of its own so that a value JSON.stringify cannot take fails inside the tab's boundary. */
function RawJson({ value }: { value: unknown }) {
  return <pre class="raw">{JSON.stringify(value, null, 2)}</pre>;
}

const NO_VERDICTS: ReadonlyMap<string, RecordedVerification> = new Map();

/** The token the call itself sent (a requestRemote's FIT), if the network feed saw it. */
function carriedToken(call: CallRecord, tokens: readonly TokenRecord[]): CarriedToken | null {
  const t = tokens.find((x) => x.uses.some((u) => u.callId === call.id && u.source === 'authorization-header'));
  return t ? { type: t.type, exp: t.exp } : null;
}

export type DetailsTab = 'overview' | 'request' | 'response' | 'timing' | 'token' | 'raw';

/** The app id (ARI) the frame's own getContext reported, to check a token's audience against. */
function appIdOf(calls: readonly CallRecord[], frameKey: string): string | null {
  for (const c of calls) {
    if (c.frameKey !== frameKey || c.command !== 'getContext' || c.status !== 'ok') continue;
    const ctx = c.response?.value as { localId?: unknown; extension?: { appId?: unknown } } | null;
    const localId = typeof ctx?.localId === 'string' ? ctx.localId : '';
    const m = /ari:cloud:ecosystem::extension\/([0-9a-f-]{36})\//.exec(localId);
    if (m) return `ari:cloud:ecosystem::app/${m[1]}`;
  }
  return null;
}

export function Details({ call, frame, calls, derived, findings = [], env, networkFeed, onClose, verdicts = NO_VERDICTS }: {
  /** Token verdicts recorded at each token's use (live) or carried by an opened trace. */
  verdicts?: ReadonlyMap<string, RecordedVerification>;
  call: CallRecord;
  frame: FrameRecord | null;
  calls: readonly CallRecord[];
  derived: Derived;
  /** The session's findings: Copy as Markdown lists the ones about this call. */
  findings?: readonly Finding[];
  env: PanelEnvironment;
  networkFeed: 'on' | 'off';
  onClose: () => void;
}) {
  const [tab, setTab] = useState<DetailsTab>('overview');
  const outcomeLabel = call.status === 'error' ? 'Error' : 'Response';
  const tabs: { id: DetailsTab; label: string }[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'request', label: 'Request' },
    { id: 'response', label: outcomeLabel },
    { id: 'timing', label: 'Timing' },
    { id: 'token', label: 'Token' },
    { id: 'raw', label: 'Raw' },
  ];
  const phases = derived.phasesOf(call);
  const main = derived.matches.find((m) => m.callId === call.id && m.relation !== 'token-renewal');
  const entry = main ? (derived.entries.get(main.entryId) ?? null) : null;
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
      setTab(next.id);
      (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
    }
  };
  const outcome = call.status === 'error' ? call.error : call.response;
  return (
    <aside class="details" aria-label="Call details">
      <div class="details-head">
        <div role="tablist" aria-label="Call details" onKeyDown={onKey}>
          {tabs.map((t) => (
            <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={tab === t.id} aria-controls="details-panel" tabIndex={tab === t.id ? 0 : -1} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" class="close" onClick={onClose} aria-label="Close details" title="Close (Esc)">✕</button>
      </div>
      <div id="details-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} class="details-body">
        {/* Each tab behind its own boundary: a value one tab cannot draw leaves the other tabs usable. */}
        <ErrorBoundary name={`The ${tabs.find((t) => t.id === tab)?.label ?? tab} tab`} resetKeys={[call, tab]}>
        {tab === 'overview' && (
          <>
            <Overview call={call} frame={frame} token={carriedToken(call, derived.tokens)} openResource={env.openResource ?? null} originalPlace={env.originalPlace ?? null} />
            <CopyMenu call={call} frame={frame} entry={entry} phases={phases} findings={findings} />
          </>
        )}
        {tab === 'request' && (
          <>
            {entry && <HttpRequestView entry={entry} />}
            <JsonTree value={call.request.value} label="Request" />
          </>
        )}
        {tab === 'response' &&
          (outcome ? (
            <>
              {call.status === 'error' && <ErrorView value={outcome.value} />}
              <JsonTree value={call.status === 'error' ? outcome.value : withParsedBodies(outcome.value)} label={outcomeLabel} />
            </>
          ) : (
            <p class="muted">The call is still pending.</p>
          ))}
        {tab === 'timing' && <TimingTab call={call} phases={phases} matches={derived.matches} networkFeed={networkFeed} />}
        {tab === 'token' && <TokenTab call={call} tokens={derived.tokens} warnings={derived.warnings} env={env} expectedAudience={appIdOf(calls, call.frameKey)} verdicts={verdicts} />}
        {tab === 'raw' && <RawJson value={{ ...call, network: entry }} />}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
