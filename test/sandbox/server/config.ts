import { REMOTES } from '../app-manifest';
import type { SandboxContext } from './context';
import type { Knobs } from './knobs';
import { APP_BASE_PATH } from './cdn';

/** `GET /__sandbox/config.json`: origins, remotes' base URLs and the current knobs (read by the browser side). */
export interface SandboxConfig {
  siteOrigin: string;
  cdnOrigin: string;
  remoteOrigin: string;
  jwksUrl: string;
  /** `<cdnOrigin>/<APP_UUID>/<ENVIRONMENT_UUID>/<DEPLOYMENT_ID>`: append `/<resource>/…`. */
  appBaseUrl: string;
  remotes: Record<string, string>;
  knobs: Knobs;
}

export function sandboxConfig(ctx: SandboxContext): SandboxConfig {
  return {
    siteOrigin: ctx.origins.site,
    cdnOrigin: ctx.origins.cdn,
    remoteOrigin: ctx.origins.remote,
    jwksUrl: `${ctx.origins.cdn}/.well-known/jwks.json`,
    appBaseUrl: `${ctx.origins.cdn}${APP_BASE_PATH}`,
    remotes: Object.fromEntries(REMOTES.map((r) => [r.key, ctx.origins.remote])),
    knobs: ctx.knobs.get(),
  };
}
