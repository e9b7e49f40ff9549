import type { Frame, Page } from 'puppeteer-core';

/** What the sandbox app's `run(action)` answers: the bridge's result, or the error it threw. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

interface SandboxApp {
  ready: Promise<unknown>;
  run(action: string, args?: unknown): Promise<Outcome>;
  scenario(name: string): Promise<unknown>;
  burst(n: number, action: string): Promise<{ ok: number; error: number }>;
}

/**
 * The sandbox app frame (a Custom UI resource, default `main`) inside the site page, for `moduleKey` when given,
 * once its app is ready for actions.
 */
export async function appFrame(page: Page, opts: { resource?: string; moduleKey?: string; timeoutMs?: number } = {}): Promise<Frame> {
  const resource = opts.resource ?? 'main';
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes(`/${resource}/`) && (opts.moduleKey === undefined || f.url().includes(`moduleKey=${opts.moduleKey}`)));
    if (frame) {
      await frame.waitForFunction(() => '__sandboxApp' in window, { timeout: Math.max(1000, deadline - Date.now()) });
      await frame.evaluate(() => (window as unknown as { __sandboxApp: SandboxApp }).__sandboxApp.ready);
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`no app frame for ${resource}${opts.moduleKey ? ` (${opts.moduleKey})` : ''} within ${timeoutMs} ms; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One action of the sandbox app (a bridge call), and what the app got back. */
export function runAction(frame: Frame, action: string, args?: unknown): Promise<Outcome> {
  return frame.evaluate((a, p) => (window as unknown as { __sandboxApp: SandboxApp }).__sandboxApp.run(a, p), action, args);
}

/** A named scenario of the sandbox app ('all': every action once); what the app saw, normalised by the app. */
export function runScenario(frame: Frame, name: string): Promise<unknown> {
  return frame.evaluate((n) => (window as unknown as { __sandboxApp: SandboxApp }).__sandboxApp.scenario(n), name);
}

/** `n` calls of one action at once; how many resolved and how many rejected. */
export function runBurst(frame: Frame, n: number, action: string): Promise<{ ok: number; error: number }> {
  return frame.evaluate((count, a) => (window as unknown as { __sandboxApp: SandboxApp }).__sandboxApp.burst(count, a), n, action);
}
