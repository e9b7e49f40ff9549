import { field, path, textOf } from '../../bridge/snapshotRead';
import { isDescription, type CallRecord, type SnapshotValue } from '../../protocol';
import { callOutcome } from '../../query';
import { formatSeconds } from '../format';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The token a call carried, as far as its first line needs it. */
export interface CarriedToken {
  type: string;
  /** Seconds since epoch. */
  exp: number | null;
}

/** An error snapshot's parts: what the Error tab and the first line show. */
export interface ErrorParts {
  name: string | null;
  message: string;
  errorType: string | null;
  statusCode: number | null;
  stack: string | null;
}

export function errorParts(value: SnapshotValue | undefined): ErrorParts {
  if (isDescription(value)) {
    // Extra own properties of the error; Forge's GraphQL errors put errorType and statusCode under extensions.
    const own = value.props ?? null;
    const props = field(own, 'errorType') !== undefined || field(own, 'statusCode') !== undefined ? own : (field(own, 'extensions') ?? own);
    const code = field(props, 'statusCode') ?? field(props, 'status');
    return {
      name: typeof value.name === 'string' ? value.name : null,
      message: typeof value.text === 'string' ? value.text : '',
      errorType: textOf(field(props, 'errorType')) ?? textOf(field(props, 'code')),
      statusCode: typeof code === 'number' ? code : null,
      stack: typeof value.stack === 'string' ? value.stack : null,
    };
  }
  const message = textOf(field(value, 'message')) ?? (typeof value === 'string' ? value : JSON.stringify(value ?? null));
  const code = field(value, 'statusCode') ?? field(value, 'status');
  return { name: null, message, errorType: textOf(field(value, 'errorType')), statusCode: typeof code === 'number' ? code : null, stack: null };
}

/** A string that holds JSON, parsed; else the value as it was. */
export function parsedBody(body: SnapshotValue | undefined): SnapshotValue | undefined {
  if (typeof body !== 'string') return body;
  const t = body.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return body;
  try {
    return JSON.parse(t) as SnapshotValue;
  } catch {
    return body;
  }
}

/** What a remote's error body says in a word: `error`, `code`, `error_description` or `message`. */
function remoteSaid(call: CallRecord): string | null {
  const r = call.response?.value;
  const body = parsedBody(field(r, 'body') ?? path(r, 'payload', 'body') ?? path(r, 'error', 'body'));
  if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 80) : null;
  for (const key of ['error', 'code', 'error_description', 'message', 'errorMessage']) {
    const v = field(body, key);
    const text = textOf(v) ?? textOf(field(v, 'message')) ?? textOf(field(v, 'code'));
    if (text) return text.slice(0, 80);
  }
  return null;
}

function tokenPart(call: CallRecord, token: CarriedToken | null, failed: boolean): string | null {
  if (!token || token.exp === null) return null;
  const left = (token.exp * 1000 - call.startedAt) / 1000;
  if (left < 0) return `${token.type} expired ${formatSeconds(-left)} before use`;
  return failed ? `${token.type} was valid when sent (${formatSeconds(left)} left)` : null;
}

/**
 * One line that says what happened: "401 Unauthorized · remote said invalid_fit · FIT expired 60.9 s before
 * use", "Rejected: Error: Function not found (status 404, FUNCTION_NOT_FOUND)", "Resolved".
 */
export function whatHappened(call: CallRecord, token: CarriedToken | null): string {
  const outcome = callOutcome(call);
  const parts: (string | null)[] = [];
  switch (outcome.kind) {
    case 'pending':
      parts.push('Still waiting for an answer');
      break;
    case 'rejected': {
      const e = errorParts(call.error?.value);
      const detail = [e.statusCode !== null ? `status ${e.statusCode}` : null, e.errorType].filter(Boolean).join(', ');
      parts.push(`Rejected: ${e.name ? `${e.name}: ` : ''}${e.message || 'no message'}${detail ? ` (${detail})` : ''}`);
      break;
    }
    case 'unsuccessful':
      parts.push('The remote call failed (success: false, no HTTP status)', remoteSaid(call) && `remote said ${remoteSaid(call)}`);
      break;
    case 'http':
      parts.push(`${outcome.httpStatus} ${STATUS_TEXT[outcome.httpStatus] ?? ''}`.trim());
      if (outcome.failed) parts.push(remoteSaid(call) && `remote said ${remoteSaid(call)}`);
      break;
    case 'ok':
      parts.push('Resolved');
      break;
  }
  parts.push(tokenPart(call, token, outcome.failed));
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/** A response with its JSON body text (at `body`, `payload.body` or `error.body`) parsed, for the tree. */
export function withParsedBodies(value: SnapshotValue): SnapshotValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isDescription(value)) return value;
  const out: Record<string, SnapshotValue> = { ...(value as Record<string, SnapshotValue>) };
  if ('body' in out) out.body = parsedBody(out.body) ?? null;
  for (const key of ['payload', 'error']) if (out[key] !== undefined) out[key] = withParsedBodies(out[key]!);
  return out;
}
