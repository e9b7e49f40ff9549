import { describe, expect, it } from 'vitest';
import type { NetworkEntry } from '../../../src/protocol/network';
import type { TokenRecord, TokenWarning } from '../../../src/protocol/tokens';
import { collectTokens, tokenWarnings } from '../../../src/tokens';
import { APP_ID, call, fct, fit, fitMint, graphql, match, remoteRequest, T0 } from './fixtures';

const MS = T0 * 1000;

/** Tokens collected from the network, then warned about, as the panel does. */
function warn(network: NetworkEntry[], extra: Omit<Parameters<typeof tokenWarnings>[0], 'tokens' | 'network'> = {}) {
  const tokens = collectTokens({ calls: extra.calls ?? [], network, matches: extra.matches ?? [] });
  return { tokens, warnings: tokenWarnings({ tokens, network, ...extra }) };
}

const codes = (list: TokenWarning[]) => list.map((w) => w.code);
const without = (list: TokenWarning[], code: TokenWarning['code']) => list.filter((w) => w.code !== code);

describe('lifetime at use', () => {
  it('says by how much a token was used after it expired, or how little was left', () => {
    const token = fit(T0);
    const { warnings } = warn([remoteRequest(token, MS + 20_000), remoteRequest(token, MS + 24_000), remoteRequest(token, MS + 25_000), remoteRequest(token, MS + 26_200)]);
    const timing = without(warnings, 'no-license');
    expect(timing.map((w) => [w.code, w.severity])).toEqual([
      ['near-expiry', 'warning'],
      ['expired-at-use', 'error'],
      ['expired-at-use', 'error'],
    ]);
    expect(timing[0]!.message).toBe('This FIT was used with only 1.0 s left before it expired, so it may expire before the remote checks it.');
    expect(timing[1]!.message).toContain('used 0.0 s after it expired');
    expect(timing[2]!.message).toBe('This FIT was used 1.2 s after it expired, so the remote should refuse it.');
  });

  it('names Forge as the checker of an FCT sent to GraphQL', () => {
    const token = fct(T0);
    const late = graphql({ operationName: 'forge_ui_invokeExtension', variables: { input: { payload: { contextToken: token } } } }, {}, MS + 901_500);
    const { warnings } = warn([late]);
    expect(warnings).toEqual([{ code: 'expired-at-use', severity: 'error', tokenId: expect.any(String), entryId: late.id, message: 'This FCT was used 1.5 s after it expired, so Forge should refuse it.' }]);
  });

  it('warns of a use before nbf beyond the second nbf is rounded to', () => {
    const token = fit(T0);
    const { warnings } = warn([remoteRequest(token, MS - 2500), remoteRequest(token, MS - 600)]);
    expect(codes(without(warnings, 'no-license'))).toEqual(['not-yet-valid']);
    expect(warnings[0]!.message).toContain('used 2.5 s before it became valid (nbf)');
  });
});

describe('clock skew', () => {
  it('compares iat with the time of the GraphQL request that minted the token, both ways', () => {
    const ahead = fit(T0 + 8);
    const behind = fit(T0 - 8);
    const fine = fit(T0);
    const network = [fitMint(ahead, MS, 'x', 100), fitMint(behind, MS, 'x', 100), fitMint(fine, MS + 500, 'x', 100)];
    const { tokens, warnings } = warn(network);
    const skew = warnings.filter((w) => w.code === 'clock-skew-iat');
    expect(skew.map((w) => w.tokenId)).toEqual([tokens.find((t) => t.jwt === ahead)!.id, tokens.find((t) => t.jwt === behind)!.id]);
    expect(skew[0]!.message).toBe("This FIT was issued (iat) 7.9 s ahead of this browser's clock, so the expiry times shown here are off by as much.");
    expect(skew[1]!.message).toContain('issued (iat) 7.0 s behind this browser');
  });

  it('without a mint, flags only an iat ahead of the first use: a cached token may be old', () => {
    const old = fit(T0 - 20);
    const future = fit(T0 + 9);
    const { warnings } = warn([remoteRequest(old, MS), remoteRequest(future, MS)]);
    expect(codes(warnings.filter((w) => w.code === 'clock-skew-iat'))).toEqual(['clock-skew-iat']);
    expect(warnings.find((w) => w.code === 'clock-skew-iat')!.message).toContain('issued (iat) 9.0 s ahead of');
  });

  it("compares the remote's Date header with iat, allowing its whole-second resolution, once per token", () => {
    const token = fit(T0);
    const dateHeader = (seconds: number) => [{ name: 'Date', value: new Date(seconds * 1000).toUTCString() }];
    const slow = [remoteRequest(token, MS + 100, { responseHeaders: dateHeader(T0 - 7) }), remoteRequest(token, MS + 200, { responseHeaders: dateHeader(T0 - 8) })];
    const skew = warn(slow).warnings.filter((w) => w.code === 'clock-skew-date');
    expect(skew).toHaveLength(1);
    expect(skew[0]).toMatchObject({ entryId: slow[0]!.id, message: "The remote's clock (its Date header) was at least 6.0 s behind the clock that issued this FIT (its iat), so a remote that checks nbf with less tolerance refuses it." });
    const onTime = [remoteRequest(token, MS + 100, { responseHeaders: dateHeader(T0 - 6) })];
    expect(codes(warn(onTime).warnings)).not.toContain('clock-skew-date');
  });

  it('tells a remote clock ahead only when the mint was seen, from the time since the mint', () => {
    const token = fit(T0);
    const dateHeader = (seconds: number) => [{ name: 'Date', value: new Date(seconds * 1000).toUTCString() }];
    const use = remoteRequest(token, MS + 3000, { durationMs: 100, responseHeaders: dateHeader(T0 + 12) });
    const withMint = warn([fitMint(token, MS, 'x', 50), use]).warnings.filter((w) => w.code === 'clock-skew-date');
    expect(withMint.map((w) => w.message)).toEqual([expect.stringContaining('at least 7.9 s ahead of the clock that issued this FIT')]);
    expect(codes(warn([use]).warnings)).not.toContain('clock-skew-date');
  });
});

describe('FIT changes, renewals, licence', () => {
  it('warns when aud or the environment changes between successive FITs of the same app, not across apps', () => {
    const first = fit(T0);
    const otherAud = fit(T0 + 30, { aud: 'ari:cloud:ecosystem::app/other' });
    const otherEnv = fit(T0 + 60, { aud: 'ari:cloud:ecosystem::app/other', app: { id: APP_ID, environment: { type: 'PRODUCTION', id: `${APP_ID}/env-2` } } });
    const otherApp = fit(T0 + 90, { aud: 'ari:cloud:ecosystem::app/third', app: { id: 'ari:cloud:ecosystem::app/third' } });
    const network = [first, otherAud, otherEnv, otherApp].map((t, i) => remoteRequest(t, MS + i * 30_000 + 100));
    const changes = warn(network).warnings.filter((w) => w.code === 'aud-changed' || w.code === 'env-changed');
    expect(changes.map((w) => [w.code, w.entryId])).toEqual([
      ['aud-changed', network[1]!.id],
      ['env-changed', network[2]!.id],
    ]);
    expect(changes[0]!.message).toBe(`The audience changed between two FITs of ${APP_ID} (${APP_ID} → ari:cloud:ecosystem::app/other), so a remote that checks aud against one app id refuses one of them.`);
    expect(changes[1]!.message).toContain(`(DEVELOPMENT ${APP_ID}/env-1 → PRODUCTION ${APP_ID}/env-2)`);
  });

  it('reports what a FIT renewal cost the call that waited on it', () => {
    const { tokens, warnings } = warn([remoteRequest(fit(T0), MS + 100)], { renewals: [{ callId: 'frame-1#9', tokenId: 'h:1', extraMs: 84.6 }, { callId: 'frame-1#10', tokenId: 'h:2', extraMs: 0 }] });
    expect(tokens).toHaveLength(1);
    expect(warnings.filter((w) => w.code === 'renewal-cost')).toEqual([{ code: 'renewal-cost', severity: 'info', tokenId: 'h:1', callId: 'frame-1#9', message: 'The call waited 85 ms for a new FIT before its request went out.' }]);
  });

  it('notes calmly that a requestRemote FIT has no licence, and only for requestRemote FITs', () => {
    const plain = fit(T0);
    const licensed = fit(T0 + 1, { app: { id: APP_ID, license: { isActive: true } } });
    const { tokens, warnings } = warn([remoteRequest(plain, MS + 100), remoteRequest(licensed, MS + 1100), remoteRequest(fct(T0), MS + 200)]);
    const notes = warnings.filter((w) => w.code === 'no-license');
    expect(notes).toEqual([expect.objectContaining({ severity: 'info', tokenId: tokens.find((t) => t.jwt === plain)!.id })]);
    expect(notes[0]!.message).toContain('which is expected: Atlassian documents that requestRemote FITs never include it');
  });

  it('decides the requestRemote path from the call kind for a FIT seen elsewhere', () => {
    const requestRemote = call('requestRemote', MS);
    const invokeRemote = call('invokeRemote', MS);
    const record = (callId: string): TokenRecord => ({ ...collectTokens({ calls: [], network: [remoteRequest(fit(T0), MS)], matches: [] })[0]!, uses: [{ at: MS, source: 'bridge-payload', callId }] });
    const warnFor = (callId: string) => tokenWarnings({ tokens: [record(callId)], network: [], calls: [requestRemote, invokeRemote] });
    expect(codes(warnFor(requestRemote.id))).toEqual(['no-license']);
    expect(codes(warnFor(invokeRemote.id))).toEqual([]);
  });

  it('links a warning to the call matched to its request when the token record has no call', () => {
    const token = fit(T0);
    const request = remoteRequest(token, MS + 30_000);
    const c = call('requestRemote', MS + 29_990);
    const tokens = collectTokens({ calls: [], network: [request], matches: [] });
    const warnings = tokenWarnings({ tokens, network: [request], calls: [c], matches: [match(c.id, request.id)] });
    expect(warnings.find((w) => w.code === 'expired-at-use')).toMatchObject({ callId: c.id, entryId: request.id });
  });
});
