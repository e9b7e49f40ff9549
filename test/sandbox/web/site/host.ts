import { APP_UUID, MODULES, type ModuleDef } from '../../app-manifest';
import { defaultLocalId } from '../../server/modules';
import { RpcEndpoint } from '../transport/rpc';
import { decodePostRobot, PORT_RPC_HANDSHAKE, portRpcWire, postRobotWire } from '../transport/wires';
import { handleCommand, type HostServices } from './commands';
import { loadConfig, type HostConfig } from './config';
import { PlatformClient, type FrameInfo } from './platformClient';
import { renderForgeDoc } from './uikitRenderer';

/**
 * The product page (plays https://<site>.atlassian.net, a Jira issue view): embeds the app's frames
 * and answers their bridge calls. Page switches: ?modules=a,b (which frames), ?transport=port-rpc,
 * ?frozen=1; knobs come from the server's config.
 */
const page = new URLSearchParams(location.search);
const logList = document.getElementById('host-log')!;

function log(text: string) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toISOString().slice(11, 23)} ${text}`;
  logList.prepend(li);
  while (logList.childElementCount > 200) logList.lastElementChild?.remove();
}

/** The resources the site embeds beside the manifest's modules (playground extras). */
const EXTRA_FRAMES: { key: string; resource: string; module: string }[] = [{ key: 'nested', resource: 'nested', module: 'macro' }];

function frameUrl(config: HostConfig, resource: string, info: FrameInfo, extra: Record<string, string> = {}): string {
  const url = new URL(`${config.appBaseUrl}/${resource}/index.html`);
  url.searchParams.set('hostOrigin', location.origin);
  url.searchParams.set('moduleKey', info.module.key);
  url.searchParams.set('localId', info.localId);
  if (page.get('transport') === 'port-rpc') url.searchParams.set('platformFeatureFlags', 'forge-ui-bridge-core-reset');
  if (page.get('frozen') === '1') url.searchParams.set('frozenBridge', '1');
  if (config.knobs.requestRemoteFrom === 'iframe') url.searchParams.set('requestRemoteFrom', 'iframe');
  if (page.get('startDelayMs')) url.searchParams.set('startDelayMs', page.get('startDelayMs')!);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return url.href;
}

function embed(container: HTMLElement, title: string, src: string): HTMLIFrameElement {
  const section = document.createElement('section');
  section.className = 'module';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.src = src;
  iframe.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts');
  section.append(heading, iframe);
  container.append(section);
  return iframe;
}

async function main() {
  const config = await loadConfig();
  const platform = new PlatformClient(config);
  const frames = new Map<MessageEventSource, { info: FrameInfo; endpoint: RpcEndpoint }>();
  const uikitRoots = new Map<string, HTMLElement>();
  const modals = new Map<string, { overlay: HTMLElement; onClose?: (payload: unknown) => Promise<unknown> }>();
  let frameSeq = 0;
  /** The Forge frames this page embedded, by window (stable across the frame's navigations). */
  const embedded = new Map<Window, FrameInfo>();
  const embedFrame = (container: HTMLElement, title: string, resource: string, info: FrameInfo, extra: Record<string, string> = {}) => {
    const iframe = embed(container, title, frameUrl(config, resource, info, extra));
    if (iframe.contentWindow) embedded.set(iframe.contentWindow, info);
    return iframe;
  };
  const frameIds = new Map<string, string>();

  const services: HostServices = {
    config,
    platform,
    log,
    showFlag(options) {
      const flag = document.createElement('div');
      flag.className = 'flag';
      flag.dataset.flagId = String(options.id ?? '');
      flag.textContent = `${String(options.title ?? '')} ${String(options.description ?? '')}`;
      for (const action of (options.actions as { text: string; onClick?: () => Promise<unknown> }[] | undefined) ?? []) {
        const button = document.createElement('button');
        button.textContent = action.text;
        button.onclick = () => void action.onClick?.().catch(() => undefined);
        flag.append(button);
      }
      document.getElementById('flags')!.append(flag);
    },
    closeFlag(id) {
      document.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove();
    },
    openModal(frame, options) {
      const localId = `${frame.localId}/modal-${++frameSeq}`;
      const overlay = document.createElement('div');
      overlay.className = 'modal';
      const info: FrameInfo = { module: frame.module, localId };
      document.body.append(overlay); // first: a frame has its window only once in the document
      embedFrame(overlay, String(options.title ?? 'Modal'), 'modal', info, { modal: '1' });
      modals.set(localId, { overlay, onClose: options.onClose as never });
    },
    closeModal(frame, payload) {
      const modal = modals.get(frame.localId);
      if (!modal) return false;
      modal.overlay.remove();
      modals.delete(frame.localId);
      void modal.onClose?.(payload).catch(() => undefined);
      return true;
    },
    renderUiKit(frame, forgeDoc) {
      const root = uikitRoots.get(frame.localId);
      if (root) renderForgeDoc(root, forgeDoc);
    },
    frameIdOf(frame) {
      if (!frameIds.has(frame.localId)) frameIds.set(frame.localId, `frame-${frameIds.size + 1}`);
      return frameIds.get(frame.localId)!;
    },
  };

  const run = (info: FrameInfo, command: string, payload: unknown) => {
    log(`${info.module.key}: ${command}`);
    return handleCommand(info, command, payload, services);
  };

  /** port-rpc: each request is `callBridge` with the command and the frame's own account of itself. */
  function portRpcEndpoint(source: MessageEventSource, endpoint: RpcEndpoint): RpcEndpoint {
    endpoint.handle('__ready', () => true);
    endpoint.handle('callBridge', async (data) => {
      const { command, payload, frame } = data as { command: string; payload: unknown; frame: { moduleKey: string; localId: string } };
      const module = MODULES.find((m) => m.key === frame.moduleKey) ?? MODULES[0]!;
      const info: FrameInfo = { module, localId: frame.localId || defaultLocalId(module) };
      frames.set(source, { info, endpoint });
      return run(info, command, payload);
    });
    return endpoint;
  }

  /**
   * post-robot: requests are named by command (facts §8.4) and carry no frame identity, so the frame is
   * known by its window: one the page embedded, or a Forge frame inside one (Forge-in-Forge, `…/inner`).
   */
  function frameOf(source: Window): FrameInfo {
    const own = embedded.get(source);
    if (own) return own;
    let outer: FrameInfo | undefined;
    try {
      outer = source.parent !== source ? embedded.get(source.parent) : undefined;
    } catch {
      outer = undefined;
    }
    return outer ? { module: outer.module, localId: `${outer.localId}/inner` } : { module: MODULES[0]!, localId: defaultLocalId(MODULES[0]!) };
  }

  function postRobotEndpoint(source: Window): RpcEndpoint {
    const endpoint = new RpcEndpoint(postRobotWire(source, config.cdnOrigin, location.origin));
    endpoint.handleOthers((command, payload) => run(frameOf(source), command, payload));
    return endpoint;
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== config.cdnOrigin || !event.source) return;
    const data = event.data as { type?: unknown } | null;
    if (data && typeof data === 'object' && data.type === PORT_RPC_HANDSHAKE && event.ports[0]) {
      const port = event.ports[0];
      const endpoint = portRpcEndpoint(event.source, new RpcEndpoint(portRpcWire(port)));
      port.onmessage = (e) => endpoint.receive(e.data);
      return;
    }
    const messages = decodePostRobot(event.data);
    if (!messages) return;
    let known = frames.get(event.source)?.endpoint;
    if (!known) {
      known = postRobotEndpoint(event.source as Window);
      frames.set(event.source, { info: frameOf(event.source as Window), endpoint: known });
    }
    for (const message of messages) known.receive(message);
  });

  const wanted = page.get('modules')?.split(',').filter(Boolean);
  const container = document.getElementById('panels')!;
  const chosen = (key: string) => !wanted || wanted.includes(key);
  const byResource = (m: ModuleDef) => (m.render === 'uikit' ? 'uikit' : m.resource);
  for (const module of MODULES.filter((m) => chosen(m.key))) {
    const info: FrameInfo = { module, localId: defaultLocalId(module) };
    const iframe = embedFrame(container, module.title, byResource(module), info);
    if (module.render === 'uikit') {
      // UI Kit renders in the host: the frame is hidden and its forgeDoc shows here.
      iframe.hidden = true;
      const root = document.createElement('div');
      root.className = 'uikit-root';
      root.dataset.localId = info.localId;
      iframe.parentElement!.append(root);
      uikitRoots.set(info.localId, root);
    }
  }
  for (const extra of EXTRA_FRAMES.filter((e) => chosen(e.key))) {
    const module = MODULES.find((m) => m.key === extra.module)!;
    embedFrame(container, `Nested Forge frames (${module.title})`, extra.resource, { module, localId: `${defaultLocalId(module)}/nested` });
  }
  document.body.dataset.app = APP_UUID;
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  log(`host failed: ${error instanceof Error ? error.message : String(error)}`);
  document.body.dataset.ready = 'error';
});
