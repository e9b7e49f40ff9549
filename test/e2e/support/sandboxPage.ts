import type { Frame, Page } from 'playwright-core';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

/** The app frame (a Custom UI resource) inside the sandbox site page whose URL names `resource` (and `moduleKey`, when given). */
export async function appFrame(page: Page, resource: string, moduleKey?: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => {
      const url = f.url();
      return url.includes(`/${resource}/`) && (moduleKey === undefined || url.includes(`moduleKey=${moduleKey}`));
    });
    if (frame) {
      await frame.waitForFunction(() => (window as { __sandboxApp?: { ready?: Promise<unknown> } }).__sandboxApp !== undefined, undefined, {
        timeout: Math.max(1000, deadline - Date.now()),
      });
      await frame.evaluate(() => (window as unknown as { __sandboxApp: { ready: Promise<unknown> } }).__sandboxApp.ready);
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`no app frame for ${resource}${moduleKey ? ` (${moduleKey})` : ''}; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function run(frame: Frame, action: string, args?: unknown): Promise<Outcome> {
  return frame.evaluate(
    ([a, p]) => (window as unknown as { __sandboxApp: { run(a: string, p?: unknown): Promise<Outcome> } }).__sandboxApp.run(a, p),
    [action, args] as const,
  );
}
