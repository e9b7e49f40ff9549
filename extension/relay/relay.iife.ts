import browser from 'webextension-polyfill';
import { CHANNEL_OFFER, PORT_RELAY } from '../../src/protocol';
import { newDocId } from '../../src/relay/relayBuffer';
import { RelayLink } from '../../src/relay/relayLink';

// Isolated world: hands the MAIN-world hook a private channel, validates what comes through it, and
// forwards it to the background, resending whatever was not acknowledged when the worker restarts.

const RUNNING = Symbol.for('forge-bridge-devtools.relay');
const world = globalThis as { [RUNNING]?: true };

// Once per document and extension context: install-time injection can race the manifest's own injection.
// A reloaded extension gets a new isolated world, so its relay runs and the hook accepts its new offer.
if (!world[RUNNING]) {
  world[RUNNING] = true;
  const link = new RelayLink({
    docId: newDocId(),
    hello: { url: location.href, isTop: window === window.top, parentUrl: document.referrer },
    connect: () => browser.runtime.connect({ name: PORT_RELAY }),
    schedule: (fn, ms) => setTimeout(fn, ms),
    batchDelayMs: 25,
  });
  // A navigation closes the port: what is gathered goes first.
  window.addEventListener('pagehide', () => link.flush(), true);
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => link.fromHook(event.data);
  window.postMessage({ type: CHANNEL_OFFER }, '*', [channel.port2]);
  link.start();
}
