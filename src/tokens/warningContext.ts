import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch, TokenRecord, TokenSource, TokenUse, TokenWarning } from '../protocol/tokens';
import { callIdsByEntry, matchedCalls } from './callLinks';

/** What the warning rules look things up in. */
export interface WarningContext {
  entries: ReadonlyMap<string, NetworkEntry>;
  /**
   * Calls by id. The ids looked up are those of token uses, which are matched calls: those are found among the
   * matched calls; any other id indexes every call on its first lookup.
   */
  calls: Pick<ReadonlyMap<string, CallRecord>, 'get'>;
  callIdsOfEntry: ReadonlyMap<string, string[]>;
}

export function warningContext(calls: readonly CallRecord[] | null, network: readonly NetworkEntry[], matches: readonly CallMatch[]): WarningContext {
  const matched = calls && matchedCalls(calls, matches);
  return {
    entries: new Map(network.map((e) => [e.id, e])),
    calls: lazyIndex(calls ?? [], matched),
    callIdsOfEntry: callIdsByEntry(calls, matches, matched),
  };
}

function lazyIndex(calls: readonly CallRecord[], matched: ReadonlyMap<string, CallRecord> | null): Pick<ReadonlyMap<string, CallRecord>, 'get'> {
  let byId: Map<string, CallRecord> | null = null;
  return { get: (id) => matched?.get(id) ?? (byId ??= new Map(calls.map((c) => [c.id, c]))).get(id) };
}

/** Sightings where the token went out to be checked (not where it was handed to the browser). */
const SENT: ReadonlySet<TokenSource> = new Set(['authorization-header', 'graphql-request']);
const MINTED: ReadonlySet<TokenSource> = new Set(['graphql-fit', 'graphql-fct']);

export const sentUses = (token: TokenRecord): TokenUse[] => token.uses.filter((u) => SENT.has(u.source));
export const mintUse = (token: TokenRecord): TokenUse | undefined => token.uses.find((u) => MINTED.has(u.source));

/** Who checks a token sent this way. */
export const receiverOf = (use: TokenUse): string => (use.source === 'graphql-request' ? 'Forge' : 'the remote');

/** The ids a warning about one use points at; the call comes from the use, else from the entry's match. */
export function refOf(token: TokenRecord, use: TokenUse | undefined, context: WarningContext): Pick<TokenWarning, 'tokenId' | 'callId' | 'entryId'> {
  const callId = use?.callId ?? (use?.entryId ? context.callIdsOfEntry.get(use.entryId)?.[0] : undefined);
  return { tokenId: token.id, ...(callId ? { callId } : {}), ...(use?.entryId ? { entryId: use.entryId } : {}) };
}

/** "1.2 s": a duration in seconds with one decimal, as the messages state it. */
export const secondsText = (ms: number): string => `${(Math.abs(ms) / 1000).toFixed(1)} s`;
