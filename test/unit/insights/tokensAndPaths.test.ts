import { describe, expect, it } from 'vitest';
import { bootTimelineOf, createInsights, findingsOfSession, findInsights, type FrameRule } from '../../../src/insights';
import { clockSkew } from '../../../src/insights/clockSkew';
import { fitRenewals } from '../../../src/insights/fitRenewals';
import { remotePath } from '../../../src/insights/remotePath';
import { slowStart } from '../../../src/insights/slowStart';
import { tokenExpiry } from '../../../src/insights/tokenExpiry';
import type { TokenWarning } from '../../../src/protocol/tokens';
import { collectTokens } from '../../../src/tokens';
import { fitMint, remoteRequest, fit, T0 } from '../tokens/fixtures';
import { frame, input, invokeRemote, made, requestRemote, resolver, T } from './fixtures';

const warning = (code: TokenWarning['code'], extra: Partial<TokenWarning> = {}): TokenWarning => ({ code, severity: 'warning', tokenId: 'h:1', message: `${code} happened.`, ...extra });

describe('token findings surface src/tokens warnings', () => {
  it('fit-renewal-latency adds up what renewals cost the calls that waited', () => {
    const a = requestRemote('/tasks', 0, 300);
    const b = requestRemote('/tasks', 30_000, 30_150);
    const [f] = fitRenewals.run(input([a, b], { renewals: [{ callId: b.id, tokenId: 'h:2', extraMs: 120 }, { callId: a.id, tokenId: 'h:1', extraMs: 40 }] }));
    expect(f).toMatchObject({ severity: 'warning', costMs: 160, callIds: [a.id, b.id], title: '2 requestRemote calls waited for a FIT renewal' });
    expect(fitRenewals.run(input([a], { renewals: [{ callId: a.id, tokenId: 'h:1', extraMs: 0 }] }))).toEqual([]);
  });

  it('clock-skew and token-near-expiry point at the calls, through the network entry when the warning names one', () => {
    const call = requestRemote('/tasks', 0, 100);
    const matches = [{ callId: call.id, entryId: 'e9', relation: 'remote-request' as const, certainty: 'certain' as const, candidates: 1 }];
    const skew = clockSkew.run(input([call], { matches, tokenWarnings: [warning('clock-skew-iat', { entryId: 'e9' }), warning('no-license')] }));
    expect(skew).toMatchObject([{ rule: 'clock-skew', callIds: [call.id], numbers: 'clock-skew-iat happened.' }]);
    const expiry = tokenExpiry.run(input([call], { tokenWarnings: [warning('near-expiry', { callId: call.id }), warning('expired-at-use', { callId: call.id, message: 'late.' })] }));
    expect(expiry).toMatchObject([{ severity: 'error', callIds: [call.id], numbers: 'near-expiry happened. late.' }]);
    expect([...clockSkew.run(input([call])), ...tokenExpiry.run(input([call], { tokenWarnings: [warning('no-license')] }))]).toEqual([]);
  });

  it('from a session: a FIT used after it expired becomes a finding on the call that carried it', () => {
    const token = fit(T0);
    const call = made('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks', method: 'GET', body: null, headers: [] } }, T0 * 1000 + 26_000 - T, T0 * 1000 + 26_100 - T, { result: { status: 200 } });
    const network = [fitMint(token, T0 * 1000 - 50), remoteRequest(token, T0 * 1000 + 26_000)];
    const matches = [{ callId: call.id, entryId: network[1]!.id, relation: 'remote-request' as const, certainty: 'certain' as const, candidates: 1 }];
    const tokens = collectTokens({ calls: [call], network, matches });
    const booted = frame('1:doc-a', { navigationStart: call.startedAt - 100, bridgeAt: null, firstPaintAt: null, firstContentfulPaintAt: null });
    const findings = findingsOfSession({ calls: [call], frames: [booted], network }, { matches, tokens });
    expect(findings.map((f) => [f.rule, f.severity, f.callIds])).toEqual([['token-near-expiry', 'error', [call.id]]]);
    expect(findings[0]!.numbers).toBe('This FIT was used 1.0 s after it expired, so the remote should refuse it.');
  });
});

describe('remote-path', () => {
  it('says which path is faster per endpoint, by how much, and that invokeRemote alone brings OAuth tokens', () => {
    const calls = [...[50, 60, 70, 80, 90, 100].map((d, i) => invokeRemote('/tasks', i * 1000, i * 1000 + d)), ...[20, 25, 30, 35, 40].map((d, i) => requestRemote('/tasks?page=2', i * 1000 + 500, i * 1000 + 500 + d))];
    const [f] = remotePath.run(input(calls));
    expect(f).toMatchObject({ rule: 'remote-path', severity: 'info', title: 'requestRemote is 2.5× faster for GET /tasks', costMs: 270 });
    expect(f!.callIds).toHaveLength(11);
    expect(f!.fix).toContain('unless the remote needs the OAuth tokens (x-forge-oauth-*) that only invokeRemote brings');
  });

  it('says nothing on a tie or with too few calls on a side', () => {
    const tie = [...[10, 10, 10, 10, 10].map((d, i) => invokeRemote('/t', i * 100, i * 100 + d)), ...[10, 10, 10, 10, 10.5].map((d, i) => requestRemote('/t', i * 100, i * 100 + d))];
    expect(remotePath.run(input(tie))).toEqual([]);
    expect(remotePath.run(input([invokeRemote('/t', 0, 500), requestRemote('/t', 0, 10)]))).toEqual([]);
  });
});

describe('boot timeline and slow-start', () => {
  const boot = { navigationStart: T, bridgeAt: T + 180, firstPaintAt: null, firstContentfulPaintAt: T + 1900 };

  it('orders the marks and names each gap', () => {
    const calls = [made('getContext', null, 1592, 1700), made('reconcile', { forgeDoc: { type: 'Root' } }, 1800, 1810)];
    const t = bootTimelineOf(frame('1:a', boot), calls.map((c) => ({ ...c, frameKey: '1:a' })));
    expect(t.marks.map((m) => m.name)).toEqual(['navigation', 'bridge', 'first-call', 'first-result', 'first-reconcile', 'first-contentful-paint']);
    expect(t.gaps.map((g) => g.text)).toEqual([
      '180 ms from navigation start to the bridge being ready',
      "1,412 ms from the bridge being ready to the app's first call",
      "108 ms from the app's first call to the first result",
      '100 ms from the first result to the first UI Kit reconcile',
      '100 ms from the first UI Kit reconcile to first contentful paint',
    ]);
  });

  it('finds a first call a second or more after navigation start and names the longest gap before it', () => {
    const [f] = slowStart.run(frame('1:a', boot), [made('getContext', null, 1592, 1700)]);
    expect(f).toMatchObject({ rule: 'slow-start', severity: 'info', costMs: 1592 });
    expect(f!.numbers).toBe("Longest gap: 1,412 ms from the bridge being ready to the app's first call.");
    expect(slowStart.run(frame('1:a', boot), [made('getContext', null, 300, 350)])).toEqual([]);
    // Without a navigation start (an older trace) nothing is said; a first call 40 s in waited for the user, not the boot.
    expect(slowStart.run(frame('1:a'), [made('getContext', null, 2500, 2600)])).toEqual([]);
    expect(slowStart.run(frame('1:a', boot), [made('getContext', null, 40_000, 40_100)])).toEqual([]);
    expect(slowStart.run(frame('1:a', boot), [made('getContext', null, 2500, 2600)])[0]!.title).toBe("The app's first bridge call came 2,500 ms after the frame started loading");
  });
});

describe('the engine', () => {
  it('lists errors first, then by cost, and runs a frame rule again only when that frame\'s calls changed', () => {
    let runs = 0;
    const counting: FrameRule = { scope: 'frame', run: () => (runs++, []) };
    const engine = createInsights([counting], []);
    const a = resolver('x', 0, 10, { frame: '1:a', result: 1 });
    const b = resolver('y', 0, 10, { frame: '2:b', result: 1 });
    const base = input([a, b]);
    engine.update(base);
    expect(runs).toBe(2);
    engine.update({ ...base, calls: [a, b] });
    expect(runs).toBe(2);
    engine.update({ ...base, calls: [a, { ...b, endedAt: b.endedAt! + 1 }] });
    expect(runs).toBe(3);
  });

  it('runs a rule at a time when asked for steps: a yield after each rule it runs, the same findings as update, nothing kept from a run left unfinished', () => {
    let runs = 0;
    const counting: FrameRule = { scope: 'frame', run: (f) => (runs++, [{ id: `c:${f?.key}:${runs}`, rule: 'slow-start', severity: 'info', title: 't', numbers: 'n', fix: 'f', docs: { title: 'd', url: 'u' }, callIds: [], costMs: runs }]) };
    const sessionWide = { scope: 'session' as const, run: () => [] };
    const a = resolver('x', 0, 10, { frame: '1:a', result: 1 });
    const b = resolver('y', 0, 10, { frame: '2:b', result: 1 });
    const base = input([a, b]);
    const stepped = createInsights([counting, counting], [sessionWide, sessionWide, sessionWide]);
    const steps = stepped.steps(base);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Two frames × two frame rules, and three session rules.
    expect(yields).toBe(7);
    runs = 0;
    expect(step.value).toEqual(createInsights([counting, counting], [sessionWide, sessionWide, sessionWide]).update(base));

    // Left after its first rule, a run writes nothing: the next run finds no frame kept and runs every rule again.
    const engine = createInsights([counting], []);
    runs = 0;
    const unfinished = engine.steps(base);
    unfinished.next();
    expect(runs).toBe(1);
    engine.update(base);
    expect(runs).toBe(3);
    engine.update({ ...base, calls: [a, b] });
    expect(runs).toBe(3);
  });

  it('keeps the other rules\' findings when one rule throws', () => {
    const broken: FrameRule = { scope: 'frame', run: () => { throw new Error('bug'); } };
    const fine: FrameRule = { scope: 'frame', run: (f) => [{ id: `x:${f?.key}`, rule: 'slow-start', severity: 'info', title: 't', numbers: 'n', fix: 'f', docs: { title: 'd', url: 'u' }, callIds: [], costMs: 0 }] };
    expect(createInsights([broken, fine], []).update(input([resolver('x', 0, 1)]))).toHaveLength(1);
  });

  it('puts a failing resolver before a slow chain and a chain before a note', () => {
    const calls = [
      resolver('getIssue', 0, 100, { error: new Error("Resolver has no definition for 'getIssue'.") }),
      resolver('a', 200, 800),
      resolver('b', 805, 1400),
      resolver('c', 1405, 2000),
      made('getContext', null, 3000, 3010),
      made('getContext', null, 3020, 3030),
    ];
    expect(findInsights(input(calls)).map((f) => [f.rule, f.severity])).toEqual([
      ['missing-resolver', 'error'],
      ['sequential-chain', 'warning'],
      ['repeated-call', 'info'],
    ]);
  });
});
