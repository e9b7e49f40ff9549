import { CHANNEL_OFFER, type HostTransport } from '../protocol/hook';
import { eventData } from './messageEvent';
import { readOwn } from './ownReads';
import {
  objectKeys,
  regexpExec,
  stringIndexOf,
  stringSlice,
} from './intrinsics';
import { listenForMessages, type MessageTarget } from './messageListener';

/**
 * Passive detection of how the Forge bridge talks to the host (forge-facts §1.1, §1.2), from the
 * `message` events the frame receives. The listener never stops propagation, never throws, and looks
 * only at the first characters of string data (no JSON.parse).
 *
 * - post-robot 10.x: event.data is a JSON string `{"__post_robot_<ver>__":[…]}`.
 * - port-rpc: a message naming `__port_rpc…` (the handshake is `__port_rpc_handshake__`), as a string,
 *   as a `type`/`name`/`message` field, or as a key. A transferred port alone proves nothing (the relay's
 *   own channel offer carries one), so it is not taken as a sign.
 *
 * Limitation: only host → frame messages are seen (the frame's own window.postMessage to its parent fires
 * on the parent). post-robot responses come this way, so it is seen after the first call; a port-rpc
 * handshake that the frame starts and that continues over a MessagePort may never show here.
 */

export type SnifferTarget = MessageTarget;

const POST_ROBOT_PREFIX = '{"__post_robot_';
const POST_ROBOT_RE = /^\{"__post_robot_[0-9_]+__":/;
const PORT_RPC = '__port_rpc';
/** How far into a string the port-rpc marker is looked for. */
const SCAN_CHARS = 256;

function startsWithPortRpc(value: unknown): boolean {
  return typeof value === 'string' && value.length >= PORT_RPC.length && stringSlice(value, 0, PORT_RPC.length) === PORT_RPC;
}

/** Which transport a message's data shows, or null. Exported for tests. */
export function classifyMessage(data: unknown): HostTransport | null {
  if (typeof data === 'string') {
    if (data[0] === '{') {
      if (data[1] === '"' && stringSlice(data, 0, POST_ROBOT_PREFIX.length) === POST_ROBOT_PREFIX) {
        return regexpExec(POST_ROBOT_RE, stringSlice(data, 0, 64)) !== null ? 'post-robot' : null;
      }
      return stringIndexOf(stringSlice(data, 0, SCAN_CHARS), PORT_RPC) >= 0 ? 'port-rpc' : null;
    }
    return startsWithPortRpc(data) ? 'port-rpc' : null;
  }
  if (data === null || typeof data !== 'object') return null;
  // Structured-clone data has no accessors, but a page's own dispatchEvent hands over any object: own data
  // properties only (readOwn), so no getter of the page's runs.
  const record = data as Record<string, unknown>;
  const type = readOwn(record, 'type');
  if (type === 'ufo-event' || type === CHANNEL_OFFER) return null;
  if (startsWithPortRpc(type) || startsWithPortRpc(readOwn(record, 'name')) || startsWithPortRpc(readOwn(record, 'message'))) return 'port-rpc';
  const keys = objectKeys(record);
  const n = keys.length < 8 ? keys.length : 8;
  for (let i = 0; i < n; i++) if (startsWithPortRpc(keys[i])) return 'port-rpc';
  return null;
}

/**
 * Starts listening; reports the first transport kind it sees and stops listening (a frame's bridge picks one
 * transport for good, forge-facts §1.1: every later message would only cost the page a look at it). Returns a
 * function that stops it sooner.
 */
export function startTransportSniffer(win: SnifferTarget, report: (kind: HostTransport) => void): () => void {
  let stop: (() => void) | null = null;
  let done = false;
  const listener = (event: MessageEvent): void => {
    try {
      if (done) return;
      const kind = classifyMessage(eventData(event));
      if (kind === null || kind === 'unknown') return;
      done = true;
      stop?.();
      report(kind);
    } catch {
      // never into the page
    }
  };
  stop = listenForMessages(win, listener);
  return () => stop?.();
}
