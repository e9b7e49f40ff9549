import { field, path, textOf } from '../bridge/snapshotRead';
import type { CallRecord } from '../protocol/model';
import { isDescription, type SnapshotValue } from '../protocol/snapshot';

/** A snapshot value as source text; descriptions (functions, cut values) become comments, never fake data. */
export function literal(value: SnapshotValue | undefined, indent = ''): string {
  if (value === undefined) return 'undefined';
  if (isDescription(value)) return `undefined /* ${String(value.$fbdt)}${value.text ? `: ${String(value.text).replace(/\*\//g, '* /')}` : ''} */`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${literal(v, inner)}`).join(',\n')},\n${indent}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)}`).join(',\n')},\n${indent}}`;
}

const PRODUCT_FN: Record<string, string> = { jira: 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };

/** The @forge/bridge call that made this bridge call, as code to paste. */
export function callAsCode(call: CallRecord): string {
  const request = call.request.value;
  switch (call.command) {
    case 'invoke': {
      const functionKey = textOf(field(request, 'functionKey'));
      if (functionKey !== null) return `await invoke(${JSON.stringify(functionKey)}, ${literal(field(request, 'payload') ?? {})});`;
      const fn = field(request, 'invokeType') === 'ui-container-fetch' ? 'invokeService' : 'invokeRemote';
      const { invokeType: _drop, ...rest } = (request ?? {}) as Record<string, SnapshotValue>;
      return `await ${fn}(${literal(rest)});`;
    }
    case 'fetchRemote': {
      const init = (field(request, 'fetchRequestInit') ?? {}) as Record<string, SnapshotValue>;
      const { path: p, ...options } = init;
      return `await requestRemote(${JSON.stringify(textOf(field(request, 'remoteKey')) ?? '')}, ${literal({ path: p ?? null, ...options })});`;
    }
    case 'fetchProduct': {
      const fn = PRODUCT_FN[textOf(field(request, 'product')) ?? ''] ?? 'requestJira';
      const restPath = textOf(field(request, 'restPath')) ?? '';
      return `await ${fn}(route\`${restPath.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`, ${literal(path(request, 'fetchRequestInit') ?? {})});`;
    }
    default:
      return `// ${call.command} is not called directly; the bridge call was:\nawait callBridge(${JSON.stringify(call.command)}, ${literal(request)});`;
  }
}
