import type { IncomingMessage, ServerResponse } from 'node:http';
import { hopLatency, type SandboxContext } from './context';
import { generateForgeContextToken, signForgeContextTokens } from './fct-endpoint';
import { HttpError, readJson, requestUrl, sendJson } from './http';
import { invokeExtension } from './invoke-extension';
import { signInvocationTokenForUI } from './sign-invocation-token';

/**
 * The GraphQL gateway: `POST /gateway/api/graphql` (the classic Apollo form, `{ operationName, query, variables }`)
 * and `POST /gateway/api/graphql/pq/<sha256>?operation=<name>` (Relay persisted queries, as current Jira
 * sends them: `{ operationName, variables }`, no query text) (facts §8.1). Operations, names matched
 * ignoring case, else the root field the query names:
 *   forge_ui_invokeExtension / useInvokeExtensionRelayMutation / InvokeExtension → `{ data: { invokeExtension } }`
 *   signInvocationTokenForUI → `{ data: { signInvocationTokenForUI } }`
 *   useGetContextTokenMutation / confluence_generateForgeContextToken → `{ data: { confluence_generateForgeContextToken } }`
 *   SignForgeContextToken → `{ data: { globalApp_signForgeContextTokens: { tokens } } }`
 */

export const INVOKE_OPERATIONS = ['forge_ui_invokeExtension', 'useInvokeExtensionRelayMutation', 'InvokeExtension'];

type Operation = 'invokeExtension' | 'signInvocationTokenForUI' | 'confluence_generateForgeContextToken' | 'globalApp_signForgeContextTokens';

const BY_NAME: Record<string, Operation> = {
  ...Object.fromEntries(INVOKE_OPERATIONS.map((name) => [name.toLowerCase(), 'invokeExtension' as const])),
  signinvocationtokenforui: 'signInvocationTokenForUI',
  usegetcontexttokenmutation: 'confluence_generateForgeContextToken',
  confluence_generateforgecontexttoken: 'confluence_generateForgeContextToken',
  signforgecontexttoken: 'globalApp_signForgeContextTokens',
};

const BY_FIELD: [RegExp, Operation][] = [
  [/\binvokeExtension\s*\(/, 'invokeExtension'],
  [/\bsignInvocationTokenForUI\s*\(/, 'signInvocationTokenForUI'],
  [/\bconfluence_generateForgeContextToken\s*\(/, 'confluence_generateForgeContextToken'],
  [/\bglobalApp_signForgeContextTokens\s*\(/, 'globalApp_signForgeContextTokens'],
];

/** The operation a request names: its operationName, else the URL's `?operation=`, else the query's root field. */
export function operationOf(operationName: unknown, query: unknown, urlOperation: string | null = null): Operation | undefined {
  for (const name of [operationName, urlOperation]) {
    const op = typeof name === 'string' ? BY_NAME[name.toLowerCase()] : undefined;
    if (op) return op;
  }
  if (typeof query === 'string') return BY_FIELD.find(([field]) => field.test(query))?.[1];
  return undefined;
}

/** Any path under /gateway/api/graphql: the gateway itself, or a persisted query `/pq/<hash>`. */
export function isGraphqlPath(path: string): boolean {
  return /^\/gateway\/api\/graphql(?:\/|$)/.test(path);
}

async function fctMint<T>(run: () => Promise<T>, field: string) {
  try {
    return { data: { [field]: await run() } };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return { data: { [field]: null }, errors: [{ message: err.message, extensions: { statusCode: err.status } }] };
  }
}

export async function handleGraphql(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'GraphQL requests must be POST' }] }, { allow: 'POST' });
  const body = await readJson(req, 8 * 1024 * 1024);
  await hopLatency(ctx, 'graphql');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return sendJson(res, 400, { errors: [{ message: 'Expected { operationName, variables } (and query, unless persisted)' }] });
  }
  const { operationName, query, variables } = body as Record<string, unknown>;
  const urlOperation = requestUrl(req).query.get('operation');
  switch (operationOf(operationName, query, urlOperation)) {
    case 'invokeExtension':
      return sendJson(res, 200, { data: { invokeExtension: await invokeExtension(ctx, variables) } });
    case 'signInvocationTokenForUI':
      return sendJson(res, 200, { data: { signInvocationTokenForUI: await signInvocationTokenForUI(ctx, variables) } });
    case 'confluence_generateForgeContextToken':
      return sendJson(res, 200, await fctMint(() => generateForgeContextToken(ctx, variables), 'confluence_generateForgeContextToken'));
    case 'globalApp_signForgeContextTokens':
      return sendJson(res, 200, await fctMint(() => signForgeContextTokens(ctx, variables), 'globalApp_signForgeContextTokens'));
    default:
      return sendJson(res, 400, { errors: [{ message: `Unknown operation ${String(operationName ?? urlOperation)}`, extensions: { errorType: 'BAD_REQUEST', statusCode: 400 } }] });
  }
}
