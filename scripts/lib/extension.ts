import type { CDPSession, Page } from 'puppeteer-core';
import type { TraceV2 } from '../../src/protocol/model';
import { TRUSTED_JWKS_KEY } from '../../src/settings/jwksUrl';
import type { ChromiumSession } from './chromium';

type Extension = Pick<ChromiumSession, 'browser' | 'extensionId'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `fn(...args)` run in the extension's live service worker, its result (JSON) back. Through CDP, not puppeteer's
 * worker handles: Chrome stops idle workers and starts new ones, and puppeteer may keep listing a stopped one,
 * whose calls never settle. `fn` must be self-contained (it is sent as text).
 */
export async function inWorker<A extends unknown[], R>(extension: Extension, fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
  const cdp = await extension.browser.target().createCDPSession();
  try {
    const session = await attachToWorker(extension, cdp);
    try {
      return await evaluateIn(session, fn, args);
    } finally {
      await session.detach().catch(() => undefined);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A CDP session on the extension's live service worker once its script has run (waits up to 10 s). */
async function attachToWorker(extension: Extension, cdp: CDPSession): Promise<CDPSession> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extension.extensionId}/`));
    if (sw) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: true });
      const session = cdp.connection()?.session(sessionId);
      if (!session) throw new Error('no CDP session for the extension service worker');
      // The target shows up before the worker's script has run.
      const ready = await session.send('Runtime.evaluate', { expression: 'typeof self.forgeBridgeDevTools === "object"', returnByValue: true }).catch(() => null);
      if (ready?.result.value === true) return session;
      await session.detach().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error('the extension service worker did not answer within 10 s');
    await sleep(100);
  }
}

async function evaluateIn<A extends unknown[], R>(session: CDPSession, fn: (...args: A) => R | Promise<R>, args: A): Promise<R> {
  const run = await session.send('Runtime.evaluate', { expression: `(${fn.toString()})(...${JSON.stringify(args)})`, awaitPromise: true, returnByValue: true });
  if (run.exceptionDetails) throw new WorkerError(`in the extension service worker: ${run.exceptionDetails.exception?.description ?? run.exceptionDetails.text}`);
  return run.result.value as R;
}

/** What `fn` threw in the worker (as opposed to a session that closed under it). */
class WorkerError extends Error {}

/**
 * workerOf over one CDP session, kept while the worker lives (attached again when Chrome replaced it): for a bench
 * that polls the recorder every 25 ms. Attaching and detaching for each poll (an inspector session made in the worker
 * each time) cost the browser more CPU than the extension's recording did: 230 µs per call of the sandbox bench, seen.
 */
export function attachedWorkerOf(extension: Extension): ReturnType<typeof workerOf> {
  let attached: Promise<{ cdp: CDPSession; session: CDPSession }> | null = null;
  const attach = async () => {
    const cdp = await extension.browser.target().createCDPSession();
    try {
      return { cdp, session: await attachToWorker(extension, cdp) };
    } catch (error) {
      await cdp.detach().catch(() => undefined);
      throw error;
    }
  };
  const detach = async () => {
    const was = attached;
    attached = null;
    const a = await was?.catch(() => null);
    await a?.session.detach().catch(() => undefined);
    await a?.cdp.detach().catch(() => undefined);
  };
  return {
    async evaluate(fn, ...args) {
      for (let attempt = 0; ; attempt++) {
        try {
          attached ??= attach();
          return await evaluateIn((await attached).session, fn, args);
        } catch (error) {
          if (error instanceof WorkerError || attempt > 0) throw error;
          await detach();
        }
      }
    },
  };
}

/** The browser's id for the tab showing `page`, asked of the extension (tabs.query by URL needs only host permission). */
export async function tabIdOf(extension: Extension, page: Page): Promise<number> {
  const url = page.url();
  const ids = await inWorker(extension, async (u: string) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1), url);
  if (ids.length === 0) throw new Error(`the extension sees no tab at ${url}`);
  // Two tabs at one URL would make a test read the other tab's recording: give each page its own URL.
  if (ids.length > 1) throw new Error(`${ids.length} tabs are at ${url}; cannot tell which one is this page`);
  return ids[0]!;
}

/** The documented automation entry point: globalThis.forgeBridgeDevTools.exportTrace(tabId, { redact }) in the worker. */
export async function exportTrace(extension: Extension, tabId: number, opts: { redact?: boolean } = {}): Promise<TraceV2> {
  return inWorker(
    extension,
    (id: number, redact: boolean) => (globalThis as unknown as { forgeBridgeDevTools: { exportTrace(t: number, o: { redact: boolean }): Promise<TraceV2> } }).forgeBridgeDevTools.exportTrace(id, { redact }),
    tabId,
    opts.redact ?? true,
  );
}

export interface WaitOptions {
  timeoutMs?: number;
  pollMs?: number;
  redact?: boolean;
}

/** Polls the trace until `done` holds (recording is asynchronous: hook → relay → worker → store); throws with what it saw. */
export async function waitForTrace(extension: Extension, tabId: number, done: (trace: TraceV2) => boolean, opts: WaitOptions = {}): Promise<TraceV2> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  let last: TraceV2 | null = null;
  for (;;) {
    try {
      last = await exportTrace(extension, tabId, { redact: opts.redact ?? true });
      if (done(last)) return last;
    } catch {
      // no session yet, or the worker is restarting
    }
    if (Date.now() > deadline) {
      const seen = last ? `${last.calls.length} calls: ${last.calls.slice(-5).map((c) => c.summary).join(' | ')}` : 'no trace';
      throw new Error(`trace condition not met within ${timeoutMs} ms (${seen})`);
    }
    await sleep(opts.pollMs ?? 150);
  }
}

/** Waits for a trace with at least `count` calls, none of them pending. */
export function waitForCalls(extension: Extension, tabId: number, count: number, opts: WaitOptions = {}): Promise<TraceV2> {
  return waitForTrace(extension, tabId, (t) => t.calls.length >= count && t.calls.every((c) => c.status !== 'pending'), opts);
}

/** Stops the extension's service worker the way Chrome does when it is idle (Target.closeTarget on its target). */
export async function stopWorker(extension: Extension): Promise<void> {
  const cdp = await extension.browser.target().createCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extension.extensionId}/`));
    if (!sw) throw new Error('the extension service worker is not running');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Trusts these JWKS URLs, as a user does in Settings → Trusted JWKS URLs (for a throwaway profile). */
export async function trustJwksUrls(extension: Extension, urls: string[]): Promise<void> {
  await inWorker(extension, (key: string, list: string[]) => chrome.storage.local.set({ [key]: list }), TRUSTED_JWKS_KEY, urls);
}

/** The extension's worker as something to evaluate in (the shape of puppeteer's WebWorker.evaluate), each call through inWorker. */
export function workerOf(extension: Extension): { evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> } {
  return { evaluate: (fn, ...args) => inWorker(extension, fn, ...args) };
}
