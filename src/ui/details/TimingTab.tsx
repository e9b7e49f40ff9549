import type { CallMatch, CallPhases, CallRecord, NetworkEntry } from '../../protocol';
import { formatDuration } from '../format';

const PHASES: { key: string; label: string; pick: (p: CallPhases) => number | null }[] = [
  { key: 'bridge-out', label: 'Bridge out (call → request)', pick: (p) => p.bridgeOutMs },
  { key: 'token', label: 'FIT renewal', pick: (p) => p.tokenFetchMs },
  { key: 'blocked', label: 'Queued / blocked', pick: (p) => p.network?.blocked ?? null },
  { key: 'dns', label: 'DNS', pick: (p) => p.network?.dns ?? null },
  { key: 'connect', label: 'Connect', pick: (p) => p.network?.connect ?? null },
  { key: 'ssl', label: 'TLS', pick: (p) => p.network?.ssl ?? null },
  { key: 'send', label: 'Request sent', pick: (p) => p.network?.send ?? null },
  { key: 'wait', label: 'Waiting (server)', pick: (p) => p.network?.wait ?? null },
  { key: 'receive', label: 'Content download', pick: (p) => p.network?.receive ?? null },
  { key: 'bridge-back', label: 'Bridge back (response → settled)', pick: (p) => p.bridgeBackMs },
];

/** Where the call's time went, as a waterfall; when nothing matched, why. */
export function TimingTab({ call, phases, matches, networkFeed }: { call: CallRecord; phases: CallPhases; matches: CallMatch[]; networkFeed: 'on' | 'off' }) {
  const total = phases.totalMs;
  const main = matches.find((m) => m.callId === call.id && m.relation !== 'token-renewal');
  if (!phases.network) {
    const why =
      networkFeed === 'off'
        ? 'The network feed was off: DevTools was closed on this tab when the call was made, so its request was not seen.'
        : ['invoke', 'fetchRemote', 'fetchProduct'].includes(call.command)
          ? 'No request in the network log matched this call (method, URL or operation, and time).'
          : 'This bridge command makes no request of its own: its time is the round trip to the host page.';
    return (
      <div class="timing">
        <p>Total {formatDuration(total)}.</p>
        <p class="muted" data-testid="timing-why">{why}</p>
      </div>
    );
  }
  let offset = 0;
  const rows = PHASES.map((p) => ({ ...p, ms: p.pick(phases) })).filter((p) => p.ms !== null && p.ms > 0) as (typeof PHASES[number] & { ms: number })[];
  const scale = Math.max(total ?? 0, rows.reduce((s, r) => s + r.ms, 0), 0.001);
  return (
    <div class="timing">
      {main?.certainty === 'uncertain' && <p class="warn">The matching request is uncertain: {main.candidates} requests or calls fit equally.</p>}
      <table class="waterfall" aria-label="Timing phases">
        <tbody>
          {rows.map((r) => {
            const left = (offset / scale) * 100;
            offset += r.ms;
            return (
              <tr key={r.key} data-phase={r.key}>
                <th>{r.label}</th>
                <td class="track"><span class={`phase phase-${r.key}`} style={{ left: `${left}%`, width: `${Math.max(0.5, (r.ms / scale) * 100)}%` }} /></td>
                <td class="ms">{formatDuration(r.ms)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>Total {formatDuration(total)}.</p>
      {phases.appTimeMs !== null && (
        <p data-testid="platform-overhead">
          The platform reported {formatDuration(phases.appTimeMs)} in the app (metrics.appTimeMs); the rest of the GraphQL wait, {formatDuration(phases.platformOverheadMs)}, is Forge's own overhead.
        </p>
      )}
    </div>
  );
}
