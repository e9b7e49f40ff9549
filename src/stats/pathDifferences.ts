/** How invokeRemote and requestRemote differ (forge-facts §5), with how far each fact is trusted. */
export interface PathDifference {
  aspect: string;
  invokeRemote: string;
  requestRemote: string;
  /** DOC: Atlassian's docs; PKG: read in @forge/bridge; INF: inferred, unverified. */
  source: 'DOC' | 'PKG' | 'INF' | 'DOC/PKG';
}

export const PATH_DIFFERENCES: readonly PathDifference[] = [
  { aspect: 'Network path', invokeRemote: 'Through Forge: GraphQL invokeExtension, then the platform calls the remote', requestRemote: 'Directly from the browser to the remote', source: 'DOC' },
  { aspect: 'OAuth tokens (x-forge-oauth-*)', invokeRemote: "Sent when the endpoint's auth asks for them", requestRemote: 'Never', source: 'DOC' },
  { aspect: 'FIT', invokeRemote: 'Minted server-side; not visible in the browser', requestRemote: 'Bearer header, visible here; no app.license claim; cached and renewed', source: 'DOC' },
  { aspect: 'Metrics and invocation limits', invokeRemote: 'Counted in the developer console; subject to limits', requestRemote: 'Not counted as invocations', source: 'DOC' },
  { aspect: 'Request body', invokeRemote: 'A JSON object only', requestRemote: 'Any fetch body, FormData with files included', source: 'DOC/PKG' },
  { aspect: 'Payload limits', invokeRemote: '500 KB request, 5 MB response', requestRemote: 'Not documented', source: 'DOC' },
  { aspect: '401 from the remote', invokeRemote: 'Rejects: "Remote could not verify the Forge Invocation Token"', requestRemote: 'Passed through as a 401 response', source: 'DOC/PKG' },
  { aspect: 'Redirects (3xx)', invokeRemote: 'Unsupported: an error', requestRemote: 'Followed by the browser', source: 'INF' },
  { aspect: 'Timeout', invokeRemote: '25 s for UI modules', requestRemote: 'Not documented', source: 'DOC' },
  { aspect: 'CORS on the remote', invokeRemote: 'Not needed (server to server)', requestRemote: "Required: answer the preflight from the site's origin", source: 'INF' },
  { aspect: 'Streaming', invokeRemote: 'No (a GraphQL round trip)', requestRemote: 'Explicitly not supported', source: 'DOC' },
  { aspect: 'Client-side rate limit', invokeRemote: '500 calls per 25 s in the bridge (BridgeAPIError)', requestRemote: 'None in the bridge', source: 'PKG' },
];
