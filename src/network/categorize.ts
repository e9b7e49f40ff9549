import type { NetworkCategory, NetworkEntry } from '../protocol/network';
import { isGraphqlPath } from './forgeOperations';
import { forgeOperationOf } from './graphql';
import { headerValue, type HarEntry } from './har';
import { bearerJwt, isForgeJwt } from './jwtClaims';
import { parseUrl } from './urls';

export interface KnownTraffic {
  /** Origins of remotes seen so far (from FIT mints and FIT-bearing requests): see remoteOriginsOf. */
  remoteOrigins: ReadonlySet<string>;
  /**
   * Origins of the inspected page's own top documents. When known, product REST is kept only there and on
   * the product API host; when not (a HAR without pages, a page not asked yet), only on Atlassian site hosts.
   */
  pageOrigins?: ReadonlySet<string>;
}

/**
 * Paths of the product REST APIs the host calls for requestJira / requestConfluence / requestBitbucket,
 * and Jira's FCT mint (forge-facts §2.4). api.bitbucket.org serves its API from /2.0/.
 */
const PRODUCT_PATH = /^\/(?:rest\/(?:api|agile|servicedeskapi)\/|wiki\/rest\/|wiki\/api\/v2\/|rest\/internal\/2\/forge\/context\/token\/?$|!api\/|api\/2\.0\/)/;
const BITBUCKET_API_HOST = 'api.bitbucket.org';
/** Hosts of Atlassian product sites (forge-facts: the host product pages): the fallback when the page's origin is not known. */
const ATLASSIAN_SITE_HOST = /(?:^|\.)(?:atlassian\.net|jira\.com|jira-dev\.com|atlassian-us-gov-mod\.net)$|^bitbucket\.org$/;

/**
 * What a page loads as a resource rather than fetches: never a bridge request, even on a product REST path
 * (Jira serves avatars from /rest/api/…/universal_avatar/). Chrome names it in `_resourceType`; both
 * browsers send `Sec-Fetch-Dest`, which is `empty` for fetch and XHR.
 */
const RESOURCE_TYPES = new Set(['image', 'script', 'stylesheet', 'font', 'media', 'document', 'manifest', 'texttrack', 'ping', 'csp-violation-report']);

function isLoadedResource(entry: HarEntry): boolean {
  if (typeof entry._resourceType === 'string' && RESOURCE_TYPES.has(entry._resourceType)) return true;
  const dest = headerValue(entry.request.headers, 'sec-fetch-dest');
  return dest !== null && dest !== 'empty';
}

/** A POST to the gateway (any path under /gateway/api/graphql, persisted queries included) holding a Forge operation. */
function isForgeGraphql(entry: HarEntry, url: URL): boolean {
  if (entry.request.method !== 'POST' || !isGraphqlPath(url.pathname)) return false;
  return forgeOperationOf(url.href, entry.request.postData?.text) !== null;
}

/** A product REST path on the page's own origin (any origin's /rest/api/ is not the product's) or on the product API host. */
function isProductRest(url: URL, known: KnownTraffic): boolean {
  if (url.hostname === BITBUCKET_API_HOST) return url.protocol === 'https:' && url.pathname.startsWith('/2.0/');
  if (!PRODUCT_PATH.test(url.pathname)) return false;
  return known.pageOrigins ? known.pageOrigins.has(url.origin) : url.protocol === 'https:' && ATLASSIAN_SITE_HOST.test(url.hostname);
}

/**
 * Whether a request matters to Forge, and why; null for everything else (scripts, images, analytics,
 * GraphQL that is not Forge's, malformed entries). Checked most telling first: a Forge GraphQL operation,
 * a Forge token on the request, a known remote's origin (CORS preflights included: they cost the call
 * time), then product REST.
 */
export function categorize(entry: HarEntry, known: KnownTraffic): NetworkCategory | null {
  const request = entry?.request;
  if (typeof request?.url !== 'string' || typeof request.method !== 'string') return null;
  const url = parseUrl(request.url);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (isForgeGraphql(entry, url)) return 'forge-graphql';
  const jwt = bearerJwt(headerValue(request.headers, 'authorization'));
  if (jwt && isForgeJwt(jwt)) return 'forge-jwt';
  if (isLoadedResource(entry)) return null;
  if (known.remoteOrigins.has(url.origin)) return 'remote';
  if (isProductRest(url, known)) return 'product';
  return null;
}

/**
 * A CORS preflight: kept (it costs the call time) but never matched to a call. Chrome also marks it with
 * `_resourceType: 'preflight'`, which a NetworkEntry does not keep; its method is OPTIONS in both browsers.
 */
export function isPreflight(entry: Pick<NetworkEntry, 'method'>): boolean {
  return entry.method.toUpperCase() === 'OPTIONS';
}
