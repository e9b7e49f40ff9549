import type { EnvironmentType } from '../app-manifest';

/**
 * The sandbox's knobs: latency, token lifetimes, clock skew, environment, variants of the facts that are
 * unknown or only third-party (forge-facts §7), and faults. Typed, with defaults, merged from
 * `startSandbox({ knobs })`, `sandbox.setKnobs()` and `POST /__sandbox/knobs`; `GET /__sandbox/config.json`
 * carries them to the browser side.
 */

/** How many of the next requests a fault hits: 0 = off, N = the next N, 'always' = until changed. */
export type FaultCount = number | 'always';

export interface HopLatency {
  /** Fixed delay added to every request of the hop, in ms. */
  ms: number;
  /** Extra random delay, uniform in [0, jitterMs). */
  jitterMs: number;
}

export interface Faults {
  /** The remote answers 401 (JSON) instead of handling the request. */
  remote401: FaultCount;
  /** The remote answers 500 (JSON) instead of handling the request. */
  remote500: FaultCount;
  /** The remote never answers (the invokeRemote timeout fires). */
  remoteHang: FaultCount;
  /** The remote destroys the socket without answering. */
  remoteDrop: FaultCount;
  /** The platform mints FITs that have already expired (exp a minute in the past, beyond any clock tolerance). */
  expiredFit: FaultCount;
  /** The platform mints FITs whose signature bytes are altered. */
  tamperedFit: FaultCount;
}

export type FaultName = keyof Faults;

export interface Knobs {
  /** Per-hop latency added by the servers: GraphQL gateway, remote, product REST, FCT endpoint. */
  latency: { graphql: HopLatency; remote: HopLatency; product: HopLatency; fct: HopLatency };
  /** FIT lifetime, exp − iat (facts §3: 25 s). */
  fitLifetimeSec: number;
  /** FCT lifetime, exp − iat. [INF] unknown (facts §7.4); 15 minutes. */
  fctLifetimeSec: number;
  /** Shifts every platform timestamp (iat/nbf/exp of FITs and FCTs, expiresAt) by N seconds; may be negative. */
  clockSkewSec: number;
  /** app.environment.type / context.environmentType. app.license is only minted for PRODUCTION. */
  environmentType: EnvironmentType;
  /** app.apiBaseUrl: 'production' = https://api.atlassian.com/ex/<product>/<cloudId>; 'site' = <siteOrigin>/ex/<product>/<cloudId> (served by the sandbox's product REST). */
  apiBaseUrl: 'production' | 'site';
  /** Emit the deprecated app.version claim (removal announced for 2025-09-24; facts §3). */
  fitLegacyVersionClaim: boolean;
  /** invokeRemote: the platform's timeout towards the remote (facts §5: 25 s). */
  remoteTimeoutMs: number;
  /** Serve a Content-Security-Policy on cdn HTML (as `forge tunnel` does): scripts from self only, no inline script. */
  cdnCsp: boolean;

  // Read by the browser side (variants of unknown facts).
  /** requestRemote: renew the cached FIT this long before it expires. */
  fitRenewBeforeExpiryMs: number;
  /** requestRemote: whether x-b3-traceid / x-b3-spanid are sent (unknown, facts §7.3). */
  requestRemoteSendsB3: boolean;
  /** requestRemote: who issues the fetch, the host page (Origin = site) or the app iframe (Origin = cdn) (unknown, facts §7.2). */
  requestRemoteFrom: 'host' | 'iframe';
  /** requestRemote with FormData: the host re-assembles multipart/form-data, or forwards the bridge's flattened JSON (unknown). */
  requestRemoteFormData: 'multipart' | 'json';
  /** requestRemote: the host retries once with a fresh FIT when the remote answers 401 (unknown, facts §5). */
  requestRemoteRetryOn401: boolean;
  /** requestRemote: the host's timeout in ms, 0 = none (undocumented, facts §5). */
  requestRemoteTimeoutMs: number;
  /** Bridge transport between iframe and host (facts §1.1: port-rpc only behind a feature flag) [3P]. */
  bridgeTransport: 'post-robot' | 'port-rpc';
  /**
   * How the host sends its GraphQL (facts §8.1): 'persisted', as current Jira, a Relay persisted query
   * `POST /gateway/api/graphql/pq/<sha256>?operation=<name>` whose body has only operationName and variables;
   * 'classic', the older Apollo form `POST /gateway/api/graphql` with the full query text.
   */
  graphqlForm: 'persisted' | 'classic';
  /** The classic form's operation name for invocations (facts §2.4, §8.1) [3P]. The persisted form always uses useInvokeExtensionRelayMutation. */
  invokeOperationName: 'forge_ui_invokeExtension' | 'useInvokeExtensionRelayMutation' | 'InvokeExtension';
  /**
   * Where the host gets its FCT (facts §2.4, §8.1): Jira's REST endpoint, Confluence's GraphQL
   * `useGetContextTokenMutation` (field confluence_generateForgeContextToken), or `SignForgeContextToken`
   * (field globalApp_signForgeContextTokens, `tokens[]`).
   */
  fctVia: 'rest' | 'graphql' | 'global';
  /**
   * app.license in FITs (facts §3, §8.3): 'documented', only on PRODUCTION invokeRemote FITs (requestRemote
   * FITs never carry it); 'always', on every FIT, so that the browser sees one.
   */
  fitLicense: 'documented' | 'always';
  /** The FITs' top-level icLabel (Isolated Cloud label, facts §8.3); '' for none. */
  fitIcLabel: string;

  faults: Faults;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
/** What setKnobs / POST /__sandbox/knobs accept; fault counts may also be booleans (true = 'always', false = 0). */
export type KnobsInput = DeepPartial<Omit<Knobs, 'faults'>> & { faults?: { [K in FaultName]?: FaultCount | boolean } };

const hop = (): HopLatency => ({ ms: 0, jitterMs: 0 });

export function defaultKnobs(): Knobs {
  return {
    latency: { graphql: hop(), remote: hop(), product: hop(), fct: hop() },
    fitLifetimeSec: 25,
    fctLifetimeSec: 900,
    clockSkewSec: 0,
    environmentType: 'DEVELOPMENT',
    apiBaseUrl: 'production',
    fitLegacyVersionClaim: false,
    remoteTimeoutMs: 25_000,
    cdnCsp: true,
    fitRenewBeforeExpiryMs: 5_000,
    requestRemoteSendsB3: false,
    requestRemoteFrom: 'host',
    requestRemoteFormData: 'multipart',
    requestRemoteRetryOn401: false,
    requestRemoteTimeoutMs: 0,
    bridgeTransport: 'post-robot',
    graphqlForm: 'persisted',
    invokeOperationName: 'forge_ui_invokeExtension',
    fctVia: 'rest',
    fitLicense: 'documented',
    fitIcLabel: '',
    faults: { remote401: 0, remote500: 0, remoteHang: 0, remoteDrop: 0, expiredFit: 0, tamperedFit: 0 },
  };
}

const ENUMS: Record<string, readonly string[]> = {
  environmentType: ['DEVELOPMENT', 'STAGING', 'PRODUCTION'],
  apiBaseUrl: ['production', 'site'],
  requestRemoteFrom: ['host', 'iframe'],
  requestRemoteFormData: ['multipart', 'json'],
  bridgeTransport: ['post-robot', 'port-rpc'],
  graphqlForm: ['persisted', 'classic'],
  invokeOperationName: ['forge_ui_invokeExtension', 'useInvokeExtensionRelayMutation', 'InvokeExtension'],
  fctVia: ['rest', 'graphql', 'global'],
  fitLicense: ['documented', 'always'],
};

/** String knobs that take any text up to this many characters (a label, not a choice). */
const FREE_TEXT: Record<string, number> = { fitIcLabel: 64 };

/** Numbers allowed to be negative. */
const SIGNED = new Set(['clockSkewSec']);

export class KnobError extends Error {
  override readonly name = 'KnobError';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normaliseFault(path: string, v: unknown): FaultCount {
  if (v === true || v === 'always') return 'always';
  if (v === false) return 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw new KnobError(`${path}: expected a count ≥ 0, 'always' or a boolean, got ${JSON.stringify(v)}`);
}

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(patch)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!Object.prototype.hasOwnProperty.call(target, key)) throw new KnobError(`unknown knob ${path}`);
    const current = target[key];
    if (prefix === 'faults') {
      target[key] = normaliseFault(path, value);
    } else if (isPlainObject(current)) {
      if (!isPlainObject(value)) throw new KnobError(`${path}: expected an object`);
      mergeInto(current, value, path);
    } else if (typeof current === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new KnobError(`${path}: expected a number`);
      if (value < 0 && !SIGNED.has(path)) throw new KnobError(`${path}: expected a number ≥ 0`);
      target[key] = value;
    } else if (typeof current === 'boolean') {
      if (typeof value !== 'boolean') throw new KnobError(`${path}: expected a boolean`);
      target[key] = value;
    } else if (FREE_TEXT[path] !== undefined) {
      if (typeof value !== 'string' || value.length > FREE_TEXT[path]!) throw new KnobError(`${path}: expected text of at most ${FREE_TEXT[path]} characters`);
      target[key] = value;
    } else {
      const allowed = ENUMS[path];
      if (!allowed || typeof value !== 'string' || !allowed.includes(value)) {
        throw new KnobError(`${path}: expected one of ${(allowed ?? []).join(', ')}`);
      }
      target[key] = value;
    }
  }
}

/** A new Knobs: `base` with `patch` merged in (deep; unknown keys and bad types throw KnobError). */
export function mergeKnobs(base: Knobs, patch: unknown): Knobs {
  if (!isPlainObject(patch)) throw new KnobError('knobs must be a JSON object');
  const next = structuredClone(base);
  mergeInto(next as unknown as Record<string, unknown>, patch, '');
  return next;
}

/** The live knobs of one sandbox, and the fault counters they hold. */
export class KnobStore {
  private current: Knobs;
  private readonly initial: Knobs;

  constructor(initial?: KnobsInput) {
    this.initial = mergeKnobs(defaultKnobs(), initial ?? {});
    this.current = structuredClone(this.initial);
  }

  /** A copy of the current knobs. */
  get(): Knobs {
    return structuredClone(this.current);
  }

  /** Read-only view of the current knobs, without a copy. */
  peek(): Readonly<Knobs> {
    return this.current;
  }

  set(patch: KnobsInput | unknown): Knobs {
    this.current = mergeKnobs(this.current, patch);
    return this.get();
  }

  /** Back to the knobs the sandbox started with. */
  reset(): Knobs {
    this.current = structuredClone(this.initial);
    return this.get();
  }

  /** Whether the fault applies to this request; counts one down when it is a number. */
  takeFault(name: FaultName): boolean {
    const n = this.current.faults[name];
    if (n === 'always') return true;
    if (n > 0) {
      this.current.faults[name] = n - 1;
      return true;
    }
    return false;
  }
}

/** The delay for one request of a hop: ms plus uniform jitter. */
export function hopDelayMs(latency: HopLatency): number {
  return latency.ms + (latency.jitterMs > 0 ? Math.random() * latency.jitterMs : 0);
}
