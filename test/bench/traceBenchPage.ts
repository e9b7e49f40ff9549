// Bundled into a page by trace.bench.ts: builds a large session in the browser and times the trace steps there.
import { deriveForTrace, exportTraceV2, importTraceText, redactTrace, toHar } from '../../src/trace';
import { session } from './traceBenchSession';

(window as unknown as Record<string, unknown>).runTraceBench = (calls: number) => {
  const s = session(calls);
  const t0 = performance.now();
  const derived = deriveForTrace(s);
  const trace = exportTraceV2(s, { extensionVersion: 'bench', now: Date.now(), browser: null }, derived);
  const t1 = performance.now();
  const redacted = redactTrace(trace);
  const t2 = performance.now();
  const text = JSON.stringify(redacted);
  const t3 = performance.now();
  const har = JSON.stringify(toHar(redacted));
  const t4 = performance.now();
  const imported = importTraceText(text);
  const t5 = performance.now();
  if (!imported.ok || imported.trace.calls.length !== calls) throw new Error(`import failed: ${imported.ok ? imported.trace.calls.length : imported.error}`);
  const fromHar = importTraceText(har);
  const t6 = performance.now();
  if (!fromHar.ok || fromHar.trace.calls.length !== calls) throw new Error('HAR import failed');
  return { calls, network: s.network.length, exportMs: t1 - t0, redactMs: t2 - t1, stringifyMs: t3 - t2, harMs: t4 - t3, importMs: t5 - t4, harImportMs: t6 - t5, bytes: text.length, harBytes: har.length };
};
