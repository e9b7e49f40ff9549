import type { IncomingMessage, ServerResponse } from 'node:http';
import { hopLatency, type SandboxContext } from './context';
import { generateForgeContextToken } from './fct-endpoint';
import { HttpError, readJson, sendJson } from './http';
import { invokeExtension } from './invoke-extension';
import { signInvocationTokenForUI } from './sign-invocation-token';

/**
 * `POST /gateway/api/graphql` with `{ operationName, query, variables }`. Operations (test/sandbox/README.md):
 *   forge_ui_invokeExtension / useInvokeExtensionRelayMutation → `{ data: { invokeExtension } }`
 *   signInvocationTokenForUI → `{ data: { signInvocationTokenForUI } }`
 *   confluence_generateForgeContextToken → `{ data: { confluence_generateForgeContextToken } }`
 * The operation is taken from operationName, else from the root field named in the query.
 */

export const INVOKE_OPERATIONS = ['forge_ui_invokeExtension', 'useInvokeExtensionRelayMutation'];

type Operation = 'invokeExtension' | 'signInvocationTokenForUI' | 'confluence_generateForgeContextToken';

export function operationOf(operationName: unknown, query: unknown): Operation | undefined {
  if (typeof operationName === 'string') {
    if (INVOKE_OPERATIONS.includes(operationName)) return 'invokeExtension';
    if (operationName === 'signInvocationTokenForUI') return 'signInvocationTokenForUI';
    if (operationName === 'confluence_generateForgeContextToken') return 'confluence_generateForgeContextToken';
  }
  if (typeof query === 'string') {
    if (/\binvokeExtension\s*\(/.test(query)) return 'invokeExtension';
    if (/\bsignInvocationTokenForUI\s*\(/.test(query)) return 'signInvocationTokenForUI';
    if (/\bconfluence_generateForgeContextToken\s*\(/.test(query)) return 'confluence_generateForgeContextToken';
  }
  return undefined;
}

export async function handleGraphql(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'GraphQL requests must be POST' }] }, { allow: 'POST' });
  const body = await readJson(req, 8 * 1024 * 1024);
  await hopLatency(ctx, 'graphql');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return sendJson(res, 400, { errors: [{ message: 'Expected { operationName, query, variables }' }] });
  }
  const { operationName, query, variables } = body as Record<string, unknown>;
  const op = operationOf(operationName, query);
  switch (op) {
    case 'invokeExtension':
      return sendJson(res, 200, { data: { invokeExtension: await invokeExtension(ctx, variables) } });
    case 'signInvocationTokenForUI':
      return sendJson(res, 200, { data: { signInvocationTokenForUI: await signInvocationTokenForUI(ctx, variables) } });
    case 'confluence_generateForgeContextToken':
      try {
        return sendJson(res, 200, { data: { confluence_generateForgeContextToken: await generateForgeContextToken(ctx, variables) } });
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        return sendJson(res, 200, {
          data: { confluence_generateForgeContextToken: null },
          errors: [{ message: err.message, extensions: { statusCode: err.status } }],
        });
      }
    default:
      return sendJson(res, 400, { errors: [{ message: `Unknown operation ${String(operationName)}`, extensions: { errorType: 'BAD_REQUEST', statusCode: 400 } }] });
  }
}
