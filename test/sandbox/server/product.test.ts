import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, CLOUD_ID } from '../app-manifest';
import type { Sandbox } from '../index';
import { startSandboxForFile } from './test-support';

let sandbox: Sandbox;
startSandboxForFile((started) => (sandbox = started));

describe('product REST', () => {
  it('GET /rest/api/3/myself', async () => {
    const res = await fetch(`${sandbox.siteOrigin}/rest/api/3/myself`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accountId: ACCOUNT_ID, displayName: expect.any(String), active: true });
  });

  it('GET /rest/api/3/issue/{key}, 404 for a missing issue', async () => {
    const res = await fetch(`${sandbox.siteOrigin}/rest/api/3/issue/SBX-1?fields=summary`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ key: 'SBX-1', fields: { summary: expect.any(String), project: { key: 'SBX' } } });
    const missing = await fetch(`${sandbox.siteOrigin}/rest/api/3/issue/NOPE-999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('GET /wiki/rest/api/content', async () => {
    const res = await fetch(`${sandbox.siteOrigin}/wiki/rest/api/content?limit=2`);
    const body = (await res.json()) as { results: { type: string }[]; size: number };
    expect(body.size).toBe(2);
    expect(body.results[0]!.type).toBe('page');
  });

  it('refuses writes without X-Atlassian-Token: no-check (XSRF), accepts them with it', async () => {
    const put = (headers: Record<string, string>) =>
      fetch(`${sandbox.siteOrigin}/rest/api/3/issue/SBX-1`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: '{"fields":{}}' });
    const refused = await put({});
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('XSRF check failed');
    expect((await put({ 'X-Atlassian-Token': 'no-check' })).status).toBe(204);
    const post = await fetch(`${sandbox.siteOrigin}/wiki/rest/api/content`, { method: 'POST', body: '{"title":"T"}' });
    expect(post.status).toBe(403);
    const ok = await fetch(`${sandbox.siteOrigin}/wiki/rest/api/content`, { method: 'POST', headers: { 'x-atlassian-token': 'no-check' }, body: '{"title":"T"}' });
    expect(await ok.json()).toMatchObject({ title: 'T', type: 'page' });
  });

  it('404 JSON for any other REST path; accepts the /ex/<product>/<cloudId> prefix', async () => {
    const res = await fetch(`${sandbox.siteOrigin}/rest/api/3/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const ex = await fetch(`${sandbox.siteOrigin}/ex/jira/${CLOUD_ID}/rest/api/3/myself`);
    expect(ex.status).toBe(200);
  });
});
