import type { RpcMessage, Wire } from './rpc';

/** post-robot 10's envelope key (forge-facts §1.2): "__post_robot_" + version with non-digits as "_". */
export const POST_ROBOT_KEY = '__post_robot_10_0_46__';
export const PORT_RPC_HANDSHAKE = '__port_rpc_handshake__';

const POST_ROBOT_TYPES = { request: 'postrobot_message_request', ack: 'postrobot_message_ack', response: 'postrobot_message_response' } as const;

/** post-robot-like: a JSON string `{"__post_robot_10_0_46__": [message]}` over window.postMessage. */
export function postRobotWire(target: Window, targetOrigin: string, selfOrigin: string): Wire {
  return {
    post(message) {
      const wireMessage = { ...message, type: POST_ROBOT_TYPES[message.type], origin: selfOrigin, hash: message.id };
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
      const x = m as { type?: string; id?: string };
      const type = x.type === POST_ROBOT_TYPES.request ? 'request' : x.type === POST_ROBOT_TYPES.ack ? 'ack' : x.type === POST_ROBOT_TYPES.response ? 'response' : null;
      return type && typeof x.id === 'string' ? [{ ...(m as object), type } as RpcMessage] : [];
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
