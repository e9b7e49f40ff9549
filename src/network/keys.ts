import { httpRequestOf, httpStatusOf } from '../bridge/httpCalls';
import { field, textOf } from '../bridge/snapshotRead';
import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { SnapshotValue } from '../protocol/snapshot';
import type { MatchRelation } from '../protocol/tokens';
import { isPreflight } from './categorize';
import { comparableJson } from './comparable';
import { forgeExchangesOf } from './exchanges';
import type { RemoteKnowledge } from './remotes';
import { joinBaseAndPath, normalizedPath, normalizedUrl, originOf, pathSuffixes, parseUrl } from './urls';

/**
 * How sure a shared key makes a pair: 0, the key holds what tells calls apart (the resolver payload, the
 * remote body, the response status); 1, the request as such (function key; method and URL); 2, the path
 * alone, on a remote whose base URL is not known. Correlation settles rank 0 first.
 */
export type KeyRank = 0 | 1 | 2;
export const KEY_RANKS: readonly KeyRank[] = [0, 1, 2];

/** What a call and a network entry must share to be matched. Equal keys make candidates; time decides the rest. */
export interface Keyed {
  relation: MatchRelation;
  rank: KeyRank;
  key: string;
}

/** One thing in a network entry a call can be matched to: the entry, or one operation of a batched GraphQL body. */
export interface Slot {
  entry: NetworkEntry;
  /** Operation index in a GraphQL batch, else 0. */
  index: number;
  keys: Keyed[];
}

/**
 * Keys of an `invoke` payload: the bridge's (from the call's snapshot) or the host's copy in GraphQL
 * (`payload.call`). One function reads both, so the two sides cannot drift apart. `comparable` is false
 * when the payload is not whole (a cut snapshot or body): then only rank 1.
 */
export function invokeKeys(request: unknown, comparable: boolean): Keyed[] {
  const value = request as SnapshotValue;
  const { base, http } = invokeBase(value);
  return keysOnBase(value, base, http, comparable);
}

/** An invoke payload's keys once its base is known (`http`: whether it is a remote invocation). */
function keysOnBase(value: SnapshotValue, base: string | null, http: boolean, comparable: boolean): Keyed[] {
  // Every slot with a payload key also has the looser one: without it, there is no payload worth reading.
  if (base === null) return [];
  const detail = comparable ? comparableJson(field(value, http ? 'body' : 'payload') ?? null) : null;
  const loose: Keyed = { relation: 'graphql', rank: 1, key: base };
  return detail === null ? [loose] : [{ relation: 'graphql', rank: 0, key: `${base} ${detail}` }, loose];
}

/**
 * An invoke payload's rank-1 key (`base`): the endpoint of a remote invocation, or the resolver's function key;
 * and whether it is a remote invocation (`http`).
 */
function invokeBase(value: SnapshotValue): { base: string | null; http: boolean } {
  const http = httpRequestOf('invoke', value);
  if (http) return { base: `endpoint ${String(field(value, 'invokeType'))} ${http.method} ${http.path ?? ''}`, http: true };
  const functionKey = textOf(field(value, 'functionKey'));
  return { base: functionKey !== null ? `resolver ${functionKey}` : null, http: false };
}

/** What callKeysRemembered knows of a call: its invoke base (null when not an invoke) and whether it is a remote invocation, and its keys for `remotes`. */
interface Remembered {
  base: string | null;
  http: boolean;
  remotes: string | null;
  keys: Keyed[] | null;
}
const remembered = new WeakMap<CallRecord, Remembered>();

/**
 * callKeys(call, remotes), remembered per call object (records are never changed in place; a settled call
 * is a new object): a live panel correlates the same calls on every update, and reading each call's payload
 * again was most of that work. `remotesSignature` says when what the traffic teaches about remotes changed
 * (remotesSignature()); an invoke's keys do not depend on it, and its payload key is still read only once some
 * request has its base key (`known`).
 */
export function callKeysRemembered(call: CallRecord, remotes: RemoteKnowledge, signature: string, known: KnownKey): Keyed[] {
  let r = remembered.get(call);
  if (call.command === 'invoke') {
    if (!r) remembered.set(call, (r = { ...invokeBase(call.request.value as SnapshotValue), remotes: null, keys: null }));
    if (r.base === null || !known(1, r.base)) return [];
    return (r.keys ??= keysOnBase(call.request.value as SnapshotValue, r.base, r.http, !call.request.truncated));
  }
  if (!r || r.remotes !== signature) remembered.set(call, (r = { base: null, http: false, remotes: signature, keys: callKeys(call, remotes) }));
  return r.keys!;
}

/**
 * What callKeysRemembered gives, worked out without remembering it: for a correlation run once over calls
 * nobody correlates again (an export), where filling the WeakMap with every call cost more than the
 * keys (one entry per requestRemote call of 100,000).
 */
export function callKeysOnce(call: CallRecord, remotes: RemoteKnowledge, known: KnownKey, paths: KnownPaths): Keyed[] {
  if (call.command !== 'invoke') return mayHoldKnownPath(call, remotes, paths) ? callKeys(call, remotes) : [];
  const value = call.request.value as SnapshotValue;
  const { base, http } = invokeBase(value);
  if (base === null || !known(1, base)) return [];
  return keysOnBase(value, base, http, !call.request.truncated);
}

/**
 * The paths network entries' keys hold, per relation: every key of a product request, the path-only keys (rank 2)
 * of a remote request. Lets callKeysOnce pass over an HTTP call whose path none holds without building its keys
 * (of 25,000 requestRemote calls, most have no request recorded).
 */
export interface KnownPaths {
  remote: Set<string>;
  product: Set<string>;
}

/** Notes the path a slot's key holds: the word after the method (keys are `kind METHOD path[ #status]`). */
export function notePath(paths: KnownPaths, { relation, rank, key }: Keyed): void {
  if (relation !== 'product-request' && (relation !== 'remote-request' || rank !== 2)) return;
  const method = key.indexOf(' ');
  const path = key.indexOf(' ', method + 1);
  const end = key.indexOf(' ', path + 1);
  (relation === 'product-request' ? paths.product : paths.remote).add(key.slice(path + 1, end < 0 ? key.length : end));
}

/**
 * False only when none of the call's keys can be some entry's: its method has no space and its normalized path
 * none (a path starts with `/` and the URL parser encodes spaces), so a key of it equals an entry's only when
 * both hold the very same path. A requestRemote call on a known base URL also has exact keys: not judged here.
 */
function mayHoldKnownPath(call: CallRecord, remotes: RemoteKnowledge, paths: KnownPaths): boolean {
  const relation = relationOfCommand(call.command);
  if (relation !== 'remote-request' && relation !== 'product-request') return true;
  const http = httpRequestOf(call.command, call.request.value);
  const path = http?.path != null ? normalizedPath(http.path) : null;
  if (!http || path === null || http.method.includes(' ')) return true;
  if (relation === 'product-request') return paths.product.has(path);
  const bases = (http.remoteKey !== null ? remotes.baseUrlsByKey.get(http.remoteKey) : undefined) ?? remotes.baseUrls;
  return bases.length > 0 || paths.remote.has(path);
}

/** A string that changes exactly when the base URLs a requestRemote call's keys are built on change. */
export function remotesSignature(remotes: RemoteKnowledge): string {
  return JSON.stringify([[...remotes.baseUrlsByKey], remotes.baseUrls]);
}

/** Keys of an HTTP request: with the status when known (rank 0), as such (rank 1). */
function httpKeys(relation: MatchRelation, prefix: string, status: number | null): Keyed[] {
  return [...(status !== null ? [{ relation, rank: 0 as const, key: `${prefix} #${status}` }] : []), { relation, rank: 1, key: prefix }];
}

const suffixKey = (kind: string, method: string, suffix: string) => `${kind} ${method} ${suffix}`;

/** Whether some network entry has this key: lets an invoke skip its payload key (and its cost) when no entry has its base. */
export type KnownKey = (rank: KeyRank, key: string) => boolean;

/** The one relation a call of this command can have keys of (callKeys gives none to any other command). */
export function relationOfCommand(command: string): MatchRelation | null {
  return command === 'invoke' ? 'graphql' : command === 'fetchRemote' ? 'remote-request' : command === 'fetchProduct' ? 'product-request' : null;
}

/** Keys of a bridge call, for the relations it can have (token renewals are linked apart: see renewals.ts). */
export function callKeys(call: CallRecord, remotes: RemoteKnowledge): Keyed[] {
  const request = call.request.value;
  if (call.command === 'invoke') return invokeKeys(request, !call.request.truncated);
  const http = httpRequestOf(call.command, request);
  const path = http?.path != null ? normalizedPath(http.path) : null;
  if (!http || path === null) return [];
  // The status goes only into exact keys (a requestRemote on no known base URL has none): read when needed.
  const statusOf = () => (call.response ? httpStatusOf(call.command, request, call.response.value) : null);
  if (call.command === 'fetchProduct') {
    const status = statusOf();
    return [...httpKeys('product-request', `product ${http.method} ${path}`, status), { relation: 'product-request', rank: 2, key: suffixKey('product~', http.method, path) }];
  }
  // requestRemote: the remote's base URL (from the FIT mint for its key, else any learned) + the path.
  const bases = (http.remoteKey !== null ? remotes.baseUrlsByKey.get(http.remoteKey) : undefined) ?? remotes.baseUrls;
  const status = bases.length > 0 ? statusOf() : null;
  const exact = bases.flatMap((base) => {
    const url = joinBaseAndPath(base, path);
    return url === null ? [] : httpKeys('remote-request', `remote ${http.method} ${url}`, status);
  });
  return [...exact, { relation: 'remote-request', rank: 2, key: suffixKey('remote~', http.method, path) }];
}

function httpEntryKeys(entry: NetworkEntry, remotes: RemoteKnowledge): Keyed[] {
  const method = entry.method.toUpperCase();
  const status = entry.status > 0 ? entry.status : null;
  if (entry.category === 'product') {
    const url = parseUrl(entry.url);
    if (!url) return [];
    const suffixes = pathSuffixes(entry.url).map((s): Keyed => ({ relation: 'product-request', rank: 2, key: suffixKey('product~', method, s) }));
    return [...httpKeys('product-request', `product ${method} ${url.pathname}${url.search}`, status), ...suffixes];
  }
  const url = normalizedUrl(entry.url);
  if (url === null) return [];
  // The path alone only on a request that carried a FIT to an origin that is not the site's.
  const origin = originOf(entry.url);
  const onRemote = entry.category === 'forge-jwt' && origin !== null && !remotes.siteOrigins.has(origin);
  const suffixes = onRemote ? pathSuffixes(entry.url).map((s): Keyed => ({ relation: 'remote-request', rank: 2, key: suffixKey('remote~', method, s) })) : [];
  return [...httpKeys('remote-request', `remote ${method} ${url}`, status), ...suffixes];
}

/** The slots of a network entry: one per Forge operation of a GraphQL body, one for any other request, none for a preflight. */
export function entrySlots(entry: NetworkEntry, remotes: RemoteKnowledge): Slot[] {
  if (entry.category === 'forge-graphql') {
    return forgeExchangesOf(entry).flatMap((x, index) => (x.call ? [{ entry, index, keys: invokeKeys(x.call, x.complete) }] : []));
  }
  if (isPreflight(entry)) return [];
  return [{ entry, index: 0, keys: httpEntryKeys(entry, remotes) }];
}
