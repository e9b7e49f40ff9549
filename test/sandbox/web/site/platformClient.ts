import { extensionIdFor, moduleContext } from '../../server/modules';
import type { ModuleDef } from '../../app-manifest';
import type { HostConfig } from './config';

/** A frame the host serves: its module and localId. */
export interface FrameInfo {
  module: ModuleDef;
  localId: string;
}

interface Token {
  jwt: string;
  expiresAt: number;
}

const INVOKE_QUERY = 'mutation forge_ui_invokeExtension($input: InvokeExtensionInput!) { invokeExtension(input: $input) { success response { body } errors { message extensions { errorType statusCode } } contextToken { jwt expiresAt } metrics { appTimeMs } } }';
const SIGN_QUERY = 'mutation signInvocationTokenForUI($input: SignInvocationTokenForUIInput!) { signInvocationTokenForUI(input: $input) { success errors { message } forgeInvocationToken { jwt expiresAt } metadata { baseUrl } } }';

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok && !json.data) throw new Error(`${url}: HTTP ${response.status}`);
  return json;
}

/** The host's side of the platform: FCTs, resolver and remote invocations, FITs for requestRemote. */
export class PlatformClient {
  private readonly fcts = new Map<string, Token>();
  private readonly fits = new Map<string, Promise<Token & { baseUrl: string }>>();

  constructor(private readonly config: HostConfig) {}

  context(frame: FrameInfo): Record<string, unknown> {
    return moduleContext({ module: frame.module, localId: frame.localId, siteOrigin: this.config.siteOrigin, environmentType: this.config.knobs.environmentType });
  }

  private async fct(frame: FrameInfo): Promise<string> {
    const cached = this.fcts.get(frame.localId);
    if (cached && cached.expiresAt - Date.now() > 30_000) return cached.jwt;
    const json = await postJson('/rest/internal/2/forge/context/token', { extensionId: extensionIdFor(frame.module.key), moduleKey: frame.module.key, localId: frame.localId });
    const token = { jwt: String(json.token), expiresAt: Number(json.expiresAt) };
    this.fcts.set(frame.localId, token);
    return token.jwt;
  }

  /** forge_ui_invokeExtension; keeps the fresh FCT each response carries. */
  async invokeExtension(frame: FrameInfo, call: Record<string, unknown>): Promise<unknown> {
    const contextToken = await this.fct(frame);
    const json = await postJson('/gateway/api/graphql', {
      operationName: this.config.knobs.invokeOperationName || 'forge_ui_invokeExtension',
      query: INVOKE_QUERY,
      variables: {
        input: {
          contextIds: [`ari:cloud:jira::site/${String(this.context(frame).cloudId)}`],
          extensionId: extensionIdFor(frame.module.key),
          payload: { call, context: this.context(frame), contextToken, ...(call.functionKey ? { entryPoint: 'resolver' } : {}) },
        },
      },
    });
    const result = (json.data as { invokeExtension?: Record<string, unknown> } | undefined)?.invokeExtension;
    if (!result) throw new Error(`GraphQL: ${JSON.stringify(json.errors ?? json).slice(0, 200)}`);
    const fresh = result.contextToken as { jwt: string; expiresAt: string } | null;
    if (fresh) this.fcts.set(frame.localId, { jwt: fresh.jwt, expiresAt: Number(fresh.expiresAt) });
    else this.fcts.delete(frame.localId);
    if (!result.success) {
      const errors = (result.errors as { message: string }[] | null) ?? [];
      throw new Error(errors[0]?.message ?? 'The invocation failed');
    }
    return (result.response as { body: unknown } | null)?.body;
  }

  /** A FIT for a remote, cached and renewed shortly before it expires; concurrent callers share one renewal. */
  fitFor(frame: FrameInfo, remoteKey: string): Promise<Token & { baseUrl: string }> {
    const key = `${frame.localId}|${remoteKey}`;
    const cached = this.fits.get(key);
    const renewBefore = this.config.knobs.fitRenewBeforeExpiryMs;
    if (cached) {
      return cached.then((t) => (t.expiresAt - Date.now() > renewBefore ? t : this.renewFit(frame, remoteKey, key)), () => this.renewFit(frame, remoteKey, key));
    }
    return this.renewFit(frame, remoteKey, key);
  }

  private renewFit(frame: FrameInfo, remoteKey: string, key: string): Promise<Token & { baseUrl: string }> {
    const pending = (async () => {
      const json = await postJson('/gateway/api/graphql', {
        operationName: 'signInvocationTokenForUI',
        query: SIGN_QUERY,
        variables: { input: { forgeContextToken: await this.fct(frame), remoteKey } },
      });
      const result = (json.data as { signInvocationTokenForUI?: Record<string, unknown> } | undefined)?.signInvocationTokenForUI;
      if (!result?.success) throw new Error(`signInvocationTokenForUI failed: ${JSON.stringify(result?.errors ?? json.errors ?? null).slice(0, 200)}`);
      const token = result.forgeInvocationToken as { jwt: string; expiresAt: number | string };
      return { jwt: token.jwt, expiresAt: Number(token.expiresAt), baseUrl: String((result.metadata as { baseUrl: string }).baseUrl) };
    })();
    this.fits.set(key, pending);
    return pending;
  }
}
