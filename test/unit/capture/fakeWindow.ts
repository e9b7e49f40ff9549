/**
 * A small stand-in for a window's message events (Node has no DOM): addEventListener with capture
 * listeners first at the target, stopImmediatePropagation, and postMessage that dispatches a
 * structured clone of the data on a later macrotask with `source` set to the posting window and the
 * transferred ports in `ports`.
 */
type Listener = (event: FakeMessageEvent) => void;

export interface FakeMessageEvent {
  type: 'message';
  data: unknown;
  source: unknown;
  origin: string;
  ports: readonly MessagePort[];
  isTrusted: boolean;
  stopImmediatePropagation(): void;
  stopPropagation(): void;
}

export class FakeWindow {
  private listeners: { fn: Listener; capture: boolean }[] = [];
  location = { href: 'https://abc.cdn.prod.atlassian-dev.net/index.html?x=1' };
  document = { referrer: 'https://site.atlassian.net/jira/apps/1' };
  top: unknown = {};
  /** How many listeners are registered now. */
  get listenerCount(): number {
    return this.listeners.length;
  }

  addEventListener(type: string, fn: Listener, options?: boolean | { capture?: boolean }): void {
    if (type !== 'message') return;
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    if (this.listeners.some((l) => l.fn === fn && l.capture === capture)) return;
    this.listeners.push({ fn, capture });
  }

  removeEventListener(type: string, fn: Listener, options?: boolean | { capture?: boolean }): void {
    if (type !== 'message') return;
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    this.listeners = this.listeners.filter((l) => !(l.fn === fn && l.capture === capture));
  }

  /** Posts as `from` would (default: this window posting to itself). */
  postMessage(data: unknown, _targetOrigin = '*', transfer: MessagePort[] = [], from: unknown = this): Promise<FakeMessageEvent> {
    const cloned = structuredClone(data);
    return new Promise((resolve) => {
      setTimeout(() => resolve(this.dispatch({ data: cloned, source: from, ports: transfer })), 0);
    });
  }

  dispatch(init: { data: unknown; source?: unknown; ports?: readonly MessagePort[]; isTrusted?: boolean }): FakeMessageEvent {
    let stopped = false;
    const event: FakeMessageEvent = {
      type: 'message',
      data: init.data,
      source: init.source ?? null,
      origin: 'https://abc.cdn.prod.atlassian-dev.net',
      ports: init.ports ?? [],
      isTrusted: init.isTrusted ?? true,
      stopImmediatePropagation: () => {
        stopped = true;
      },
      stopPropagation: () => undefined,
    };
    const ordered = [...this.listeners.filter((l) => l.capture), ...this.listeners.filter((l) => !l.capture)];
    for (const l of ordered) {
      if (stopped) break;
      l.fn(event);
    }
    return event;
  }
}

/** Collects what arrives on the relay's end of a MessageChannel. */
export function relayEnd(port: MessagePort): { messages: unknown[]; next(): Promise<unknown>; close(): void } {
  const messages: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  port.onmessage = (event: MessageEvent) => {
    messages.push(event.data);
    waiting.shift()?.(event.data);
  };
  return {
    messages,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => port.close(),
  };
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
