import { useState } from 'preact/hooks';
import { callAsCode, callAsMarkdown, requestRemoteAsCurl, requestRemoteAsFetch } from '../../copy';
import type { CallPhases, CallRecord, Finding, FrameRecord, NetworkEntry } from '../../protocol';
import { copyText } from '../clipboard';

/** Copy a call as code, a requestRemote as cURL or fetch (token only when asked), or as Markdown for an issue. */
export function CopyMenu({ call, frame, entry, phases, findings = [] }: { call: CallRecord; frame: FrameRecord | null; entry: NetworkEntry | null; phases: CallPhases; findings?: readonly Finding[] }) {
  const [includeToken, setIncludeToken] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const copy = (label: string, text: string | null) => {
    if (text === null) return;
    void copyText(text).then((ok) => setDone(ok ? `Copied ${label}` : 'Copy failed'));
  };
  const remote = call.command === 'fetchRemote';
  return (
    <div class="copy-menu" role="group" aria-label="Copy">
      <button type="button" onClick={() => copy('as code', callAsCode(call))}>Copy as code</button>
      {remote && <button type="button" onClick={() => copy('as cURL', requestRemoteAsCurl(call, entry, { includeToken }))}>Copy as cURL</button>}
      {remote && <button type="button" onClick={() => copy('as fetch', requestRemoteAsFetch(call, entry, { includeToken }))}>Copy as fetch</button>}
      <button type="button" onClick={() => copy('as Markdown', callAsMarkdown(call, frame, { phases, findings }))}>Copy as Markdown</button>
      {remote && (
        <label title="Off: the token is a $FORGE_FIT placeholder. A FIT is a credential for 25 s.">
          <input type="checkbox" checked={includeToken} onChange={(e) => setIncludeToken((e.target as HTMLInputElement).checked)} /> include the real token
        </label>
      )}
      {done && <span role="status" class="muted">{done}</span>}
    </div>
  );
}
