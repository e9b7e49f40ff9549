import { describe, expect, it } from 'vitest';
import { categorize, correlate, fromHarEntry, readForgeGraphql, type HarEntry } from '../../../src/network';
import { importTraceText } from '../../../src/trace';
import { call as callRecord } from './fixtures';
import { EXTENSION_ARI, fct, fit, fitMint, graphql, harFile, invoke, invokeVariables, PQ_HASH, session, SITE, type Form } from './realForge';

/** The network reader against what real sites send (forge-facts §8.1), in both GraphQL forms. */

const none = { remoteOrigins: new Set<string>() };
const entryOf = (har: HarEntry, id = 'n1') => fromHarEntry(har, { text: har.response.content.text ?? null, encoding: null }, { id, segment: 0, category: categorize(har, none) ?? 'product' });
const read = (har: HarEntry) => readForgeGraphql(entryOf(har));
const FORMS: Form[] = ['persisted', 'classic'];

describe('what is Forge GraphQL: any path under /gateway/api/graphql', () => {
  it.each(FORMS)('the %s invoke is kept, named as it was sent', (form) => {
    const har = invoke(form, { functionKey: 'getText', payload: {} }, 'x', 0);
    expect(categorize(har, none)).toBe('forge-graphql');
    expect(entryOf(har).operationName).toBe(form === 'persisted' ? 'useInvokeExtensionRelayMutation' : 'forge_ui_invokeExtension');
  });

  it('takes /pq/<hash>/ with a trailing slash, and a body that names nothing (the URL does)', () => {
    const har = invoke('persisted', { functionKey: 'k' }, 1, 0);
    har.request.url = `${SITE}/gateway/api/graphql/pq/${PQ_HASH}/?operation=useInvokeExtensionRelayMutation`;
    har.request.postData!.text = JSON.stringify({ variables: invokeVariables({ functionKey: 'k' }, null) });
    expect(categorize(har, none)).toBe('forge-graphql');
    expect(read(har)[0]).toMatchObject({ operationName: 'useInvokeExtensionRelayMutation', kind: 'invoke', form: 'persisted', call: { functionKey: 'k' } });
  });

  it('matches operation names ignoring case (InvokeExtension, SIGNINVOCATIONTOKENFORUI)', () => {
    for (const [name, kind] of [['InvokeExtension', 'invoke'], ['invokeextension', 'invoke'], ['SIGNINVOCATIONTOKENFORUI', 'fit-mint'], ['usegetcontexttokenmutation', 'fct-mint'], ['SignForgeContextToken', 'fct-mint']] as const) {
      const har = graphql('persisted', { persisted: name, classic: name, field: 'x' }, { input: {} }, { data: {} }, 0);
      expect(categorize(har, none), name).toBe('forge-graphql');
      expect(read(har)[0], name).toMatchObject({ operationName: name, kind });
    }
  });

  it('keeps and names an unknown operation whose variables carry an extension ARI, and one with no name at all', () => {
    const named = graphql('persisted', { persisted: 'useShinyNewRelayMutation', classic: 'x', field: 'x' }, { input: { extensionId: EXTENSION_ARI } }, { data: {} }, 0);
    expect(categorize(named, none)).toBe('forge-graphql');
    expect(entryOf(named).operationName).toBe('useShinyNewRelayMutation');
    expect(read(named)[0]).toMatchObject({ operationName: 'useShinyNewRelayMutation', kind: 'unknown', extensionId: EXTENSION_ARI });
    const unnamed = graphql('persisted', { persisted: 'x', classic: 'x', field: 'x' }, { extensionIds: [EXTENSION_ARI] }, { data: {} }, 0);
    unnamed.request.url = `${SITE}/gateway/api/graphql/pq/${PQ_HASH}`;
    unnamed.request.postData!.text = JSON.stringify({ variables: { extensionIds: [EXTENSION_ARI] } });
    expect(categorize(unnamed, none)).toBe('forge-graphql');
    expect(entryOf(unnamed).operationName).toBe('(unnamed)');
    expect(read(unnamed)[0]).toMatchObject({ operationName: null, kind: 'unknown' });
  });

  it('leaves the gateway traffic that is not Forge alone (and GETs, and other hosts’ paths that only start alike)', () => {
    const jira = graphql('persisted', { persisted: 'JiraIssueViewQuery', classic: 'x', field: 'x' }, { issueKey: 'ACME-1', cloudId: 'c-1' }, { data: {} }, 0);
    expect(categorize(jira, none)).toBeNull();
    const get = invoke('persisted', { functionKey: 'k' }, 1, 0);
    get.request.method = 'GET';
    expect(categorize(get, none)).toBeNull();
    const lookalike = invoke('classic', { functionKey: 'k' }, 1, 0);
    lookalike.request.url = `${SITE}/gateway/api/graphqlish`;
    expect(categorize(lookalike, none)).toBeNull();
  });
});

describe('shapes of §8.1', () => {
  it('reads `call` with no payload key as it is, and the resolver call with one', () => {
    expect(read(invoke('persisted', { functionKey: 'getAll' }, [1], 0))[0]!.call).toEqual({ functionKey: 'getAll' });
    expect(read(invoke('persisted', { functionKey: 'getText', payload: { a: 1 } }, 'x', 0))[0]!.call).toEqual({ functionKey: 'getText', payload: { a: 1 } });
  });

  it('reads the response contextToken as { jwt, expiresAt: string }, a plain string, or null', () => {
    const asObject = read(invoke('persisted', { functionKey: 'k' }, 1, 0, { jwt: fct(1), expiresAt: '1796000901000' }))[0]!;
    expect(asObject.response).toMatchObject({ success: true, body: 1, contextToken: { jwt: fct(1), expiresAt: 1_796_000_901_000 } });
    expect(asObject.contextTokenSent).toBe(fct(0));
    expect(read(invoke('persisted', { functionKey: 'k' }, 1, 0, fct(2)))[0]!.response!.contextToken).toEqual({ jwt: fct(2), expiresAt: null });
    expect(read(invoke('persisted', { functionKey: 'k' }, 1, 0, null))[0]!.response).toMatchObject({ contextToken: null, fcts: [] });
  });

  it('reads the FIT mint with its string expiresAt in epoch ms, in either form', () => {
    for (const form of FORMS) {
      const x = read(fitMint(form, 0))[0]!;
      expect(x).toMatchObject({ kind: 'fit-mint', form, remoteKey: 'remote-a', contextTokenSent: fct(0) });
      expect(x.response!.fit).toEqual({ jwt: fit(0), expiresAt: 1_796_000_025_000 });
      expect(x.response!.baseUrl).toBe('https://remote.example.com');
    }
  });

  it('reads the FCT mints: useGetContextTokenMutation and SignForgeContextToken with tokens[]', () => {
    const confluence = graphql('persisted', { persisted: 'useGetContextTokenMutation', classic: 'x', field: 'x' }, { input: { extensionId: EXTENSION_ARI } }, { data: { confluence_generateForgeContextToken: { forgeContextToken: { jwt: fct(3), expiresAt: '1796000903000', extensionId: EXTENSION_ARI } } } }, 0);
    expect(read(confluence)[0]).toMatchObject({ kind: 'fct-mint', response: { fcts: [{ jwt: fct(3), expiresAt: 1_796_000_903_000 }] } });
    const global = graphql('classic', { persisted: 'x', classic: 'SignForgeContextToken', field: 'globalApp_signForgeContextTokens' }, { input: { extensionIds: [EXTENSION_ARI] } }, { data: { globalApp_signForgeContextTokens: { tokens: [{ jwt: fct(4), expiresAt: '1796000904000', extensionId: EXTENSION_ARI }, { jwt: fct(5), expiresAt: '1796000905000', extensionId: EXTENSION_ARI }] } } }, 0);
    expect(read(global)[0]!.response!.fcts.map((t) => t.jwt)).toEqual([fct(4), fct(5)]);
  });

  it('reads errors[] with message and extensions { errorType, statusCode }', () => {
    const failed = graphql('persisted', { persisted: 'useInvokeExtensionRelayMutation', classic: 'x', field: 'x' }, invokeVariables({ functionKey: 'k' }, fct(0)), { data: { invokeExtension: { success: false, response: null, contextToken: null, errors: [{ message: 'There was an error invoking the function - boom', extensions: { errorType: 'FUNCTION_INVOCATION_FAILED', statusCode: 500 } }] } } }, 0);
    expect(read(failed)[0]!.response).toMatchObject({ success: false, errors: [{ extensions: { statusCode: 500 } }] });
  });
});

describe('one session in each form: the same calls, matches and tokens', () => {
  const imported = (form: Form) => {
    const result = importTraceText(harFile(session(form)));
    if (!result.ok) throw new Error(result.error);
    return result.trace;
  };

  it('HAR import rebuilds the same calls from either form', () => {
    const [persisted, classic] = FORMS.map(imported);
    const shape = (t: NonNullable<typeof persisted>) => t.calls.map((c) => ({ command: c.command, request: c.request, status: c.status }));
    expect(shape(persisted!)).toEqual(shape(classic!));
    expect(persisted!.calls.map((c) => c.command)).toEqual(['invoke', 'invoke', 'invoke', 'fetchRemote']);
    expect(persisted!.calls[1]!.request).toMatchObject({ value: { functionKey: 'getAll' } });
    expect(persisted!.calls[1]!.request.value).not.toHaveProperty('payload');
  });

  it('HAR import finds the same tokens in either form: the FCTs (aud forge) and the FIT', () => {
    const [persisted, classic] = FORMS.map(imported);
    const tokens = (t: NonNullable<typeof persisted>) => t.tokens.map((k) => `${k.type} ${String(k.claims.aud)} ${k.reportedExpiresAt}`).sort();
    expect(tokens(persisted!)).toEqual(tokens(classic!));
    expect(tokens(persisted!)).toEqual([`FCT forge 1796000901000`, `FCT forge null`, `FIT ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107 1796000025000`]);
  });

  it('correlation matches bridge calls to the requests of either form alike', () => {
    const t = Date.parse('2026-11-23T10:00:00.000Z');
    const calls = [
      callRecord('invoke', { functionKey: 'getText', payload: { issueKey: 'ACME-1' } }, t - 5, t + 60),
      callRecord('invoke', { functionKey: 'getAll' }, t + 95, t + 160),
      callRecord('fetchRemote', { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks?mine=1', method: 'GET', body: null, headers: [] }, isMultipartFormData: false }, t + 295, t + 400),
    ];
    const relations = (form: Form) => {
      const network = session(form).map((har, i) => entryOf(har, `n${i}`));
      return correlate(calls, network).map((m) => `${m.callId} ${m.entryId} ${m.relation} ${m.certainty}`);
    };
    expect(relations('persisted')).toEqual(relations('classic'));
    expect(relations('persisted')).toHaveLength(4); // three requests and the FIT renewal
  });
});
