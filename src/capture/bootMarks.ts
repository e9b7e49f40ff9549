import type { PaintName } from '../protocol/hook';
import { navigationStart } from './intrinsics';

/**
 * The browser's paint timings for the document (first-paint, first-contentful-paint), each reported once as
 * an epoch time. The observer is the engine's, taken when the hook starts (before any page script), and
 * observes only: nothing the page sees changes. Firefox reports first-contentful-paint only.
 */
export function observePaints(win: typeof globalThis, report: (name: PaintName, at: number) => void): void {
  const Observer = (win as { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  const origin = navigationStart();
  if (typeof Observer !== 'function' || origin === undefined) return;
  const seen = new Set<string>();
  try {
    const observer = new Observer((list) => {
      try {
        for (const entry of list.getEntries()) {
          const name = entry.name;
          if ((name !== 'first-paint' && name !== 'first-contentful-paint') || seen.has(name)) continue;
          seen.add(name);
          report(name, origin + entry.startTime);
        }
        if (seen.size === 2) observer.disconnect();
      } catch {
        // recording failed: the page is not affected
      }
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // no paint timing here (a worker, an old engine): nothing is reported
  }
}

export { navigationStart };
