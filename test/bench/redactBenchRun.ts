// Bundled by redact.bench.ts and run in Node: times redaction of hostile texts and of a 100,000-call trace.
import { newPass, redactString, redactTrace } from '../../src/redact';
import { deriveForTrace, exportTraceV2 } from '../../src/trace';
import { hostileTexts } from './redactHostile';
import { session } from './traceBenchSession';

const HOSTILE_BYTES = 5 * 1024 * 1024;
const CALLS = 100_000;

/** The best of three runs: the machine is shared, and the least disturbed run is the closest to the code's own cost. */
function bestOf(run: () => void): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function runRedactBench() {
  const hostile = hostileTexts(HOSTILE_BYTES).map(([name, text]) => ({ name, ms: bestOf(() => redactString(text, newPass())) }));
  const s = session(CALLS);
  const trace = exportTraceV2(s, { extensionVersion: 'bench', now: Date.now(), browser: null }, deriveForTrace(s));
  return { hostile, traceCalls: CALLS, traceMs: bestOf(() => redactTrace(trace)) };
}
