import { EXIT_REQUEST_SUFFIX, HOOK_EXIT, type HookExitMessage } from '../protocol/hook';
import { LIMITS } from '../protocol/limits';

/**
 * The relay's side of the exit handoff (protocol: src/protocol/hook.ts HOOK_EXIT; the hook's side:
 * src/capture/exitHandoff.ts). The relay names the event (a random id), tells the hook on the private port,
 * listens for it on its window and, at its own pagehide, asks the hook for what it still holds: the hook's
 * answer arrives before `request()` returns, whichever world's pagehide listener ran first.
 *
 * A handoff is treated exactly as a port message: its text is parsed (refused beyond LIMITS.exitHandoffChars,
 * or when it is no JSON) and goes to the same receiver, which validates it and counts refusals. Nothing goes
 * back to whoever dispatched it.
 */

/** The message that names the exit event: `id` is random, of [A-Za-z0-9_-] (newDocId). */
export function exitMessage(id: string): HookExitMessage {
  return { type: HOOK_EXIT, name: `${HOOK_EXIT}:${id}` };
}

/** What a handoff's `detail` holds: the hook message it spells, or undefined (which the validator refuses). */
export function readHandoff(detail: unknown): unknown {
  if (typeof detail !== 'string' || detail.length > LIMITS.exitHandoffChars) return undefined;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return undefined;
  }
}

export interface HandoffTarget {
  addEventListener(type: string, listener: (event: Event) => void, capture: boolean): void;
  dispatchEvent(event: Event): boolean;
}

/**
 * Hands every handoff on `target` named `name` to `receive` (parsed, see readHandoff; never throws into the
 * dispatcher). Returns request(): asks the hook to hand over what it holds, at once.
 */
export function listenForHandoffs(target: HandoffTarget, name: string, receive: (data: unknown) => void): () => void {
  target.addEventListener(
    name,
    (event) => {
      try {
        receive(readHandoff((event as CustomEvent<unknown>).detail));
      } catch {
        // never into the dispatcher
      }
    },
    true,
  );
  return () => {
    try {
      target.dispatchEvent(new CustomEvent(name + EXIT_REQUEST_SUFFIX));
    } catch {
      // nothing to ask
    }
  };
}
