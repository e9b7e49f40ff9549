import type { CallKind, CallRecord } from '../protocol/model';
import type { Finding } from '../protocol/findings';
import { durationOf } from '../protocol/model';
import { callLabel } from './callLabel';
import { DOCS } from './docs';
import { ChainValues } from './chainValues';
import type { FrameRule } from './types';
import { ms, plural } from './words';

/** A call starting this soon after the previous one ended was waiting for it. */
export const CHAIN_GAP_MS = 50;
/** Shortest chain worth a finding, and the least time running it together would save. */
export const CHAIN_MIN_CALLS = 3;
export const CHAIN_MIN_SAVING_MS = 100;

/** Calls that fetch data: the ones an app can start together. */
const DATA_KINDS: ReadonlySet<CallKind> = new Set(['resolver', 'invokeRemote', 'invokeService', 'requestRemote', 'product', 'context']);

function chainFinding(frameKey: string, chain: CallRecord[]): Finding | null {
  // Math.max over a loop, not over spread arguments: a chain may hold 100,000 calls.
  const longest = chain.reduce((most, c) => Math.max(most, durationOf(c) ?? 0), Number.NEGATIVE_INFINITY);
  const total = chain[chain.length - 1]!.endedAt! - chain[0]!.startedAt;
  const saving = total - longest;
  if (chain.length < CHAIN_MIN_CALLS || saving < CHAIN_MIN_SAVING_MS) return null;
  const labels = chain.slice(0, 4).map(callLabel).join(' → ') + (chain.length > 4 ? ' → …' : '');
  return {
    id: `sequential-chain:${frameKey}:${chain[0]!.id}`,
    rule: 'sequential-chain',
    severity: saving >= 500 ? 'warning' : 'info',
    title: `${plural(chain.length, 'call')} ran one after another that could run together`,
    numbers: `${labels}: ${ms(total)} in sequence; started together they would take about ${ms(longest)}, ${ms(saving)} less. No call's request carries a value from an earlier response.`,
    fix: 'Start the independent calls together with Promise.all instead of awaiting each before the next.',
    docs: DOCS.invoke,
    callIds: chain.map((c) => c.id),
    costMs: saving,
  };
}

/**
 * Chains in one frame: data calls each starting within 50 ms of the previous one's end, none overlapping,
 * and no value of an earlier response in a later request (so the app did not need the one to make the other).
 */
export const sequentialChain: FrameRule = {
  scope: 'frame',
  run(frame, calls) {
    const data = calls.filter((c) => DATA_KINDS.has(c.kind) && c.status !== 'pending').sort((a, b) => a.startedAt - b.startedAt);
    const out: Finding[] = [];
    const values = new ChainValues(data);
    let chain: CallRecord[] = [];
    const close = () => {
      const found = chain.length ? chainFinding(frame?.key ?? '', chain) : null;
      if (found) out.push(found);
    };
    for (let i = 0; i < data.length; i++) {
      const call = data[i]!;
      const previous = chain[chain.length - 1];
      const gap = previous ? call.startedAt - previous.endedAt! : Infinity;
      if (previous && gap >= 0 && gap <= CHAIN_GAP_MS && !values.usedBy(i)) {
        chain.push(call);
      } else {
        // An overlap (gap < 0) means the app already runs these together; a long gap is not waiting.
        close();
        chain = [call];
        values.clear();
      }
      values.add(i);
    }
    close();
    return out;
  },
};
