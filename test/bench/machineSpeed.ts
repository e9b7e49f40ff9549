import { loadavg } from 'node:os';
import { median } from '../../src/stats';

/** A fixed object graph: 20,000 call-like records, the same every time. */
function records(): unknown[] {
  return Array.from({ length: 20_000 }, (_, i) => ({ id: `1:doc#${i}`, startedAt: 1_800_000_000_000 + i * 3, request: { functionKey: 'getIssues', payload: { page: i, jql: `project = P${i % 97}` } }, ok: i % 7 !== 0 }));
}

/** One fixed piece of work, timed: JSON out and back in, native code whose speed does not hang on which tier the JIT chose. */
function roundTripMs(value: unknown): number {
  const start = performance.now();
  const parsed = JSON.parse(JSON.stringify(value)) as unknown[];
  const ms = performance.now() - start;
  if (parsed.length !== 20_000) throw new Error('machine speed check: JSON round trip lost records');
  return ms;
}

export interface MachineSpeed {
  /** Median of 7 timings of the same JSON round trip of 20,000 records in Node. */
  jsonMs: number;
  /** The 1-minute load average when it was taken. */
  load: number;
}

/**
 * The machine's speed now, printed at the bench's start and end: every figure of a run moves with it, so runs
 * compare by it, and a change between start and end means the machine's state changed during the run.
 */
export function machineSpeed(): MachineSpeed {
  const value = records();
  roundTripMs(value);
  return { jsonMs: median(Array.from({ length: 7 }, () => roundTripMs(value))), load: loadavg()[0]! };
}

export const formatMachineSpeed = (s: MachineSpeed) => `a JSON round trip of 20,000 records in Node took ${s.jsonMs.toFixed(1)} ms (median of 7), load average ${s.load.toFixed(2)}`;
