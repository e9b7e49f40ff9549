import type { PaintName } from '../protocol/hook';
import { getOwnPropertyDescriptor, navigationStart, reflectApply } from './intrinsics';

/**
 * The browser's paint timings for the document (first-paint, first-contentful-paint), each reported once as
 * an epoch time. The observer is the engine's, taken when the hook starts (before any page script), and
 * observes only: nothing the page sees changes. Firefox reports first-contentful-paint only.
 *
 * The entries are read with the engine's own methods and getters taken at load, and walked by index: a page
 * that later patches PerformanceObserverEntryList.prototype.getEntries, PerformanceEntry's getters or the
 * array iterator runs nothing in here.
 */

type Fn = (...args: unknown[]) => unknown;

function own(ctor: unknown, key: string, kind: 'value' | 'get'): Fn | undefined {
  if (typeof ctor !== 'function') return undefined;
  const d = getOwnPropertyDescriptor((ctor as { prototype: object }).prototype, key);
  const f = d === undefined ? undefined : kind === 'get' ? d.get : d.value;
  return typeof f === 'function' ? (f as Fn) : undefined;
}

const g = globalThis as Record<string, unknown>;
const getEntries = own(g.PerformanceObserverEntryList, 'getEntries', 'value');
const entryName = own(g.PerformanceEntry, 'name', 'get');
const entryStart = own(g.PerformanceEntry, 'startTime', 'get');
const disconnect = own(g.PerformanceObserver, 'disconnect', 'value');
const observe = own(g.PerformanceObserver, 'observe', 'value');

export function observePaints(win: typeof globalThis, report: (name: PaintName, at: number) => void): void {
  const Observer = (win as { PerformanceObserver?: typeof PerformanceObserver }).PerformanceObserver;
  const origin = navigationStart();
  if (typeof Observer !== 'function' || origin === undefined || !getEntries || !entryName || !entryStart || !disconnect || !observe) return;
  let firstPaint = false;
  let firstContentfulPaint = false;
  try {
    const observer: PerformanceObserver = new Observer((list) => {
      try {
        const entries = reflectApply(getEntries, list, []) as ArrayLike<PerformanceEntry>;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          const name = reflectApply(entryName, entry, []);
          if (name === 'first-paint' ? firstPaint : name === 'first-contentful-paint' ? firstContentfulPaint : true) continue;
          if (name === 'first-paint') firstPaint = true;
          else firstContentfulPaint = true;
          report(name as PaintName, origin + (reflectApply(entryStart, entry, []) as number));
        }
        if (firstPaint && firstContentfulPaint) reflectApply(disconnect, observer, []);
      } catch {
        // recording failed: the page is not affected
      }
    });
    reflectApply(observe, observer, [{ type: 'paint', buffered: true }]);
  } catch {
    // no paint timing here (a worker, an old engine): nothing is reported
  }
}

export { navigationStart };
