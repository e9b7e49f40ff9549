import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TraceV2 } from '../../protocol';
import { DEFAULT_SAFE_HEADERS } from '../../settings/safeHeaders';
import { DEFAULT_SENSITIVE_KEYS, harJsonParts, redactWithReport, traceJsonParts, type RedactOptions } from '../../trace';
import type { PanelEnvironment } from '../panelEnvironment';
import { RedactionPreview } from './RedactionPreview';
import { subsetTrace } from './subsetTrace';

/** What the list shows when Export opens: its call ids, and whether a filter hides some calls. */
export interface ExportScope {
  shownIds: ReadonlySet<string>;
  filtered: boolean;
}

const listOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

/** Export as a JSON trace or HAR; redaction is on by default, its effect shown before saving. */
export function ExportDialog({ build, env, onClose, scope: scopeNow = null }: { build: () => TraceV2; env: PanelEnvironment; onClose: () => void; scope?: ExportScope | null }) {
  // The session and the list as they were when Export opened: calls streaming in meanwhile do not change the file.
  const whole = useMemo(build, []);
  const [scope] = useState(scopeNow);
  // A filtered list exports what it shows unless the user picks every call.
  const [onlyShown, setOnlyShown] = useState(scope?.filtered ?? false);
  const trace = useMemo(() => (onlyShown && scope ? subsetTrace(whole, scope.shownIds) : whole), [whole, onlyShown]);
  const [format, setFormat] = useState<'json' | 'har'>('json');
  const [keepSecrets, setKeepSecrets] = useState(false);
  const [keysText, setKeysText] = useState(DEFAULT_SENSITIVE_KEYS.join(', '));
  const [safeText, setSafeText] = useState(DEFAULT_SAFE_HEADERS.join(', '));
  const [removeOpaque, setRemoveOpaque] = useState(false);
  // Starts from the Settings list (the same one the background's exportTrace uses) once storage answers.
  useEffect(() => void env.safeHeaders?.().then((list) => setSafeText(list.join(', '))), []);
  const [progress, setProgress] = useState<string | null>(null);
  const options: RedactOptions = { keys: listOf(keysText), safeHeaders: listOf(safeText), removeOpaque };
  // The preview's pass is the one saved: Save writes the very copy whose report the dialog shows.
  const redacted = useMemo(() => redactWithReport(trace, options), [trace, keysText, safeText, removeOpaque]);
  const report = redacted.report;

  const save = async () => {
    // Large traces: show progress between the steps (each is one pass over the trace).
    const out = keepSecrets ? trace : redacted.trace;
    setProgress(format === 'har' ? 'Building the HAR…' : 'Writing JSON…');
    await nextFrame();
    // In parts (one per call or entry): no single string of the whole trace is built.
    const blob = new Blob(format === 'har' ? harJsonParts(out) : traceJsonParts(out), { type: 'application/json' });
    setProgress(`Saving ${(blob.size / 1024 / 1024).toFixed(1)} MB…`);
    await nextFrame();
    const stamp = new Date(env.now()).toISOString().replace(/[:.]/g, '-');
    env.saveFile(`forge-bridge-${stamp}${keepSecrets ? '-UNREDACTED' : ''}.${format === 'har' ? 'har' : 'json'}`, 'application/json', blob);
    setProgress(null);
    onClose();
  };

  return (
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="export-title">Export {trace.calls.length.toLocaleString()} calls and {trace.network.length.toLocaleString()} requests</h2>
      {scope?.filtered && (
        <fieldset data-testid="export-scope">
          <legend>Calls</legend>
          <label><input type="radio" name="scope" checked={onlyShown} onChange={() => setOnlyShown(true)} /> The {scope.shownIds.size.toLocaleString()} calls the filtered list shows, with their requests and tokens</label>
          <label><input type="radio" name="scope" checked={!onlyShown} onChange={() => setOnlyShown(false)} /> All {whole.calls.length.toLocaleString()} calls of the session</label>
        </fieldset>
      )}
      <fieldset>
        <legend>Format</legend>
        <label><input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> Trace (JSON, opens in the viewer)</label>
        <label><input type="radio" name="format" checked={format === 'har'} onChange={() => setFormat('har')} /> HAR 1.2 (any HAR viewer; bridge calls in <code>_forge</code>)</label>
      </fieldset>
      <fieldset>
        <legend>Redaction</legend>
        {!keepSecrets ? (
          <RedactionPreview report={report} removeOpaque={removeOpaque} onRemoveOpaque={setRemoveOpaque} />
        ) : (
          <p class="error" role="alert">The file will carry live credentials (tokens, cookies, secrets). Share it only with someone you would give them to.</p>
        )}
        <label>Sensitive names (a name containing one is masked) <input value={keysText} onInput={(e) => setKeysText((e.target as HTMLInputElement).value)} disabled={keepSecrets} size={60} /></label>
        <label>Headers kept readable (every other header's value is removed; <code>x-b3-*</code> covers a prefix) <input value={safeText} onInput={(e) => setSafeText((e.target as HTMLInputElement).value)} disabled={keepSecrets} size={60} /></label>
        <label><input type="checkbox" checked={keepSecrets} onChange={(e) => setKeepSecrets((e.target as HTMLInputElement).checked)} /> Keep secrets (not redacted)</label>
      </fieldset>
      {progress && <p role="status" aria-live="polite"><progress /> {progress}</p>}
      <div class="buttons">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" class="primary" disabled={progress !== null} onClick={() => void save()}>Save {format === 'har' ? 'HAR' : 'trace'}</button>
      </div>
    </div>
  );
}
