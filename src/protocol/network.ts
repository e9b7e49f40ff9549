/**
 * What the DevTools network feed hands the recorder: one HTTP exchange the tab made, reduced from a HAR
 * entry (devtools.network's onRequestFinished) to what Forge debugging needs. Header and field names mirror
 * HAR 1.2 so that HAR export and import stay a mapping, not a translation.
 */

export interface HeaderPair {
  name: string;
  value: string;
}

/** HAR timings in milliseconds; -1 where the phase did not apply (HAR's convention). */
export interface NetworkTimings {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

/** Why an entry was kept (src/network decides). */
export type NetworkCategory =
  /** POST …/graphql with a Forge operation (invokeExtension, signInvocationTokenForUI, …). */
  | 'forge-graphql'
  /** A request carrying a Forge JWT (FIT) as `Authorization: Bearer`. */
  | 'forge-jwt'
  /** A request to a remote base URL seen before (from a FIT mint's metadata.baseUrl or a FIT-bearing request). */
  | 'remote'
  /** A product REST call made for fetchProduct (/rest/…, /wiki/rest/…) on the page's own origin. */
  | 'product';

export interface NetworkEntry {
  /** Recorder-wide id, unique within a tab session. */
  id: string;
  /** Request start, epoch ms (HAR startedDateTime). */
  startedAt: number;
  /** Total time, ms (HAR time). */
  durationMs: number;
  method: string;
  url: string;
  /** 0 when the request failed or was blocked. */
  status: number;
  statusText: string;
  requestHeaders: HeaderPair[];
  responseHeaders: HeaderPair[];
  /** Request body text (HAR postData.text), bounded by LIMITS.networkBodyChars; null when none. */
  requestBody: string | null;
  /** Response body text, bounded; null when not read. Base64 bodies keep `responseBodyEncoding`. */
  responseBody: string | null;
  responseBodyEncoding: 'base64' | null;
  /** True when either body was cut to the bound. */
  bodyTruncated: boolean;
  /** Body sizes in bytes as the browser reported them (-1 when unknown). */
  requestBodySize: number;
  responseBodySize: number;
  mimeType: string;
  timings: NetworkTimings;
  category: NetworkCategory;
  /** GraphQL operation name when category is forge-graphql. */
  operationName: string | null;
  /** Page segment (navigation) the entry belongs to. */
  segment: number;
}
