import { describe, expect, it } from 'vitest';
import { explainClaims } from '../../../src/tokens';
import { APP_ID, fitClaims, T0 } from './fixtures';

const claims = fitClaims(T0, {
  app: {
    id: APP_ID,
    installationId: 'ari:cloud:ecosystem::installation/1',
    apiBaseUrl: 'https://api.atlassian.com/ex/jira/c1',
    appVersion: '3.1.0',
    environment: { type: 'PRODUCTION', id: `${APP_ID}/env-1` },
    module: { type: 'xen:macro', key: 'panel' },
    license: { isActive: true, billingPeriod: 'MONTHLY' },
    installation: { id: 'ari:cloud:ecosystem::installation/1', contexts: [{ name: 'site', apiBaseUrl: 'https://api.atlassian.com/ex/jira/c1' }] },
  },
  context: { moduleKey: 'panel', extension: { type: 'jira:issuePanel', issue: { key: 'ABC-1', deep: { deeper: 1 } } } },
  custom: 'x',
});

describe('explainClaims', () => {
  const groups = explainClaims(claims, (T0 + 5) * 1000);
  const row = (key: string) => groups.flatMap((g) => g.rows).find((r) => r.key === key);
  const groupOf = (key: string) => groups.find((g) => g.rows.some((r) => r.key === key))?.group;

  it('puts each claim in its group, in the order the Token tab shows them', () => {
    expect(groups.map((g) => g.group)).toEqual(['Identity', 'Timing', 'Environment', 'Module', 'Installation', 'License', 'App', 'Context', 'Principal', 'Other']);
    expect(groupOf('app.installation.contexts[0].name')).toBe('Installation');
    expect([groupOf('app.installationId'), groupOf('app.installation.id'), groupOf('app.apiBaseUrl'), groupOf('custom')]).toEqual(['Installation', 'Installation', 'App', 'Other']);
  });

  it('shows times as seconds, ISO and relative to now', () => {
    expect(row('iat')!.value).toBe(`${T0} (${new Date(T0 * 1000).toISOString()}, 5 s ago)`);
    expect(row('exp')!.value).toBe(`${T0 + 25} (${new Date((T0 + 25) * 1000).toISOString()}, in 20 s)`);
    expect(explainClaims({ exp: 'soon' }, 0)[0]!.rows[0]!.value).toBe('"soon"');
  });

  it('explains claims in plain words, a sub-claim by its nearest documented parent', () => {
    // isActive is deprecated in favour of active (forge-facts §8.3); billingPeriod now has its own meaning.
    expect(row('app.license.isActive')).toMatchObject({ deprecated: true, meaning: expect.stringMatching(/^Deprecated: replaced by app\.license\.active/) });
    expect(row('app.license.billingPeriod')!.meaning).toBe('How often the licence is billed: MONTHLY or ANNUAL.');
    expect(row('context.extension.issue.key')!.meaning).toMatch(/^Where the module is rendered/);
    expect(row('aud')!.meaning).toContain("the app's ARI");
    expect(row('custom')).toEqual({ key: 'custom', value: 'x', meaning: '', deprecated: false });
  });

  // Four keys deep now, arrays of objects entry by entry, so that each installation context's fields are explained.
  it('opens objects four keys deep (arrays of objects by entry) and shows what is below as JSON', () => {
    expect(row('app.environment.type')!.value).toBe('PRODUCTION');
    expect(row('context.extension.issue.key')!.value).toBe('ABC-1');
    expect(row('context.extension.issue.deep')!.value).toBe('{"deeper":1}');
    expect(row('app.installation.contexts[0].apiBaseUrl')!.value).toBe('https://api.atlassian.com/ex/jira/c1');
    expect(row('app.installation.contexts')).toBeUndefined();
    expect(explainClaims({ context: { list: [1, 2] } }, 0)[0]!.rows[0]).toMatchObject({ key: 'context.list', value: '[1,2]' });
  });
});
