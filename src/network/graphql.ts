import type { NetworkEntry } from '../protocol/network';
import { carriesExtensionAri, graphqlFormOf, isForgeOperation, operationKindOf, type ForgeOperationKind, type GraphqlForm } from './forgeOperations';
import { obj, responseOf, text, tokenOf, type ForgeGraphqlResponse, type Json } from './graphqlResponse';
import { parseJsonLenient } from './lenientJson';
import { parseUrl } from './urls';

export { isForgeOperation } from './forgeOperations';
export type { ForgeGraphqlResponse, InvocationMetrics, ReportedToken } from './graphqlResponse';

/** `payload.call` of an invokeExtension request: the bridge's `invoke` payload as the host forwarded it. */
export interface ForgeInvokeCall {
  /** Resolver: `{functionKey, payload}`, or `{functionKey}` alone when the app passed no payload. */
  functionKey?: string;
  payload?: unknown;
  /** invokeRemote / invokeService: `{path, method, headers, body, invokeType}`. */
  path?: string;
  method?: string;
  headers?: unknown;
  body?: unknown;
  invokeType?: string;
}

/** One Forge operation in a GraphQL request (a body may batch several), with its part of the response. */
export interface ForgeGraphqlExchange {
  /** As the request names it (body `operationName`, the query's name, or the URL's `?operation=`); null when unnamed. */
  operationName: string | null;
  kind: ForgeOperationKind;
  form: GraphqlForm;
  extensionId: string | null;
  call: ForgeInvokeCall | null;
  /** The FCT the request carried (`payload.contextToken`, or signInvocationTokenForUI's `forgeContextToken`). */
  contextTokenSent: string | null;
  /** signInvocationTokenForUI: which remote the FIT is for. */
  remoteKey: string | null;
  response: ForgeGraphqlResponse | null;
  /** False when the request body was cut or broken and this was read from what remained. */
  complete: boolean;
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** The operation a GraphQL request body names: `operationName`, else the first named `query`/`mutation`. */
export function operationNameOf(request: unknown): string | null {
  const r = obj(request);
  if (!r) return null;
  const named = text(r.operationName);
  if (named) return named;
  const match = /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text(r.query) ?? '');
  return match ? match[1]! : null;
}

/** Operation names in a request body (one request, or a batch); a cut body gives those it still holds. */
export function operationNamesIn(body: string | null | undefined): string[] {
  return listOf(parseJsonLenient(body).value)
    .map(operationNameOf)
    .filter((n): n is string => n !== null);
}

interface Operation {
  request: Json | null;
  name: string | null;
}

/** Each operation of a request with its name; the URL's `?operation=` names an unnamed single one (Relay persisted queries). */
function operationsOf(url: URL | null, body: unknown): Operation[] {
  const requests = listOf(body);
  const fromUrl = url?.searchParams.get('operation') || null;
  return requests.map((r) => ({ request: obj(r), name: operationNameOf(r) ?? (requests.length === 1 ? fromUrl : null) }));
}

/** Whether one operation is Forge's: by name, or, failing that, by variables that carry an extension ARI. */
const isForge = (op: Operation) => isForgeOperation(op.name) || carriesExtensionAri(op.request?.variables);

/** The name to show for a Forge operation: its own, else the URL's, else one that says it had none. */
export const UNNAMED_OPERATION = '(unnamed)';

/**
 * The Forge operation a GraphQL request holds (the first, for a batch), or null when none is Forge's: for
 * the network feed's filter and an entry's `operationName`. A cut body gives what it still holds.
 */
export function forgeOperationOf(url: string, body: string | null | undefined): string | null {
  const forge = operationsOf(parseUrl(url), parseJsonLenient(body).value).find(isForge);
  return forge ? (forge.name ?? UNNAMED_OPERATION) : null;
}

/** `payload` is a JSON scalar in the schema: an object, or (some clients) the same object as text. */
function payloadOf(v: unknown): Json | null {
  return obj(v) ?? obj(typeof v === 'string' ? parseJsonLenient(v).value : null);
}

/**
 * The Forge operations of a GraphQL entry, one per operation of a possibly batched body, each with its part
 * of the response, in either form of facts §8.1 (classic with query text, Relay persisted with only
 * operationName and variables). Non-Forge operations are skipped. A cut or broken body gives what can still
 * be read (marked `complete: false`); nothing here throws.
 */
export function readForgeGraphql(entry: Pick<NetworkEntry, 'requestBody' | 'responseBody'> & Partial<Pick<NetworkEntry, 'url'>>): ForgeGraphqlExchange[] {
  const url = typeof entry.url === 'string' ? parseUrl(entry.url) : null;
  const request = parseJsonLenient(entry.requestBody);
  const response = parseJsonLenient(entry.responseBody);
  const replies = listOf(response.value);
  const out: ForgeGraphqlExchange[] = [];
  operationsOf(url, request.value).forEach((op, i) => {
    if (!isForge(op)) return;
    const input = obj(obj(op.request?.variables)?.input);
    const payload = payloadOf(input?.payload);
    out.push({
      operationName: op.name,
      kind: operationKindOf(op.name),
      form: graphqlFormOf(url, op.request),
      extensionId: text(input?.extensionId),
      call: obj(payload?.call) as ForgeInvokeCall | null,
      contextTokenSent: (tokenOf(payload?.contextToken) ?? tokenOf(input?.forgeContextToken))?.jwt ?? null,
      remoteKey: text(input?.remoteKey),
      response: responseOf(replies[i], response.complete),
      complete: request.complete,
    });
  });
  return out;
}
