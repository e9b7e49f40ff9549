/** A page object that dispatches `message` events (a window). */
export interface MessageTarget {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void, options?: boolean | EventListenerOptions): void;
}

/**
 * Listens for `message` events in the capture phase without ever throwing into the page. Returns the
 * function that stops it (safe to call twice), or null when the target refused the listener.
 */
export function listenForMessages(target: MessageTarget, listener: (event: MessageEvent) => void): (() => void) | null {
  try {
    target.addEventListener('message', listener, true);
  } catch {
    return null;
  }
  let listening = true;
  return () => {
    if (!listening) return;
    listening = false;
    try {
      target.removeEventListener('message', listener, true);
    } catch {
      // nothing to do
    }
  };
}
