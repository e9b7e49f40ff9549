import browser from 'webextension-polyfill';
import { PORT_PANEL, type BackgroundToPanel, type PanelToBackground } from '../../src/protocol';
import { ReconnectingPort } from '../../src/transport/reconnectingPort';
import type { PanelDataSource } from '../../src/ui/dataSource';

/**
 * The live data source: a port to the background. When the worker is stopped the port closes; the panel
 * reconnects and subscribes again, and the background replays the tab's session from its store.
 */
export function createPortSource(): PanelDataSource {
  let lastSubscribe: PanelToBackground | null = null;
  let transport: ReconnectingPort<PanelToBackground> | null = null;

  return {
    connect(onMessage, onClosed) {
      transport = new ReconnectingPort<PanelToBackground>({
        connect: () => browser.runtime.connect({ name: PORT_PANEL }),
        schedule: (fn, ms) => setTimeout(fn, ms),
        onOpen: (send, reopened) => {
          if (reopened && lastSubscribe) send(lastSubscribe);
        },
        onMessage: (message) => onMessage(message as BackgroundToPanel),
        onClosed,
      });
      transport.start();
      return () => transport?.stop();
    },
    send(message) {
      if (message.type === 'subscribe') lastSubscribe = message;
      transport?.send(message);
    },
  };
}
