import { RpcEndpoint } from '../transport/rpc';
import { decodePostRobot, PORT_RPC_HANDSHAKE, portRpcWire, postRobotWire } from '../transport/wires';

/**
 * Plays the Forge CDN's global-bridge.js (forge-facts §1.1): installs globalThis.__bridge only if it is
 * undefined, with callBridge and __SEMVER. Transport: port-rpc when the frame URL's platformFeatureFlags
 * holds forge-ui-bridge-core-reset, post-robot otherwise. The real script checks the parent origin
 * against *.atlassian.net; here the host page passes its origin as ?hostOrigin=.
 */
const params = new URLSearchParams(location.search);
const hostOrigin = params.get('hostOrigin') ?? '*';
// A Forge frame nested in a Forge frame talks to the product page itself (?bridgeHost=top).
const host: Window = params.get('bridgeHost') === 'top' ? window.top! : window.parent;
const frame = { moduleKey: params.get('moduleKey') ?? '', localId: params.get('localId') ?? '' };
const portRpc = (params.get('platformFeatureFlags') ?? '').split(',').includes('forge-ui-bridge-core-reset');

function connect(): Promise<RpcEndpoint> {
  if (portRpc) {
    const channel = new MessageChannel();
    const endpoint = new RpcEndpoint(portRpcWire(channel.port1));
    channel.port1.onmessage = (event) => endpoint.receive(event.data);
    host.postMessage({ type: PORT_RPC_HANDSHAKE }, hostOrigin, [channel.port2]);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('port-rpc handshake timed out after 5 s')), 5000));
    return Promise.race([endpoint.request('__ready', null), timeout]).then(() => endpoint);
  }
  const endpoint = new RpcEndpoint(postRobotWire(host, hostOrigin, location.origin));
  window.addEventListener('message', (event) => {
    if (event.source !== host) return;
    if (hostOrigin !== '*' && event.origin !== hostOrigin) return;
    for (const message of decodePostRobot(event.data) ?? []) endpoint.receive(message);
  });
  return Promise.resolve(endpoint);
}

const endpoint = connect();

/** requestRemote issued by the frame itself (knob requestRemoteFrom: 'iframe', forge-facts §7.2 unknown). */
async function fetchRemoteFromFrame(payload: { remoteKey: string; fetchRequestInit: { path: string; method?: string; body?: string | null; headers?: [string, string][] } }) {
  const { jwt, baseUrl } = (await callBridge('__fitForRemote', { remoteKey: payload.remoteKey })) as { jwt: string; baseUrl: string };
  const init = payload.fetchRequestInit;
  const headers = new Headers(init.headers ?? []);
  headers.set('authorization', `Bearer ${jwt}`);
  const response = await fetch(baseUrl + init.path, { method: init.method ?? 'GET', headers, body: init.body ?? null });
  const headersOut: Record<string, string> = {};
  response.headers.forEach((v, k) => (headersOut[k] = v));
  return { body: await response.text(), headers: headersOut, status: response.status, statusText: response.statusText, isAttachment: false };
}

function callBridge(command: string, payload?: unknown): Promise<unknown> {
  if (command === 'fetchRemote' && params.get('requestRemoteFrom') === 'iframe') return fetchRemoteFromFrame(payload as never);
  // post-robot names each request by its command (facts §8.4); port-rpc carries the command and frame inside.
  return endpoint.then((e) => (portRpc ? e.request('callBridge', { command, payload, frame }) : e.request(command, payload)));
}

const bridge = { callBridge, __SEMVER: '1.15.3' };
if (params.get('frozenBridge') === '1') Object.freeze(bridge);
const g = globalThis as { __bridge?: unknown };
if (g.__bridge === undefined) g.__bridge = bridge;
