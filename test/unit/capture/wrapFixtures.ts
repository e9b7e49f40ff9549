import type { CaptureDeps } from '../../../src/capture/wrapCallBridge';
import type { HookEvent } from '../../../src/protocol/hook';

/** Helpers of the call-wrapper tests: a recorder that keeps the events it is given, the callback keys of the commands used, and a settle step. */

export const CALLBACK_KEYS: Record<string, readonly string[]> = { on: ['callback'], onPublic: ['callback'], subscribeRealtimeChannel: ['onEvent'], openModal: ['onClose'] };

export function recorder(overrides: Partial<CaptureDeps> = {}): CaptureDeps & { events: HookEvent[] } {
  const events: HookEvent[] = [];
  let id = 0;
  let t = 1000;
  return {
    events,
    emit: (e) => events.push(e),
    now: () => (t += 0.5),
    nextId: () => ++id,
    callbackKeysFor: (command) => CALLBACK_KEYS[command] ?? [],
    ...overrides,
  };
}

/** Lets every pending promise reaction run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type Bridge = (command: string, payload?: unknown) => unknown;
