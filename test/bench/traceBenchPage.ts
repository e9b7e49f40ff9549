// Bundled into a page by trace.bench.ts: builds a large session in the browser and times the trace steps there.
import { deriveForTrace, exportTraceV2, harJsonParts, importTraceText, redactTrace, redactWithReport, toHar, toTraceV3, traceJsonParts } from '../../src/trace';
import type { TabSession } from '../../src/protocol';
import { session } from './traceBenchSession';

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN) / 1024 / 1024;

let s: TabSession | null = null;

/**
 * Cloned as the product's sessions are (relay messages, IndexedDB): a session built by template literals in the
 * page holds strings and objects shaped unlike those, and derives faster than any the product exports. Built in
 * its own task, and the garbage of building it collected before the export is timed: a user's session grew over
 * minutes before they click Export, so its building's collections are not the export's.
 */
(window as unknown as Record<string, unknown>).buildTraceBenchSession = (calls: number) => {
  s = cloned(calls);
  // In a frame of its own, the uncloned session is unreachable here (the interpreter's registers of this frame
  // could otherwise keep it alive through the collection: 32 MB more heap, seen).
  gc();
};

const cloned = (calls: number): TabSession => structuredClone(session(calls));

/**
 * The same export from scratch once more in this page: its code compiled and its caches filled, as in a panel whose
 * derivation ran before (the panel runs the same rules, token collection and redaction preview on its session).
 * Not a target: the target is the first, cold run.
 */
(window as unknown as Record<string, unknown>).exportAgain = () => {
  if (!s) throw new Error('buildTraceBenchSession first');
  const session = s;
  gc();
  const t0 = performance.now();
  const again = redactTrace(exportTraceV2(session, { extensionVersion: 'bench', now: Date.now(), browser: null }, deriveForTrace(session)));
  const size = new Blob(traceJsonParts(again), { type: 'application/json' }).size;
  const t1 = performance.now();
  if (size === 0) throw new Error('the second export wrote nothing');
  return t1 - t0;
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
  // What the export dialog shows on opening (the redaction report) comes from the copy it saves.
  const redacted = redactWithReport(trace).trace;
  const t2 = performance.now();
  // What the export dialog saves: the JSON in parts, into a Blob.
  const blob = new Blob(traceJsonParts(redacted), { type: 'application/json' });
  const t3 = performance.now();
  const heapExport = heapMB();
  // HAR is an export of its own (Save as HAR in the same dialog): timed after a collection, as a user's second
  // export would follow an idle moment, and before the baselines below leave a whole-file string in the heap.
  gc();
  const t4a = performance.now();
  // What the export dialog saves for HAR: each entry written as it is made.
  const harBlob = new Blob(harJsonParts(redacted), { type: 'application/json' });
  const t4 = performance.now();
  // Baselines: the same JSON as one string, into a Blob (what export did before).
  const t3a = performance.now();
  const text = JSON.stringify(toTraceV3(redacted));
  const wholeBlob = new Blob([text], { type: 'application/json' });
  const t3b = performance.now();
  const harText = JSON.stringify(toHar(redacted));
  const harWholeBlob = new Blob([harText], { type: 'application/json' });
  const t4b = performance.now();
  if (blob.size !== wholeBlob.size || harBlob.size !== harWholeBlob.size) throw new Error('the JSON written in parts differs from JSON.stringify');
  // Opening a file is a user's action of its own too (in the viewer): after a collection.
  gc();
  const t5a = performance.now();
  const imported = importTraceText(text);
  const t5 = performance.now();
  if (!imported.ok || imported.trace.calls.length !== calls) throw new Error(`import failed: ${imported.ok ? imported.trace.calls.length : imported.error}`);
  const fromHar = importTraceText(harText);
  const t6 = performance.now();
  if (!fromHar.ok || fromHar.trace.calls.length !== calls) throw new Error('HAR import failed');
  return {
    calls, network: s.network.length, exportMs: t1 - t0, deriveMs: tDerived - t0, redactMs: t2 - t1, partsMs: t3 - t2, stringifyMs: t3b - t3a, harMs: t4 - t4a, harStringifyMs: t4b - t3b, 
    importMs: t5 - t5a, harImportMs: t6 - t5, warmExportMs: Number.NaN, bytes: blob.size, harBytes: harBlob.size, heapBeforeMB: heapBefore, heapAfterExportMB: heapExport,
  };
};
