import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CallRecord, PanelToBackground } from '../protocol';
import type { PanelDataSource } from './dataSource';
import { formatClock, formatDuration, shortFrameName } from './format';
import { applyPanelMessage, emptySessionView, type SessionView } from './sessionState';

function durationOf(call: CallRecord): number | null {
  return call.endedAt === null ? null : call.endedAt - call.startedAt;
}

function EmptyState({ view, onOpenSettings }: { view: SessionView; onOpenSettings?: () => void }) {
  if (!view.connected) return <p class="empty">Connecting to the recorder…</p>;
  if (view.frames.some((f) => f.bridge)) return <p class="empty">A Forge bridge is hooked in this tab; no call yet.</p>;
  return (
    <div class="empty" role="status">
      <p><strong>No Forge frame in this tab yet.</strong> Likely reasons:</p>
      <ul>
        <li>This page is not a Forge app page (Jira, Confluence or Bitbucket with a Custom UI or UI Kit app).</li>
        <li>
          The app's frames are on an origin the extension does not cover (for example a custom tunnel host): add it in{' '}
          {onOpenSettings ? <button type="button" class="link" onClick={onOpenSettings}>Settings</button> : 'Settings'}.
        </li>
        <li>The page was loaded before the extension was installed or updated: reload the page.</li>
      </ul>
    </div>
  );
}

/** The call list for one tab: toolbar, counters and a live table. */
export function CallListPanel({ source, tabId, onOpenSettings }: { source: PanelDataSource; tabId: number; onOpenSettings?: () => void }) {
  const [view, setView] = useState<SessionView>(emptySessionView);

  useEffect(() => {
    const stop = source.connect(
      (message) => setView((current) => applyPanelMessage(current, message)),
      () => setView((current) => ({ ...current, connected: false })),
    );
    source.send({ type: 'subscribe', tabId });
    return stop;
  }, [source, tabId]);

  const frameNames = useMemo(() => new Map(view.frames.map((f) => [f.key, shortFrameName(f.url)])), [view.frames]);
  const send = (message: PanelToBackground) => source.send(message);

  return (
    <div class="panel">
      <div class="toolbar" role="toolbar" aria-label="Recording">
        <button
          type="button"
          aria-pressed={view.recording}
          title={view.recording ? 'Pause recording' : 'Resume recording'}
          onClick={() => send({ type: 'set-recording', tabId, on: !view.recording })}
        >
          {view.recording ? '⏸ Pause' : '⏺ Record'}
        </button>
        <button type="button" title="Clear the calls of this tab" onClick={() => send({ type: 'clear', tabId })}>
          ⊘ Clear
        </button>
        <label>
          <input
            type="checkbox"
            checked={view.preserveLog}
            onChange={(e) => send({ type: 'set-preserve-log', tabId, on: (e.target as HTMLInputElement).checked })}
          />
          Preserve log
        </label>
        <span class="count" data-testid="call-count">{view.calls.length} calls</span>
        {view.dropped > 0 && <span class="warn" data-testid="dropped">{view.dropped} oldest calls dropped (bound reached)</span>}
        {view.lostInTransit > 0 && <span class="warn">{view.lostInTransit} events lost in transit</span>}
        {!view.recording && <span class="warn">Recording paused</span>}
        {view.error && <span class="error" role="alert">{view.error}</span>}
      </div>
      {view.calls.length === 0 ? (
        <EmptyState view={view} onOpenSettings={onOpenSettings} />
      ) : (
        <table class="calls" role="grid" aria-label="Forge bridge calls">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Frame</th>
              <th scope="col">Kind</th>
              <th scope="col">Summary</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {view.calls.map((call) => (
              <tr key={call.id} class={`status-${call.status}`} data-call-id={call.id} data-command={call.command}>
                <td>{formatClock(call.startedAt)}</td>
                <td title={call.frameKey}>{frameNames.get(call.frameKey) ?? call.frameKey}</td>
                <td>{call.kind}</td>
                <td class="summary">{call.summary}</td>
                <td>{call.status}</td>
                <td>{formatDuration(durationOf(call))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
