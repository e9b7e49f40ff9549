import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../../scripts/lib/driver';

const CALLS = 100_000;

export interface TraceBench {
  calls: number;
  network: number;
  /** Derive and assemble the trace; deriveMs of it is deriving matches, tokens and findings from scratch. */
  exportMs: number;
  deriveMs: number;
  redactMs: number;
  /** Writing the JSON in parts into a Blob (what export does), and JSON.stringify of it whole into a Blob (the baseline). */
  partsMs: number;
  stringifyMs: number;
  /** toHar and its JSON in parts into a Blob; toHar and JSON.stringify into a Blob (the baseline). */
  harMs: number;
  harStringifyMs: number;
  /** The export from scratch run a second time in the same page (code compiled, caches filled). */
  warmExportMs: number;
  heapBeforeMB: number;
  heapAfterExportMB: number;
  importMs: number;
  harImportMs: number;
  bytes: number;
  harBytes: number;
}

/** Export (derive, redact, serialize) and import of a 100,000-call trace, timed inside Chromium. */
export async function benchTrace(): Promise<TraceBench> {
  const dir = await mkdtemp(join(tmpdir(), 'fbdt-trace-bench-'));
  const browser = await launchChromium({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  try {
    await build({ entryPoints: [new URL('./traceBenchPage.ts', import.meta.url).pathname], bundle: true, format: 'iife', outfile: join(dir, 'bench.js'), logLevel: 'silent' });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>trace bench</title>');
    await page.addScriptTag({ content: await readFile(join(dir, 'bench.js'), 'utf8') });
    await page.evaluate((n) => (window as unknown as { buildTraceBenchSession(n: number): void }).buildTraceBenchSession(n), CALLS);
    const result = await page.evaluate(() => (window as unknown as { runTraceBench(): Promise<TraceBench> }).runTraceBench());
    // In a task of its own, once the first run's objects are garbage: only the session and its caches remain.
    result.warmExportMs = await page.evaluate(() => (window as unknown as { exportAgain(): number }).exportAgain());
    return result;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
