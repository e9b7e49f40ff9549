import type { SessionView } from './sessionState';

/** Why the list is empty, in the order a user should check. */
export function EmptyState({ view, filtered, onOpenSettings, onDiagnose }: { view: SessionView; filtered: boolean; onOpenSettings: (() => void) | null; onDiagnose: () => void }) {
  if (!view.connected) return <p class="empty" role="status">Connecting to the recorder…</p>;
  if (filtered) return <p class="empty" role="status">No call matches the filter.</p>;
  if (!view.recording) return <p class="empty" role="status">Recording is paused: press Record to capture calls again.</p>;
  if (view.frames.some((f) => f.bridge)) return <p class="empty" role="status">A Forge bridge is hooked in this tab; no call yet. Use the app and its calls appear here.</p>;
  return (
    <div class="empty" role="status">
      <p><strong>No Forge frame in this tab yet.</strong> Likely reasons:</p>
      <ul>
        <li>This page is not a Forge app page (Jira, Confluence or Bitbucket with a Custom UI or UI Kit app).</li>
        <li>
          The app's frames are on an origin the extension does not cover (a custom tunnel host, for example): add it in{' '}
          {onOpenSettings ? <button type="button" class="link" onClick={onOpenSettings}>Settings</button> : 'Settings'}.
        </li>
        <li>The page was loaded before the extension was installed or updated: reload the page.</li>
      </ul>
      <p><button type="button" class="link" onClick={onDiagnose}>Diagnose this page</button> shows what the extension saw.</p>
    </div>
  );
}
