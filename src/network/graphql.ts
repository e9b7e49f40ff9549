import type { NetworkEntry } from '../protocol/network';

/** Operation names that are Forge's (forge-facts §2.4), plus any that says forge or invokeExtension. */
const FORGE_OPERATIONS = new Set(['forge_ui_invokeExtension', 'useInvokeExtensionRelayMutation', 'signInvocationTokenForUI']);

export function isForgeOperation(name: string | null): boolean {
  if (!name) return false;
  return FORGE_OPERATIONS.has(name) || /forge|invokeextension/i.test(name);
}

export interface ForgeInvokeCall {
  functionKey?: string;
  payload?: unknown;
  path?: string;
  method?: string;
  headers?: unknown;
  body?: unknown;
  invokeType?: string;
}

export interface ForgeGraphqlResponse {
  success: boolean | null;
  body: unknown;
  errors: unknown[];
  contextToken: { jwt: string; expiresAt: number | null } | null;
  metrics: { appTimeMs: number | null } | null;
  fit: { jwt: string; expiresAt: number | null } | null;
  baseUrl: string | null;
}

/** One Forge operation in a GraphQL request (a body may batch several), with its part of the response. */
export interface ForgeGraphqlExchange {
  operationName: string | null;
  extensionId: string | null;
  call: ForgeInvokeCall | null;
  contextTokenSent: string | null;
  remoteKey: string | null;
  response: ForgeGraphqlResponse | null;
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** The operation a GraphQL request names: `operationName`, else the first `query`/`mutation` name. */
export function operationNameOf(request: unknown): string | null {
  const r = obj(request);
  if (!r) return null;
  const named = text(r.operationName);
  if (named) return named;
  const match = /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text(r.query) ?? '');
  return match ? match[1]! : null;
}

/** Operation names in a request body (one, or a batch), without reading the rest. */
export function operationNamesIn(body: string | null): string[] {
  const parsed = parse(body);
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map(operationNameOf).filter((n): n is string => n !== null);
}

function token(v: unknown): { jwt: string; expiresAt: number | null } | null {
  const t = obj(v);
  const jwt = text(t?.jwt);
  return jwt ? { jwt, expiresAt: num(t?.expiresAt) } : null;
}

function responseOf(data: unknown): ForgeGraphqlResponse | null {
  const d = obj(obj(data)?.data);
  if (!d) return null;
  // The mutation's one field: invokeExtension, signInvocationTokenForUI, or a namespaced variant.
  const result = obj(Object.values(d)[0]);
  if (!result) return null;
  const response = obj(result.response);
  const metrics = obj(result.metrics);
  return {
    success: typeof result.success === 'boolean' ? result.success : null,
    body: response ? response.body : null,
    errors: Array.isArray(result.errors) ? result.errors : [],
    contextToken: token(result.contextToken),
    metrics: metrics ? { appTimeMs: num(metrics.appTimeMs) } : null,
    fit: token(result.forgeInvocationToken),
    baseUrl: text(obj(result.metadata)?.baseUrl),
  };
}

/** The Forge operations of a GraphQL entry; tolerant of truncated or foreign bodies (they give what they can). */
export function readForgeGraphql(entry: Pick<NetworkEntry, 'requestBody' | 'responseBody'>): ForgeGraphqlExchange[] {
  const request = parse(entry.requestBody);
  const response = parse(entry.responseBody);
  const requests = Array.isArray(request) ? request : [request];
  const responses = Array.isArray(response) ? response : [response];
  const out: ForgeGraphqlExchange[] = [];
  requests.forEach((r, i) => {
    const operationName = operationNameOf(r);
    if (!isForgeOperation(operationName)) return;
    const input = obj(obj(obj(r)?.variables)?.input);
    const payload = obj(input?.payload);
    out.push({
      operationName,
      extensionId: text(input?.extensionId),
      call: (obj(payload?.call) as ForgeInvokeCall | null) ?? null,
      contextTokenSent: text(payload?.contextToken) ?? text(input?.forgeContextToken),
      remoteKey: text(input?.remoteKey),
      response: responseOf(responses[i]),
    });
  });
  return out;
}
