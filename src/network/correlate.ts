import type { CallRecord } from '../protocol/model';
import type { NetworkEntry } from '../protocol/network';
import type { CallMatch } from '../protocol/tokens';
import { exchangeReader } from './exchanges';
import { KeyGroup, Ledger, type Contender, type SlotAt } from './keyGroup';
import { callKeys, entrySlots, KEY_RANKS, type Keyed, type KeyRank } from './keys';
import { learnRemotes } from './remotes';
import { renewalMatches } from './renewals';
import { windowOf } from './timeWindow';

const indexKey = (rank: KeyRank, key: string) => `${rank}|${key}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Matches bridge calls to the network requests they caused (pure). A call and a request are candidates when
 * they share a key (keys.ts) and the request started inside the call's time window (timeWindow.ts); keys
 * that tell calls apart (payload, body, status) are settled before looser ones. Each request, or each
 * operation of a batched GraphQL request, serves one call at most. A pair is 'uncertain' whenever another
 * candidate fitted as well (KeyGroup.contenders); requestRemote calls are also linked to the FIT mint they
 * waited on (renewals.ts). Indexed by key and sorted by time: O((n + m) log(n + m)) for n calls, m requests.
 */
export function correlate(calls: readonly CallRecord[], network: readonly NetworkEntry[]): CallMatch[] {
  const exchangesOf = exchangeReader();
  const remotes = learnRemotes(network, exchangesOf);

  const slotsByKey = new Map<string, SlotAt[]>();
  for (const entry of network) {
    for (const slot of entrySlots(entry, exchangesOf, remotes)) {
      const at: SlotAt = { slot, id: `${entry.id}#${slot.index}`, at: entry.startedAt };
      for (const { rank, key } of slot.keys) push(slotsByKey, indexKey(rank, key), at);
    }
  }

  const keyed: { contender: Contender; keys: Keyed[] }[] = calls.map((call, order) => ({
    contender: { call, order, window: windowOf(call) },
    keys: callKeys(call, remotes).filter((k) => slotsByKey.has(indexKey(k.rank, k.key))),
  }));

  const ledger = new Ledger();
  const matches: CallMatch[] = [];
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
      .map(([key, members]) => new KeyGroup(key, relationOf.get(key)!, rank, members, [...slotsByKey.get(indexKey(rank, key))!]));
    const made = groups.flatMap((group) => group.sweep(ledger));
    for (const holding of made) {
      const candidates = holding.group.contenders(holding, ledger);
      matches.push({ callId: holding.contender.call.id, entryId: holding.slot.slot.entry.id, relation: holding.group.relation, certainty: candidates === 1 ? 'certain' : 'uncertain', candidates });
    }
  }

  const order = new Map(keyed.map(({ contender }) => [contender.call.id, contender]));
  const inCallOrder = (a: CallMatch, b: CallMatch) => {
    const x = order.get(a.callId)!;
    const y = order.get(b.callId)!;
    return x.call.startedAt - y.call.startedAt || x.order - y.order;
  };
  const direct = new Map(matches.filter((m) => m.relation === 'remote-request').map((m) => [m.callId, ledger.byCall.get(order.get(m.callId)!.call)!.slot.slot.entry]));
  return [...matches.sort(inCallOrder), ...renewalMatches(calls, network, direct, exchangesOf).sort(inCallOrder)];
}
