import type { NetworkEntry } from '../protocol/network';
import { parseJsonLenient } from './lenientJson';

/** Operation names that are Forge's (forge-facts §2.4), plus any that says forge or invokeExtension. */
const FORGE_OPERATIONS = new Set(['forge_ui_invokeExtension', 'useInvokeExtensionRelayMutation', 'signInvocationTokenForUI']);

export function isForgeOperation(name: string | null): boolean {
  if (!name) return false;
  return FORGE_OPERATIONS.has(name) || /forge|invokeextension/i.test(name);
}

/** `payload.call` of an invokeExtension request: the bridge's `invoke` payload as the host forwarded it. */
export interface ForgeInvokeCall {
  /** Resolver: `{functionKey, payload}`. */
  functionKey?: string;
  payload?: unknown;
  /** invokeRemote / invokeService: `{path, method, headers, body, invokeType}`. */
  path?: string;
  method?: string;
  headers?: unknown;
  body?: unknown;
  invokeType?: string;
}

/** A token GraphQL hands out, with the expiry it reports beside it (ms epoch). */
export interface ReportedToken {
  jwt: string;
  expiresAt: number | null;
}

export interface InvocationMetrics {
  appTimeMs: number | null;
  appRuntimeType: string | null;
  appRuntimeVersion: string | null;
  appExecutionRegion: string | null;
}

export interface ForgeGraphqlResponse {
  success: boolean | null;
  /** invokeExtension: `response.body` (the resolver's value, or invokeRemote's `{success, payload | error}`). */
  body: unknown;
  /** The operation's errors, else the response's top-level GraphQL errors. */
  errors: unknown[];
  /** invokeExtension: the Forge Context Token (FCT) for the next call. */
  contextToken: ReportedToken | null;
  metrics: InvocationMetrics | null;
  /** signInvocationTokenForUI: the Forge Invocation Token (FIT) minted for requestRemote. */
  fit: ReportedToken | null;
  /** signInvocationTokenForUI: the remote's base URL (`metadata.baseUrl`). */
  baseUrl: string | null;
  /** False when the response body was cut or broken and this was read from what remained. */
  complete: boolean;
}

/** One Forge operation in a GraphQL request (a body may batch several), with its part of the response. */
export interface ForgeGraphqlExchange {
  operationName: string | null;
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

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** The operation a GraphQL request names: `operationName`, else the first named `query`/`mutation`. */
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

/** A token as GraphQL carries it: the JWT itself, or `{jwt, expiresAt}` (ForgeContextToken, ForgeInvocationToken). */
function token(v: unknown): ReportedToken | null {
  const direct = text(v);
  if (direct) return { jwt: direct, expiresAt: null };
  const t = obj(v);
  const jwt = text(t?.jwt);
  return jwt ? { jwt, expiresAt: num(t?.expiresAt) } : null;
}

const RESULT_FIELDS = ['success', 'response', 'errors', 'contextToken', 'forgeInvocationToken', 'forgeContextToken', 'metrics'];
const looksLikeResult = (v: Json) => RESULT_FIELDS.some((k) => k in v);

/** The mutation's result: `data.<field>`, or one level deeper for namespaced schemas (`data.<ns>.<field>`). */
function resultIn(data: Json): Json | null {
  for (const value of Object.values(data)) {
    const o = obj(value);
    if (o && looksLikeResult(o)) return o;
  }
  for (const value of Object.values(data)) {
    for (const inner of Object.values(obj(value) ?? {})) {
      const o = obj(inner);
      if (o && looksLikeResult(o)) return o;
    }
  }
  return null;
}

function metricsOf(v: unknown): InvocationMetrics | null {
  const m = obj(v);
  return m ? { appTimeMs: num(m.appTimeMs), appRuntimeType: text(m.appRuntimeType), appRuntimeVersion: text(m.appRuntimeVersion), appExecutionRegion: text(m.appExecutionRegion) } : null;
}

function responseOf(reply: unknown, complete: boolean): ForgeGraphqlResponse | null {
  const r = obj(reply);
  if (!r) return null;
  const topErrors = Array.isArray(r.errors) ? r.errors : [];
  const data = obj(r.data);
  const result = data ? resultIn(data) : null;
  if (!result) {
    if (topErrors.length === 0) return null;
    return { success: false, body: null, errors: topErrors, contextToken: null, metrics: null, fit: null, baseUrl: null, complete };
  }
  return {
    success: typeof result.success === 'boolean' ? result.success : null,
    body: obj(result.response)?.body ?? null,
    errors: Array.isArray(result.errors) && result.errors.length > 0 ? result.errors : topErrors,
    contextToken: token(result.contextToken) ?? token(result.forgeContextToken),
    metrics: metricsOf(result.metrics),
    fit: token(result.forgeInvocationToken),
    baseUrl: text(obj(result.metadata)?.baseUrl),
    complete,
  };
}

/** `payload` is a JSON scalar in the schema: an object, or (some clients) the same object as text. */
function payloadOf(v: unknown): Json | null {
  return obj(v) ?? obj(typeof v === 'string' ? parseJsonLenient(v).value : null);
}

/**
 * The Forge operations of a GraphQL entry, one per operation of a possibly batched body, each with its part
 * of the response. Non-Forge operations are skipped. A cut or broken body gives what can still be read
 * (marked `complete: false`); nothing here throws.
 */
export function readForgeGraphql(entry: Pick<NetworkEntry, 'requestBody' | 'responseBody'>): ForgeGraphqlExchange[] {
  const request = parseJsonLenient(entry.requestBody);
  const response = parseJsonLenient(entry.responseBody);
  const replies = listOf(response.value);
  const out: ForgeGraphqlExchange[] = [];
  listOf(request.value).forEach((r, i) => {
    const operationName = operationNameOf(r);
    if (!isForgeOperation(operationName)) return;
    const input = obj(obj(obj(r)?.variables)?.input);
    const payload = payloadOf(input?.payload);
    out.push({
      operationName,
      extensionId: text(input?.extensionId),
      call: obj(payload?.call) as ForgeInvokeCall | null,
      contextTokenSent: (token(payload?.contextToken) ?? token(input?.forgeContextToken))?.jwt ?? null,
      remoteKey: text(input?.remoteKey),
      response: responseOf(replies[i], response.complete),
      complete: request.complete,
    });
  });
  return out;
}
