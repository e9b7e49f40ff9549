import type { SnapshotValue } from '../../protocol';
import { errorParts } from './whatHappened';

/** An error as a developer reads it: name and message, the Forge errorType and statusCode, and the stack. */
export function ErrorView({ value }: { value: SnapshotValue | undefined }) {
  const e = errorParts(value);
  return (
    <div class="error-view" data-testid="error-view">
      <dl>
        <dt>Message</dt><dd class="error">{e.name ? `${e.name}: ` : ''}{e.message || '(no message)'}</dd>
        {e.errorType && (<><dt>Type</dt><dd><code>{e.errorType}</code></dd></>)}
        {e.statusCode !== null && (<><dt>Status code</dt><dd class="num">{e.statusCode}</dd></>)}
      </dl>
      {e.stack && <pre class="stack" aria-label="Stack">{e.stack}</pre>}
    </div>
  );
}
