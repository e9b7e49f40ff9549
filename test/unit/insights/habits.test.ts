import { describe, expect, it } from 'vitest';
import { bridgeRateLimit, peakWindow } from '../../../src/insights/bridgeRateLimit';
import { repeatedCalls } from '../../../src/insights/repeatedCalls';
import { sequentialChain } from '../../../src/insights/sequentialChain';
import { frame, input, made, resolver } from './fixtures';

describe('bridge-rate-limit (500 invoke calls in any 25 s, per frame)', () => {
  it('finds the busiest window with two pointers', () => {
    expect(peakWindow([0, 1, 2, 30, 31, 32, 33], 25)).toEqual({ from: 3, to: 6, count: 4 });
    expect(peakWindow([], 25).count).toBe(0);
    // A call exactly 25 s after another is in the next window.
    expect(peakWindow([0, 25], 25).count).toBe(1);
  });

  it('warns at 80 % of the limit with the peak window as evidence, and errs at the limit', () => {
    // 400 calls 50 ms apart: the first and the last start 19.95 s apart.
    const burst = Array.from({ length: 400 }, (_, i) => resolver('getIssues', i * 50, i * 50 + 30));
    const [f] = bridgeRateLimit.run(frame(), burst);
    expect(f).toMatchObject({ severity: 'warning', title: "80 % of the bridge's 500-calls-per-25-s limit used in one window" });
    expect(f!.callIds).toHaveLength(400);
    expect(f!.numbers).toBe('Peak: 400 invoke calls within 19.9 s in one frame (80 % of 500 in 25 s).');
    const full = Array.from({ length: 500 }, (_, i) => resolver('getIssues', i * 10, i * 10 + 5));
    expect(bridgeRateLimit.run(frame(), full)[0]!.severity).toBe('error');
  });

  it('is quiet under 80 %, for the same calls spread out, and for commands the limiter does not count', () => {
    expect(bridgeRateLimit.run(frame(), Array.from({ length: 399 }, (_, i) => resolver('x', i, i + 1)))).toEqual([]);
    expect(bridgeRateLimit.run(frame(), Array.from({ length: 600 }, (_, i) => resolver('x', i * 100, i * 100 + 1)))).toEqual([]);
    expect(bridgeRateLimit.run(frame(), Array.from({ length: 450 }, (_, i) => made('getContext', null, i, i + 1)))).toEqual([]);
  });
});

describe('repeated-call', () => {
  it('finds the same command and payload within a second, with the count and the frames', () => {
    const calls = [
      made('getContext', null, 0, 40, { frame: '1:a' }),
      made('getContext', null, 100, 130, { frame: '1:a' }),
      made('getContext', null, 150, 190, { frame: '2:b' }),
      made('getContext', null, 5000, 5040, { frame: '1:a' }),
    ];
    const [f, ...rest] = repeatedCalls.run(input(calls));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'repeated-call', severity: 'info', costMs: 70, callIds: calls.slice(0, 3).map((c) => c.id) });
    expect(f!.title).toBe('getContext made 3 times with the same payload within 1 s');
    expect(f!.numbers).toBe('3 identical calls in bursts of up to 3, from 2 frames; the repeats took 70 ms in all.');
  });

  it('does not count a repeat more than a second after, or a different payload', () => {
    const calls = [resolver('getIssue', 0, 10, undefined, { key: 'SBX-1' }), resolver('getIssue', 50, 60, undefined, { key: 'SBX-2' }), resolver('getIssue', 1200, 1210, undefined, { key: 'SBX-1' })];
    expect(repeatedCalls.run(input(calls))).toEqual([]);
  });
});

describe('sequential-chain', () => {
  it('finds calls in one frame each starting as the previous ends, and what running them together would save', () => {
    const calls = [resolver('getUser', 0, 200), resolver('getIssues', 205, 505), made('getContext', null, 510, 610, { result: { cloudId: 'c1' } })];
    const [f] = sequentialChain.run(frame(), calls);
    expect(f).toMatchObject({ rule: 'sequential-chain', costMs: 310, callIds: calls.map((c) => c.id) });
    expect(f!.numbers).toBe("invoke('getUser') → invoke('getIssues') → getContext: 610 ms in sequence; started together they would take about 300 ms, 310 ms less. No call's request carries a value from an earlier response.");
  });

  it('breaks the chain where a request carries a value from an earlier response (the app needed it)', () => {
    const user = resolver('getUser', 0, 200, { result: { accountId: '5b10ac8d82e05b22cc7d4ef5' } });
    const issues = resolver('getIssues', 205, 505, undefined, { assignee: '5b10ac8d82e05b22cc7d4ef5' });
    const more = resolver('getMore', 510, 700);
    expect(sequentialChain.run(frame(), [user, issues, more])).toEqual([]);
  });

  it('breaks the chain where an earlier value is embedded in a later path or query', () => {
    const issue = resolver('getIssue', 0, 200, { result: { key: 'SBX-1042' } });
    const h = (path: string, s: number) => made('invoke', { path, method: 'GET', invokeType: 'ui-remote-fetch' }, s, s + 200, { result: { success: true, payload: { status: 200, body: {} } } });
    expect(sequentialChain.run(frame(), [issue, h('/issues/SBX-1042/comments', 205), h('/other', 410)])).toEqual([]);
    expect(sequentialChain.run(frame(), [issue, h('/search?jql=key=SBX-1042&max=5', 205), h('/other', 410)])).toEqual([]);
  });

  it('finishes a long chain of distinct responses (20,000 calls in one frame; the old substring test was quadratic and timed out here)', () => {
    const calls = Array.from({ length: 20_000 }, (_, i) => resolver(`f${i % 7}`, i * 10, i * 10 + 9, { result: { id: `value-${i}`, more: [`a-${i}`, `b-${i}`] } }, { q: `query-${i}` }));
    const [f] = sequentialChain.run(frame(), calls);
    expect(f!.callIds).toHaveLength(20_000);
  });

  it('ignores calls that overlap (already together), long pauses, and chains that would save little', () => {
    expect(sequentialChain.run(frame(), [resolver('a', 0, 200), resolver('b', 150, 400), resolver('c', 405, 600)])).toEqual([]);
    expect(sequentialChain.run(frame(), [resolver('a', 0, 200), resolver('b', 600, 800), resolver('c', 1200, 1400)])).toEqual([]);
    expect(sequentialChain.run(frame(), [resolver('a', 0, 20), resolver('b', 21, 40), resolver('c', 41, 60)])).toEqual([]);
    // Response headers are protocol, not data the app passed along.
    const h = (p: string, s: number) => made('invoke', { path: p, method: 'GET', headers: { 'content-type': 'application/json' }, invokeType: 'ui-remote-fetch' }, s, s + 200, { result: { success: true, payload: { status: 200, headers: { 'content-type': ['application/json'] }, body: {} } } });
    expect(sequentialChain.run(frame(), [h('/a', 0), h('/b', 201), h('/c', 402)])).toHaveLength(1);
  });
});
