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

const INVOKE_FIELDS = '{ success response { body } errors { message extensions { errorType statusCode } } contextToken { jwt expiresAt } metrics { appTimeMs } }';
const INVOKE = (name: string) => `mutation ${name}($input: InvokeExtensionInput!) { invokeExtension(input: $input) ${INVOKE_FIELDS} }`;
const SIGN_QUERY = 'mutation signInvocationTokenForUI($input: SignInvocationTokenForUIInput!) { signInvocationTokenForUI(input: $input) { success errors { message } forgeInvocationToken { jwt expiresAt } metadata { baseUrl } } }';
const CONFLUENCE_FCT_QUERY = 'mutation useGetContextTokenMutation($input: GenerateForgeContextTokenInput!) { confluence_generateForgeContextToken(input: $input) { forgeContextToken { jwt expiresAt extensionId } } }';
const GLOBAL_FCT_QUERY = 'mutation SignForgeContextToken($input: SignForgeContextTokensInput!) { globalApp_signForgeContextTokens(input: $input) { tokens { jwt expiresAt extensionId } } }';

/** Operation names the persisted form sends (facts §8.1: current Jira's Relay names). */
const PERSISTED_NAMES: Record<string, string> = {
  invoke: 'useInvokeExtensionRelayMutation',
  sign: 'SignInvocationTokenForUI',
  confluenceFct: 'useGetContextTokenMutation',
  globalFct: 'SignForgeContextToken',
};

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok && !json.data) throw new Error(`${url}: HTTP ${response.status}`);
  return json;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Headers current Jira sends with its persisted queries (facts §8.1); authentication is the session cookie. */
const PERSISTED_HEADERS = {
  accept: 'application/graphql-response+json, application/json',
  'atl-client-name': 'sandbox-jira-frontend',
  'x-experimentalapi': 'true',
  'x-request-fallback-to-post-reason': 'mutation',
};

/** The host's side of the platform: FCTs, resolver and remote invocations, FITs for requestRemote. */
export class PlatformClient {
  private readonly fcts = new Map<string, Token>();
  private readonly fits = new Map<string, Promise<Token & { baseUrl: string }>>();

  constructor(private readonly config: HostConfig) {}

  /**
   * One GraphQL operation in the knob's form: classic `POST /gateway/api/graphql` with the query text, or a
   * Relay persisted query `POST /gateway/api/graphql/pq/<sha256 of the query>?operation=<name>` whose body
   * holds only operationName and variables.
   */
  private async graphql(kind: keyof typeof PERSISTED_NAMES, classicName: string, query: string, variables: unknown): Promise<Record<string, unknown>> {
    if (this.config.knobs.graphqlForm === 'classic') return postJson('/gateway/api/graphql', { operationName: classicName, query, variables });
    const name = PERSISTED_NAMES[kind]!;
    const url = `/gateway/api/graphql/pq/${await sha256Hex(query)}?operation=${encodeURIComponent(name)}`;
    return postJson(url, { operationName: name, variables }, PERSISTED_HEADERS);
  }

  context(frame: FrameInfo): Record<string, unknown> {
    return moduleContext({ module: frame.module, localId: frame.localId, siteOrigin: this.config.siteOrigin, environmentType: this.config.knobs.environmentType });
  }

  private async fct(frame: FrameInfo): Promise<string> {
    const cached = this.fcts.get(frame.localId);
    if (cached && cached.expiresAt - Date.now() > 30_000) return cached.jwt;
    const token = await this.mintFct(frame);
    this.fcts.set(frame.localId, token);
    return token.jwt;
  }

  /** An FCT from where the fctVia knob says: Jira's REST endpoint, or one of the GraphQL mints of facts §8.1. */
  private async mintFct(frame: FrameInfo): Promise<Token> {
    const extensionId = extensionIdFor(frame.module.key);
    const via = this.config.knobs.fctVia;
    if (via === 'rest') {
      const json = await postJson('/rest/internal/2/forge/context/token', { extensionId, moduleKey: frame.module.key, localId: frame.localId });
      return { jwt: String(json.token), expiresAt: Number(json.expiresAt) };
    }
    const global = via === 'global';
    const input = global ? { extensionIds: [extensionId], localId: frame.localId } : { extensionId, localId: frame.localId };
    const json = await this.graphql(global ? 'globalFct' : 'confluenceFct', 'confluence_generateForgeContextToken', global ? GLOBAL_FCT_QUERY : CONFLUENCE_FCT_QUERY, { input });
    const data = (json.data ?? {}) as Record<string, { forgeContextToken?: Token; tokens?: Token[] } | null>;
    const token = global ? data.globalApp_signForgeContextTokens?.tokens?.[0] : data.confluence_generateForgeContextToken?.forgeContextToken;
    if (!token) throw new Error(`FCT mint failed: ${JSON.stringify(json.errors ?? json).slice(0, 200)}`);
    return { jwt: token.jwt, expiresAt: Number(token.expiresAt) };
  }

  /** The invoke mutation (resolver or invokeRemote); keeps the fresh FCT each response carries. */
  async invokeExtension(frame: FrameInfo, call: Record<string, unknown>): Promise<unknown> {
    const contextToken = await this.fct(frame);
    const classicName = this.config.knobs.invokeOperationName || 'forge_ui_invokeExtension';
    const json = await this.graphql('invoke', classicName, INVOKE(classicName), {
      input: {
        contextIds: [`ari:cloud:jira::site/${String(this.context(frame).cloudId)}`],
        extensionId: extensionIdFor(frame.module.key),
        entryPoint: 'resolver',
        payload: { call, context: this.context(frame), contextToken },
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
      const json = await this.graphql('sign', 'signInvocationTokenForUI', SIGN_QUERY, { input: { forgeContextToken: await this.fct(frame), remoteKey } });
      const result = (json.data as { signInvocationTokenForUI?: Record<string, unknown> } | undefined)?.signInvocationTokenForUI;
      if (!result?.success) throw new Error(`signInvocationTokenForUI failed: ${JSON.stringify(result?.errors ?? json.errors ?? null).slice(0, 200)}`);
      const token = result.forgeInvocationToken as { jwt: string; expiresAt: number | string };
      return { jwt: token.jwt, expiresAt: Number(token.expiresAt), baseUrl: String((result.metadata as { baseUrl: string }).baseUrl) };
    })();
    this.fits.set(key, pending);
    return pending;
  }
}
