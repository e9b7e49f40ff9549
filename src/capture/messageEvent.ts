import {
  eventIsTrusted,
  eventStopImmediatePropagation,
  messageEventData,
  messageEventPorts,
  messageEventSource,
  messagePortOnMessage,
  messagePortPostMessage,
} from './intrinsics';

/**
 * Reads of MessageEvent fields and MessagePort.postMessage through the getters and methods captured at
 * load (a page may patch the prototypes later). Objects that are not the real thing (test fakes) are
 * read plainly: in a browser a listener only ever gets real events, and ports only come from them.
 */

type Getter<R> = ((self: unknown) => R) | undefined;

function read<R>(getter: Getter<R>, event: object, key: string): R {
  if (getter !== undefined) {
    try {
      return getter(event);
    } catch {
      // not a real MessageEvent
    }
  }
  return (event as Record<string, unknown>)[key] as R;
}

export function eventData(event: object): unknown {
  return read(messageEventData, event, 'data');
}

export function eventSource(event: object): unknown {
  return read(messageEventSource, event, 'source');
}

export function eventPorts(event: object): readonly unknown[] | null {
  const ports = read<unknown>(messageEventPorts, event, 'ports');
  return ports !== null && typeof ports === 'object' ? (ports as readonly unknown[]) : null;
}

/** Event#isTrusted through the engine's getter: false for an event a page made and dispatched itself. */
export function eventTrusted(event: object): boolean {
  return read<unknown>(eventIsTrusted, event, 'isTrusted') !== false;
}

export function stopImmediatePropagation(event: object): void {
  if (eventStopImmediatePropagation !== undefined) {
    try {
      eventStopImmediatePropagation(event);
      return;
    } catch {
      // not a real Event
    }
  }
  (event as { stopImmediatePropagation(): void }).stopImmediatePropagation();
}

export interface PortLike {
  postMessage(message: unknown): void;
}

export function postToPort(port: PortLike, message: unknown): void {
  if (messagePortPostMessage !== undefined) {
    try {
      messagePortPostMessage(port, message);
      return;
    } catch (e) {
      // A real port that refused the message (DataCloneError) must not be retried plainly.
      if (e !== null && typeof e === 'object' && (e as { name?: unknown }).name === 'DataCloneError') throw e;
    }
  }
  port.postMessage(message);
}

/** Sets the port's message listener through the engine's own setter (a page may patch the prototype later). */
export function listenToPort(port: object, listener: (event: MessageEvent) => void): void {
  if (messagePortOnMessage !== undefined) {
    try {
      messagePortOnMessage(port, listener);
      return;
    } catch {
      // not a real MessagePort
    }
  }
  (port as { onmessage: unknown }).onmessage = listener;
}
