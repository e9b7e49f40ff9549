import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../index';
import { extensionIdFor } from './modules';
import { startSandboxForFile } from './test-support';

/** The gateway in the forms real sites use (forge-facts §8.1): Relay persisted queries, classic, the FCT mints. */

let sandbox: Sandbox;
startSandboxForFile((started) => (sandbox = started));
beforeEach(() => sandbox.resetKnobs());

const HASH = 'a'.repeat(64);

async function post(path: string, body: unknown) {
  const res = await fetch(`${sandbox.siteOrigin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] } };
}

const input = (call: Record<string, unknown>, moduleKey = 'resolver-panel') => ({
  input: { contextIds: [], extensionId: extensionIdFor(moduleKey), entryPoint: 'resolver', payload: { call, context: { moduleKey, cloudId: '' } } },
});

describe('Relay persisted queries under /gateway/api/graphql/pq/<hash>', () => {
  it('runs an invoke whose body has no query text, named by ?operation= and operationName', async () => {
    const { status, json } = await post(`/gateway/api/graphql/pq/${HASH}?operation=useInvokeExtensionRelayMutation`, { operationName: 'useInvokeExtensionRelayMutation', variables: input({ functionKey: 'echo', payload: { n: 1 } }) });
    expect(status).toBe(200);
    expect(json.data!.invokeExtension).toMatchObject({ success: true, response: { body: { n: 1 } } });
    expect(typeof json.data!.invokeExtension.contextToken.expiresAt).toBe('string');
  });

  it('takes the operation from the URL alone, and names case-insensitively', async () => {
    const byUrl = await post(`/gateway/api/graphql/pq/${HASH}/?operation=useinvokeextensionrelaymutation`, { variables: input({ functionKey: 'echo', payload: { via: 'url' } }) });
    expect(byUrl.json.data!.invokeExtension).toMatchObject({ success: true, response: { body: { via: 'url' } } });
    const byName = await post('/gateway/api/graphql', { operationName: 'INVOKEEXTENSION', variables: input({ functionKey: 'echo', payload: { via: 'name' } }) });
    expect(byName.json.data!.invokeExtension).toMatchObject({ success: true, response: { body: { via: 'name' } } });
  });

  it('accepts a call with no payload key (the app passed none)', async () => {
    const { json } = await post(`/gateway/api/graphql/pq/${HASH}?operation=useInvokeExtensionRelayMutation`, { operationName: 'useInvokeExtensionRelayMutation', variables: input({ functionKey: 'echo' }) });
    expect(json.data!.invokeExtension).toMatchObject({ success: true, response: { body: {} } });
  });

  it('mints a FIT with SignInvocationTokenForUI, expiresAt a string of epoch ms', async () => {
    const fct = await post(`/gateway/api/graphql/pq/${HASH}?operation=SignForgeContextToken`, { operationName: 'SignForgeContextToken', variables: { input: { extensionIds: [extensionIdFor('issue-panel')] } } });
    const [token] = fct.json.data!.globalApp_signForgeContextTokens.tokens as { jwt: string; expiresAt: string; extensionId: string }[];
    const out = await post(`/gateway/api/graphql/pq/${HASH}?operation=SignInvocationTokenForUI`, { operationName: 'SignInvocationTokenForUI', variables: { input: { forgeContextToken: token!.jwt, remoteKey: 'remote-a' } } });
    const fit = out.json.data!.signInvocationTokenForUI.forgeInvocationToken as { jwt: string; expiresAt: string };
    expect(fit.expiresAt).toMatch(/^\d{13}$/);
    expect(Number(fit.expiresAt)).toBe((decodeJwt(fit.jwt).exp as number) * 1000);
  });
});

describe('FCT mints of facts §8.1', () => {
  it('SignForgeContextToken answers globalApp_signForgeContextTokens { tokens[] of { jwt, expiresAt, extensionId } }', async () => {
    const ids = [extensionIdFor('issue-panel'), extensionIdFor('macro')];
    const { json } = await post('/gateway/api/graphql', { operationName: 'SignForgeContextToken', variables: { input: { extensionIds: ids } } });
    const tokens = json.data!.globalApp_signForgeContextTokens.tokens as { jwt: string; expiresAt: string; extensionId: string }[];
    expect(tokens.map((t) => t.extensionId)).toEqual(ids);
    for (const t of tokens) {
      const c = decodeJwt(t.jwt);
      expect(c).toMatchObject({ iss: 'forge/context-token', aud: 'forge' });
      expect(c.exp! - c.iat!).toBe(900);
      expect(t.expiresAt).toBe(String(c.exp! * 1000));
    }
  });

  it('useGetContextTokenMutation answers confluence_generateForgeContextToken { forgeContextToken }', async () => {
    const { json } = await post(`/gateway/api/graphql/pq/${HASH}?operation=useGetContextTokenMutation`, { operationName: 'useGetContextTokenMutation', variables: { input: { extensionId: extensionIdFor('macro') } } });
    const token = json.data!.confluence_generateForgeContextToken.forgeContextToken as { jwt: string; expiresAt: string; extensionId: string };
    expect(token.extensionId).toBe(extensionIdFor('macro'));
    expect(decodeJwt(token.jwt)).toMatchObject({ aud: 'forge', extensionType: 'xen:macro' });
  });

  it('answers an unknown operation with a GraphQL error, not a crash', async () => {
    const { status, json } = await post(`/gateway/api/graphql/pq/${HASH}?operation=somethingElse`, { variables: {} });
    expect(status).toBe(400);
    expect(json.errors![0]!.message).toMatch(/Unknown operation somethingElse/);
  });
});

describe('FIT knobs of facts §8.3', () => {
  it('puts icLabel and the docs licence on FITs when the knobs ask', async () => {
    sandbox.setKnobs({ fitIcLabel: 'orange', fitLicense: 'always' });
    const fit = await sandbox.platform.mintFit({ kind: 'requestRemote' });
    expect(fit.claims).toMatchObject({ icLabel: 'orange', app: { license: { active: true, modes: ['USER_ACCESS'] } } });
    sandbox.resetKnobs();
    const plain = await sandbox.platform.mintFit({ kind: 'requestRemote' });
    expect(plain.claims).not.toHaveProperty('icLabel');
    expect(plain.claims.app).not.toHaveProperty('license');
  });

  it('refuses an icLabel that is not short text', () => {
    expect(() => sandbox.setKnobs({ fitIcLabel: 'x'.repeat(65) })).toThrow(/fitIcLabel/);
    expect(() => sandbox.setKnobs({ fitIcLabel: 3 as never })).toThrow(/fitIcLabel/);
  });
});
