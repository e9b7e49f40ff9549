import { classifyCall } from '../bridge/classify';
import { asObject, field, textOf } from '../bridge/snapshotRead';
import type { CallRecord } from '../protocol/model';
import { isDescription, SNAPSHOT_MARKER, type SnapshotValue } from '../protocol/snapshot';
import { fetchInitOf, headerPairsOf, jsonBody } from './fetchInit';
import { commentText, headersSource, jsLiteral, jsString, objectSource } from './jsLiteral';

const PRODUCT_FUNCTION: Readonly<Record<string, string>> = { jira: 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };

/** An argument that the app left out: absent, or recorded as `undefined`. */
const isAbsent = (value: SnapshotValue | undefined) => value === undefined || (isDescription(value) && value[SNAPSHOT_MARKER] === 'undefined');

/** Arguments as source, trailing absent ones dropped. */
function args(...values: (SnapshotValue | undefined)[]): string {
  let last = values.length;
  while (last > 0 && isAbsent(values[last - 1])) last--;
  return values.slice(0, last).map((v) => jsLiteral(v)).join(', ');
}

const text = (request: SnapshotValue, key: string) => jsLiteral(textOf(field(request, key)) ?? field(request, key));

/** A plain object's entries without some keys. */
function without(value: SnapshotValue | undefined, ...keys: string[]): [string, SnapshotValue][] {
  return Object.entries(asObject(value) ?? {}).filter(([key]) => !keys.includes(key));
}

/** Recorded headers as an app writes them; as recorded when they are not name/value pairs. */
function recordedHeadersSource(headers: SnapshotValue | undefined): string {
  const pairs = headerPairsOf(headers);
  return pairs === null ? jsLiteral(headers, '  ') : headersSource(pairs.map((h) => [h.name, jsString(h.value)] as const), '  ');
}

/** A text body that holds JSON is written as `JSON.stringify(...)` of what it holds. */
function bodySource(body: SnapshotValue): string {
  const parsed = typeof body === 'string' ? jsonBody(body) : null;
  return parsed === null ? jsLiteral(body, '  ') : `JSON.stringify(${jsLiteral(parsed, '  ')})`;
}

/** requestRemote/requestJira options from a recorded fetch init: the bridge's `body: null` for GET is left out. */
function fetchOptions(init: SnapshotValue | undefined): string {
  const entries = Object.entries(asObject(init) ?? {}).flatMap(([key, value]): [string, string][] => {
    if (key === 'body') return value === null ? [] : [[key, bodySource(value)]];
    if (key === 'headers') return Array.isArray(value) && value.length === 0 ? [] : [[key, recordedHeadersSource(value)]];
    return [[key, jsLiteral(value, '  ')]];
  });
  return objectSource(entries);
}

function invokeCode(request: SnapshotValue): string {
  const kind = classifyCall('invoke', request);
  if (kind === 'resolver') return `invoke(${args(textOf(field(request, 'functionKey')) ?? field(request, 'functionKey'), field(request, 'payload'), field(request, 'metadata'))})`;
  return `${kind}(${jsLiteral(Object.fromEntries(without(request, 'invokeType')))})`;
}

function navigateCode(request: SnapshotValue): string {
  const fn = field(request, 'type') === 'new-tab' ? 'router.open' : 'router.navigate';
  const rest = without(request, 'type');
  const onlyUrl = rest.length === 1 && rest[0]![0] === 'url';
  return `${fn}(${onlyUrl ? jsLiteral(rest[0]![1]) : jsLiteral(Object.fromEntries(rest))})`;
}

/** The @forge/bridge expression behind a known command, or null. */
function expressionFor(command: string, request: SnapshotValue): string | null {
  switch (command) {
    case 'invoke':
      return invokeCode(request);
    case 'fetchRemote':
      return `requestRemote(${text(request, 'remoteKey')}, ${fetchOptions(fetchInitOf(request))})`;
    case 'fetchProduct': {
      const fn = PRODUCT_FUNCTION[textOf(field(request, 'product')) ?? ''];
      return fn ? `${fn}(${text(request, 'restPath')}, ${fetchOptions(fetchInitOf(request))})` : null;
    }
    case 'getContext': case 'open': case 'createHistory': case 'getFrameDispatch': case 'emitReadyEvent':
      return `view.${command}()`;
    case 'submit': case 'close': case 'refresh': case 'onClose': case 'changeWindowTitle':
      return `view.${command}(${args(request)})`;
    case 'enableTheming':
      return 'view.theme.enable()';
    case 'emit': case 'emitPublic':
      return `events.${command}(${args(field(request, 'event'), field(request, 'payload'))})`;
    case 'on': case 'onPublic':
      return `events.${command}(${args(field(request, 'event'), field(request, 'callback'))})`;
    case 'publishRealtimeChannel':
      return `realtime.${field(request, 'isGlobal') === true ? 'publishGlobal' : 'publish'}(${args(field(request, 'channelName'), field(request, 'eventPayload'), field(request, 'options'))})`;
    case 'subscribeRealtimeChannel':
      return `realtime.${field(request, 'isGlobal') === true ? 'subscribeGlobal' : 'subscribe'}(${args(field(request, 'channelName'), field(request, 'onEvent'), field(request, 'options'))})`;
    case 'showFlag':
      return `showFlag(${jsLiteral(request)})`;
    case 'openModal':
      return `new Modal(${jsLiteral(request)}).open()`;
    case 'getUrl':
      return `router.getUrl(${jsLiteral(request)})`;
    case 'navigate':
      return navigateCode(request);
    case 'reload':
      return 'router.reload()';
    case 'requestTeamworkGraph':
      return `requestTeamworkGraph(${args(field(request, 'query'), field(request, 'variables'))})`;
    case 'fetchUserRecommendations':
      return `fetchUserRecommendations(${jsLiteral(request)})`;
    default:
      return null;
  }
}

/**
 * The @forge/bridge call that made a bridge call, as code to paste, from its request snapshot. Commands
 * with no function of their own in @forge/bridge (closeFlag, UI Kit's reconcile, other packages' commands)
 * come out as the raw bridge call, said so in a comment.
 */
export function callAsCode(call: CallRecord): string {
  const request = call.request.value;
  const lines: string[] = [];
  if (call.request.truncated) lines.push('// Parts of this request were not recorded: they are marked in comments below.');
  const expression = expressionFor(call.command, request);
  if (expression !== null) lines.push(`await ${expression};`);
  else {
    lines.push(`// ${commentText(jsString(call.command))} has no @forge/bridge function of its own here; this is the bridge call it made:`);
    lines.push(`await globalThis.__bridge.callBridge(${args(call.command, request)});`);
  }
  return lines.join('\n');
}
