import type { HostConfig } from './config';
import { toBase64, unflattenFormData } from './formData';
import type { FrameInfo, PlatformClient } from './platformClient';

type Fn = (...args: unknown[]) => Promise<unknown>;

/** What a command handler gets: the calling frame and the host's services. */
export interface HostServices {
  config: HostConfig;
  platform: PlatformClient;
  log(text: string): void;
  showFlag(options: Record<string, unknown>): void;
  closeFlag(id: string): void;
  openModal(frame: FrameInfo, options: Record<string, unknown>): void;
  closeModal(frame: FrameInfo, payload: unknown): boolean;
  renderUiKit(frame: FrameInfo, forgeDoc: unknown): void;
  frameIdOf(frame: FrameInfo): string;
}

export type CommandHandler = (frame: FrameInfo, payload: unknown, host: HostServices) => unknown;

interface FetchInit {
  path?: string;
  method?: string;
  body?: string | null;
  headers?: [string, string][];
}

const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');

/** A browser fetch answered in the bridge's shape (forge-facts §2.3): text, or base64 for attachments. */
async function fetchForBridge(url: string, init: FetchInit, isMultipart: boolean, extraHeaders: Record<string, string>) {
  const headers = new Headers(init.headers ?? []);
  for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
  let body: BodyInit | null = init.body ?? null;
  if (isMultipart && typeof body === 'string') {
    body = unflattenFormData(body);
    headers.delete('content-type'); // the browser sets the multipart boundary
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const type = response.headers.get('content-type') ?? '';
  const isAttachment = /attachment/i.test(response.headers.get('content-disposition') ?? '') || !(type === '' || /^text\/|json/.test(type));
  const headersOut: Record<string, string> = {};
  response.headers.forEach((value, key) => (headersOut[key] = value));
  return {
    body: isAttachment ? toBase64(await response.arrayBuffer()) : await response.text(),
    headers: headersOut,
    status: response.status,
    statusText: response.statusText,
    isAttachment,
  };
}

/** Subscribers by event name, across every frame of the page (events.on / onPublic, realtime). */
class Bus {
  private readonly subscribers = new Map<string, Set<Fn>>();
  subscribe(name: string, callback: Fn) {
    const set = this.subscribers.get(name) ?? new Set<Fn>();
    set.add(callback);
    this.subscribers.set(name, set);
    return { unsubscribe: async () => void set.delete(callback) };
  }
  publish(name: string, ...args: unknown[]): number {
    const set = this.subscribers.get(name) ?? new Set();
    for (const callback of set) void callback(...args).catch(() => undefined);
    return set.size;
  }
}

const events = new Bus();
const realtime = new Bus();
let eventSeq = 0;

/** The host side of every command of forge-facts §2 that the sandbox plays; one place per command. */
export const COMMANDS: Record<string, CommandHandler> = {
  getContext: (frame, _p, host) => ({
    ...host.platform.context(frame),
    locale: 'en-US',
    timezone: 'Europe/Amsterdam',
    theme: { colorMode: 'light' },
    surfaceColor: '#FFFFFF',
    ...(host.config.knobs.environmentType === 'PRODUCTION' ? { license: { active: true, isEvaluation: false } } : {}),
  }),

  invoke: (frame, payload, host) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    if (p.invokeType === 'ui-remote-fetch' || p.invokeType === 'ui-container-fetch') {
      const { path, method, headers, body, invokeType } = p;
      return host.platform.invokeExtension(frame, { path, method, headers, body, invokeType });
    }
    // As the host forwards it (facts §8.1): `{ functionKey }` with no payload key when the app passed none.
    return host.platform.invokeExtension(frame, p.payload === undefined ? { functionKey: p.functionKey } : { functionKey: p.functionKey, payload: p.payload });
  },

  fetchRemote: async (frame, payload, host) => {
    const p = payload as { remoteKey: string; fetchRequestInit: FetchInit; isMultipartFormData?: boolean };
    const fit = await host.platform.fitFor(frame, p.remoteKey);
    const extra: Record<string, string> = { authorization: `Bearer ${fit.jwt}` };
    if (host.config.knobs.requestRemoteSendsB3) Object.assign(extra, { 'x-b3-traceid': hex(32), 'x-b3-spanid': hex(16) });
    return fetchForBridge(fit.baseUrl + (p.fetchRequestInit.path ?? '/'), p.fetchRequestInit, p.isMultipartFormData === true, extra);
  },

  /** Private to the sandbox: with requestRemoteFrom 'iframe', the frame fetches and only asks for the FIT. */
  __fitForRemote: async (frame, payload, host) => {
    const fit = await host.platform.fitFor(frame, (payload as { remoteKey: string }).remoteKey);
    return { jwt: fit.jwt, baseUrl: fit.baseUrl };
  },

  fetchProduct: (_frame, payload) => {
    const p = payload as { product: string; restPath: string; fetchRequestInit: FetchInit; isMultipartFormData?: boolean };
    const prefix = p.product === 'confluence' && !p.restPath.startsWith('/wiki') ? '/wiki' : '';
    return fetchForBridge(prefix + p.restPath, p.fetchRequestInit, p.isMultipartFormData === true, {});
  },

  emit: (_f, payload) => ({ delivered: events.publish(`app:${(payload as { event: string }).event}`, (payload as { payload: unknown }).payload) }),
  emitPublic: (_f, payload) => ({ delivered: events.publish(`public:${(payload as { event: string }).event}`, (payload as { payload: unknown }).payload) }),
  on: (_f, payload) => events.subscribe(`app:${(payload as { event: string }).event}`, (payload as { callback: Fn }).callback),
  onPublic: (_f, payload) => events.subscribe(`public:${(payload as { event: string }).event}`, (payload as { callback: Fn }).callback),

  publishRealtimeChannel: (_f, payload) => {
    const p = payload as { channelName: string; eventPayload: unknown };
    realtime.publish(p.channelName, p.eventPayload);
    return { eventId: `evt-${++eventSeq}`, eventTimestamp: new Date().toISOString() };
  },
  subscribeRealtimeChannel: (_f, payload) => {
    const p = payload as { channelName: string; onEvent: Fn };
    return realtime.subscribe(p.channelName, p.onEvent);
  },

  showFlag: (_f, payload, host) => {
    host.showFlag(payload as Record<string, unknown>);
    return true;
  },
  closeFlag: (_f, payload, host) => {
    host.closeFlag(String((payload as { id: unknown }).id));
    return true;
  },
  openModal: (frame, payload, host) => {
    host.openModal(frame, (payload ?? {}) as Record<string, unknown>);
    return true;
  },
  close: (frame, payload, host) => host.closeModal(frame, payload),
  submit: (frame, payload, host) => host.closeModal(frame, payload),
  open: () => true,
  onClose: () => true,
  refresh: () => true,

  navigate: (_f, payload, host) => {
    host.log(`navigate ${JSON.stringify(payload)}`);
    return true;
  },
  getUrl: (_f, location, host) => `${host.config.siteOrigin}/browse/${String((location as { target?: string } | null)?.target ?? 'SBX-1')}`,
  createHistory: () => {
    const listeners = new Set<Fn>();
    const state = { location: { pathname: '/', search: '', hash: '', state: null as unknown } };
    return {
      location: state.location,
      listen: async (listener: Fn) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      push: async (path: string) => {
        state.location = { ...state.location, pathname: path };
        for (const l of listeners) void l(state.location, 'PUSH');
      },
    };
  },
  reload: () => true,
  changeWindowTitle: (_f, title) => {
    document.title = String(title);
    return true;
  },
  enableTheming: () => true,
  emitReadyEvent: (frame) => {
    events.publish('app:EXTENSION_READY', { localId: frame.localId });
    return true;
  },
  getFrameId: (frame, _p, host) => host.frameIdOf(frame),
  getFrameDispatch: () => null,
  isRovoEnabled: () => false,
  getCookieConsentPreferences: () => ({ STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false }),
  initFeatureFlags: () => true,
  emitFrontendCustomMetric: () => true,
  trackObjectStoreAction: () => true,

  reconcile: (frame, payload, host) => {
    host.renderUiKit(frame, (payload as { forgeDoc: unknown }).forgeDoc);
    return true;
  },
  onError: (frame, payload, host) => {
    host.log(`UI Kit error in ${frame.module.key}: ${JSON.stringify(payload).slice(0, 200)}`);
    return true;
  },
};

export function handleCommand(frame: FrameInfo, command: string, payload: unknown, host: HostServices): unknown {
  const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) throw new Error(`Unsupported command: ${command}`);
  return handler(frame, payload, host);
}
