// Times the export steps of a 100,000-call trace in Node, for profiling: `npx tsx test/bench/traceProfile.ts`
// (or bundled and run under `node --cpu-prof`). Prints each step's time; the bench proper runs in Chromium.
import { deriveForTrace, exportTraceV2, redactTrace, toTraceV3, traceJsonParts } from '../../src/trace';
import { session } from './traceBenchSession';

const calls = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 1);
for (let r = 0; r < rounds; r++) {
  const s = structuredClone(session(calls)); // cloned, as the product's sessions are (see traceBenchPage.ts)
  const t0 = performance.now();
  const derived = deriveForTrace(s);
  const t1 = performance.now();
  const trace = exportTraceV2(s, { extensionVersion: 'bench', now: 0, browser: null }, derived);
  const t2 = performance.now();
  const redacted = redactTrace(trace);
  const t3 = performance.now();
  const parts = traceJsonParts(redacted);
  const t4 = performance.now();
  const text = JSON.stringify(toTraceV3(redacted));
  const t5 = performance.now();
  const f = (n: number) => n.toFixed(0);
  console.log(`derive ${f(t1 - t0)} ms, exportTraceV2 ${f(t2 - t1)} ms, redact ${f(t3 - t2)} ms, parts ${f(t4 - t3)} ms (${parts.length} parts), JSON.stringify ${f(t5 - t4)} ms (${text.length} chars); ${derived.matches.length} matches, ${derived.findings.length} findings`);
}
