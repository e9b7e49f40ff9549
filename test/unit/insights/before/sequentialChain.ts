// The code as it was before the speed work (commit dab4239), kept to check the faster one gives the same result.
import type { CallKind, CallRecord } from '../../../../src/protocol/model';
import type { Finding } from '../../../../src/protocol/findings';
import { durationOf } from '../../../../src/protocol/model';
import { callLabel } from '../../../../src/insights/callLabel';
import { DOCS } from '../../../../src/insights/docs';
import { distinctiveValues, leafStrings } from './leaves';
import type { FrameRule } from '../../../../src/insights/types';
import { ms, plural } from '../../../../src/insights/words';

/** A call starting this soon after the previous one ended was waiting for it. */
export const CHAIN_GAP_MS = 50;
/** Shortest chain worth a finding, and the least time running it together would save. */
export const CHAIN_MIN_CALLS = 3;
export const CHAIN_MIN_SAVING_MS = 100;

/** Calls that fetch data: the ones an app can start together. */
const DATA_KINDS: ReadonlySet<CallKind> = new Set(['resolver', 'invokeRemote', 'invokeService', 'requestRemote', 'product', 'context']);

/** Where a request embeds a value (a path, a query, a JQL string), it sits between these. */
const SEPARATORS = /[/?&=#,;:\s"'()[\]{}<>|]+/;

const SEPARATOR_CHARS = new Set([...'/?&=#,;:"\'()[]{}<>| \t\n\r\f\v'].map((c) => c.charCodeAt(0)));

function hasSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SEPARATOR_CHARS.has(c) || c > 127) return true;
  }
  return false;
}

/**
 * True when a value from an earlier response shows up in this call's request: the app passed data along.
 * A request leaf counts when it, or a piece of it between separators, equals an earlier value: set lookups,
 * so a chain of any length costs time linear in its leaves (a substring test against every earlier value
 * was quadratic and took minutes on 100,000 calls).
 */
function usesEarlier(call: CallRecord, earlier: ReadonlySet<string>): boolean {
  if (earlier.size === 0) return false;
  for (const text of leafStrings(call.request.value)) {
    if (earlier.has(text)) return true;
    // Split only a leaf that has a separator (most are one word or a number: the whole was just looked up).
    if (hasSeparator(text)) for (const piece of text.split(SEPARATORS)) if (earlier.has(piece)) return true;
  }
  return false;
}

function chainFinding(frameKey: string, chain: CallRecord[]): Finding | null {
  const durations = chain.map((c) => durationOf(c) ?? 0);
  const total = chain[chain.length - 1]!.endedAt! - chain[0]!.startedAt;
  const saving = total - Math.max(...durations);
  if (chain.length < CHAIN_MIN_CALLS || saving < CHAIN_MIN_SAVING_MS) return null;
  const labels = chain.slice(0, 4).map(callLabel).join(' → ') + (chain.length > 4 ? ' → …' : '');
  return {
    id: `sequential-chain:${frameKey}:${chain[0]!.id}`,
    rule: 'sequential-chain',
    severity: saving >= 500 ? 'warning' : 'info',
    title: `${plural(chain.length, 'call')} ran one after another that could run together`,
    numbers: `${labels}: ${ms(total)} in sequence; started together they would take about ${ms(Math.max(...durations))}, ${ms(saving)} less. No call's request carries a value from an earlier response.`,
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
    let chain: CallRecord[] = [];
    let earlier = new Set<string>();
    const close = () => {
      const found = chain.length ? chainFinding(frame?.key ?? '', chain) : null;
      if (found) out.push(found);
    };
    for (const call of data) {
      const previous = chain[chain.length - 1];
      const gap = previous ? call.startedAt - previous.endedAt! : Infinity;
      if (previous && gap >= 0 && gap <= CHAIN_GAP_MS && !usesEarlier(call, earlier)) {
        chain.push(call);
      } else {
        // An overlap (gap < 0) means the app already runs these together; a long gap is not waiting.
        close();
        chain = [call];
        earlier = new Set();
      }
      for (const value of distinctiveValues(call.response?.value)) earlier.add(value);
    }
    close();
    return out;
  },
};
