import { describe, expect, it } from 'vitest';
import { findInsights } from '../../../src/insights';
import { missingResolver } from '../../../src/insights/missingResolver';
import { nearTimeout } from '../../../src/insights/nearTimeout';
import { payloadLimits, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES } from '../../../src/insights/payloadLimits';
import { entry } from '../network/fixtures';
import { frame, input, made, requestRemote, resolver, T } from './fixtures';

// @forge/resolver's own words for an unknown key (the sandbox throws the same).
const NO_DEFINITION = (key: string) => new Error(`Resolver has no definition for '${key}'.`);

describe('missing-resolver', () => {
  it('names a function that does not exist, the ones that answered in the frame, and the likely typo', () => {
    const calls = [
      resolver('getIssue', 0, 120, { error: NO_DEFINITION('getIssue') }),
      resolver('getIssues', 10, 90),
      resolver('getIssue', 500, 610, { error: NO_DEFINITION('getIssue') }),
      resolver('getText', 20, 60, { result: 'Hello' }),
    ];
    const [f, ...rest] = missingResolver.run(frame(), calls);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'missing-resolver', severity: 'error', callIds: [calls[0]!.id, calls[2]!.id], costMs: 230 });
    expect(f!.title).toBe("invoke('getIssue') failed: no resolver function is defined under that name");
    expect(f!.numbers).toBe("2 calls, each failing with \"no definition\". Functions that answered in this frame: 'getIssues', 'getText'.");
    expect(f!.fix).toContain("invoke('getIssues')");
  });

  it('warns of a name that returned undefined every time (no error at all: forge-facts §6)', () => {
    const calls = [resolver('saveIsue', 0, 50, { result: undefined }), resolver('saveIsue', 100, 140, { result: undefined }), resolver('saveIssue2', 0, 10)];
    const [f] = missingResolver.run(frame(), calls);
    expect(f).toMatchObject({ severity: 'warning', callIds: [calls[0]!.id, calls[1]!.id] });
    expect(f!.title).toContain('returned undefined every time');
  });

  it('stays quiet for a resolver that failed its own way, or returned undefined only sometimes', () => {
    const calls = [
      resolver('fail', 0, 30, { error: new Error('Resolver failed on purpose') }),
      resolver('maybe', 0, 30, { result: undefined }),
      resolver('maybe', 40, 60, { result: { found: 1 } }),
      resolver('pending', 0, 10),
      made('invoke', { functionKey: 'later' }, 0, null),
    ];
    expect(missingResolver.run(frame(), calls)).toEqual([]);
  });
});

describe('payload-limit', () => {
  it('warns from 80 % of the 500 KB request limit and errs at it, measured on the invocation request the call caused', () => {
    const near = resolver('save', 0, 100, { result: true }, { text: 'x'.repeat(100) });
    const over = made('invoke', { path: '/upload', method: 'POST', body: { a: 1 }, invokeType: 'ui-remote-fetch' }, 200, 300, { result: { success: true } });
    const e1 = entry({ url: 'https://x.atlassian.net/gateway/api/graphql', category: 'forge-graphql', requestBodySize: Math.ceil(REQUEST_LIMIT_BYTES * 0.85) });
    const e2 = entry({ url: 'https://x.atlassian.net/gateway/api/graphql', category: 'forge-graphql', requestBodySize: REQUEST_LIMIT_BYTES + 10 });
    const matches = [
      { callId: near.id, entryId: e1.id, relation: 'graphql' as const, certainty: 'certain' as const, candidates: 1 },
      { callId: over.id, entryId: e2.id, relation: 'graphql' as const, certainty: 'certain' as const, candidates: 1 },
    ];
    const [f, ...rest] = payloadLimits.run(input([near, over], { network: [e1, e2], matches }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'payload-limit:request', severity: 'error', callIds: [near.id, over.id] });
    expect(f!.numbers).toContain('Largest request: 500 KB (100 % of 500 KB) in invokeRemote POST /upload');
  });

  it('reads a response the hook measured past its bound (a whole-value truncated snapshot) against the 5,242,880-byte limit', () => {
    const big = resolver('export', 0, 900, { result: { rows: Array.from({ length: 100 }, () => 'x'.repeat(4000)) } });
    // The hook stops measuring at 4× its 64 kB bound: what it saw is a lower bound.
    const { $fbdt, whole, atLeast } = big.response!.value as Record<string, unknown>;
    expect({ $fbdt, whole, atLeast }).toEqual({ $fbdt: 'truncated', whole: true, atLeast: true });
    const graphql = entry({ url: 'https://x.atlassian.net/gateway/api/graphql', category: 'forge-graphql', responseBodySize: Math.ceil(RESPONSE_LIMIT_BYTES * 0.9) });
    const [f] = payloadLimits.run(input([big], { network: [graphql], matches: [{ callId: big.id, entryId: graphql.id, relation: 'graphql', certainty: 'certain', candidates: 1 }] }));
    expect(f).toMatchObject({ id: 'payload-limit:response', severity: 'warning' });
    expect(f!.numbers).toContain('4.50 MB (90 % of 5.00 MB)');
  });

  it('leaves alone small invocations and requestRemote, which has no documented limit', () => {
    const small = resolver('save', 0, 100, { result: true }, { text: 'x'.repeat(100) });
    const direct = requestRemote('/upload', 0, 100);
    const e = entry({ url: 'https://remote.example.com/upload', category: 'remote', requestBodySize: 2 * REQUEST_LIMIT_BYTES });
    expect(payloadLimits.run(input([small, direct], { network: [e], matches: [{ callId: direct.id, entryId: e.id, relation: 'remote-request', certainty: 'certain', candidates: 1 }] }))).toEqual([]);
  });
});

describe('near-timeout', () => {
  it('warns of invocations past 80 % of 25 s and errs for one that timed out', () => {
    const slow = resolver('slow', 0, 21_000);
    const timedOut = made('invoke', { path: '/slow', method: 'GET', invokeType: 'ui-remote-fetch' }, 0, 25_050, { error: new Error('Remote invocation timed out after 25 seconds') });
    const [f] = nearTimeout.run(input([slow, timedOut]));
    expect(f).toMatchObject({ severity: 'error', callIds: [slow.id, timedOut.id] });
    expect(f!.numbers).toContain('Slowest: invokeRemote GET /slow took 25.1 s (100 % of 25 s)');
    expect(nearTimeout.run(input([slow]))[0]).toMatchObject({ severity: 'warning', title: '1 invocation came close to the 25 s timeout' });
  });

  it('does not count a slow requestRemote (no documented timeout) or an invocation under 20 s', () => {
    expect(nearTimeout.run(input([requestRemote('/slow', 0, 30_000), resolver('slow', 0, 19_900)]))).toEqual([]);
  });
});

describe('hostile sessions', () => {
  it('keeps every rule quiet and whole on payloads of any shape', () => {
    const odd = [
      made('invoke', { functionKey: { toString: 'x' } }, 0, 10, { result: undefined }),
      made('invoke', 'not an object', 0, 10, { error: 'plain string thrown' }),
      made('invoke', { functionKey: 'a'.repeat(20_000) }, 0, 10, { error: NO_DEFINITION('a') }),
      made('fetchRemote', { remoteKey: 42, fetchRequestInit: null }, 0, 10),
      made('__proto__', { constructor: { prototype: 1 } }, 0, null),
    ];
    const findings = findInsights(input(odd));
    expect(findings.every((f) => typeof f.title === 'string' && f.callIds.every((id) => odd.some((c) => c.id === id)))).toBe(true);
    // The 20,000-character key is cut in what findings say.
    expect(findings.find((f) => f.rule === 'missing-resolver')!.title.length).toBeLessThan(200);
    expect(T).toBeGreaterThan(0);
  });
});
