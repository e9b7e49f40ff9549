import browser from 'webextension-polyfill';
import { PORT_RELAY } from '../../src/protocol';
import { HOOK_SETTINGS, type HookSettingsMessage } from '../../src/protocol/hook';
import { readRecordInitiator, RECORD_INITIATOR_KEY } from '../../src/settings/initiator';
import { ChannelWatch } from '../../src/relay/channelWatch';
import { exitMessage, listenForHandoffs } from '../../src/relay/exitHandoff';
import { newDocId } from '../../src/relay/relayBuffer';
import { RELAY_BATCH_DELAY_MS, RELAY_BUSY_INTERVAL_MS, RelayLink } from '../../src/relay/relayLink';
import { RELAY_RUNNING_MARK } from '../../src/relay/relayMark';

// Isolated world: hands the MAIN-world hook a private channel (design and limits: src/relay/channelWatch.ts),
// validates what comes through it, and forwards it to the background, resending whatever was not
// acknowledged when the worker restarts.

const RUNNING = Symbol.for(RELAY_RUNNING_MARK);
const world = globalThis as { [RUNNING]?: true };

// Once per document and extension context: install-time injection can race the manifest's own injection.
// This isolated world is the extension's own: a page cannot reach RUNNING here.
if (!world[RUNNING]) {
  world[RUNNING] = true;
  const link = new RelayLink({
    docId: newDocId(),
    hello: { url: location.href, isTop: window === window.top, parentUrl: document.referrer },
    connect: () => browser.runtime.connect({ name: PORT_RELAY }),
    schedule: (fn, ms) => setTimeout(fn, ms),
    batchDelayMs: RELAY_BATCH_DELAY_MS,
    busyIntervalMs: RELAY_BUSY_INTERVAL_MS,
  });
  // Only this window's own posts can be offers the hook would take (it takes none from another window): the
  // app's traffic with its host is left unread (each read of event.data deserializes it again in this world).
  const onWindowMessage = (event: MessageEvent) => event.source === window && watch.windowMessage(event.data);
  const watch = new ChannelWatch({
    nonce: newDocId(),
    now: () => performance.timeOrigin + performance.now(),
    schedule: (fn, ms) => setTimeout(fn, ms),
    report: (e) => link.report(e),
    stopWindowWatch: () => window.removeEventListener('message', onWindowMessage, true),
  });
  const fromHook = (data: unknown) => {
    const before = link.rejected;
    link.fromHook(data);
    watch.hookMessage(data, link.rejected !== before);
  };
  // What the hook still gathers when the document goes comes at once as a DOM event (src/relay/exitHandoff.ts).
  const exit = exitMessage(newDocId());
  const requestHandoff = listenForHandoffs(window, exit.name, fromHook);
  // A navigation closes the port: the hook's last events first, then everything gathered, with the count of
  // calls left without an end.
  window.addEventListener(
    'pagehide',
    () => {
      requestHandoff();
      link.pagehide();
    },
    true,
  );
  window.addEventListener('message', onWindowMessage, true);
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => fromHook(event.data);
  // The offer goes at once (before any page script could post one of its own); the settings follow on the channel.
  window.postMessage(watch.offer(), '*', [channel.port2]);
  channel.port1.postMessage(exit);
  const settings = (on: boolean) => {
    link.setInitiator(on);
    const message: HookSettingsMessage = { type: HOOK_SETTINGS, initiator: on };
    channel.port1.postMessage(message);
  };
  void browser.storage.local.get(RECORD_INITIATOR_KEY).then(
    (got) => settings(readRecordInitiator(got[RECORD_INITIATOR_KEY])),
    () => settings(false),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && RECORD_INITIATOR_KEY in changes) settings(readRecordInitiator(changes[RECORD_INITIATOR_KEY]!.newValue));
  });
  link.start();
}
