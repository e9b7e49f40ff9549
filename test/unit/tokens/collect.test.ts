import { describe, expect, it } from 'vitest';
import { collectTokens, tokenHash } from '../../../src/tokens';
import { call, entry, fct, fit, fitMint, graphql, jwt, match, remoteRequest, T0 } from './fixtures';

const MS = T0 * 1000;

describe('collectTokens: requestRemote FITs', () => {
  it('records a FIT once, from its mint and each request that carried it, with the calls from the matches', () => {
    const token = fit(T0);
    const mint = fitMint(token, MS + 10, 'x', 40);
    const first = remoteRequest(token, MS + 60);
    const second = remoteRequest(token, MS + 900);
    const c1 = call('requestRemote', MS);
    const c2 = call('requestRemote', MS + 850);
    const matches = [match(c1.id, mint.id, 'token-renewal'), match(c1.id, first.id), match(c2.id, second.id)];
    const tokens = collectTokens({ calls: [c1, c2], network: [second, mint, first], matches });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ id: tokenHash(token), type: 'FIT', jwt: token, iat: T0, nbf: T0, exp: T0 + 25, reportedExpiresAt: (T0 + 25) * 1000, firstSeenAt: MS + 50, lastUsedAt: MS + 900 });
    expect(tokens[0]!.uses).toEqual([
      { at: MS + 50, source: 'graphql-fit', entryId: mint.id, callId: c1.id },
      { at: MS + 60, source: 'authorization-header', entryId: first.id, callId: c1.id },
      { at: MS + 900, source: 'authorization-header', entryId: second.id, callId: c2.id },
    ]);
  });

  it('keeps two tokens apart when they share a jti but not a signature', () => {
    const token = fit(T0);
    const altered = `${token.slice(0, token.lastIndexOf('.'))}.b3RoZXI`;
    const tokens = collectTokens({ calls: [], network: [remoteRequest(token, MS), remoteRequest(altered, MS + 1)], matches: [] });
    expect(tokens.map((t) => t.id)).toEqual([tokenHash(token), tokenHash(altered)]);
  });

  it('reads only Bearer credentials, and leaves out links to calls no longer recorded', () => {
    const token = fit(T0);
    const basic = entry({ url: 'https://remote.example/a', requestHeaders: [{ name: 'authorization', value: `Basic ${token}` }] });
    const bearer = remoteRequest(token, MS);
    const tokens = collectTokens({ calls: [], network: [basic, bearer], matches: [match('frame-1#dropped', bearer.id)] });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.uses).toEqual([{ at: MS, source: 'authorization-header', entryId: bearer.id }]);
  });
});

describe('collectTokens: GraphQL', () => {
  it('reads FCTs sent in variables and received in responses, in a batched body, under every operation name', () => {
    const sentA = fct(T0);
    const gotB = fct(T0 + 1);
    const sentC = fct(T0 + 2);
    const gotD = fct(T0 + 3);
    const batch = graphql(
      [
        { operationName: 'forge_ui_invokeExtension', variables: { input: { extensionId: 'x', payload: { call: { functionKey: 'f' }, contextToken: sentA } } } },
        { operationName: 'useInvokeExtensionRelayMutation', variables: { input: { payload: { contextToken: { jwt: sentC } } } } },
      ],
      [
        { data: { invokeExtension: { success: true, contextToken: { jwt: gotB, expiresAt: String((T0 + 901) * 1000) } } } },
        { data: { ecosystem: { invokeExtension: { contextToken: { jwt: gotD, expiresAt: (T0 + 903) * 1000 } } } } },
      ],
      MS,
      30,
    );
    const tokens = collectTokens({ calls: [], network: [batch], matches: [] });
    const byJwt = new Map(tokens.map((t) => [t.jwt, t]));
    expect(byJwt.get(sentA)).toMatchObject({ type: 'FCT', reportedExpiresAt: null, uses: [{ at: MS, source: 'graphql-request', entryId: batch.id }] });
    expect(byJwt.get(sentC)).toMatchObject({ type: 'FCT', uses: [{ source: 'graphql-request' }] });
    expect(byJwt.get(gotB)).toMatchObject({ type: 'FCT', reportedExpiresAt: (T0 + 901) * 1000, uses: [{ at: MS + 30, source: 'graphql-fct' }] });
    expect(byJwt.get(gotD)).toMatchObject({ reportedExpiresAt: (T0 + 903) * 1000, uses: [{ source: 'graphql-fct' }] });
    expect(tokens).toHaveLength(4);
  });

  it('reads the FCT that signInvocationTokenForUI is given, and types a token by where it travelled', () => {
    const unknownIssuer = jwt({ iss: 'atlassian', exp: T0 + 900 }, { alg: 'RS256' });
    const mint = fitMint(fit(T0), MS, unknownIssuer);
    const tokens = collectTokens({ calls: [], network: [mint], matches: [] });
    expect(tokens.map((t) => [t.type, t.uses[0]!.source])).toEqual([
      ['FCT', 'graphql-request'],
      ['FIT', 'graphql-fit'],
    ]);
  });

  it('skips bodies cut short, not JSON, or holding no JWT, without throwing', () => {
    const token = fit(T0);
    const whole = fitMint(token, MS);
    const cut = { ...whole, id: 'cut', responseBody: whole.responseBody!.slice(0, whole.responseBody!.indexOf(token) + 30), bodyTruncated: true };
    const garbage = graphql('{"operationName": "forge_ui_invok', '<html>', MS);
    const fake = graphql({ variables: { input: { payload: { contextToken: 'fct' } } } }, { data: { x: { contextToken: { jwt: 'a.b.c' } } } }, MS);
    const empty = graphql('', '', MS);
    expect(collectTokens({ calls: [], network: [cut, garbage, fake, empty], matches: [] })).toEqual([]);
  });

  it('does not read bodies of requests that are not GraphQL', () => {
    const rest = entry({ url: 'https://site.atlassian.net/rest/api/3/issue', requestBody: JSON.stringify({ variables: { contextToken: fct(T0) } }), responseBody: JSON.stringify({ data: { x: { contextToken: { jwt: fct(T0) } } } }) });
    expect(collectTokens({ calls: [], network: [rest], matches: [] })).toEqual([]);
  });
});
