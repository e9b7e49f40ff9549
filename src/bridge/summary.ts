import type { CallStatus } from '../protocol/model';
import { isDescription, type SnapshotValue } from '../protocol/snapshot';
import { errorMessageOf } from './errorMessage';
import { endpointCallFailed, httpRequestOf, httpStatusOf } from './httpCalls';
import { asObject, field, path, oneLine, textOf } from './snapshotRead';

export interface SummaryInput {
  command: string;
  request: SnapshotValue;
  status: CallStatus;
  response: SnapshotValue | null;
  error: SnapshotValue | null;
}

/** Longest summary. */
export const SUMMARY_MAX = 160;
const PART_MAX = 100;
const SUFFIX_MAX = 60;
const MISSING = '?';

/** A value shown as a word: a string (or truncated string), number or boolean; else null. */
function word(value: SnapshotValue | undefined, max = PART_MAX): string | null {
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : textOf(value);
  if (text === null) return null;
  const line = oneLine(text, max);
  return line || null;
}

function quoted(value: SnapshotValue | undefined): string | null {
  const text = word(value, 60);
  return text === null ? null : `"${text}"`;
}

function join(...parts: (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p !== '').join(' ');
}

/** A router location: `{url}` or `{target, ...params}`. */
function location(value: SnapshotValue): string | null {
  const url = word(field(value, 'url'));
  if (url !== null) return url;
  const object = asObject(value);
  if (object === null) return word(value);
  const params = Object.keys(object)
    .filter((key) => key !== 'target' && key !== 'type')
    .slice(0, 4)
    .map((key) => word(object[key], 40));
  return join(word(object.target, 40), ...params) || null;
}

/** The operation name of a GraphQL document, else its start. */
function graphqlName(value: SnapshotValue | undefined): string | null {
  const text = textOf(value);
  if (text === null) return null;
  const named = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text);
  return named?.[1] ?? oneLine(text, 40);
}

const NODE_VISIT_CAP = 100_000;

/** `Root (12 nodes)`: the forgeDoc's root type and how many elements its tree holds ("12+" when some were cut). */
function forgeDocLabel(forgeDoc: SnapshotValue | undefined): string | null {
  if (asObject(forgeDoc) === null) return null;
  let count = 0;
  let cut = false;
  const stack: SnapshotValue[] = [forgeDoc as SnapshotValue];
  while (stack.length > 0) {
    const node = stack.pop();
    if (asObject(node) === null) {
      if (isDescription(node)) cut = true;
      continue;
    }
    if (++count >= NODE_VISIT_CAP) {
      cut = true;
      break;
    }
    const children = field(node, 'children');
    if (Array.isArray(children)) stack.push(...children);
    else if (isDescription(children)) cut = true;
  }
  const type = word(field(forgeDoc, 'type'), 40) ?? MISSING;
  return `${type} (${count}${cut ? '+' : ''} ${count === 1 && !cut ? 'node' : 'nodes'})`;
}

/** The summary before its status part. */
function describeRequest(command: string, request: SnapshotValue): string {
  const name = oneLine(String(command), 60) || MISSING;
  const http = httpRequestOf(command, request);
  if (http !== null) {
    const target = oneLine(http.path ?? MISSING, PART_MAX) || MISSING;
    if (http.via === 'requestRemote') return join(http.via, oneLine(http.remoteKey ?? MISSING, 40) || MISSING, oneLine(http.method, 12), target);
    return join(http.via, oneLine(http.method, 12), target);
  }
  switch (command) {
    case 'invoke':
      return join(name, word(field(request, 'functionKey')) ?? MISSING);
    case 'emit':
    case 'emitPublic':
    case 'on':
    case 'onPublic':
      return join(name, word(field(request, 'event')) ?? MISSING);
    case 'publishRealtimeChannel':
    case 'subscribeRealtimeChannel':
      return join(name, word(field(request, 'channelName')) ?? MISSING, field(request, 'isGlobal') === true ? '(global)' : null);
    case 'navigate':
      return join(name, word(field(request, 'type'), 20), location(request) ?? MISSING);
    case 'getUrl':
      return join(name, location(request));
    case 'showFlag':
      return join(name, quoted(field(request, 'title')) ?? word(field(request, 'id')));
    case 'closeFlag':
      return join(name, word(field(request, 'id')));
    case 'openModal':
      return join(name, word(field(request, 'resource')) ?? quoted(field(request, 'title')));
    case 'openIssueCreateModal':
    case 'openIssueViewModal':
      return join(name, word(path(request, 'data', 'context', 'issueKey')));
    case 'reconcile':
      return join(name, forgeDocLabel(field(request, 'forgeDoc')));
    case 'onError':
      return join(name, oneLine(errorMessageOf(field(request, 'error') ?? null), 80));
    case 'changeWindowTitle':
      return join(name, quoted(request));
    case 'trackObjectStoreAction':
      return join(name, word(field(request, 'action')));
    case 'emitFrontendCustomMetric':
      return join(name, word(field(request, 'customMetricName')), word(field(request, 'value'), 20));
    case 'openRovo':
      return join(name, word(field(request, 'agentName')) ?? word(field(request, 'agentKey')));
    case 'requestTeamworkGraph':
      return join(name, graphqlName(field(request, 'query')));
    case 'fetchUserRecommendations':
      return join(name, quoted(field(request, 'query')));
    default:
      return name;
  }
}

/** ` → 200`, ` → …`, ` → error: message`, or '' for a call that succeeded and has no status to show. */
function describeOutcome(input: SummaryInput): string {
  if (input.status === 'pending') return ' → …';
  if (input.status === 'error') return ` → error: ${errorMessageOf(input.error)}`;
  const status = httpStatusOf(input.command, input.request, input.response);
  if (status !== null) return ` → ${status}`;
  if (endpointCallFailed(input.command, input.request, input.response)) return ' → failed';
  return '';
}

/** One line a person reads at a glance, e.g. `invokeRemote GET /tasks → 200`. Never throws; at most SUMMARY_MAX characters. */
export function summarizeCall(input: SummaryInput): string {
  try {
    const outcome = oneLine(describeOutcome(input), SUFFIX_MAX);
    const head = oneLine(describeRequest(input.command, input.request), SUMMARY_MAX - outcome.length - 1);
    return outcome ? `${head} ${outcome}` : head;
  } catch {
    // Unreachable for snapshot input; kept so a recorder never fails on a summary.
    return oneLine(String(input?.command ?? MISSING), SUMMARY_MAX) || MISSING;
  }
}
