import { describe, expect, it } from 'vitest';
import { CATALOGUE, callbackKeysFor, commandInfo, isKnownCommand } from '../../../src/bridge';
import type { CallKind } from '../../../src/protocol';

// Written out from forge-facts §2.1 (@forge/bridge@7.2.0), so a command dropped from the table fails here.
const BRIDGE_COMMANDS = [
  'invoke', 'fetchRemote', 'fetchProduct', 'fetchUserRecommendations', 'requestTeamworkGraph', 'getContext',
  'emit', 'emitPublic', 'on', 'onPublic', 'publishRealtimeChannel', 'subscribeRealtimeChannel', 'showFlag',
  'closeFlag', 'openModal', 'submit', 'close', 'onClose', 'refresh', 'open', 'createHistory', 'getUrl', 'navigate',
  'reload', 'getFrameId', 'getFrameDispatch', 'changeWindowTitle', 'enableTheming', 'emitReadyEvent', 'openRovo',
  'isRovoEnabled', 'initFeatureFlags', 'emitFrontendCustomMetric', 'trackObjectStoreAction',
  'getCookieConsentPreferences', '__permission__egressGet', '__permission__egressSet',
  '__permission__egressDeleteDomain', '__permission__egressDeleteGroup', '__permission__remoteGet',
  '__permission__remoteSet',
];
// forge-facts §2.2 and §1.4.
const OTHER_PACKAGES: Record<string, string[]> = {
  '@forge/react': ['reconcile', 'onError'],
  '@forge/jira-bridge': [
    'getUiModificationsInternalAPI', 'getCustomFieldInternalAPI', 'openIssueCreateModal', 'openIssueViewModal',
    'refreshIssueView', 'setWorkflowRuleConfigurationCallback',
  ],
  '@forge/confluence-bridge': ['getEditorContent', 'getMacroContent', 'setMacroViewportHeight', 'updateMacro'],
  '@forge/dashboards-bridge': ['getWidgetApi', 'getWidgetEditApi'],
};

describe('catalogue', () => {
  it.each(BRIDGE_COMMANDS)('knows @forge/bridge command %s', (command) => {
    expect(isKnownCommand(command)).toBe(true);
    expect(commandInfo(command).source).toBe('@forge/bridge');
  });

  for (const [pkg, commands] of Object.entries(OTHER_PACKAGES)) {
    it.each(commands)(`knows ${pkg} command %s`, (command) => {
      expect(commandInfo(command).source).toBe(pkg);
    });
  }

  it("knows confluence-bridge's emit (shared with @forge/bridge)", () => {
    expect(commandInfo('emit').kind).toBe('events');
  });

  it('holds each command once and nothing outside the facts', () => {
    const expected = [...BRIDGE_COMMANDS, ...Object.values(OTHER_PACKAGES).flat()].sort();
    expect(CATALOGUE.map((c) => c.command).sort()).toEqual(expected);
  });

  it('maps commands to the kinds the panel filters on', () => {
    const kinds: Record<string, CallKind> = {
      invoke: 'resolver',
      fetchRemote: 'requestRemote',
      fetchProduct: 'product',
      getContext: 'context',
      on: 'events',
      emitPublic: 'events',
      subscribeRealtimeChannel: 'realtime',
      publishRealtimeChannel: 'realtime',
      navigate: 'navigation',
      createHistory: 'navigation',
      openModal: 'modal',
      openIssueViewModal: 'modal',
      showFlag: 'flag',
      closeFlag: 'flag',
      reconcile: 'uikit',
      onError: 'uikit',
      __permission__egressGet: 'other',
      getWidgetApi: 'other',
    };
    for (const [command, kind] of Object.entries(kinds)) expect([command, commandInfo(command).kind]).toEqual([command, kind]);
  });

  it('gives every entry of the data file a kind the panel knows', () => {
    // A Record over CallKind: adding a kind to the type without listing it here fails to compile.
    const known: Record<CallKind, true> = {
      resolver: true, invokeRemote: true, invokeService: true, requestRemote: true, product: true, context: true,
      events: true, realtime: true, navigation: true, modal: true, flag: true, uikit: true, other: true,
    };
    for (const info of CATALOGUE) expect(Object.hasOwn(known, info.kind), `${info.command}: ${info.kind}`).toBe(true);
  });

  it('gives every entry a short one-line description', () => {
    for (const info of CATALOGUE) {
      expect(info.description.length, info.command).toBeGreaterThan(5);
      expect(info.description.length, info.command).toBeLessThanOrEqual(80);
      expect(info.description).not.toMatch(/\n/);
    }
  });
});

describe('callback keys', () => {
  it('records the top-level payload keys that hold host callbacks', () => {
    expect(callbackKeysFor('on')).toEqual(['callback']);
    expect(callbackKeysFor('onPublic')).toEqual(['callback']);
    expect(callbackKeysFor('subscribeRealtimeChannel')).toEqual(['onEvent']);
    expect(callbackKeysFor('openModal')).toEqual(['onClose']);
  });

  it('keeps nested callbacks out of callbackKeys', () => {
    expect(callbackKeysFor('showFlag')).toEqual([]);
    expect(commandInfo('showFlag').nestedCallbackPaths).toEqual(['actions[].onClick']);
    expect(commandInfo('openIssueCreateModal').nestedCallbackPaths).toEqual(['data.onClose']);
    expect(commandInfo('setWorkflowRuleConfigurationCallback').nestedCallbackPaths).toEqual(['data.onConfigure']);
  });

  it("marks view.onClose, whose payload is the callback itself", () => {
    expect(commandInfo('onClose').payloadIsCallback).toBe(true);
    expect(callbackKeysFor('onClose')).toEqual([]);
    expect(commandInfo('on').payloadIsCallback).toBe(false);
  });

  it('has no callbacks for plain commands and unknown ones', () => {
    expect(callbackKeysFor('invoke')).toEqual([]);
    expect(callbackKeysFor('emit')).toEqual([]);
    expect(callbackKeysFor('noSuchCommand')).toEqual([]);
  });

  it('cannot be changed by a caller', () => {
    const keys = callbackKeysFor('on') as string[];
    expect(() => keys.push('x')).toThrow();
    expect(callbackKeysFor('on')).toEqual(['callback']);
    expect(Object.isFrozen(commandInfo('on'))).toBe(true);
  });
});

describe('untrusted command names', () => {
  const prototypeKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

  it.each(prototypeKeys)('treats %s as unknown', (command) => {
    const info = commandInfo(command);
    expect(info.command).toBe(command);
    expect(info.kind).toBe('other');
    expect(info.source).toBe('unknown');
    expect(info.callbackKeys).toEqual([]);
    expect(info.nestedCallbackPaths).toEqual([]);
    expect(info.payloadIsCallback).toBe(false);
    expect(callbackKeysFor(command)).toEqual([]);
    expect(isKnownCommand(command)).toBe(false);
  });

  it('treats an unknown name, an empty name and a near miss as unknown', () => {
    for (const command of ['', 'Invoke', 'invoke ', 'x'.repeat(500)]) {
      expect(commandInfo(command).source).toBe('unknown');
      expect(commandInfo(command).kind).toBe('other');
    }
  });
});
