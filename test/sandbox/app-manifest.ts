/**
 * The sandbox's Forge app, as a Forge manifest.yml would describe it. The one description the sandbox's
 * server side (platform, remote, product) and browser side (host page, bridge script, apps) both read.
 */

export const APP_UUID = '5f6c1a0e-3b9d-4c2e-9a41-7d2b8e6f0c13';
export const APP_ID = `ari:cloud:ecosystem::app/${APP_UUID}`;
export const ENVIRONMENT_UUID = 'b7e4c2d1-0a9f-4e8b-8c3d-2f1e6a5b4c39';
export const ENVIRONMENT_ID = `ari:cloud:ecosystem::environment/${APP_UUID}/${ENVIRONMENT_UUID}`;
export const DEPLOYMENT_ID = '0f3e9c1b-7a2d-4e6f-b5c8-9d0a1b2c3d4e';
export const INSTALLATION_ID = 'ari:cloud:ecosystem::installation/8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d';
export const CLOUD_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const ACCOUNT_ID = '712020:8f14e45f-ceea-467f-a0e6-b1c2d3e4f5a6';
export const APP_VERSION = '4.12.0';

export type EnvironmentType = 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';

export interface RemoteDef {
  key: string;
  /** Filled in at start: the remote server's origin. */
  baseUrlFromSandbox: 'remote';
  /** function→remote auth (remotes[].auth); frontend calls use the endpoint's auth instead. */
  auth: { appSystemToken: boolean; appUserToken: boolean };
}

export interface EndpointDef {
  key: string;
  remote: string;
  /** What the platform sends to the remote on invokeRemote from this module (endpoint.auth). */
  auth: { appSystemToken: boolean; appUserToken: boolean };
}

export interface ModuleDef {
  /** Module key, as in manifest.yml. */
  key: string;
  /** Module type as it appears in context.extension.type. */
  type: string;
  /** Module type as it appears in the FIT's app.module.type. */
  fitModuleType: string;
  resource: string;
  render: 'custom-ui' | 'uikit';
  /** resolver.function (resolver invoke) or resolver.endpoint (invokeRemote). */
  resolver: { function?: string; endpoint?: string };
  title: string;
}

export const REMOTES: RemoteDef[] = [
  { key: 'remote-a', baseUrlFromSandbox: 'remote', auth: { appSystemToken: true, appUserToken: false } },
];

export const ENDPOINTS: EndpointDef[] = [
  { key: 'remote-endpoint', remote: 'remote-a', auth: { appSystemToken: true, appUserToken: true } },
];

/** Resolver function keys the platform runs in-process for `invoke(functionKey)`. */
export const RESOLVER_FUNCTIONS = ['getText', 'getIssues', 'echo', 'fail', 'slow', 'big'] as const;

export const MODULES: ModuleDef[] = [
  {
    key: 'issue-panel',
    type: 'jira:issuePanel',
    fitModuleType: 'jira:issuePanel',
    resource: 'main',
    render: 'custom-ui',
    resolver: { endpoint: 'remote-endpoint' },
    title: 'Task tracker (Custom UI)',
  },
  {
    key: 'resolver-panel',
    type: 'jira:issuePanel',
    fitModuleType: 'jira:issuePanel',
    resource: 'main',
    render: 'custom-ui',
    resolver: { function: 'resolver' },
    title: 'Resolver panel (Custom UI)',
  },
  {
    key: 'macro',
    type: 'xen:macro',
    fitModuleType: 'xen:macro',
    resource: 'macro',
    render: 'custom-ui',
    resolver: { endpoint: 'remote-endpoint' },
    title: 'Macro (Custom UI)',
  },
  {
    key: 'uikit-panel',
    type: 'jira:issuePanel',
    fitModuleType: 'jira:issuePanel',
    resource: 'uikit',
    render: 'uikit',
    resolver: { function: 'resolver' },
    title: 'UI Kit panel',
  },
];

/** The site the sandbox plays. */
export const SITE = {
  /** Shown in context.siteUrl; the real origin is the sandbox's site server. */
  name: 'sandbox',
  issueKey: 'SBX-1',
  locale: 'en-US',
  timezone: 'Europe/Amsterdam',
} as const;
