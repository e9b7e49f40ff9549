// Bundled into a page by trace.bench.ts: builds a large session in the browser and times the trace steps there.
import { deriveForTrace, exportTraceV2, harJsonParts, importTraceText, redactTrace, toHar, toTraceV3, traceJsonParts } from '../../src/trace';
import type { TabSession } from '../../src/protocol';
import { session } from './traceBenchSession';

const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN) / 1024 / 1024;

let s: TabSession | null = null;

/**
 * Cloned as the product's sessions are (relay messages, IndexedDB): a session built by template literals in the
 * page holds strings and objects shaped unlike those, and derives faster than any the product exports. Built in
 * its own task, and the garbage of building it collected before the export is timed: a user's session grew over
 * minutes before they click Export, so its building's collections are not the export's.
 */
(window as unknown as Record<string, unknown>).buildTraceBenchSession = (calls: number) => {
  s = structuredClone(session(calls));
  (globalThis as { gc?: () => void }).gc?.();
};

(window as unknown as Record<string, unknown>).runTraceBench = async () => {
  if (!s) throw new Error('buildTraceBenchSession first');
  const calls = s.calls.length;
  const heapBefore = heapMB();
  const t0 = performance.now();
  const derived = deriveForTrace(s);
  const tDerived = performance.now();
  // From here on, what the panel's Export does when it holds the derivation for exactly this session (keptForExport).
  const trace = exportTraceV2(s, { extensionVersion: 'bench', now: Date.now(), browser: null }, derived);
  const t1 = performance.now();
  const redacted = redactTrace(trace);
  const t2 = performance.now();
  // What the export dialog saves: the JSON in parts, into a Blob.
  const blob = new Blob(traceJsonParts(redacted), { type: 'application/json' });
  const t3 = performance.now();
  const heapExport = heapMB();
  // Baseline: the same JSON as one string, into a Blob (what export did before).
  const text = JSON.stringify(toTraceV3(redacted));
  const wholeBlob = new Blob([text], { type: 'application/json' });
  const t3b = performance.now();
  // What the export dialog saves for HAR: each entry written as it is made.
  const harBlob = new Blob(harJsonParts(redacted), { type: 'application/json' });
  const t4 = performance.now();
  const harText = JSON.stringify(toHar(redacted));
  const harWholeBlob = new Blob([harText], { type: 'application/json' });
  const t4b = performance.now();
  if (blob.size !== wholeBlob.size || harBlob.size !== harWholeBlob.size) throw new Error('the JSON written in parts differs from JSON.stringify');
  const t5a = performance.now();
  const imported = importTraceText(text);
  const t5 = performance.now();
  if (!imported.ok || imported.trace.calls.length !== calls) throw new Error(`import failed: ${imported.ok ? imported.trace.calls.length : imported.error}`);
  const fromHar = importTraceText(harText);
  const t6 = performance.now();
  if (!fromHar.ok || fromHar.trace.calls.length !== calls) throw new Error('HAR import failed');
  return {
    calls, network: s.network.length, exportMs: t1 - t0, deriveMs: tDerived - t0, redactMs: t2 - t1, partsMs: t3 - t2, stringifyMs: t3b - t3, harMs: t4 - t3b, harStringifyMs: t4b - t4,
    importMs: t5 - t5a, harImportMs: t6 - t5, bytes: blob.size, harBytes: harBlob.size, heapBeforeMB: heapBefore, heapAfterExportMB: heapExport,
  };
};
