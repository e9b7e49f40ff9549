import { createBridgeView, installBridgeTrap, type BridgeVia } from '../../../src/capture/trapBridge';
import { createCallBridgeWrapper, originalOf } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';

/** Helpers of the bridge-trap tests: a target window with the trap installed, and a bridge that answers and remembers its commands. */

export type Bridge = { callBridge: (command: string, payload?: unknown) => Promise<unknown>; __SEMVER?: string };
export type Target = typeof globalThis & { __bridge?: Bridge };

export function setup(target: object = {}) {
  const events: HookEvent[] = [];
  const found: { bridge: object; via: BridgeVia }[] = [];
  let id = 0;
  const wrap = createCallBridgeWrapper({
    emit: (e) => events.push(e),
    now: () => 1,
    nextId: () => ++id,
    callbackKeysFor: (c) => (c === 'on' ? ['callback'] : []),
  });
  const hooked = installBridgeTrap(target as typeof globalThis, (bridge, via) => {
    found.push({ bridge, via });
    return createBridgeView(bridge, wrap, originalOf);
  });
  const starts = () => events.filter((e) => e.type === 'call-start').map((e) => (e as { command: string }).command);
  return { target: target as Target, events, found, hooked, starts };
}

export function makeBridge(answer: unknown = 'answer'): Bridge & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    __SEMVER: '1.15.3',
    callBridge(command: string) {
      calls.push(command);
      return Promise.resolve(answer);
    },
  };
}
