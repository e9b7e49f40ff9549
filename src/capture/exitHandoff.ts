import { EXIT_NAME_RE, EXIT_REQUEST_SUFFIX, HOOK_EXIT } from '../protocol/hook';
import { LIMITS } from '../protocol/limits';
import { method, protoOf, regexpExec } from './intrinsics';
import { record } from './ownReads';
import { jsonText } from './snapshotJson';

/**
 * The hook's side of the exit handoff (protocol: src/protocol/hook.ts HOOK_EXIT): when the document goes,
 * what the hook gathered reaches the relay synchronously, as a DOM event on the hook's window whose name
 * only the relay and the hook know and whose `detail` is the message as JSON text.
 *
 * Everything runs through built-ins captured at load (a page may patch CustomEvent, dispatchEvent,
 * addEventListener or Object.prototype later: none of them sees the name or the events); the text is
 * written without JSON.stringify on objects (it would call a `toJSON` a page put on Object.prototype).
 */

const CustomEventCtor: typeof CustomEvent | undefined = typeof CustomEvent === 'function' ? CustomEvent : undefined;
const dispatchEventFn = method<boolean>(protoOf('EventTarget'), 'dispatchEvent');
const addEventListenerFn = method<void>(protoOf('EventTarget'), 'addEventListener');

/** A window the hook can dispatch on and listen at (a real one; test fakes are called plainly). */
export interface ExitTarget {
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  dispatchEvent(event: Event): boolean;
}

/** The exit event name from the relay's HOOK_EXIT message, or null for anything else. */
export function exitNameOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const m = data as { type?: unknown; name?: unknown };
  if (m.type !== HOOK_EXIT || typeof m.name !== 'string') return null;
  return regexpExec(EXIT_NAME_RE, m.name) !== null ? m.name : null;
}

/** A TypeError from a captured method: the target is no real EventTarget (a test fake), so it is called plainly. */
function notReal(e: unknown): boolean {
  return e !== null && typeof e === 'object' && (e as { name?: unknown }).name === 'TypeError';
}

/** Answers the relay's request (`name + EXIT_REQUEST_SUFFIX`) by calling `exit` at once. */
export function listenForExitRequest(target: object, name: string, exit: () => void): void {
  const type = name + EXIT_REQUEST_SUFFIX;
  try {
    if (addEventListenerFn === undefined) throw new TypeError('no EventTarget');
    addEventListenerFn(target, type, exit, true);
  } catch (e) {
    if (!notReal(e)) throw e;
    (target as ExitTarget).addEventListener(type, exit, true);
  }
}

/**
 * Hands `message` to the relay now. False when it could not go (too long, no CustomEvent, a dispatch that
 * threw): the caller counts its events as dropped.
 */
export function handOff(target: object, name: string, message: object): boolean {
  if (CustomEventCtor === undefined) return false;
  const text = jsonText(message);
  if (text.length > LIMITS.exitHandoffChars) return false;
  // A dictionary without a prototype: the constructor reads bubbles, cancelable, composed through the chain.
  const init = record<CustomEventInit<string>>();
  init.detail = text;
  const event = new CustomEventCtor(name, init);
  try {
    if (dispatchEventFn === undefined) throw new TypeError('no EventTarget');
    dispatchEventFn(target, event);
  } catch (e) {
    if (!notReal(e)) throw e;
    (target as ExitTarget).dispatchEvent(event);
  }
  return true;
}
