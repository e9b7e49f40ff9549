/** The pages findings rest on (forge-facts §2.3, §3, §5, §6), one place. */
export const DOCS = {
  invoke: { title: 'Forge bridge: invoke', url: 'https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/invoke/' },
  resolver: { title: '@forge/resolver: resolver.define', url: 'https://developer.atlassian.com/platform/forge/runtime-reference/forge-resolver/' },
  view: { title: 'Forge bridge: view.getContext', url: 'https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/' },
  uiKit: { title: 'UI Kit', url: 'https://developer.atlassian.com/platform/forge/ui-kit/' },
  limits: { title: 'Forge invocation limits', url: 'https://developer.atlassian.com/platform/forge/limits-invocation/' },
  graphqlLimit: { title: 'Community: the 25 s load time and the GraphQL 5242880 byte limit', url: 'https://community.developer.atlassian.com/t/improving-support-for-long-running-tasks-in-forge/69646' },
  invokeRemote: { title: 'Forge bridge: invokeRemote', url: 'https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/invokeRemote/' },
  requestRemote: { title: 'Forge bridge: requestRemote', url: 'https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/requestRemote/' },
  remoteEssentials: { title: 'Forge Remote essentials (FIT verification)', url: 'https://developer.atlassian.com/platform/forge/remote/essentials/' },
  slowStart: { title: 'Community: a second of nothing before the first invocation', url: 'https://community.developer.atlassian.com/t/97589' },
} as const;
