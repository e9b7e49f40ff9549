import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { categorize, isForgeJwt } from '../../../src/network';
import { collectTokens, createJwksCache, decodeJwt, explainClaims, findJwts, verifyToken, type ClaimGroup } from '../../../src/tokens';
import { newPass, REDACTED_SIGNATURE, redactString } from '../../../src/redact';
import { fct as realFct } from '../network/realForge';
import { APP_ID, graphql, remoteRequest, T0 } from './fixtures';
import { keyPair, signFit } from './keys';

/**
 * Tokens as Atlassian documents and real sites issue them (forge-facts §8.2, §8.3), read from
 * shared/real-forge: the docs' 2026 FIT claim set and the docs' broken example FCT. The repository's own
 * copy lives under test/unit/tokens/real-forge when the shared folder is not there.
 */
function realForgeFile(name: string): string {
  for (const dir of [join(__dirname, 'real-forge'), '/work/shared/real-forge']) {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      /* next */
    }
  }
  throw new Error(`real-forge/${name} not found`);
}

const DOCS_FIT = (JSON.parse(realForgeFile('fit-claims.docs-2026.json')) as { claims: Record<string, unknown> }).claims;
const DOCS_FCT = realForgeFile('fct.docs-example.jwt').trim();
const rows = (groups: ClaimGroup[]) => groups.flatMap((g) => g.rows.map((r) => ({ ...r, group: g.group })));

describe('every claim explained in plain words, per token type', () => {
  it("gives every claim of the docs' 2026 FIT a meaning (licence, installation contexts with a workspace, icLabel)", () => {
    const all = rows(explainClaims(DOCS_FIT, 0, 'FIT'));
    expect(all.filter((r) => r.meaning === '').map((r) => r.key)).toEqual([]);
    const byKey = new Map(all.map((r) => [r.key, r]));
    for (const key of ['app.license.active', 'app.license.modes', 'app.license.capabilitySet', 'app.license.supportEntitlementNumber', 'app.installation.contexts[1].workspaceId', 'app.installation.contexts[0].cloudId', 'icLabel']) {
      expect(byKey.has(key), key).toBe(true);
    }
    expect(byKey.get('app.installation.contexts[1].workspaceId')!.meaning).toMatch(/Bitbucket workspace/);
    expect(byKey.get('app.license.supportEntitlementNumber')!.meaning).toMatch(/always null/);
    expect(byKey.get('icLabel')).toMatchObject({ group: 'Isolated Cloud', meaning: expect.stringMatching(/key set/) });
    expect(byKey.get('aud')!.meaning).toMatch(/app's ARI/);
  });

  it('gives every claim of a real FCT a meaning, with aud "forge" and 900 s, not the FIT meanings', () => {
    const claims = decodeJwt(realFct()) as { ok: true; claims: Record<string, unknown> };
    const all = rows(explainClaims(claims.claims, 0, 'FCT'));
    expect(all.filter((r) => r.meaning === '').map((r) => r.key)).toEqual([]);
    const byKey = new Map(all.map((r) => [r.key, r]));
    expect(byKey.get('aud')!.meaning).toMatch(/"forge".*not an app/);
    expect(byKey.get('exp')!.meaning).toMatch(/900 s/);
    for (const key of ['accountId', 'appId', 'appVersion', 'contextIds', 'extensionId', 'extensionType', 'unlicensed', 'context.localId']) expect(byKey.get(key)?.meaning, key).not.toBe('');
  });

  it('marks app.license.isActive deprecated in favour of active', () => {
    const all = rows(explainClaims({ app: { license: { isActive: true, active: true } } }, 0, 'FIT'));
    expect(all.find((r) => r.key === 'app.license.isActive')).toMatchObject({ deprecated: true, meaning: expect.stringMatching(/^Deprecated: replaced by app\.license\.active/) });
    expect(all.find((r) => r.key === 'app.license.active')).toMatchObject({ deprecated: false });
  });
});

describe("the docs' broken example FCT: header readable, claims not", () => {
  it('decodes its header and says "claims unreadable", not "not a JWT"', () => {
    const decoded = decodeJwt(DOCS_FCT);
    expect(decoded.ok).toBe(false);
    expect(decoded).toMatchObject({ header: { alg: 'RS256', kid: expect.stringMatching(/^forge\/context-token\//) }, error: expect.stringMatching(/^claims unreadable/) });
    expect((decoded as { error: string }).error).not.toMatch(/Not a JWT/);
  });

  it('is still found, tracked as an FCT and recognised as a Forge token in traffic', () => {
    expect(findJwts(`{"contextToken":"${DOCS_FCT}"}`)).toEqual([DOCS_FCT]);
    expect(isForgeJwt(DOCS_FCT)).toBe(true);
    const sent = graphql({ operationName: 'useInvokeExtensionRelayMutation', variables: { input: { payload: { call: { functionKey: 'f' }, contextToken: DOCS_FCT } } } }, {}, T0 * 1000);
    const [token] = collectTokens({ calls: [], network: [sent], matches: [] });
    expect(token).toMatchObject({ type: 'FCT', jwt: DOCS_FCT, claims: {}, claimsUnreadable: expect.stringMatching(/^claims unreadable/), header: { kid: expect.stringMatching(/^forge\/context-token\//) } });
    const bearer = remoteRequest(DOCS_FCT, T0 * 1000);
    expect(categorize({ request: { method: 'GET', url: bearer.url, headers: bearer.requestHeaders }, response: { status: 200, statusText: '', headers: [], content: {} } } as never, { remoteOrigins: new Set() })).toBe('forge-jwt');
  });

  it('loses its signature to redaction like any token', () => {
    const text = redactString(`{"contextToken":"${DOCS_FCT}"}`, newPass([]));
    expect(text).toContain(REDACTED_SIGNATURE);
    expect(text).not.toContain(DOCS_FCT.split('.')[2]!);
  });

  it('verifies to "not verified: claims unreadable", never "invalid"', async () => {
    const result = await verifyToken(DOCS_FCT, { fetchJwks: vi.fn(async () => ({ keys: [] })), trustedJwksUrls: [], now: Date.now(), cache: createJwksCache({ now: () => Date.now() }) });
    expect(result).toMatchObject({ status: 'not-verified', reason: expect.stringMatching(/^not verified: claims unreadable/) });
  });
});

describe('a FIT with icLabel (Isolated Cloud)', () => {
  const NOW = (T0 + 3) * 1000;
  const TRUSTED = 'http://localhost:4000/.well-known/jwks.json';

  it('reads "not verified: Isolated Cloud key set unknown" without a trusted key set, and never asks the public one', async () => {
    const { privateKey, jwks } = await keyPair();
    const fetchJwks = vi.fn(async () => jwks);
    const token = await signFit(privateKey, { iat: T0, claims: { icLabel: 'orange' } });
    const result = await verifyToken(token, { fetchJwks, trustedJwksUrls: [], expectedAudience: APP_ID, now: NOW, cache: createJwksCache({ now: () => NOW }) });
    expect(result).toMatchObject({ status: 'not-verified', reason: expect.stringMatching(/^not verified: Isolated Cloud key set unknown \(icLabel orange\)/) });
    expect(fetchJwks).not.toHaveBeenCalled();
  });

  it('stays "key set unknown" when the trusted key sets lack its key, and verifies once a trusted one has it', async () => {
    const { privateKey, jwks } = await keyPair();
    const other = await keyPair('forge/invocation-token/other');
    const token = await signFit(privateKey, { iat: T0, claims: { icLabel: 'orange' } });
    const options = (served: unknown) => ({ fetchJwks: vi.fn(async () => served), trustedJwksUrls: [TRUSTED], expectedAudience: APP_ID, now: NOW, cache: createJwksCache({ now: () => NOW }) });
    expect(await verifyToken(token, options(other.jwks))).toMatchObject({ status: 'not-verified', reason: expect.stringMatching(/^not verified: Isolated Cloud key set unknown/) });
    expect(await verifyToken(token, options(jwks))).toMatchObject({ status: 'verified', jwksUrl: TRUSTED });
  });
});
