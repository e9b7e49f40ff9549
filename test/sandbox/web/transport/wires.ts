import type { RpcMessage, Wire } from './rpc';

/**
 * post-robot 10's envelope key (forge-facts §1.2): "__post_robot_" + version with non-digits as "_"; 10.0.41
 * is the version a Custom UI capture shows (§8.4).
 */
export const POST_ROBOT_KEY = '__post_robot_10_0_41__';
export const PORT_RPC_HANDSHAKE = '__port_rpc_handshake__';

const POST_ROBOT_TYPES = { request: 'postrobot_message_request', ack: 'postrobot_message_ack', response: 'postrobot_message_response' } as const;

/** An error as universal-serialize sends it (facts §8.4): `{ __type__: 'error', __val__: { message, stack } }`. */
const SERIALIZED_ERROR = 'error';

function encodeError(error: { message: string; stack?: string } | undefined) {
  return { __type__: SERIALIZED_ERROR, __val__: { message: error?.message ?? '', stack: error?.stack ?? '' } };
}

function decodeError(value: unknown): { name: string; message: string; stack?: string } {
  const v = value as { __type__?: unknown; __val__?: { message?: unknown; stack?: unknown } } | null;
  if (v?.__type__ !== SERIALIZED_ERROR) return { name: 'Error', message: 'Unknown error' };
  return { name: 'Error', message: String(v.__val__?.message ?? ''), ...(typeof v.__val__?.stack === 'string' ? { stack: v.__val__.stack } : {}) };
}

/**
 * post-robot as a capture shows it (facts §8.4): a JSON string `{"__post_robot_10_0_41__": [message]}` over
 * window.postMessage; requests named by the bridge command, `origin` the sender's; errors serialised.
 */
export function postRobotWire(target: Window, targetOrigin: string, selfOrigin: string): Wire {
  return {
    post(message) {
      const base = { ...message, type: POST_ROBOT_TYPES[message.type], origin: selfOrigin, hash: message.id };
      const wireMessage = message.type === 'response' && message.ack === 'error' ? { ...base, error: encodeError(message.error) } : base;
      target.postMessage(JSON.stringify({ [POST_ROBOT_KEY]: [wireMessage] }), targetOrigin);
    },
    encodeFunction: (id, name) => ({ __type__: 'cross_domain_function', __val__: { id, name } }),
    decodeFunction(value) {
      const v = value as { __type__?: unknown; __val__?: { id?: unknown; name?: unknown } } | null;
      if (!v || typeof v !== 'object' || v.__type__ !== 'cross_domain_function' || typeof v.__val__?.id !== 'string') return null;
      return { id: v.__val__.id, name: String(v.__val__.name ?? '') };
    },
  };
}

/** Decodes a post-robot envelope, or null when `data` is not one. */
export function decodePostRobot(data: unknown): RpcMessage[] | null {
  if (typeof data !== 'string' || !data.startsWith(`{"${POST_ROBOT_KEY}"`)) return null;
  try {
    const messages = (JSON.parse(data) as Record<string, unknown[]>)[POST_ROBOT_KEY] ?? [];
    return messages.flatMap((m) => {
      const x = m as { type?: string; id?: string; ack?: string; error?: unknown };
      const type = x.type === POST_ROBOT_TYPES.request ? 'request' : x.type === POST_ROBOT_TYPES.ack ? 'ack' : x.type === POST_ROBOT_TYPES.response ? 'response' : null;
      if (!type || typeof x.id !== 'string') return [];
      const error = type === 'response' && x.ack === 'error' ? { error: decodeError(x.error) } : {};
      return [{ ...(m as object), type, ...error } as RpcMessage];
    });
  } catch {
    return null;
  }
}

/** port-rpc: plain objects over a MessagePort; functions as {__type__: 'port_rpc_function', __id__, __name__}. */
export function portRpcWire(port: MessagePort): Wire {
  return {
    post: (message) => port.postMessage(message),
    encodeFunction: (id, name) => ({ __type__: 'port_rpc_function', __id__: id, __name__: name }),
    decodeFunction(value) {
      const v = value as { __type__?: unknown; __id__?: unknown; __name__?: unknown } | null;
      if (!v || typeof v !== 'object' || v.__type__ !== 'port_rpc_function' || typeof v.__id__ !== 'string') return null;
      return { id: v.__id__, name: String(v.__name__ ?? '') };
    },
  };
}
