import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export interface RedactBench {
  /** Wall and CPU milliseconds, each the best of three runs. */
  hostile: { name: string; ms: number; cpuMs: number }[];
  traceCalls: number;
  traceMs: number;
  traceCpuMs: number;
}

/**
 * Redaction of 5 MB hostile texts (each as one value) and of the 100,000-call trace. The code is bundled
 * first (as the extension ships it: one scope, no module getters between the scanners) and run in Node.
 */
export async function benchRedact(): Promise<RedactBench> {
  const dir = await mkdtemp(join(tmpdir(), 'fbdt-redact-bench-'));
  try {
    const outfile = join(dir, 'redactBenchRun.mjs');
    await build({ entryPoints: [new URL('./redactBenchRun.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
    const { runRedactBench } = (await import(pathToFileURL(outfile).href)) as { runRedactBench(): RedactBench };
    return runRedactBench();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function printRedactBench(r: RedactBench): void {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const both = (wall: number, cpu: number) => `${ms(wall)} (CPU ${ms(cpu)})`;
  console.log(`\nRedaction (Node, bundled; wall time, and the process's CPU time, which load inflates less): the ${r.traceCalls.toLocaleString('en')}-call trace ${both(r.traceMs, r.traceCpuMs)} (target ≤ 300 ms); 5 MB hostile texts, each one value (target ≤ 200 ms each):`);
  for (const h of r.hostile) console.log(`  ${h.name}: ${both(h.ms, h.cpuMs)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printRedactBench(await benchRedact());
