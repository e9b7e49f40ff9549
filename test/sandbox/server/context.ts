import { hopDelayMs, type KnobStore, type Knobs } from './knobs';
import type { Platform } from './platform';
import type { RemoteLog } from './remote-log';
import { sleep } from './http';

/** What the sandbox's servers share: platform, knobs, origins, the remote's log, and a signal that fires at stop(). */
export interface SandboxContext {
  platform: Platform;
  knobs: KnobStore;
  /** Filled in once every server listens. */
  origins: { site: string; cdn: string; remote: string };
  /** Build output: `site/`, `cdn/global-bridge.js`, `cdn/apps/<resource>/`. */
  assetsDir: string;
  remoteLog: RemoteLog;
  signal: AbortSignal;
}

export type Hop = keyof Knobs['latency'];

/** Waits the latency knob of `hop` (ms + jitter). */
export function hopLatency(ctx: SandboxContext, hop: Hop): Promise<void> {
  return sleep(hopDelayMs(ctx.knobs.peek().latency[hop]), ctx.signal);
}
