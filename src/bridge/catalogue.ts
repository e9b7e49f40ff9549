import type { CallKind } from '../protocol/model';

/**
 * Every Forge bridge command this tool knows: what kind of call it is, which package sends it, and
 * where its payload holds functions the host calls back. Sources: forge-facts §1.3, §1.4, §2.1, §2.2.
 *
 * This table is bundled into the hook that runs in every Forge frame: keep descriptions short.
 */
export interface CommandInfo {
  readonly command: string;
  readonly kind: CallKind;
  /** npm package that sends the command, or 'unknown'. */
  readonly source: string;
  /** Top-level payload keys holding a function the host calls back. */
  readonly callbackKeys: readonly string[];
  /**
   * Deeper places holding such a function: keys joined by ".", and "[]" after a key for "each item of
   * this array", e.g. "actions[].onClick".
   */
  readonly nestedCallbackPaths: readonly string[];
  /** The whole payload is itself the callback (view.onClose(fn)). */
  readonly payloadIsCallback: boolean;
  /** One line for people. */
  readonly description: string;
}

const BRIDGE = '@forge/bridge';
const REACT = '@forge/react';
const JIRA = '@forge/jira-bridge';
const CONFLUENCE = '@forge/confluence-bridge';
const DASHBOARDS = '@forge/dashboards-bridge';

/**
 * [command, kind, source, description, callbacks?]. `callbacks` is a space-separated list: a plain key
 * is a top-level callback key, a key with "." or "[]" is a nested path, and "*" means the payload is
 * the callback itself.
 */
type Row = readonly [string, CallKind, string, string, string?];

const ROWS: readonly Row[] = [
  // @forge/bridge@7.2.0
  ['invoke', 'resolver', BRIDGE, 'invoke() a resolver; invokeRemote/invokeService by invokeType'],
  ['fetchRemote', 'requestRemote', BRIDGE, 'requestRemote(): fetch to a remote, FIT as bearer'],
  ['fetchProduct', 'product', BRIDGE, 'requestJira/Confluence/Bitbucket: product REST as user'],
  ['fetchUserRecommendations', 'product', BRIDGE, 'User recommendations for a query'],
  ['requestTeamworkGraph', 'product', BRIDGE, 'Teamwork Graph GraphQL query'],
  ['getContext', 'context', BRIDGE, 'view.getContext(): full context, not cached'],
  ['emit', 'events', BRIDGE, 'events.emit() to the app (also @forge/confluence-bridge)'],
  ['emitPublic', 'events', BRIDGE, 'events.emitPublic() to other apps'],
  ['on', 'events', BRIDGE, 'events.on(): subscribe to app events', 'callback'],
  ['onPublic', 'events', BRIDGE, 'events.onPublic(): subscribe to public events', 'callback'],
  ['publishRealtimeChannel', 'realtime', BRIDGE, 'realtime.publish() to a channel'],
  ['subscribeRealtimeChannel', 'realtime', BRIDGE, 'realtime.subscribe() to a channel', 'onEvent'],
  ['showFlag', 'flag', BRIDGE, 'showFlag(): show a flag', 'actions[].onClick'],
  ['closeFlag', 'flag', BRIDGE, 'Close a flag by id'],
  ['openModal', 'modal', BRIDGE, 'new Modal().open()', 'onClose'],
  ['submit', 'modal', BRIDGE, 'view.submit(): submit and close the view'],
  ['close', 'modal', BRIDGE, 'view.close(): close the view'],
  ['onClose', 'modal', BRIDGE, 'view.onClose(fn): run fn when the view closes', '*'],
  ['refresh', 'navigation', BRIDGE, 'view.refresh(): reload the view'],
  ['open', 'modal', BRIDGE, 'view.open(): open the view'],
  ['createHistory', 'navigation', BRIDGE, 'view.createHistory(): host history object'],
  ['getUrl', 'navigation', BRIDGE, 'router.getUrl(location)'],
  ['navigate', 'navigation', BRIDGE, 'router.navigate()/open(): same-tab or new-tab'],
  ['reload', 'navigation', BRIDGE, 'router.reload(): reload the host page'],
  ['getFrameId', 'context', BRIDGE, 'Id of this frame'],
  ['getFrameDispatch', 'other', BRIDGE, 'view.getFrameDispatch(): Frame dispatch function'],
  ['changeWindowTitle', 'other', BRIDGE, 'view.changeWindowTitle(title)'],
  ['enableTheming', 'other', BRIDGE, 'view.theme.enable()'],
  ['emitReadyEvent', 'events', BRIDGE, 'view.emitReadyEvent(): app is ready (EXTENSION_READY)'],
  ['openRovo', 'other', BRIDGE, 'rovo.open(): open Rovo chat with an agent'],
  ['isRovoEnabled', 'other', BRIDGE, 'rovo.isEnabled()'],
  ['initFeatureFlags', 'other', BRIDGE, 'Initialise feature flags'],
  ['emitFrontendCustomMetric', 'other', BRIDGE, 'Emit a front-end custom metric'],
  ['trackObjectStoreAction', 'other', BRIDGE, 'Object store usage (upload/download/delete/getMetadata)'],
  ['getCookieConsentPreferences', 'other', BRIDGE, "The user's cookie consent preferences"],
  ['__permission__egressGet', 'other', BRIDGE, 'permissions: read egress'],
  ['__permission__egressSet', 'other', BRIDGE, 'permissions: set egress'],
  ['__permission__egressDeleteDomain', 'other', BRIDGE, 'permissions: delete egress domain'],
  ['__permission__egressDeleteGroup', 'other', BRIDGE, 'permissions: delete egress group'],
  ['__permission__remoteGet', 'other', BRIDGE, 'permissions: read remotes'],
  ['__permission__remoteSet', 'other', BRIDGE, 'permissions: set remotes'],
  // @forge/react@12.3.1 (UI Kit). Function props sit anywhere in forgeDoc, tagged with __id__.
  ['reconcile', 'uikit', REACT, 'UI Kit: whole forgeDoc tree on every commit'],
  ['onError', 'uikit', REACT, 'UI Kit: render error'],
  // @forge/jira-bridge@0.40.1 (nested callbacks: from the package's bundled out/ code)
  ['getUiModificationsInternalAPI', 'other', JIRA, 'UI modifications API (returns functions)'],
  ['getCustomFieldInternalAPI', 'other', JIRA, 'Custom field API (returns functions)'],
  ['openIssueCreateModal', 'modal', JIRA, 'Open the Jira create-issue modal', 'data.onClose'],
  ['openIssueViewModal', 'modal', JIRA, 'Open the Jira issue-view modal', 'data.onClose'],
  ['refreshIssueView', 'other', JIRA, 'Refresh the Jira issue view'],
  ['setWorkflowRuleConfigurationCallback', 'other', JIRA, 'workflowRules.onConfigure(fn)', 'data.onConfigure'],
  // @forge/confluence-bridge@4.0.0 (its `emit` is the row above)
  ['getEditorContent', 'context', CONFLUENCE, 'Confluence editor content'],
  ['getMacroContent', 'context', CONFLUENCE, 'Confluence macro body'],
  ['setMacroViewportHeight', 'other', CONFLUENCE, 'Set the macro frame height'],
  ['updateMacro', 'other', CONFLUENCE, 'Update the macro config or body'],
  // @forge/dashboards-bridge@0.1.20
  ['getWidgetApi', 'other', DASHBOARDS, 'Dashboard widget API (returns functions)'],
  ['getWidgetEditApi', 'other', DASHBOARDS, 'Dashboard widget edit API (returns functions)'],
];

const NONE: readonly string[] = Object.freeze([]);

function toInfo([command, kind, source, description, callbacks]: Row): CommandInfo {
  const places = callbacks ? callbacks.split(' ') : [];
  const isNested = (p: string) => p.includes('.') || p.includes('[]');
  const top = places.filter((p) => p !== '*' && !isNested(p));
  const nested = places.filter(isNested);
  return Object.freeze({
    command,
    kind,
    source,
    callbackKeys: top.length ? Object.freeze(top) : NONE,
    nestedCallbackPaths: nested.length ? Object.freeze(nested) : NONE,
    payloadIsCallback: places.includes('*'),
    description,
  });
}

/** The whole catalogue, in the order of the facts file. */
export const CATALOGUE: readonly CommandInfo[] = Object.freeze(ROWS.map(toInfo));

// A Map, not an object: command names come from untrusted pages ('__proto__', 'constructor', …).
const BY_COMMAND: ReadonlyMap<string, CommandInfo> = new Map(CATALOGUE.map((info) => [info.command, info]));

const UNKNOWN: CommandInfo = Object.freeze({
  command: '',
  kind: 'other',
  source: 'unknown',
  callbackKeys: NONE,
  nestedCallbackPaths: NONE,
  payloadIsCallback: false,
  description: 'Not a known Forge bridge command',
});

export function isKnownCommand(command: string): boolean {
  return BY_COMMAND.has(command);
}

/** The catalogue entry; an unknown command gets kind 'other' and source 'unknown'. */
export function commandInfo(command: string): CommandInfo {
  return BY_COMMAND.get(command) ?? Object.freeze({ ...UNKNOWN, command: String(command) });
}

/** Top-level payload keys holding host callbacks. Called on every bridge call: one Map lookup. */
export function callbackKeysFor(command: string): readonly string[] {
  return BY_COMMAND.get(command)?.callbackKeys ?? NONE;
}
