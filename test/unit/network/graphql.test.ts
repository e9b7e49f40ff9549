import { describe, expect, it } from 'vitest';
import { readForgeGraphql } from '../../../src/network/graphql';

const invoke = (functionKey: string, contextToken = 'fct-sent') => ({ operationName: 'forge_ui_invokeExtension', variables: { input: { extensionId: 'ext-1', payload: { call: { functionKey }, contextToken } } } });

describe('readForgeGraphql', () => {
  it('reads each Forge operation of a batched body with its own part of the response, skipping others', () => {
    const request = JSON.stringify([invoke('first'), { operationName: 'SomethingElse', variables: {} }, invoke('second')]);
    const response = JSON.stringify([
      { data: { invokeExtension: { success: true, response: { body: 1 }, contextToken: { jwt: 'fct-1', expiresAt: '1700000000000' }, metrics: { appTimeMs: 12 } } } },
      { data: { other: { value: 1 } } },
      { data: { ecosystem: { invokeExtension: { success: false, errors: [{ message: 'boom' }] } } } },
    ]);
    const [a, b, ...rest] = readForgeGraphql({ requestBody: request, responseBody: response });
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ operationName: 'forge_ui_invokeExtension', extensionId: 'ext-1', call: { functionKey: 'first' }, contextTokenSent: 'fct-sent', complete: true });
    expect(a!.response).toMatchObject({ success: true, body: 1, contextToken: { jwt: 'fct-1', expiresAt: 1_700_000_000_000 }, metrics: { appTimeMs: 12 }, complete: true });
    // The third reply belongs to the third request, not to the second Forge operation's index.
    expect(b).toMatchObject({ call: { functionKey: 'second' }, response: { success: false, errors: [{ message: 'boom' }] } });
  });

  it('reads a payload sent as text, a FIT mint, and top-level errors', () => {
    const textPayload = { operationName: 'forge_ui_invokeExtension', variables: { input: { payload: JSON.stringify({ call: { functionKey: 'k' } }) } } };
    expect(readForgeGraphql({ requestBody: JSON.stringify(textPayload), responseBody: JSON.stringify({ errors: [{ message: 'denied' }] }) })[0]).toMatchObject({ call: { functionKey: 'k' }, response: { success: false, errors: [{ message: 'denied' }] } });
    const mint = readForgeGraphql({
      requestBody: JSON.stringify({ operationName: 'signInvocationTokenForUI', variables: { input: { remoteKey: 'remote-a', forgeContextToken: 'fct' } } }),
      responseBody: JSON.stringify({ data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: 'a.b.c', expiresAt: 5 }, metadata: { baseUrl: 'https://r.example' } } } }),
    })[0]!;
    expect(mint).toMatchObject({ remoteKey: 'remote-a', contextTokenSent: 'fct', response: { fit: { jwt: 'a.b.c', expiresAt: 5 }, baseUrl: 'https://r.example' } });
  });

  it('reads what remains of a cut body and says it is incomplete; nothing for what is not GraphQL', () => {
    const whole = JSON.stringify({ data: { invokeExtension: { success: true, contextToken: { jwt: 'fct-2', expiresAt: 9 }, response: { body: { big: 'x'.repeat(100) } } } } });
    const [cut] = readForgeGraphql({ requestBody: JSON.stringify(invoke('k')), responseBody: whole.slice(0, whole.indexOf('response') + 30) });
    expect(cut!.response).toMatchObject({ success: true, contextToken: { jwt: 'fct-2', expiresAt: 9 }, complete: false });
    expect(readForgeGraphql({ requestBody: '<html>', responseBody: null })).toEqual([]);
    expect(readForgeGraphql({ requestBody: JSON.stringify({ query: 'query Me { me { id } }' }), responseBody: '{}' })).toEqual([]);
  });
});
