import type { EndpointComparison, PathStats } from './compare';

/** Below this many ended calls on a side, a comparison is not yet meaningful. */
export const MIN_CALLS = 5;
/** p50s within this ratio of each other are a tie ("within 10 %"). */
export const TIE_RATIO = 1.1;
/** Error rates this far apart (a share: 0.05 is 5 points) are worth a sentence. */
export const ERROR_RATE_GAP = 0.05;

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const pct = (n: number) => `${Math.round(n * 100)} %`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;

function endpointName(cmp: EndpointComparison): string {
  return `${cmp.method} ${cmp.path || '/'}${cmp.remoteKey === null ? '' : ` on ${cmp.remoteKey}`}`;
}

function speedSentence(where: string, i: PathStats, r: PathStats): string {
  const over = `over ${plural(i.calls + r.calls, 'call')} (${i.calls} invokeRemote, ${r.calls} requestRemote)`;
  const a = i.latency.p50;
  const b = r.latency.p50;
  const slow = Math.max(a, b);
  const fast = Math.min(a, b);
  if (slow <= fast * TIE_RATIO) {
    return `invokeRemote and requestRemote are within ${Math.round((TIE_RATIO - 1) * 100)} % of each other at p50 for ${where} (${ms(a)} and ${ms(b)}) ${over}.`;
  }
  const faster = a < b ? 'invokeRemote' : 'requestRemote';
  const by = fast > 0 ? ` ${times(slow / fast)}` : '';
  return `${faster} is${by} faster at p50 for ${where} ${over}: ${ms(fast)} against ${ms(slow)}.`;
}

function errorSentence(i: PathStats, r: PathStats): string | null {
  if (Math.abs(i.errorRate - r.errorRate) < ERROR_RATE_GAP) return null;
  return `Error rates differ: invokeRemote ${pct(i.errorRate)} (${i.errors} of ${i.calls}), requestRemote ${pct(r.errorRate)} (${r.errors} of ${r.calls}).`;
}

function pendingSentence(i: PathStats, r: PathStats): string | null {
  const pending = i.pending + r.pending;
  return pending === 0 ? null : `${plural(pending, 'call')} still pending ${pending === 1 ? 'is' : 'are'} not counted.`;
}

/** What can be said about OAuth tokens, only when measured (requestRemote never sends them; invokeRemote may). */
export function oauthSentence(cmp: EndpointComparison): string | null {
  const seen = cmp.oauthObserved?.invokeRemote;
  if (seen === false) return 'This endpoint receives no OAuth token either way.';
  if (seen === true) return 'Only invokeRemote brings this endpoint OAuth tokens (x-forge-oauth-*); requestRemote never does.';
  return null;
}

/** One plain verdict, drawn only from the numbers of the comparison. */
export function verdictFor(cmp: EndpointComparison): string {
  const where = endpointName(cmp);
  const i = cmp.invokeRemote;
  const r = cmp.requestRemote;
  const parts: (string | null)[] = [];
  if (!i || !r) {
    const used = i ? 'invokeRemote' : 'requestRemote';
    const other = i ? 'requestRemote' : 'invokeRemote';
    const side = (i ?? r)!;
    parts.push(`Only ${used} was used for ${where} (${plural(side.calls + side.pending, 'call')}); call ${other} to compare.`);
  } else if (i.calls < MIN_CALLS || r.calls < MIN_CALLS) {
    parts.push(
      `The comparison for ${where} is not yet meaningful: ${i.calls} invokeRemote and ${r.calls} requestRemote ${i.calls + r.calls === 1 ? 'call has' : 'calls have'} ended, and it needs at least ${MIN_CALLS} on each side.`,
      pendingSentence(i, r),
    );
  } else {
    parts.push(speedSentence(where, i, r), errorSentence(i, r), pendingSentence(i, r));
  }
  parts.push(oauthSentence(cmp));
  return parts.filter((p): p is string => p !== null).join(' ');
}
