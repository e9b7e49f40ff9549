import browser from 'webextension-polyfill';
import { LIMITS, PORT_DEVTOOLS, type DevtoolsToBackground, type NetworkEntry } from '../../src/protocol';
import { categorize, fromHarEntry, remoteOriginsOf, type HarEntry } from '../../src/network';
import { ReconnectingPort } from '../../src/transport/reconnectingPort';

/** A HAR entry as devtools.network hands it over: Chrome's getContent takes a callback, Firefox's returns a promise. */
type FinishedRequest = HarEntry & {
  getContent(callback?: (content: string | null, encoding: string | null) => void): Promise<[string | null, string | null]> | void;
};

const FLUSH_MS = 100;

function contentOf(request: FinishedRequest): Promise<{ text: string | null; encoding: string | null }> {
  return new Promise((resolve) => {
    try {
      const result = request.getContent((text, encoding) => resolve({ text: text ?? null, encoding: encoding || null }));
      if (result && typeof result.then === 'function') {
        // Firefox: [content, mimeType]; base64 bodies are marked on the HAR entry itself.
        result.then(([text]) => resolve({ text: text ?? null, encoding: request.response.content.encoding ?? null }), () => resolve({ text: null, encoding: null }));
      }
    } catch {
      resolve({ text: null, encoding: null });
    }
  });
}

/**
 * Hands the recorder the inspected tab's requests that matter to Forge (src/network decides which), with
 * their bodies, in small batches. The feed is on for the tab while this page's port is open.
 */
export function startNetworkFeed(tabId: number): void {
  const pageId = crypto.randomUUID().slice(0, 8);
  const remoteOrigins = new Set<string>();
  // The inspected page's own origins: product REST is kept only there (see categorize). Until the page
  // has answered, Atlassian site hosts stand in.
  let pageOrigins: Set<string> | undefined;
  const addPageOrigin = (origin: unknown) => {
    if (typeof origin === 'string' && origin !== 'null') (pageOrigins ??= new Set()).add(origin);
  };
  void browser.devtools.inspectedWindow.eval('location.origin').then(([origin]) => addPageOrigin(origin), () => undefined);
  browser.devtools.network.onNavigated.addListener((url) => {
    try {
      addPageOrigin(new URL(url).origin);
    } catch {
      // not a URL: nothing learned
    }
  });
  let seq = 0;
  const queue: NetworkEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    if (!transport.connected) return;
    while (queue.length > 0) transport.send({ type: 'network', tabId, entries: queue.splice(0, LIMITS.networkEntriesPerMessage) });
  };

  const transport = new ReconnectingPort<DevtoolsToBackground>({
    connect: () => browser.runtime.connect({ name: PORT_DEVTOOLS }),
    schedule: (fn, ms) => setTimeout(fn, ms),
    onOpen: (send) => {
      send({ type: 'network-hello', tabId });
      flush(); // what gathered while the worker was away
    },
  });
  transport.start();

  browser.devtools.network.onRequestFinished.addListener((raw) => {
    const request = raw as unknown as FinishedRequest;
    const category = categorize(request, { remoteOrigins, pageOrigins });
    if (category === null) return;
    const id = `${pageId}-${++seq}`;
    void contentOf(request).then((content) => {
      const entry = fromHarEntry(request, content, { id, segment: 0, category });
      for (const origin of remoteOriginsOf([entry])) remoteOrigins.add(origin);
      queue.push(entry);
      if (queue.length >= LIMITS.networkEntriesPerMessage) flush();
      else if (timer === null) timer = setTimeout(flush, FLUSH_MS);
    });
  });
}
