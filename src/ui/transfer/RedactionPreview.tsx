import type { RedactionReport } from '../../trace';

type Counts = RedactionReport['counts'];

const CLASSES: [keyof Counts, string][] = [
  ['jwtSignatures', 'JWT signatures (claims stay readable)'],
  ['oauthTokens', 'OAuth tokens (x-forge-oauth-*)'],
  ['cookies', 'Cookies'],
  ['authorization', 'Other Authorization and Basic/Bearer credentials'],
  ['headers', 'Header values not on the safe list'],
  ['sensitiveKeys', 'Values under sensitive names'],
  ['urlCredentials', 'URL passwords and signed-URL parameters'],
  ['knownFormats', 'Known credential formats in text'],
  ['privateKeys', 'Private keys (PEM)'],
  ['opaque', 'Long opaque values you chose to remove'],
];

const SHOWN_SUSPECTS = 20;

/**
 * What redaction removes, by class, and apart from it what looked like a secret and is kept, with one
 * action to remove those too. It never says "all clear": redaction removes only what it recognises.
 */
export function RedactionPreview({ report, removeOpaque, onRemoveOpaque }: { report: RedactionReport; removeOpaque: boolean; onRemoveOpaque: (remove: boolean) => void }) {
  // Every class is listed, zeros too (dimmed): a short list would read as "nothing else was looked for".
  const rows = CLASSES.filter(([k]) => k !== 'opaque' || removeOpaque);
  const formats = report.formats.map(([name, n]) => `${name} ${n}`).join(', ');
  return (
    <div>
      <ul data-testid="redaction-preview">
        {rows.map(([k, label]) => (
          <li key={k} class={report.counts[k] === 0 ? 'none' : undefined}>
            {report.counts[k]} × {label}
            {k === 'knownFormats' && formats ? ` (${formats})` : ''}
          </li>
        ))}
      </ul>
      <section data-testid="redaction-kept" aria-label="Kept, though it looks like a secret">
        {report.suspectCount > 0 ? (
          <>
            <p class="warning">
              Kept, though it looks like a secret: {report.suspectCount} long opaque value{report.suspectCount === 1 ? '' : 's'} under names the rules do not know.{' '}
              <button type="button" onClick={() => onRemoveOpaque(true)}>Remove these too</button>
            </p>
            <ul class="suspects">
              {report.suspects.slice(0, SHOWN_SUSPECTS).map((s, i) => <li key={i}>{s.where}{s.name ? ` · ${s.name}` : ''}: <code>{s.hint}</code></li>)}
              {report.suspectCount > SHOWN_SUSPECTS && <li>… and {report.suspectCount - SHOWN_SUSPECTS} more</li>}
            </ul>
          </>
        ) : removeOpaque ? (
          <p>
            Long opaque values under unknown names are removed too.{' '}
            <button type="button" onClick={() => onRemoveOpaque(false)}>Keep them</button>
          </p>
        ) : (
          <p>No long opaque values under unknown names.</p>
        )}
        <p class="hint">Redaction removes only what it recognises: read the file before you attach it to a public issue.</p>
      </section>
    </div>
  );
}
