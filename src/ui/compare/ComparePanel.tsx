import type { CallRecord } from '../../protocol';
import { compareRemotes, PATH_DIFFERENCES, verdictFor, type EndpointComparison, type PathStats } from '../../stats';
import { formatBytes, formatDuration } from '../format';

function Histogram({ cmp }: { cmp: EndpointComparison }) {
  const max = Math.max(1, ...cmp.histogram.invokeRemote, ...cmp.histogram.requestRemote);
  const edges = cmp.histogram.edges;
  return (
    <div class="histogram" role="img" aria-label={`Latency histogram for ${cmp.method} ${cmp.path}, shared bins up to ${formatDuration(edges[edges.length - 1] ?? 0)}`}>
      {cmp.histogram.invokeRemote.map((a, i) => (
        <div class="bin" key={i} title={`${formatDuration(edges[i] ?? 0)}–${formatDuration(edges[i + 1] ?? 0)}: invokeRemote ${a}, requestRemote ${cmp.histogram.requestRemote[i]}`}>
          <span class="bar-invoke" style={{ height: `${(a / max) * 100}%` }} />
          <span class="bar-request" style={{ height: `${((cmp.histogram.requestRemote[i] ?? 0) / max) * 100}%` }} />
        </div>
      ))}
    </div>
  );
}

function cells(s: PathStats | null) {
  if (!s) return <td colSpan={7} class="muted">not used</td>;
  return (
    <>
      <td>{s.calls}{s.pending ? ` (+${s.pending} pending)` : ''}</td>
      <td>{formatDuration(s.latency.p50)}</td>
      <td>{formatDuration(s.latency.p95)}</td>
      <td>{formatDuration(s.latency.max)}</td>
      <td>{Math.round(s.errorRate * 100)} %</td>
      <td>{formatBytes(Math.round(s.requestBytesP50))}</td>
      <td>{formatBytes(Math.round(s.responseBytesP50))}</td>
    </>
  );
}

/** Per remote endpoint, invokeRemote against requestRemote: numbers, histograms, a verdict, and how the paths differ. */
export function ComparePanel({ calls }: { calls: readonly CallRecord[] }) {
  const comparisons = compareRemotes(calls);
  return (
    <div class="compare">
      {comparisons.length === 0 ? (
        <p class="empty" data-testid="compare-empty">
          No remote calls yet. Make the same remote call with <code>invokeRemote</code> (through Forge) and <code>requestRemote</code> (straight from
          the browser) and they are compared here, endpoint by endpoint.
        </p>
      ) : (
        comparisons.map((cmp) => (
          <section key={cmp.id} class="endpoint" aria-label={cmp.id}>
            <h3>
              {cmp.method} {cmp.path || '/'}
              {cmp.remoteKeys.length > 0 && <span class="muted"> · remote {cmp.remoteKeys.join(', ')}</span>}
            </h3>
            <p class="verdict" data-testid="verdict">{verdictFor(cmp)}</p>
            <table class="stats">
              <thead><tr><th /><th>calls</th><th>p50</th><th>p95</th><th>max</th><th>errors</th><th>request</th><th>response</th></tr></thead>
              <tbody>
                <tr><th><span class="key-invoke" /> invokeRemote</th>{cells(cmp.invokeRemote)}</tr>
                <tr><th><span class="key-request" /> requestRemote</th>{cells(cmp.requestRemote)}</tr>
              </tbody>
            </table>
            <Histogram cmp={cmp} />
          </section>
        ))
      )}
      <h3>How the two paths differ</h3>
      <table class="differences">
        <thead><tr><th>Aspect</th><th>invokeRemote</th><th>requestRemote</th><th>Source</th></tr></thead>
        <tbody>{PATH_DIFFERENCES.map((d) => <tr key={d.aspect}><th>{d.aspect}</th><td>{d.invokeRemote}</td><td>{d.requestRemote}</td><td class="muted" title="DOC: Atlassian docs; PKG: @forge/bridge source; 3P: others' findings; INF: inferred. Two tags: invokeRemote's, then requestRemote's">{d.source}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
