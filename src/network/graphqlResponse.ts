/** The result part of a Forge GraphQL response (forge-facts §2.4, §8.1), read tolerantly: any field may be missing or odd. */

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
  /** The first FCT handed out: invokeExtension's `contextToken` for the next call, or an FCT mint's. */
  contextToken: ReportedToken | null;
  /** Every FCT handed out: `contextToken`, `forgeContextToken`, or SignForgeContextToken's `tokens[]`. */
  fcts: ReportedToken[];
  metrics: InvocationMetrics | null;
  /** signInvocationTokenForUI: the Forge Invocation Token (FIT) minted for requestRemote. */
  fit: ReportedToken | null;
  /** signInvocationTokenForUI: the remote's base URL (`metadata.baseUrl`). */
  baseUrl: string | null;
  /** False when the response body was cut or broken and this was read from what remained. */
  complete: boolean;
}

export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
export const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;

/** expiresAt: epoch ms as a number or a string of digits (facts §8.1), or (defensively) a date text. */
function expiresAtOf(v: unknown): number | null {
  const n = num(v);
  if (n !== null) return n;
  const parsed = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : null;
}

/** A token as GraphQL carries it: the JWT itself, `{jwt, expiresAt}`, or null. */
export function tokenOf(v: unknown): ReportedToken | null {
  const direct = text(v);
  if (direct) return { jwt: direct, expiresAt: null };
  const t = obj(v);
  const jwt = text(t?.jwt);
  return jwt ? { jwt, expiresAt: expiresAtOf(t?.expiresAt) } : null;
}

const RESULT_FIELDS = ['success', 'response', 'errors', 'contextToken', 'forgeInvocationToken', 'forgeContextToken', 'metrics', 'tokens'];
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

function fctsOf(result: Json): ReportedToken[] {
  const tokens = Array.isArray(result.tokens) ? result.tokens : [];
  return [result.contextToken, result.forgeContextToken, ...tokens].map(tokenOf).filter((t): t is ReportedToken => t !== null);
}

export function responseOf(reply: unknown, complete: boolean): ForgeGraphqlResponse | null {
  const r = obj(reply);
  if (!r) return null;
  const topErrors = Array.isArray(r.errors) ? r.errors : [];
  const data = obj(r.data);
  const result = data ? resultIn(data) : null;
  if (!result) {
    if (topErrors.length === 0) return null;
    return { success: false, body: null, errors: topErrors, contextToken: null, fcts: [], metrics: null, fit: null, baseUrl: null, complete };
  }
  const fcts = fctsOf(result);
  return {
    success: typeof result.success === 'boolean' ? result.success : null,
    body: obj(result.response)?.body ?? null,
    errors: Array.isArray(result.errors) && result.errors.length > 0 ? result.errors : topErrors,
    contextToken: fcts[0] ?? null,
    fcts,
    metrics: metricsOf(result.metrics),
    fit: tokenOf(result.forgeInvocationToken),
    baseUrl: text(obj(result.metadata)?.baseUrl),
    complete,
  };
}
