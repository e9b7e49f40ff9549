import browser from 'webextension-polyfill';
import { PORT_PANEL, type BackgroundToPanel, type PanelToBackground } from '../../src/protocol';
import type { PanelDataSource } from '../../src/ui/dataSource';

/**
 * The live data source: a port to the background. When the worker is stopped the port closes; the panel
 * reconnects and subscribes again, and the background replays the tab's session from its store.
 */
export function createPortSource(): PanelDataSource {
  let port: browser.Runtime.Port | null = null;
  let lastSubscribe: PanelToBackground | null = null;
  let stopped = false;

  return {
    connect(onMessage, onClosed) {
      const open = () => {
        port = browser.runtime.connect({ name: PORT_PANEL });
        port.onMessage.addListener((m: unknown) => onMessage(m as BackgroundToPanel));
        port.onDisconnect.addListener(() => {
          port = null;
          if (stopped) return;
          onClosed();
          setTimeout(() => {
            if (stopped) return;
            open();
            if (lastSubscribe) port?.postMessage(lastSubscribe);
          }, 100);
        });
      };
      open();
      return () => {
        stopped = true;
        port?.disconnect();
      };
    },
    send(message) {
      if (message.type === 'subscribe') lastSubscribe = message;
      port?.postMessage(message);
    },
  };
}
