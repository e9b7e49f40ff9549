import { useMemo, useState } from 'preact/hooks';
import type { RedactionCounts, TraceV2 } from '../../protocol';
import { DEFAULT_SENSITIVE_KEYS, previewRedaction, redactTrace, toHar } from '../../trace';
import type { PanelEnvironment } from '../panelEnvironment';

const KINDS: [keyof RedactionCounts, string][] = [
  ['jwtSignatures', 'JWT signatures (claims stay readable)'],
  ['oauthTokens', 'OAuth tokens (x-forge-oauth-*)'],
  ['cookies', 'Cookies'],
  ['authorization', 'Other Authorization values'],
  ['sensitiveKeys', 'Values under sensitive keys'],
];

const nextFrame = () => new Promise<void>((r) => setTimeout(r, 0));

/** Export as a JSON trace or HAR; redaction is on by default, its effect shown before saving. */
export function ExportDialog({ build, env, onClose }: { build: () => TraceV2; env: PanelEnvironment; onClose: () => void }) {
  const trace = useMemo(build, []);
  const [format, setFormat] = useState<'json' | 'har'>('json');
  const [keepSecrets, setKeepSecrets] = useState(false);
  const [keysText, setKeysText] = useState(DEFAULT_SENSITIVE_KEYS.join(', '));
  const [progress, setProgress] = useState<string | null>(null);
  const keys = keysText.split(/[\s,]+/).filter(Boolean);
  const counts = useMemo(() => previewRedaction(trace, { keys }), [trace, keysText]);

  const save = async () => {
    // Large traces: show progress between the steps (each is one pass over the trace).
    setProgress(`Redacting ${trace.calls.length.toLocaleString()} calls…`);
    await nextFrame();
    const out = keepSecrets ? trace : redactTrace(trace, { keys });
    setProgress(format === 'har' ? 'Building the HAR…' : 'Writing JSON…');
    await nextFrame();
    const text = JSON.stringify(format === 'har' ? toHar(out) : out);
    setProgress(`Saving ${(text.length / 1024 / 1024).toFixed(1)} MB…`);
    await nextFrame();
    const stamp = new Date(env.now()).toISOString().replace(/[:.]/g, '-');
    env.saveFile(`forge-bridge-${stamp}${keepSecrets ? '-UNREDACTED' : ''}.${format === 'har' ? 'har' : 'json'}`, 'application/json', new Blob([text], { type: 'application/json' }));
    setProgress(null);
    onClose();
  };

  return (
    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="export-title">Export {trace.calls.length.toLocaleString()} calls and {trace.network.length.toLocaleString()} requests</h2>
      <fieldset>
        <legend>Format</legend>
        <label><input type="radio" name="format" checked={format === 'json'} onChange={() => setFormat('json')} /> Trace (JSON, opens in the viewer)</label>
        <label><input type="radio" name="format" checked={format === 'har'} onChange={() => setFormat('har')} /> HAR 1.2 (any HAR viewer; bridge calls in <code>_forge</code>)</label>
      </fieldset>
      <fieldset>
        <legend>Redaction</legend>
        {!keepSecrets ? (
          <ul data-testid="redaction-preview">
            {KINDS.map(([k, label]) => <li key={k}>{counts[k]} × {label}</li>)}
          </ul>
        ) : (
          <p class="error" role="alert">The file will carry live credentials (tokens, cookies, secrets). Share it only with someone you would give them to.</p>
        )}
        <label>Sensitive keys <input value={keysText} onInput={(e) => setKeysText((e.target as HTMLInputElement).value)} disabled={keepSecrets} size={60} /></label>
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
