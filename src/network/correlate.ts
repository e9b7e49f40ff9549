import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';
import { KeyGroup, Ledger, type Contender, type SlotAt } from './keyGroup';
import { callKeysOnce, callKeysRemembered, entrySlots, KEY_RANKS, notePath, relationOfCommand, remotesSignature, type Keyed, type KeyRank, type KnownPaths } from './keys';
import { learnRemotes } from './remotes';
import { renewalMatches, type PlacedMatch } from './renewals';
import { windowOf } from './timeWindow';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface CorrelateOptions {
  /** Default true: each call's keys are remembered for the next run over the same call objects (a live panel). */
  remember?: boolean;
}

/**
 * Matches bridge calls to the network requests they caused (pure). A call and a request are candidates when
 * they share a key (keys.ts) and the request started inside the call's time window (timeWindow.ts); keys
 * that tell calls apart (payload, body, status) are settled before looser ones. Each request, or each
 * operation of a batched GraphQL request, serves one call at most. A pair is 'uncertain' whenever another
 * candidate fitted as well (KeyGroup.contenders); requestRemote calls are also linked to the FIT mint they
 * waited on (renewals.ts). Indexed by key and sorted by time: O((n + m) log(n + m)) for n calls, m requests.
 */
export function correlate(calls: readonly CallRecord[], network: readonly NetworkEntry[], options: CorrelateOptions = {}): CallMatch[] {
  const remember = options.remember ?? true;
  const remotes = learnRemotes(network);

  // One index per rank: slotsByRank[rank].get(key).
  const slotsByRank: Map<string, SlotAt[]>[] = KEY_RANKS.map(() => new Map());
  /** Relations some slot has a key of: a call whose relation none has cannot match (its keys are not even built). */
  const relations = new Set<Keyed['relation']>();
  const paths: KnownPaths = { remote: new Set(), product: new Set() };
  for (const entry of network) {
    for (const slot of entrySlots(entry, remotes)) {
      const at: SlotAt = { slot, id: `${entry.id}#${slot.index}`, at: entry.startedAt };
      for (const keyed of slot.keys) {
        push(slotsByRank[keyed.rank]!, keyed.key, at);
        relations.add(keyed.relation);
        notePath(paths, keyed);
      }
    }
  }

  const known = (rank: KeyRank, key: string) => slotsByRank[rank]!.has(key);
  // Only calls that share a key with some request take part.
  const keyed: { contender: Contender; keys: Keyed[] }[] = [];
  const signature = remotesSignature(remotes);
  calls.forEach((call, order) => {
    const relation = relationOfCommand(call.command);
    if (relation === null || !relations.has(relation)) return;
    const keys = (remember ? callKeysRemembered(call, remotes, signature, known) : callKeysOnce(call, remotes, known, paths)).filter((k) => known(k.rank, k.key));
    if (keys.length > 0) keyed.push({ contender: { call, order, window: windowOf(call) }, keys });
  });

  const ledger = new Ledger();
  const matches: PlacedMatch[] = [];
  /** Each requestRemote call's matched request to the remote, for its renewal (renewals.ts). */
  const direct = new Map<CallRecord, NetworkEntry>();
  for (const rank of KEY_RANKS) {
    const callsByKey = new Map<string, Contender[]>();
    const relationOf = new Map<string, Keyed['relation']>();
    for (const { contender, keys } of keyed) {
      if (ledger.byCall.has(contender.call)) continue;
      for (const k of keys) {
        if (k.rank !== rank) continue;
        push(callsByKey, k.key, contender);
        relationOf.set(k.key, k.relation);
      }
    }
    // Longer keys first: at rank 2 a longer path ending is the more specific one.
    const groups = [...callsByKey]
      .sort(([a], [b]) => b.length - a.length)
      .map(([key, members]) => new KeyGroup(key, relationOf.get(key)!, rank, members, [...slotsByRank[rank]!.get(key)!]));
    const made = groups.flatMap((group) => group.sweep(ledger));
    for (const holding of made) {
      const { call, order } = holding.contender;
      const candidates = holding.group.contenders(holding, ledger);
      const match: CallMatch = { callId: call.id, entryId: holding.slot.slot.entry.id, relation: holding.group.relation, certainty: candidates === 1 ? 'certain' : 'uncertain', candidates };
      matches.push({ call, index: order, match });
      if (holding.group.relation === 'remote-request') direct.set(call, holding.slot.slot.entry);
    }
  }
  const renewals = renewalMatches(calls, network, direct);

  // In call order (each match knows its call's index: no call is looked up by id); renewals may name calls that matched nothing else.
  const inCallOrder = (x: PlacedMatch, y: PlacedMatch) => x.call.startedAt - y.call.startedAt || x.index - y.index;
  const matchOf = (placed: PlacedMatch) => placed.match;
  return [...matches.sort(inCallOrder).map(matchOf), ...renewals.sort(inCallOrder).map(matchOf)];
}
