import type { PaintName } from '../protocol/hook';
import { getter, method, navigationStart, protoOf } from './intrinsics';

/**
 * The browser's paint timings for the document (first-paint, first-contentful-paint), each reported once as
 * an epoch time. The observer is the engine's, taken when the hook starts (before any page script), and
 * observes only: nothing the page sees changes. Firefox reports first-contentful-paint only.
 *
 * The entries are read with the engine's own methods and getters taken at load, and walked by index: a page
 * that later patches PerformanceObserverEntryList.prototype.getEntries, PerformanceEntry's getters or the
 * array iterator runs nothing in here.
 */

const getEntries = method<ArrayLike<PerformanceEntry>>(protoOf('PerformanceObserverEntryList'), 'getEntries');
const entryName = getter<string>(protoOf('PerformanceEntry'), 'name');
const entryStart = getter<number>(protoOf('PerformanceEntry'), 'startTime');
const disconnect = method<void>(protoOf('PerformanceObserver'), 'disconnect');
const observe = method<void>(protoOf('PerformanceObserver'), 'observe');

export function observePaints(win: typeof globalThis, report: (name: PaintName, at: number) => void): void {
  const Observer = (win as { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  const origin = navigationStart();
  if (typeof Observer !== 'function' || origin === undefined || !getEntries || !entryName || !entryStart || !disconnect || !observe) return;
  let firstPaint = false;
  let firstContentfulPaint = false;
  try {
    const observer: PerformanceObserver = new Observer((list) => {
      try {
        const entries = getEntries(list);
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          const name = entryName(entry);
          if (name === 'first-paint' ? firstPaint : name === 'first-contentful-paint' ? firstContentfulPaint : true) continue;
          if (name === 'first-paint') firstPaint = true;
          else firstContentfulPaint = true;
          report(name as PaintName, origin + entryStart(entry));
        }
        if (firstPaint && firstContentfulPaint) disconnect(observer);
      } catch {
        // recording failed: the page is not affected
      }
    });
    observe(observer, { type: 'paint', buffered: true });
  } catch {
    // no paint timing here (a worker, an old engine): nothing is reported
  }
}

export { navigationStart };
