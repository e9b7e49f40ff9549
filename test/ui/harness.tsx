import { render } from 'preact';
import type { BackgroundToPanel, PanelToBackground } from '../../src/protocol';
import type { PanelDataSource } from '../../src/ui/dataSource';
import { Panel } from '../../src/ui/Panel';
import type { PanelEnvironment } from '../../src/ui/panelEnvironment';
import '../../src/ui/panel.css';

/**
 * The panel as a plain page with a scripted data source: the test pushes BackgroundToPanel messages through
 * window.__ui.push and reads what the panel sent back in window.__ui.sent.
 */
let deliver: ((m: BackgroundToPanel) => void) | null = null;
// Messages a test queued before the page loaded (evaluateOnNewDocument): delivered when the panel connects.
const pending: BackgroundToPanel[] = [...((window as unknown as { __preload?: BackgroundToPanel[] }).__preload ?? [])];
const sent: PanelToBackground[] = [];
const saved: { name: string; text: string }[] = [];

const source: PanelDataSource = {
  connect(onMessage) {
    deliver = onMessage;
    for (const m of pending.splice(0)) onMessage(m);
    return () => (deliver = null);
  },
  send(message) {
    sent.push(message);
  },
};

const params = new URLSearchParams(location.search);
const env: PanelEnvironment = {
  extensionVersion: '0.0.0-test',
  browser: { name: 'Chromium', version: 'test' },
  theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  fetchJwks: null,
  trustedJwksUrls: async () => [],
  coveredOrigins: async () => ['https://*.atlassian.net/*', 'http://localhost/*'],
  listPageFrameUrls: async () => ['http://localhost:8000/main/index.html', 'https://uncovered.example/app/index.html'],
  openSettings: () => sent.push({ type: 'clear', tabId: -1 }),
  openViewer: null,
  saveFile: (name, _mime, data) => void data.text().then((text) => saved.push({ name, text })),
  now: () => Date.now(),
};

(window as unknown as Record<string, unknown>).__ui = {
  push(messages: BackgroundToPanel[]) {
    for (const m of messages) (deliver ? deliver(m) : pending.push(m));
  },
  sent,
  saved,
};

render(<Panel source={source} tabId={7} env={env} />, document.getElementById('app')!);
