import { useEffect, useState } from 'preact/hooks';
import { originalLabel, type OriginalPlace } from '../../initiator/sourceMap';
import type { CallInitiator, StackFrame } from '../../protocol';
import type { PanelEnvironment } from '../panelEnvironment';

/** The last path segment of a script URL, without its query: what DevTools' Initiator column shows. */
export function scriptName(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? url;
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

/** "fn @ app.js:3405", or "app.js:3405" for anonymous code. */
export function frameLabel(frame: StackFrame): string {
  const where = `${scriptName(frame.url)}:${frame.line}`;
  return frame.fn ? `${frame.fn} @ ${where}` : where;
}

/** What the panel says where a call has no initiator (the column's tooltip, the details). */
export const INITIATOR_NONE =
  'Not recorded: call sites are off by default (each costs the page a stack per call); turn on "Record call sites" in Settings. None is recorded either while the page has set Error.prepareStackTrace.';

/** The Initiator column's text: the innermost frame of the call site; '' when none was recorded. */
export function initiatorCell(initiator: CallInitiator | undefined): string {
  const top = initiator?.frames[0];
  return top ? frameLabel(top) : '';
}

/**
 * The call site as a short stack, each frame a link that opens the script at its line in DevTools' Sources
 * (Chrome's devtools.panels.openResource). Firefox has no such API for extensions (bug 1575240): there the
 * frames are text to find with the Debugger's "Go to line".
 */
export function InitiatorStack({ initiator, openResource, originalPlace = null }: { initiator: CallInitiator | undefined; openResource: PanelEnvironment['openResource']; originalPlace?: PanelEnvironment['originalPlace'] }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [originals, setOriginals] = useState<(OriginalPlace | null)[]>([]);
  useEffect(() => {
    setOriginals([]);
    if (!originalPlace || !initiator) return;
    let live = true;
    void Promise.all(initiator.frames.map((f) => originalPlace(f).catch(() => null))).then((places) => live && setOriginals(places));
    return () => void (live = false);
  }, [initiator, originalPlace]);
  if (!initiator || initiator.frames.length === 0) return <span class="muted" data-testid="initiator-none">{INITIATOR_NONE}</span>;
  return (
    <>
      <ol class="initiator" data-testid="initiator">
        {initiator.frames.map((f, i) => (
          <li key={i} title={`${f.url}:${f.line}:${f.column}`}>
            {openResource ? (
              <button type="button" class="link" data-testid="open-source" onClick={() => void openResource(f.url, f.line, f.column).then((ok) => setStatus({ ok, text: ok ? `Opened ${scriptName(f.url)}:${f.line} in Sources.` : `DevTools could not open ${scriptName(f.url)}.` }))}>
                {frameLabel(f)}
              </button>
            ) : (
              <code>{frameLabel(f)}</code>
            )}
            {originals[i] && (
              <span class="muted" data-testid="initiator-original" title={`${originals[i]!.source}:${originals[i]!.line}:${originals[i]!.column}`}>
                {' '}
                ({originalLabel(originals[i]!)})
              </span>
            )}
          </li>
        ))}
      </ol>
      {!openResource && <p class="muted">Opening the place in Sources needs DevTools' openResource, which this browser does not give extensions: find it with the Debugger's "Go to line".</p>}
      {status && <p class={status.ok ? 'muted' : 'warn'} role="status" data-testid="open-source-status">{status.text}</p>}
    </>
  );
}
