/**
 * Plain-words meanings of Forge token claims, per token type (forge-facts §3, §8.2, §8.3), and the group each
 * claim is shown under. A FIT and an FCT share claim names with different meanings (aud is the app ARI in a
 * FIT, "forge" in an FCT), so each type has its own table over a shared one. Array entries are looked up
 * with `[]` for their index: `app.installation.contexts[].cloudId`.
 */

export type ClaimTokenType = 'FIT' | 'FCT' | 'JWT';

const SHARED: Readonly<Record<string, string>> = {
  jti: 'Token id, unique per token (40 hex digits); there is no separate invocation id, tracing uses the x-b3-* headers.',
  sub: 'Subject.',
  iat: 'Issued at, by the clock of the platform that signed it.',
  nbf: 'Not valid before; equal to iat in Forge tokens.',
  'context.accountId': 'The Atlassian account id of the user.',
  'context.cloudId': "The site's cloud id (empty on global pages).",
  'context.workspaceId': 'The Bitbucket workspace id (Bitbucket modules, in place of a cloudId).',
  'context.localId': 'The id of this module instance on the page.',
  'context.moduleKey': "The module's key in manifest.yml.",
  'context.siteUrl': 'The site the user is on.',
  'context.environmentId': "The app environment's id.",
  'context.environmentType': "The app's environment type: DEVELOPMENT, STAGING or PRODUCTION.",
  'context.appVersion': 'The deployed app version.',
  'context.extension': 'Where the module is rendered: its type and product details (issue, project, space, content…).',
  'context.userAccess': 'Whether user access control is on for the app, and whether this user has access.',
  'context.accountType': 'The kind of account (licensed, unlicensed, customer, anonymous).',
};

const FIT: Readonly<Record<string, string>> = {
  iss: 'Issuer: forge/invocation-token for a FIT; a remote must check it.',
  aud: "Audience: the app's ARI (ari:cloud:ecosystem::app/<uuid>), not the bare id; a remote must check it is its own app.",
  exp: 'Expires at: a FIT lives 25 s, and for requestRemote the host caches and renews it.',
  principal: 'The Atlassian account id of the user behind the call (UI modules only).',
  icLabel: "Isolated Cloud label: the Isolated Cloud that minted the token. It decides which key set verifies it, and that key set is not Atlassian's public one.",
  app: 'The app and installation the call comes from.',
  'app.id': "The app's ARI; the audience (aud) a remote checks.",
  'app.installationId': 'The installation (this app on this site): ari:cloud:ecosystem::installation/<uuid>.',
  'app.apiBaseUrl': "Where to call Atlassian's APIs for this installation; api.stg.atlassian.com means Atlassian's staging platform and its key set.",
  'app.appVersion': 'The deployed app version.',
  'app.version': 'Deprecated (removal announced for 2025-09-24): use app.appVersion.',
  'app.environment': 'The app environment the call comes from.',
  'app.environment.type': "The app's environment: DEVELOPMENT, STAGING or PRODUCTION (all on Atlassian's production platform).",
  'app.environment.id': "The environment's ARI: ari:cloud:ecosystem::environment/<appId>/<envId>.",
  'app.module': 'The module that made the call.',
  'app.module.type': 'The kind of module: e.g. xen:macro for frontend invocations, core:endpoint otherwise.',
  'app.module.key': "The module's key in manifest.yml.",
  'app.license': 'The licence: only for paid production Marketplace apps; requestRemote FITs never carry it.',
  'app.license.active': 'Whether the licence is active now.',
  'app.license.isActive': 'Deprecated: replaced by app.license.active; read active when both are there.',
  'app.license.modes': 'How the app is licensed, e.g. USER_ACCESS (licensed per user with access).',
  'app.license.capabilitySet': 'The edition bought (its capability set), e.g. capabilityAdvanced.',
  'app.license.type': 'The kind of licence, e.g. commercial, community, academic, developer.',
  'app.license.billingPeriod': 'How often the licence is billed: MONTHLY or ANNUAL.',
  'app.license.ccpEntitlementId': "The licence's entitlement id in Atlassian's commerce platform (CCP).",
  'app.license.ccpEntitlementSlug': 'The short form of the entitlement id (E-…), as shown to customers.',
  'app.license.subscriptionEndDate': 'When the paid subscription ends.',
  'app.license.supportEntitlementNumber': 'The support entitlement number (SEN); always null for Forge apps billed through CCP.',
  'app.license.isEvaluation': 'Whether the licence is a free evaluation.',
  'app.license.trialEndDate': 'When the trial ends, if in one.',
  'app.installation': 'The installation and the sites or workspaces (contexts) it covers.',
  'app.installation.id': 'The installation ARI (as app.installationId).',
  'app.installation.contexts': 'Each site or workspace the installation covers.',
  'app.installation.contexts[]': 'One site or workspace of the installation.',
  'app.installation.contexts[].name': 'The product of this context (jira, confluence, bitbucket…).',
  'app.installation.contexts[].apiBaseUrl': "Where to call this product's API for the installation.",
  'app.installation.contexts[].cloudId': "The site's cloud id.",
  'app.installation.contexts[].workspaceId': 'The Bitbucket workspace id (Bitbucket contexts, in place of a cloudId).',
  context: 'The module context the call came from (frontend invocations only; none for backend invokeRemote).',
};

const FCT: Readonly<Record<string, string>> = {
  iss: 'Issuer: forge/context-token for a Forge Context Token.',
  aud: 'Audience: "forge", the Forge platform itself, not an app: an FCT is for Forge to read, not for a remote.',
  exp: 'Expires at: an FCT lives 900 s (15 minutes); the host sends it with every invocation and gets a fresh one back.',
  accountId: 'The Atlassian account id of the user the context is for.',
  appId: "The app: its ARI (ari:cloud:ecosystem::app/<uuid>), or the bare uuid in the docs' example.",
  appVersion: 'The deployed app version.',
  contextIds: 'The ARIs of where the module is (the site, ari:cloud:jira::site/<cloudId>); empty on global pages.',
  extensionId: 'The extension ARI: ari:cloud:ecosystem::extension/<app>/<environment>/static/<moduleKey>.',
  extensionType: 'The module type, e.g. jira:issuePanel.',
  unlicensed: 'True when the user has no licence for the app (the app runs unlicensed for them).',
  context: 'The module context Forge vouches for: where the module is and who is using it.',
};

const JWT_ONLY: Readonly<Record<string, string>> = {
  iss: 'Issuer: who made the token.',
  aud: 'Audience: who the token is for.',
  exp: 'Expires at.',
};

const BY_TYPE: Readonly<Record<ClaimTokenType, Readonly<Record<string, string>>>> = { FIT, FCT, JWT: JWT_ONLY };

/** Claims that name something newer to read instead. */
const DEPRECATED = new Set(['app.license.isActive', 'app.version']);

/** Groups in display order; a claim belongs to the first group whose prefix it has (exact key or key + '.' / '['). */
export const CLAIM_GROUPS: readonly { group: string; prefixes: readonly string[] }[] = [
  { group: 'Identity', prefixes: ['iss', 'aud', 'jti', 'sub'] },
  { group: 'Timing', prefixes: ['iat', 'nbf', 'exp'] },
  { group: 'Environment', prefixes: ['app.environment'] },
  { group: 'Module', prefixes: ['app.module'] },
  { group: 'Installation', prefixes: ['app.installation', 'app.installationId'] },
  { group: 'License', prefixes: ['app.license', 'unlicensed'] },
  { group: 'App', prefixes: ['app', 'appId', 'appVersion'] },
  { group: 'Extension', prefixes: ['extensionId', 'extensionType', 'contextIds'] },
  { group: 'Context', prefixes: ['context'] },
  { group: 'Principal', prefixes: ['principal', 'accountId'] },
  { group: 'Isolated Cloud', prefixes: ['icLabel'] },
];

export const OTHER_GROUP = 'Other';

const hasPrefix = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`);

export function groupOf(key: string): string {
  return CLAIM_GROUPS.find((g) => g.prefixes.some((p) => hasPrefix(key, p)))?.group ?? OTHER_GROUP;
}

/** `a.b[3].c` → `a.b[].c`: array entries share a meaning. */
const generic = (key: string) => key.replace(/\[\d+\]/g, '[]');

/** The parent of a claim path: `a.b[].c` → `a.b[]` → `a.b` → `a` → ''. */
function parentOf(key: string): string {
  if (key.endsWith('[]')) return key.slice(0, -2);
  const dot = key.lastIndexOf('.');
  const bracket = key.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut === -1 ? '' : key.slice(0, cut);
}

/** The meaning of a claim for a token type, else of its nearest documented parent ('' when none). */
export function meaningOf(key: string, type: ClaimTokenType = 'FIT'): string {
  const table = BY_TYPE[type] ?? JWT_ONLY;
  for (let k = generic(key); k !== ''; k = parentOf(k)) {
    const meaning = table[k] ?? SHARED[k];
    if (meaning !== undefined) return meaning;
  }
  return '';
}

export function isDeprecatedClaim(key: string): boolean {
  return DEPRECATED.has(generic(key));
}
