import type { CallRecord } from '../../../../src/protocol/model';
import type { NetworkEntry } from '../../../../src/protocol/network';
import { random, randomSession } from '../../ui/randomSession';

/**
 * A random recorded session (test/unit/ui/randomSession: the last word on each call stands), with every
 * request of one category left out on some seeds, so that code which skips what no request could match runs.
 */
export function randomRecorded(seed: number, clusters = 60): { calls: CallRecord[]; network: NetworkEntry[] } {
  const happenings = randomSession(random(seed), clusters);
  const calls = [...new Map(happenings.flatMap((h) => (h.call ? [[h.call.id, h.call] as const] : []))).values()];
  const dropped = [null, 'forge-graphql', 'forge-jwt', 'product'][seed % 4];
  const network = happenings.flatMap((h) => (h.entry && h.entry.category !== dropped ? [h.entry] : []));
  return { calls, network };
}
