import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { TraceV2 } from '../../src/protocol';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { Panel } from '../../src/ui/Panel';
import '../../src/ui/panel.css';
import { ImportButton, readTraceFile, useFileDrop } from '../../src/ui/transfer/ImportButton';
import { extensionEnvironment } from '../panel/environment';

const env = extensionEnvironment({ viewer: true });

/** The trace viewer: open a trace or HAR by picker or drop, then the panel's whole UI on it. */
function Viewer() {
  const [opened, setOpened] = useState<{ trace: TraceV2; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const over = useFileDrop((file) => void readTraceFile(file).then((r) => (r.ok ? (setError(null), setOpened({ trace: r.trace, name: file.name })) : setError(`${file.name}: ${r.error}`))));
  if (opened) return <ErrorBoundary name="The trace viewer" resetKeys={[opened]}><Panel key={opened.name} source={null} tabId={null} env={env} initialTrace={opened} /></ErrorBoundary>;
  return (
    <div class="viewer" data-theme={env.theme}>
      <div class={`drop${over ? ' over' : ''}`}>
        <h1>Forge Bridge trace viewer</h1>
        <p>Drop a trace (<code>.json</code>) or a HAR file here, or</p>
        <ImportButton label="Open a file…" onImported={(trace, name) => setOpened({ trace, name })} />
        {error && <p class="error" role="alert" data-testid="viewer-error">{error}</p>}
        <p class="muted">Files are read here, in your browser; nothing is uploaded.</p>
      </div>
    </div>
  );
}

render(<Viewer />, document.getElementById('app')!);
