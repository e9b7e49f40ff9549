export interface RecorderCounts {
  calls: number;
  pending: number;
  dropped: number;
  /** Changes wait for a save or one is being written (absent from an older build). */
  unsaved?: boolean;
}

/** A Playwright or Puppeteer handle on the extension's service worker. */
export interface WorkerLike {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** What the recorder holds for a tab (the automation entry's counts(); cheap enough to poll). */
export async function recorderCounts(worker: WorkerLike, tabId: number): Promise<RecorderCounts> {
  const counts = await worker.evaluate(
    (id: number) => (globalThis as unknown as { forgeBridgeDevTools: { counts(t: number): Promise<RecorderCounts | null> } }).forgeBridgeDevTools.counts(id),
    tabId,
  );
  return counts ?? { calls: 0, pending: 0, dropped: 0 };
}

/** Calls the recorder has seen settle (or dropped by its bound). */
export const settledCalls = (c: RecorderCounts) => c.calls - c.pending + c.dropped;

/** Polls until the recorder holds `target` settled calls; the time that took, or null when it did not within `timeoutMs`. */
export async function waitUntilRecorded(worker: WorkerLike, tabId: number, target: number, timeoutMs = 30_000, pollMs = 25): Promise<number | null> {
  const start = Date.now();
  for (;;) {
    if (settledCalls(await recorderCounts(worker, tabId)) >= target) return Date.now() - start;
    if (Date.now() - start > timeoutMs) return null;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Polls until the recorder has nothing left to save; false when it still had after `timeoutMs`. */
export async function waitUntilSaved(worker: WorkerLike, tabId: number, timeoutMs = 30_000, pollMs = 25): Promise<boolean> {
  const start = Date.now();
  while ((await recorderCounts(worker, tabId)).unsaved === true) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return true;
}
