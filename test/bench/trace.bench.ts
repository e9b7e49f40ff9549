import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../e2e/support/chromium';

const CALLS = 100_000;

export interface TraceBench {
  calls: number;
  network: number;
  exportMs: number;
  redactMs: number;
  stringifyMs: number;
  harMs: number;
  importMs: number;
  harImportMs: number;
  bytes: number;
  harBytes: number;
}

/** Export (derive, redact, serialize) and import of a 100,000-call trace, timed inside Chromium. */
export async function benchTrace(): Promise<TraceBench> {
  const dir = await mkdtemp(join(tmpdir(), 'fbdt-trace-bench-'));
  const browser = await launchChromium({});
  try {
    await build({ entryPoints: [new URL('./traceBenchPage.ts', import.meta.url).pathname], bundle: true, format: 'iife', outfile: join(dir, 'bench.js'), logLevel: 'silent' });
    const page = await browser.context.newPage();
    await page.setContent('<!doctype html><title>trace bench</title>');
    await page.addScriptTag({ content: await readFile(join(dir, 'bench.js'), 'utf8') });
    return await page.evaluate((n) => (window as unknown as { runTraceBench(n: number): TraceBench }).runTraceBench(n), CALLS);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
