import { useState } from 'preact/hooks';
import { findingsAsMarkdown } from '../../copy';
import type { CallRecord, Finding } from '../../protocol';
import { copyText } from '../clipboard';
import { formatClock, formatDuration } from '../format';

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };
/** Evidence shown per finding before "and N more". */
const EVIDENCE_SHOWN = 12;

function Evidence({ finding, callsById, onSelect }: { finding: Finding; callsById: ReadonlyMap<string, CallRecord>; onSelect: (callId: string) => void }) {
  const [all, setAll] = useState(false);
  const ids = finding.callIds.filter((id) => callsById.has(id));
  const shown = all ? ids : ids.slice(0, EVIDENCE_SHOWN);
  if (ids.length === 0) return <p class="muted">The calls behind this finding are no longer in the log.</p>;
  return (
    <ul class="evidence" aria-label="Evidence">
      {shown.map((id) => {
        const call = callsById.get(id)!;
        const duration = call.endedAt === null ? null : call.endedAt - call.startedAt;
        return (
          <li key={id}>
            <button type="button" class="link" data-testid="evidence" data-call-id={id} onClick={() => onSelect(id)} title="Select this call in the list">
              {formatClock(call.startedAt)} · {call.summary} · {call.status === 'pending' ? 'pending' : formatDuration(duration)}
            </button>
          </li>
        );
      })}
      {!all && ids.length > EVIDENCE_SHOWN && (
        <li><button type="button" class="link" onClick={() => setAll(true)}>and {ids.length - EVIDENCE_SHOWN} more</button></li>
      )}
    </ul>
  );
}

/**
 * The Findings view: what the rules found, most costly first, each with its numbers, the fix, the page it
 * rests on and the calls that show it (a click selects the call in the list).
 */
export function FindingsView({ findings, calls, onSelectCall }: { findings: readonly Finding[]; calls: readonly CallRecord[]; onSelectCall: (callId: string) => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const callsById = new Map(calls.map((c) => [c.id, c]));
  if (findings.length === 0) {
    return (
      <div class="findings empty" data-testid="findings-empty">
        <p>No findings{calls.length ? ` in ${calls.length} ${calls.length === 1 ? 'call' : 'calls'}` : ''}.</p>
        <p>
          Findings appear here as calls are recorded: a resolver name that does not exist, requests or responses near the invocation limits, calls near the 25 s
          timeout, bursts towards the bridge's 500-calls-per-25-s limit, the same call repeated within a second, calls made one after another that could run
          together, FIT renewals, clock skew and tokens near expiry, the faster remote path per endpoint, and a slow start.
        </p>
      </div>
    );
  }
  return (
    <div class="findings" data-testid="findings">
      <div class="findings-bar">
        <span>{findings.length} {findings.length === 1 ? 'finding' : 'findings'}, most costly first</span>
        <button type="button" onClick={() => void copyText(findingsAsMarkdown(findings)).then((ok) => setCopied(ok ? 'Copied as Markdown (redacted)' : 'Copy failed'))}>Copy as Markdown</button>
        {copied && <span role="status" class="muted">{copied}</span>}
      </div>
      <ol class="finding-list">
        {findings.map((f) => (
          <li key={f.id} class={`finding ${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
            <h3>
              <span class={`severity ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.title}
            </h3>
            <p class="numbers">{f.numbers}{f.costMs > 0 ? ` (${formatDuration(f.costMs)} at stake)` : ''}</p>
            <p class="fix"><strong>Fix:</strong> {f.fix}</p>
            <p class="docs">
              <a href={f.docs.url} target="_blank" rel="noreferrer noopener">{f.docs.title}</a>
            </p>
            <Evidence finding={f} callsById={callsById} onSelect={onSelectCall} />
          </li>
        ))}
      </ol>
    </div>
  );
}
