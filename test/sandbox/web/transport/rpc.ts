/**
 * A small RPC endpoint for the sandbox's bridge: requests, acks and responses, with functions crossing
 * as references the other side can call back (forge-facts §1.2/§1.3). The wire (post-robot's JSON
 * envelope over window.postMessage, or port-rpc over a MessagePort) only encodes and posts.
 */

export interface Wire {
  post(message: RpcMessage): void;
  /** How a function reference looks on this wire. */
  encodeFunction(id: string, name: string): unknown;
  /** The reference's id and name, when `value` is one. */
  decodeFunction(value: unknown): { id: string; name: string } | null;
}

export type RpcMessage =
  | { id: string; type: 'request'; name: string; data: unknown }
  | { id: string; type: 'ack' }
  | { id: string; type: 'response'; ack: 'success' | 'error'; data?: unknown; error?: { name: string; message: string; stack?: string } };

/** Method name for calling a function reference (post-robot's own). */
export const METHOD_CALL = 'postrobot_method';

let counter = 0;
const uid = () => `${Date.now().toString(36)}_${(++counter).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

export type Handler = (data: unknown) => unknown;

export class RpcEndpoint {
  private readonly pending = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private readonly functions = new Map<string, (...args: unknown[]) => unknown>();
  private readonly handlers = new Map<string, Handler>();
  private fallback: ((name: string, data: unknown) => unknown) | null = null;

  constructor(private readonly wire: Wire) {}

  handle(name: string, handler: Handler): void {
    this.handlers.set(name, handler);
  }

  /** Answers requests no `handle` names (post-robot names each request by its bridge command). */
  handleOthers(handler: (name: string, data: unknown) => unknown): void {
    this.fallback = handler;
  }

  request(name: string, data: unknown): Promise<unknown> {
    const id = uid();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.wire.post({ id, type: 'request', name, data: this.serialize(data, new Set()) });
    });
  }

  /** Feeds one decoded message from the wire. */
  receive(message: RpcMessage): void {
    if (message.type === 'ack') return;
    if (message.type === 'response') {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ack === 'success') waiter.resolve(this.deserialize(message.data));
      else waiter.reject(toError(message.error));
      return;
    }
    this.wire.post({ id: message.id, type: 'ack' });
    void this.answer(message);
  }

  private async answer(message: Extract<RpcMessage, { type: 'request' }>): Promise<void> {
    try {
      const data = this.deserialize(message.data);
      let result: unknown;
      if (message.name === METHOD_CALL) {
        const { id, args } = data as { id: string; args: unknown[] };
        const fn = this.functions.get(id);
        if (!fn) throw new Error(`Function ${id} is no longer available`);
        result = await fn(...(args ?? []));
      } else {
        const handler = this.handlers.get(message.name);
        if (handler) result = await handler(data);
        else if (this.fallback) result = await this.fallback(message.name, data);
        else throw new Error(`No handler for ${message.name}`);
      }
      this.wire.post({ id: message.id, type: 'response', ack: 'success', data: this.serialize(result, new Set()) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      this.wire.post({ id: message.id, type: 'response', ack: 'error', error: { name: e.name, message: e.message, stack: e.stack } });
    }
  }

  private serialize(value: unknown, seen: Set<unknown>): unknown {
    if (typeof value === 'function') {
      const fn = value as ((...args: unknown[]) => unknown) & { __id__?: string; __name__?: string };
      const id = typeof fn.__id__ === 'string' ? fn.__id__ : uid();
      this.functions.set(id, fn);
      return this.wire.encodeFunction(id, fn.__name__ ?? fn.name ?? 'anonymous');
    }
    if (value === null || typeof value !== 'object') return typeof value === 'symbol' || typeof value === 'bigint' ? undefined : value;
    if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value; // structured-clone / JSON handles
    if (seen.has(value)) return undefined; // cycles become undefined (port-rpc facts)
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => this.serialize(v, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.serialize(v, seen);
    seen.delete(value);
    return out;
  }

  private deserialize(value: unknown): unknown {
    const ref = this.wire.decodeFunction(value);
    if (ref) {
      const call = (...args: unknown[]) => this.request(METHOD_CALL, { id: ref.id, name: ref.name, args });
      Object.defineProperty(call, 'name', { value: ref.name });
      return call;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.deserialize(v));
    if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.deserialize(v);
    return out;
  }
}

function toError(error: { name: string; message: string } | undefined): Error {
  const e = new Error(error?.message ?? 'Unknown error');
  if (error?.name) e.name = error.name;
  return e;
}
