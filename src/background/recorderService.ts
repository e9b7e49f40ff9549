import { classifyCall, summarizeCall } from '../bridge';
import type { AnyTrace, BackgroundToPanel, BackgroundToRelay } from '../protocol';
import { parsePanelToBackground, parseRelayToBackground } from '../protocol/validate';
import { parseDevtoolsToBackground } from '../protocol/validateNetwork';
import type { SessionStore } from '../recorder/persistence';
import { Recorder } from '../recorder/recorder';
import { readTrustedJwksUrls, TRUSTED_JWKS_KEY } from '../settings/jwksUrl';
import { MAX_CALLS_KEY, readMaxCalls } from '../settings/maxCalls';
import { readSafeHeaders, SAFE_HEADERS_KEY } from '../settings/safeHeaders';
import { createJwksCache, withRecordedVerdicts } from '../tokens';
import { browserFromUserAgent, deriveForTrace, exportTraceV2, redactTrace } from '../trace';
import type { PortLike } from '../transport/reconnectingPort';

/** A connected runtime port as the service sees it: who opened it (set by the browser, not the sender). */
export interface ServicePort extends PortLike<unknown> {
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
}

/** What the service needs from the browser; the extension's background passes the real ones. */
export interface ServiceEnv {
  store: SessionStore;
  /** Ids of the tabs open now (recordings of closed tabs are dropped at start). */
  openTabIds(): Promise<number[]>;
  /** One stored setting's raw value (the settings' readers validate it). */
  readSetting(key: string): Promise<unknown>;
  /** Calls back with a setting's new raw value whenever it changes. */
  onSettingChanged(listener: (key: string, value: unknown) => void): void;
  /** The extension's own origin with a trailing slash (`runtime.getURL('')`). */
  extensionBaseUrl: string;
  extensionVersion: string;
  userAgent: string;
  fetchJwks(url: string): Promise<unknown>;
  now(): number;
  /** Spacing between saves; a burst is written in one save per window. */
  saveSpacingMs?: number;
}

/**
 * Least time between the starts of two saves. A save rewrites each call page it touches whole (up to
 * CALLS_PER_PAGE calls), so at 100 ms an app making a call every few milliseconds had each call cloned into
 * IndexedDB about twice; at 500 ms about 1.25 times (less since a save closes the page it takes once it holds
 * CLOSE_PAGE_AT_SAVE calls). Nothing is lost meanwhile: the relay keeps what is not acknowledged, and
 * acknowledgements wait for the save.
 */
export const SAVE_SPACING_MS = 500;

/**
 * Wires the recorder to ports. The recorder is restored from the store before any message is applied, so
 * a worker that was stopped mid-recording resumes where it was; messages that arrive while it restores
 * wait in order.
 */
export function startRecorderService(env: ServiceEnv) {
  const jwksCache = createJwksCache();
  const ready: Promise<Recorder> = Recorder.open(env.store, { classify: classifyCall, summarize: summarizeCall, saveSpacingMs: env.saveSpacingMs ?? SAVE_SPACING_MS }).then(
    async (recorder) => {
      // Both change the recording in memory at once; their saves go on behind (not awaited: each waits for the
      // save spacing, and messages waited for them: every worker start held the first batch a second).
      void recorder.pruneTabs(await env.openTabIds());
      // The per-tab bound is a setting (Settings → "Calls kept per tab"); a change applies at once.
      void recorder.setDefaultMaxCalls(readMaxCalls(await env.readSetting(MAX_CALLS_KEY)));
      return recorder;
    },
  );
  env.onSettingChanged((key, value) => {
    if (key === MAX_CALLS_KEY) void ready.then((recorder) => recorder.setDefaultMaxCalls(readMaxCalls(value)));
  });

  /** One of the extension's own pages (panel, DevTools page, viewer). A content script's sender URL is its page's. */
  const fromExtensionPage = (port: ServicePort) => port.sender?.url?.startsWith(env.extensionBaseUrl) ?? false;

  function acceptRelay(port: ServicePort) {
    const tabId = port.sender?.tab?.id;
    const frameId = port.sender?.frameId;
    if (tabId === undefined || frameId === undefined) return port.disconnect?.();
    // One chain per port applies its batches in order; it does not wait for the store (saves are
    // coalesced, and waiting for each would pace a burst at one batch per save).
    let chain = Promise.resolve();
    // Acks are cumulative, and one save makes every batch applied before it durable at once: one ack per
    // save (the highest), not one per batch, each of which would wake the browser process and the relay.
    let ackWanted = 0;
    let ackPosted = 0;
    const ack = (upTo: number) => {
      if (upTo <= ackWanted) return;
      const first = ackWanted === ackPosted;
      ackWanted = upTo;
      if (first) {
        queueMicrotask(() => {
          ackPosted = ackWanted;
          post<BackgroundToRelay>(port, { type: 'ack', upTo: ackPosted });
        });
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      chain = chain.then(async () => {
        const recorder = await ready;
        const parsed = parseRelayToBackground(raw);
        if (!parsed.ok) {
          void recorder.noteRejected(tabId);
          return;
        }
        const { ackUpTo, persisted } = recorder.apply(tabId, frameId, parsed.value);
        // Ack only what is durable. Saves complete in order and acks are cumulative (the relay ignores
        // one below what it already has); after a failed save the next one carries these changes too.
        void persisted.then((saved) => {
          if (saved && ackUpTo !== null) ack(ackUpTo);
        });
      });
    });
  }

  /** A DevTools page's network feed. The feed counts as on for its tab while the port is open. */
  function acceptDevtools(port: ServicePort) {
    if (!fromExtensionPage(port)) return port.disconnect?.();
    let watching: number | null = null;
    port.onDisconnect.addListener(() => {
      if (watching !== null) void ready.then((recorder) => recorder.setNetworkFeed(watching!, false));
    });
    port.onMessage.addListener(async (raw: unknown) => {
      const recorder = await ready;
      const parsed = parseDevtoolsToBackground(raw);
      if (!parsed.ok) return;
      const message = parsed.value;
      if (message.type === 'network-hello') {
        if (watching !== null) recorder.setNetworkFeed(watching, false);
        watching = message.tabId;
        recorder.setNetworkFeed(watching, true);
      } else if (message.tabId === watching) {
        void recorder.applyNetwork(message.tabId, message.entries);
      }
    });
  }

  function acceptPanel(port: ServicePort) {
    // A panel can read any tab's recording: only the extension's own pages may be one.
    if (!fromExtensionPage(port)) return port.disconnect?.();
    let unsubscribe: (() => void) | null = null;
    port.onDisconnect.addListener(() => unsubscribe?.());
    port.onMessage.addListener(async (raw: unknown) => {
      const recorder = await ready;
      const parsed = parsePanelToBackground(raw);
      if (!parsed.ok) return post<BackgroundToPanel>(port, { type: 'error', requestId: requestIdOf(raw), message: parsed.reason });
      const message = parsed.value;
      switch (message.type) {
        case 'subscribe':
          unsubscribe?.();
          unsubscribe = recorder.subscribe(message.tabId, (m) => post<BackgroundToPanel>(port, m));
          break;
        case 'clear':
          void recorder.clear(message.tabId);
          break;
        case 'set-recording':
          void recorder.setRecording(message.tabId, message.on);
          break;
        case 'set-preserve-log':
          void recorder.setPreserveLog(message.tabId, message.on);
          break;
        case 'export':
          try {
            post<BackgroundToPanel>(port, { type: 'exported', requestId: message.requestId, trace: await exportTrace(message.tabId) });
          } catch (error) {
            post<BackgroundToPanel>(port, { type: 'error', requestId: message.requestId, message: error instanceof Error ? error.message : String(error) });
          }
          break;
      }
    });
  }

  /** The tab's full trace (version 2), redacted unless `redact: false` is asked for explicitly. */
  async function exportTrace(tabId: number, options: { redact?: boolean } = {}): Promise<AnyTrace> {
    const recorder = await ready;
    const session = recorder.getSession(tabId);
    if (!session) throw new Error(`No recording for tab ${tabId}. Open a Forge page in that tab first.`);
    const derived = deriveForTrace(session);
    // Judged now, at each token's moment of use, while the signature is still there to check.
    const trusted = readTrustedJwksUrls(await env.readSetting(TRUSTED_JWKS_KEY));
    const tokens = await withRecordedVerdicts(derived.tokens, { fetchJwks: env.fetchJwks, trustedJwksUrls: trusted, cache: jwksCache, now: env.now });
    const trace = exportTraceV2(
      session,
      { extensionVersion: env.extensionVersion, now: env.now(), browser: browserFromUserAgent(env.userAgent) },
      { ...derived, tokens },
    );
    if (options.redact === false) return trace;
    // Header values the user keeps readable (Settings), the same list the panel's Export starts from.
    return redactTrace(trace, { safeHeaders: readSafeHeaders(await env.readSetting(SAFE_HEADERS_KEY)) });
  }

  return {
    acceptRelay,
    acceptPanel,
    acceptDevtools,
    exportTrace,
    async tabIds() {
      return (await ready).tabIds();
    },
    /** How many calls the tab's recording holds, how many are pending, how many the bound dropped (benchmarks poll it). */
    async counts(tabId: number): Promise<ReturnType<Recorder['counts']>> {
      // Counted in place: copying the whole session per poll slowed the burst it measures.
      return (await ready).counts(tabId);
    },
    closeTab(tabId: number) {
      void ready.then((recorder) => recorder.closeTab(tabId));
    },
  };
}

export type RecorderService = ReturnType<typeof startRecorderService>;

function post<T>(port: ServicePort, message: T) {
  try {
    port.postMessage(message);
  } catch {
    // The other side went away; it reconnects and asks again.
  }
}

/** The request id of a refused panel message, when it carried a usable one. */
function requestIdOf(raw: unknown): number | null {
  const id = (raw as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
