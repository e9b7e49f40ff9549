/** Forge tokens as the extension knows them. Tokens are credentials: `jwt` never leaves the browser unredacted. */

/** FIT: Forge Invocation Token (iss forge/invocation-token). FCT: Forge Context Token (GraphQL contextToken). */
export type TokenType = 'FIT' | 'FCT' | 'JWT';

/** Where a token was seen. */
export type TokenSource =
  | 'authorization-header' // Authorization: Bearer on a request (a FIT on its way to a remote)
  | 'graphql-fit' // signInvocationTokenForUI response: forgeInvocationToken.jwt
  | 'graphql-fct' // invokeExtension response: contextToken.jwt
  | 'graphql-request' // a contextToken sent in a GraphQL request's variables
  | 'bridge-payload' // found inside a bridge call's payload or result
  | 'pasted';

export interface TokenUse {
  at: number;
  source: TokenSource;
  entryId?: string;
  callId?: string;
}

export interface TokenRecord {
  /** `h:<16 hex digits>`, the 64-bit FNV-1a of the compact JWT (tokens/tokenHash): two tokens sharing a jti stay apart. */
  id: string;
  type: TokenType;
  /** The compact JWT. A credential: redaction removes the signature. */
  jwt: string;
  header: Record<string, unknown>;
  /** The decoded claims; {} when they could not be read (see claimsUnreadable). */
  claims: Record<string, unknown>;
  /** Set when the header decodes but the claims do not (the docs' example FCT, forge-facts §8.2): why. */
  claimsUnreadable?: string;
  /** Seconds since epoch, as in the token; null when absent. */
  iat: number | null;
  nbf: number | null;
  exp: number | null;
  /** expiresAt reported next to the token by GraphQL (ms epoch), when any. */
  reportedExpiresAt: number | null;
  firstSeenAt: number;
  lastUsedAt: number;
  uses: TokenUse[];
  /**
   * The verdict obtained while recording, before any redaction strips the signature: `checkedAt` is the moment
   * of use the lifetime was judged at, `recordedAt` when the check ran. Absent when none was made.
   */
  verification?: RecordedVerification;
}

/** A verification result kept with a token so that a redacted trace still says what it was. */
export interface RecordedVerification extends VerificationResult {
  /** When the check ran (epoch ms); `checkedAt` is the moment of use it judged the lifetime at. */
  recordedAt: number;
}

export type TokenWarningCode =
  | 'expired-at-use' // used at or after exp
  | 'near-expiry' // used with under 2 s left
  | 'not-yet-valid' // used before nbf
  | 'clock-skew-iat' // iat vs the browser's clock at first sight, beyond 5 s
  | 'clock-skew-date' // iat vs the remote's Date response header, beyond 5 s
  | 'renewal-cost' // a FIT renewal delayed a call
  | 'aud-changed' // aud differs between calls of one frame/app
  | 'env-changed' // app.environment differs between calls
  | 'no-license'; // requestRemote FIT without app.license (expected, informational)

export interface TokenWarning {
  code: TokenWarningCode;
  severity: 'info' | 'warning' | 'error';
  tokenId: string;
  callId?: string;
  entryId?: string;
  /** One sentence a Forge developer reads: what happened and what it means. */
  message: string;
}

export type VerificationStatus = 'verified' | 'invalid' | 'not-verified';

export interface VerificationResult {
  status: VerificationStatus;
  /** Plain words: "signature valid (sandbox JWKS)", "not verified: JWKS unreachable (offline)", "invalid: audience …". */
  reason: string;
  /** The JWKS URL the key came from (never one the token or page supplied), or null. */
  jwksUrl: string | null;
  checks: {
    signature: 'ok' | 'failed' | 'skipped';
    issuer: 'ok' | 'failed' | 'skipped';
    audience: 'ok' | 'failed' | 'skipped';
    lifetime: 'ok' | 'expired' | 'not-yet-valid' | 'skipped';
  };
  checkedAt: number;
}

/** How a bridge call relates to a network entry. */
export type MatchRelation =
  | 'remote-request' // fetchRemote → the direct request to the remote
  | 'graphql' // invoke / invokeRemote / invokeService → the invokeExtension GraphQL request
  | 'token-renewal' // fetchRemote → the signInvocationTokenForUI request it waited on
  | 'product-request'; // fetchProduct → the product REST request

export interface CallMatch {
  callId: string;
  entryId: string;
  relation: MatchRelation;
  /** 'uncertain' when another candidate fitted equally well; never a guess presented as fact. */
  certainty: 'certain' | 'uncertain';
  /** How many candidates fitted equally (1 when certain). */
  candidates: number;
}

/** Where the time of one matched call went, in ms; null where not known. */
export interface CallPhases {
  callId: string;
  totalMs: number | null;
  bridgeOutMs: number | null; // call start → request start
  tokenFetchMs: number | null; // the FIT renewal the call waited on
  network: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number } | null;
  bridgeBackMs: number | null; // response end → call settled
  /** invokeRemote/resolver: metrics.appTimeMs reported by the platform. */
  appTimeMs: number | null;
  /** GraphQL wait minus appTimeMs: the platform's own overhead. */
  platformOverheadMs: number | null;
}
