/**
 * What was lost on the way from the page to the store, by cause: one count per tab that the panel's banner,
 * Diagnose and exported traces all read. Every cause is counted where it happens and reaches the recorder.
 */
export interface LossCounts {
  /** Events the MAIN-world hook dropped before they reached the relay (reported by the relay). */
  hookDropped: number;
  /** Hook messages the relay refused as invalid (reported by the relay). */
  relayRejected: number;
  /** Events the relay numbered but never delivered (its buffer was full while the background was away). */
  inTransit: number;
  /** Relay messages the background refused as invalid. */
  rejected: number;
  /** Events of a document that went away (pagehide, navigation) before they were delivered. */
  navigation: number;
  /** Saves that failed (what they held stays in memory and goes with the next save). */
  storeFailures: number;
  /** Calls evicted, oldest first, to stay within the per-tab bounds or the bound across all tabs. */
  evictedCalls: number;
  /** Subscription deliveries not kept beyond the bound per call. */
  evictedDeliveries: number;
  /** Network entries evicted, oldest first, to stay within the bounds. */
  evictedNetwork: number;
  /** Documents forgotten, oldest first, beyond the bound on documents per tab. */
  evictedDocuments: number;
}

export type LossCause = keyof LossCounts;

/** Every cause, in the order people read them. */
export const LOSS_CAUSES: readonly LossCause[] = [
  'hookDropped',
  'relayRejected',
  'inTransit',
  'rejected',
  'navigation',
  'storeFailures',
  'evictedCalls',
  'evictedDeliveries',
  'evictedNetwork',
  'evictedDocuments',
];

/** What each cause means, for the panel and Diagnose. */
export const LOSS_LABELS: Readonly<Record<LossCause, string>> = {
  hookDropped: 'events the page hook dropped',
  relayRejected: 'hook messages the relay refused',
  inTransit: 'events lost while the recorder was away',
  rejected: 'messages the recorder refused',
  navigation: 'events lost when a page went away',
  storeFailures: 'failed saves',
  evictedCalls: 'oldest calls evicted (bound)',
  evictedDeliveries: 'deliveries not kept (bound per call)',
  evictedNetwork: 'oldest network entries evicted (bound)',
  evictedDocuments: 'oldest documents forgotten (bound)',
};

export function noLosses(): LossCounts {
  return {
    hookDropped: 0,
    relayRejected: 0,
    inTransit: 0,
    rejected: 0,
    navigation: 0,
    storeFailures: 0,
    evictedCalls: 0,
    evictedDeliveries: 0,
    evictedNetwork: 0,
    evictedDocuments: 0,
  };
}

export function totalLosses(losses: LossCounts): number {
  let total = 0;
  for (const cause of LOSS_CAUSES) total += losses[cause];
  return total;
}

/** The causes with a count above zero, as "label: n" parts. */
export function describeLosses(losses: LossCounts): string[] {
  return LOSS_CAUSES.filter((c) => losses[c] > 0).map((c) => `${LOSS_LABELS[c]}: ${losses[c].toLocaleString('en-US')}`);
}

/**
 * What a relay reports about its own document with every batch: counts since the document started. They are
 * cumulative, so a batch resent after a reconnect counts nothing twice (the recorder keeps the highest seen).
 */
export interface RelayLossReport {
  /** Events the hook reported dropping. */
  hookDropped: number;
  /** Hook messages the relay refused. */
  relayRejected: number;
  /**
   * Calls whose end the relay had not seen when the page went away (pagehide): the end was still gathering in
   * the hook (lost with the document) or the call was still in flight. Those calls stay without a result.
   */
  pagehide: number;
}

export function noRelayLosses(): RelayLossReport {
  return { hookDropped: 0, relayRejected: 0, pagehide: 0 };
}
