import type { NetworkEntry } from '../../protocol';
import { JsonTree } from '../JsonTree';
import { parsedBody } from './whatHappened';

/** The HTTP request that went out for a call (its matched network entry): method, URL, headers and body. */
export function HttpRequestView({ entry }: { entry: NetworkEntry }) {
  const body = entry.requestBody === null ? null : parsedBody(entry.requestBody);
  return (
    <section class="http-request" data-testid="http-request" aria-label="HTTP request">
      <h4>HTTP request that went out</h4>
      <p><code>{entry.method} {entry.url}</code></p>
      {entry.requestHeaders.length > 0 && (
        <table class="claims headers"><tbody>{entry.requestHeaders.map((h, i) => <tr key={i}><th>{h.name}</th><td>{h.value}</td></tr>)}</tbody></table>
      )}
      {body !== null && body !== undefined && (typeof body === 'string' ? <pre class="raw">{body}</pre> : <JsonTree value={body} label="Request body" />)}
      <h4>Bridge payload</h4>
    </section>
  );
}
