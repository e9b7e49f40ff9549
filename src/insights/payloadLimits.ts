import type { Finding } from '../protocol/findings';
import type { CallRecord } from '../protocol/model';
import { callLabel } from './callLabel';
import { DOCS } from './docs';
import { callSizes, entriesByCall, type Size } from './sizes';
import type { SessionRule } from './types';
import { kb, percent, plural } from './words';

/** Front-end invocation request payload (forge-facts §5, limits-invocation): 500 KB. */
export const REQUEST_LIMIT_BYTES = 500 * 1024;
/** Front-end invocation response (5 MB), the same as the GraphQL gateway's 5,242,880-byte limit (§6). */
export const RESPONSE_LIMIT_BYTES = 5_242_880;
/** Warned from this share of a limit on. */
export const NEAR_SHARE = 0.8;

/** Calls that travel as a Forge invocation (GraphQL invokeExtension): resolver invoke, invokeRemote, invokeService. */
const isInvocation = (call: CallRecord) => call.command === 'invoke';

function limitFinding(direction: 'request' | 'response', hits: { call: CallRecord; size: Size }[]): Finding | null {
  if (hits.length === 0) return null;
  const limit = direction === 'request' ? REQUEST_LIMIT_BYTES : RESPONSE_LIMIT_BYTES;
  const top = hits.reduce((a, b) => (b.size.bytes > a.size.bytes ? b : a));
  const over = hits.filter((h) => h.size.bytes >= limit).length;
  const limitText = direction === 'request' ? 'the 500 KB request limit' : 'the 5 MB (5,242,880-byte) response limit';
  return {
    id: `payload-limit:${direction}`,
    rule: 'payload-limit',
    severity: over > 0 ? 'error' : 'warning',
    title: over > 0 ? `${plural(over, 'invocation')} reached ${limitText}` : `${plural(hits.length, 'invocation')} came within ${percent(1 - NEAR_SHARE)} of ${limitText}`,
    numbers: `Largest ${direction}: ${top.size.atLeast ? 'at least ' : ''}${kb(top.size.bytes)} (${percent(top.size.bytes / limit)} of ${kb(limit)}) in ${callLabel(top.call)}; ${plural(hits.length, 'call')} at ${percent(NEAR_SHARE)} or more.`,
    fix:
      direction === 'request'
        ? 'Send less per invocation: page the data, send ids instead of whole objects, or upload large content with requestRemote or object storage.'
        : 'Return less per invocation: page or filter the result in the resolver or remote, and fetch the rest on demand.',
    docs: direction === 'request' ? DOCS.limits : DOCS.graphqlLimit,
    callIds: hits.map((h) => h.call.id),
    costMs: 0,
  };
}

/** Invocations whose request or response came near the documented payload limits. */
export const payloadLimits: SessionRule = {
  scope: 'session',
  run(input) {
    const entries = entriesByCall(input.matches, input.network);
    const requests: { call: CallRecord; size: Size }[] = [];
    const responses: { call: CallRecord; size: Size }[] = [];
    for (const call of input.calls) {
      if (!isInvocation(call)) continue;
      const sizes = callSizes(call, entries.get(call.id));
      if (sizes.request.bytes >= REQUEST_LIMIT_BYTES * NEAR_SHARE) requests.push({ call, size: sizes.request });
      if (sizes.response.bytes >= RESPONSE_LIMIT_BYTES * NEAR_SHARE) responses.push({ call, size: sizes.response });
    }
    return [limitFinding('request', requests), limitFinding('response', responses)].filter((f): f is Finding => f !== null);
  },
};
