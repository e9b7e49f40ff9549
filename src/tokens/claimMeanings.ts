/** Plain-words meanings of Forge token claims (forge-facts §3), and the group each claim is shown under. */

const CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  iss: 'Issuer: forge/invocation-token for a FIT; a remote must check it.',
  aud: "Audience: the app's ARI (ari:cloud:ecosystem::app/<uuid>), not the bare id; a remote must check it is its own app.",
  jti: 'Token id, unique per token (40 hex digits in a FIT); there is no separate invocation id, tracing uses the x-b3-* headers.',
  sub: 'Subject.',
  iat: 'Issued at, by the clock of the platform that signed it.',
  nbf: 'Not valid before; equal to iat in Forge tokens.',
  exp: 'Expires at: a FIT lives 25 s, and for requestRemote the host caches and renews it.',
  principal: 'The Atlassian account id of the user behind the call (UI modules only).',
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
  'app.license': 'app.license: only for paid production Marketplace apps; requestRemote FITs never carry it.',
  'app.license.isActive': 'Whether the licence is active now.',
  'app.license.isEvaluation': 'Whether the licence is a free evaluation.',
  'app.license.trialEndDate': 'When the trial ends, if in one.',
  'app.installation': 'The installation and the sites (contexts) it covers.',
  'app.installation.id': 'The installation ARI (as app.installationId).',
  'app.installation.contexts': "Each site of the installation, with its API base URL.",
  context: 'The module context the call came from (frontend invocations only; none for backend invokeRemote).',
  'context.cloudId': "The site's cloud id.",
  'context.localId': 'The id of this module instance on the page.',
  'context.moduleKey': "The module's key in manifest.yml.",
  'context.siteUrl': 'The site the user is on.',
  'context.environmentType': "The app's environment type, as in app.environment.type.",
  'context.extension': 'Where the module is rendered: its type and product details (issue, space, content…).',
};

/** Groups in display order; a claim belongs to the first group whose prefix it has (exact key or key + '.'). */
export const CLAIM_GROUPS: readonly { group: string; prefixes: readonly string[] }[] = [
  { group: 'Identity', prefixes: ['iss', 'aud', 'jti', 'sub'] },
  { group: 'Timing', prefixes: ['iat', 'nbf', 'exp'] },
  { group: 'Environment', prefixes: ['app.environment'] },
  { group: 'Module', prefixes: ['app.module'] },
  { group: 'Installation', prefixes: ['app.installation', 'app.installationId'] },
  { group: 'License', prefixes: ['app.license'] },
  { group: 'App', prefixes: ['app'] },
  { group: 'Context', prefixes: ['context'] },
  { group: 'Principal', prefixes: ['principal'] },
];

export const OTHER_GROUP = 'Other';

const hasPrefix = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

export function groupOf(key: string): string {
  return CLAIM_GROUPS.find((g) => g.prefixes.some((p) => hasPrefix(key, p)))?.group ?? OTHER_GROUP;
}

/** The meaning of a claim, else of its nearest documented parent ('' when none). */
export function meaningOf(key: string): string {
  for (let k = key; k !== ''; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '') {
    const meaning = CLAIM_MEANINGS[k];
    if (meaning !== undefined) return meaning;
  }
  return '';
}
