/** What the site server tells the page (GET /__sandbox/config.json); knobs as the server keeps them. */
export interface HostConfig {
  siteOrigin: string;
  cdnOrigin: string;
  remoteOrigin: string;
  appBaseUrl: string;
  remotes: Record<string, string>;
  knobs: {
    environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
    fitRenewBeforeExpiryMs: number;
    requestRemoteSendsB3: boolean;
    requestRemoteFrom: 'host' | 'iframe';
    invokeOperationName: string;
    graphqlForm: 'persisted' | 'classic';
    fctVia: 'rest' | 'graphql' | 'global';
  };
}

export async function loadConfig(): Promise<HostConfig> {
  const response = await fetch('/__sandbox/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config: HTTP ${response.status}`);
  return (await response.json()) as HostConfig;
}
