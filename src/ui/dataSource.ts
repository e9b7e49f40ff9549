import type { BackgroundToPanel, PanelToBackground } from '../protocol';

/** Where the panel's data comes from: the live recorder (a port), or a scripted source in tests. */
export interface PanelDataSource {
  /** Starts delivering messages; returns a function that stops. `onClosed` fires when the source goes away. */
  connect(onMessage: (message: BackgroundToPanel) => void, onClosed: () => void): () => void;
  send(message: PanelToBackground): void;
}
