import {
  ACCOUNT_ID,
  APP_UUID,
  APP_VERSION,
  CLOUD_ID,
  ENDPOINTS,
  ENVIRONMENT_UUID,
  MODULES,
  REMOTES,
  SITE,
  type EndpointDef,
  type EnvironmentType,
  type ModuleDef,
  type RemoteDef,
} from '../app-manifest';

/** Lookups over the sandbox app (app-manifest.ts) and the module context the platform vouches for. */

/** The extension ARI of a module, as real Forge builds it: `ari:cloud:ecosystem::extension/<app>/<env>/static/<moduleKey>`. */
export function extensionIdFor(moduleKey: string): string {
  return `ari:cloud:ecosystem::extension/${APP_UUID}/${ENVIRONMENT_UUID}/static/${moduleKey}`;
}

export function findModule(key: string | undefined): ModuleDef | undefined {
  return key === undefined ? undefined : MODULES.find((m) => m.key === key);
}

/** The module an extensionId names: the segment after `/static/`, else the last path segment, else the id itself. */
export function moduleFromExtensionId(extensionId: unknown): ModuleDef | undefined {
  if (typeof extensionId !== 'string' || extensionId === '') return undefined;
  const staticAt = extensionId.lastIndexOf('/static/');
  const tail = staticAt !== -1 ? extensionId.slice(staticAt + '/static/'.length) : extensionId.slice(extensionId.lastIndexOf('/') + 1);
  return findModule(tail.split('/')[0]) ?? findModule(extensionId);
}

/** The module of a request: from extensionId first, then from a moduleKey the caller gives. */
export function resolveModule(extensionId: unknown, moduleKey: unknown): ModuleDef | undefined {
  return moduleFromExtensionId(extensionId) ?? (typeof moduleKey === 'string' ? findModule(moduleKey) : undefined);
}

export function endpointOf(module: ModuleDef): EndpointDef | undefined {
  return module.resolver.endpoint === undefined ? undefined : ENDPOINTS.find((e) => e.key === module.resolver.endpoint);
}

export function findRemote(key: string | undefined): RemoteDef | undefined {
  return REMOTES.find((r) => r.key === key);
}

/** 'confluence' for Confluence modules (macros), else 'jira'. */
export function productOf(module: ModuleDef | undefined): 'jira' | 'confluence' {
  return module && (module.type.startsWith('xen:') || module.type.startsWith('confluence:')) ? 'confluence' : 'jira';
}

export function defaultLocalId(module: ModuleDef): string {
  return `${extensionIdFor(module.key)}/sandbox-${module.key}`;
}

/** context.extension for a module: the issue for Jira panels, the page and space for macros. */
export function extensionContext(module: ModuleDef): Record<string, unknown> {
  if (productOf(module) === 'confluence') {
    return {
      type: module.type,
      content: { id: '65538', type: 'page' },
      space: { id: '98306', key: 'SBX' },
      isEditing: false,
      references: [],
      config: {},
    };
  }
  return {
    type: module.type,
    issue: { id: '10001', key: SITE.issueKey, type: 'Task', typeId: '10003' },
    project: { id: '10000', key: SITE.issueKey.split('-')[0], type: 'software' },
    location: `/browse/${SITE.issueKey}`,
  };
}

export interface ModuleContextInput {
  module: ModuleDef;
  localId?: string | undefined;
  siteOrigin: string;
  environmentType: EnvironmentType;
  accountId?: string;
}

/**
 * The module context the platform puts in an FCT and in a frontend FIT (facts §3, fields seen in a real FIT
 * [3P ZenUml sample]): cloudId, localId, environmentId, environmentType, moduleKey, siteUrl, appVersion,
 * extension, userAccess, accountType, accountId.
 */
export function moduleContext(input: ModuleContextInput): Record<string, unknown> {
  const { module } = input;
  return {
    cloudId: CLOUD_ID,
    localId: input.localId ?? defaultLocalId(module),
    environmentId: ENVIRONMENT_UUID,
    environmentType: input.environmentType,
    moduleKey: module.key,
    siteUrl: input.siteOrigin,
    appVersion: APP_VERSION,
    extension: extensionContext(module),
    userAccess: { enabled: false, hasAccess: true },
    accountType: 'licensed',
    accountId: input.accountId ?? ACCOUNT_ID,
  };
}
