/**
 * Which GraphQL operations are Forge's, and in which form they travelled (forge-facts §2.4, §8.1). The one
 * place that knows Forge's operation names: the live feed, correlation, tokens, phases and HAR import all
 * ask here.
 */

/** What a Forge operation does: an invocation (resolver or invokeRemote), a FIT mint, an FCT mint, or not known by name. */
export type ForgeOperationKind = 'invoke' | 'fit-mint' | 'fct-mint' | 'unknown';

/** How the host sent it: a Relay persisted query (`/pq/<hash>` or `extensions.persistedQuery`), or the classic form with query text. */
export type GraphqlForm = 'persisted' | 'classic' | 'unknown';

/** Known operation names, lower-cased: real sites vary the case (`signInvocationTokenForUI` / `SignInvocationTokenForUI`). */
const KNOWN: Readonly<Record<string, ForgeOperationKind>> = {
  forge_ui_invokeextension: 'invoke',
  useinvokeextensionrelaymutation: 'invoke',
  invokeextension: 'invoke',
  signinvocationtokenforui: 'fit-mint',
  usegetcontexttokenmutation: 'fct-mint',
  confluence_generateforgecontexttoken: 'fct-mint',
  signforgecontexttoken: 'fct-mint',
};

/** Names no list holds but that say Forge all the same. */
const FORGE_LOOKING_NAME = /forge|invokeextension|invocationtoken|contexttoken/i;

/** The gateway: any path under /gateway/api/graphql (plain, `/pq/<hash>`, a trailing slash), or any other `…/graphql`. */
const GATEWAY_PATH = /^\/gateway\/api\/graphql(?:\/|$)/;
const OTHER_GRAPHQL_PATH = /\/graphql\/?$/;
const PERSISTED_PATH = /\/pq\/[^/]+\/?$/;

/** An extension ARI, as Forge variables carry it: `ari:cloud:ecosystem::extension/<app>/<env>/static/<module>`. */
const EXTENSION_ARI = /^ari:cloud:ecosystem::extension\//;

export function isGraphqlPath(pathname: string): boolean {
  return GATEWAY_PATH.test(pathname) || OTHER_GRAPHQL_PATH.test(pathname);
}

/** The kind of a known Forge operation name (matched ignoring case), else null. */
export function knownOperationKind(name: string | null | undefined): ForgeOperationKind | null {
  return typeof name === 'string' ? (KNOWN[name.toLowerCase()] ?? null) : null;
}

/** A Forge operation by its name: a known one, or one whose name says Forge. */
export function isForgeOperation(name: string | null | undefined): boolean {
  return typeof name === 'string' && (knownOperationKind(name) !== null || FORGE_LOOKING_NAME.test(name));
}

/** The kind of an operation taken for Forge: by its name, else 'unknown' (kept and named, never dropped). */
export function operationKindOf(name: string | null): ForgeOperationKind {
  return knownOperationKind(name) ?? 'unknown';
}

const MAX_DEPTH = 4;
const MAX_ITEMS = 64;

/** Whether GraphQL variables carry an extension ARI (a few levels deep: `input.extensionId`, `input.extensionIds[]`, …). */
export function carriesExtensionAri(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return EXTENSION_ARI.test(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.slice(0, MAX_ITEMS).some((v) => carriesExtensionAri(v, depth + 1));
}

/** The form of one GraphQL request: persisted by its URL or its `extensions.persistedQuery`, classic by its query text. */
export function graphqlFormOf(url: URL | null, request: Record<string, unknown> | null): GraphqlForm {
  if ((url && PERSISTED_PATH.test(url.pathname)) || (request?.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery) return 'persisted';
  if (typeof request?.query === 'string' && request.query.trim() !== '') return 'classic';
  return 'unknown';
}
