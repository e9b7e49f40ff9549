import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JSONWebKeySet, JWK } from 'jose';
import { APP_BASE_PATH, startCdn } from './server/cdn';
import type { SandboxContext } from './server/context';
import type { RunningServer } from './server/http';
import { KnobStore, type Knobs, type KnobsInput } from './server/knobs';
import { createPlatform, type MintedToken, type MintFitOptions, type FctRequest, type FitInput } from './server/platform';
import { RemoteLog, type RemoteLogEntry } from './server/remote-log';
import { startRemote } from './server/remote';
import { startSite } from './server/site';
import { buildSandboxAssets } from './web/build';

export type { Knobs, KnobsInput, FaultCount, Faults, HopLatency } from './server/knobs';
export type { RemoteLogEntry, FitCheck, RemoteVia } from './server/remote-log';
export type { MintedToken, MintFitOptions, FitInput, FctRequest } from './server/platform';
export type { SandboxConfig } from './server/config';

/** The Forge sandbox: site, cdn and remote servers on loopback, sharing one platform and one set of knobs. */

export interface StartSandboxOptions {
  /** Initial knobs, merged over the defaults (deep; Partial<Knobs> works). */
  knobs?: KnobsInput;
  /** Build output folder (site/, cdn/); default `<repo>/.cache/sandbox-build`. */
  assetsDir?: string;
  /** Run `buildSandboxAssets(assetsDir)` from ./web/build first; default true. */
  build?: boolean;
  /** Fixed ports; 0 or absent = a free one. */
  ports?: { site?: number; cdn?: number; remote?: number };
}

export interface SandboxPlatform {
  /** kid of the FIT key (`forge/invocation-token/wf-<uuid>`). */
  readonly kid: string;
  /** The FIT key's public JWK. */
  readonly publicJwk: JWK;
  jwks(): JSONWebKeySet;
  /** Mints a FIT (default kind 'requestRemote', module 'issue-panel') with the current knobs. */
  mintFit(input?: Partial<FitInput>, opts?: MintFitOptions): Promise<MintedToken>;
  /** Mints an FCT for a module. */
  mintFct(input: FctRequest): Promise<MintedToken & { expiresIn: number }>;
}

export interface Sandbox {
  /** The product page: `<siteOrigin>/index.html`. */
  siteUrl: string;
  /** `http://127.0.0.1:<port>`. */
  siteOrigin: string;
  /** `http://localhost:<port>`. */
  cdnOrigin: string;
  /** `http://127.0.0.1:<port>`. */
  remoteOrigin: string;
  /** `<cdnOrigin>/.well-known/jwks.json`. */
  jwksUrl: string;
  /** `<cdnOrigin>/<APP_UUID>/<ENVIRONMENT_UUID>/<DEPLOYMENT_ID>`. */
  appBaseUrl: string;
  assetsDir: string;
  ports: { site: number; cdn: number; remote: number };
  /** A copy of the current knobs. */
  knobs(): Knobs;
  /** Merges knobs (deep) and returns the result; throws KnobError on unknown keys or bad values. */
  setKnobs(patch: KnobsInput): Knobs;
  /** Back to the knobs the sandbox started with. */
  resetKnobs(): Knobs;
  /** What the remote received so far (copies). */
  remoteLog(): RemoteLogEntry[];
  clearRemoteLog(): void;
  platform: SandboxPlatform;
  /** Closes every server and socket. */
  stop(): Promise<void>;
}

export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../../.cache/sandbox-build', import.meta.url));

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const assetsDir = resolve(options.assetsDir ?? DEFAULT_ASSETS_DIR);
  if (options.build !== false) await buildSandboxAssets(assetsDir);

  const knobs = new KnobStore(options.knobs);
  const abort = new AbortController();
  const origins = { site: '', cdn: '', remote: '' };
  const platform = await createPlatform({ knobs: () => knobs.peek(), siteOrigin: () => origins.site });
  const remoteLog = new RemoteLog();
  const ctx: SandboxContext = { platform, knobs, origins, assetsDir, remoteLog, signal: abort.signal };

  const servers: RunningServer[] = [];
  const stopAll = async () => {
    abort.abort();
    await Promise.all(servers.map((s) => s.close()));
  };
  let site: RunningServer, cdn: RunningServer, remote: RunningServer;
  try {
    remote = await startRemote(ctx, options.ports?.remote);
    servers.push(remote);
    cdn = await startCdn(ctx, options.ports?.cdn);
    servers.push(cdn);
    site = await startSite(ctx, options.ports?.site);
    servers.push(site);
  } catch (err) {
    await stopAll();
    throw err;
  }
  origins.site = site.origin;
  origins.cdn = cdn.origin;
  origins.remote = remote.origin;

  let stopping: Promise<void> | undefined;
  return {
    siteUrl: `${site.origin}/index.html`,
    siteOrigin: site.origin,
    cdnOrigin: cdn.origin,
    remoteOrigin: remote.origin,
    jwksUrl: `${cdn.origin}/.well-known/jwks.json`,
    appBaseUrl: `${cdn.origin}${APP_BASE_PATH}`,
    assetsDir,
    ports: { site: site.port, cdn: cdn.port, remote: remote.port },
    knobs: () => knobs.get(),
    setKnobs: (patch) => knobs.set(patch),
    resetKnobs: () => knobs.reset(),
    remoteLog: () => remoteLog.list(),
    clearRemoteLog: () => remoteLog.clear(),
    platform: {
      kid: platform.kid,
      publicJwk: platform.publicJwk,
      jwks: () => platform.jwks(),
      mintFit: (input, opts) => platform.mintFit(input, opts),
      mintFct: (input) => platform.mintFct(input),
    },
    stop: () => (stopping ??= stopAll()),
  };
}
