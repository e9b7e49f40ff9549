/** How far a fact is trusted (forge-facts.md): DOC Atlassian's docs, PKG read in @forge/bridge, 3P others' findings, INF inferred. */
export type SourceTag = 'DOC' | 'PKG' | '3P' | 'INF';

/** One row of forge-facts §5: how invokeRemote and requestRemote differ. */
export interface PathDifference {
  aspect: string;
  invokeRemote: string;
  requestRemote: string;
  /** Where each side's statement comes from. */
  sources: { invokeRemote: SourceTag; requestRemote: SourceTag };
  /** Both tags for one column: `DOC`, or `DOC / INF` (invokeRemote's, then requestRemote's) when they differ. */
  source: string;
}

type Row = readonly [aspect: string, invokeRemote: string, requestRemote: string, invokeSource: SourceTag, requestSource?: SourceTag];

const ROWS: readonly Row[] = [
  ['Which remote', "The module's endpoint remote (one per module)", 'Any remotes[].key, passed as the first argument', 'DOC'],
  ['Network path', 'Through Forge: GraphQL invokeExtension, then Forge calls the remote', 'Straight from the browser to the remote, not proxied', 'DOC'],
  ['FIT', 'Sent to the remote; minted server-side, not visible in the browser', 'Bearer header, visible here; no app.license claim; cached and renewed', 'INF', 'DOC'],
  ['OAuth tokens (x-forge-oauth-*)', "Sent when the endpoint module's auth asks for them", 'Never', 'DOC'],
  ['Metrics and invocation limits', 'Counted in developer-console metrics; subject to invocation limits', 'Not tracked; not treated as invocations', 'DOC'],
  ['Request body', 'A JSON object only (JSON.stringify’d)', 'Any fetch body, FormData with files included', 'DOC', 'PKG'],
  ['Payload limits', '500 KB request, 5 MB response', 'Not documented', 'DOC'],
  ['401 from the remote', 'Rejects: "Remote could not verify the Forge Invocation Token"', 'Passed through as a 401 response', 'DOC', 'INF'],
  ['Redirects (3xx)', 'Unsupported: an error', 'Followed by the browser', 'DOC', 'INF'],
  ['Timeout', '25 s for UI modules', 'Not documented', 'DOC'],
  ['CORS on the remote', 'Not needed (server to server)', "Required: the remote answers a preflight from the site's origin", 'INF'],
  ['Streaming', 'No (a GraphQL round trip)', 'Explicitly not supported', 'INF', 'DOC'],
  ['Client-side rate limit', '500 calls per 25 s, then BridgeAPIError', 'None in the bridge', 'PKG'],
];

function toDifference([aspect, invokeRemote, requestRemote, invokeSource, requestSource = invokeSource]: Row): PathDifference {
  const source = invokeSource === requestSource ? invokeSource : `${invokeSource} / ${requestSource}`;
  return Object.freeze({ aspect, invokeRemote, requestRemote, sources: Object.freeze({ invokeRemote: invokeSource, requestRemote: requestSource }), source });
}

/** forge-facts §5 as rows for the panel, each side with the tag of its source. */
export const PATH_DIFFERENCES: readonly PathDifference[] = Object.freeze(ROWS.map(toDifference));
