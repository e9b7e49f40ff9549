import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCOUNT_ID, CLOUD_ID, SITE } from '../app-manifest';
import { hopLatency, type SandboxContext } from './context';
import { readBody, requestUrl, sendJson, sendText } from './http';

/**
 * Product REST on the site origin (what requestJira / requestConfluence reach through the host, and what a
 * remote reaches at `app.apiBaseUrl` when the apiBaseUrl knob is 'site'): Jira `/rest/api/3/myself`,
 * `/rest/api/3/issue/{key}`, Confluence `/wiki/rest/api/content`. Writes without
 * `X-Atlassian-Token: no-check` fail the XSRF check (403) unless they carry an Authorization header
 * (token-authenticated calls are not XSRF-checked). Any other REST path: 404 JSON.
 * An `/ex/{jira|confluence}/<cloudId>` prefix (the api.atlassian.com shape) is accepted and stripped.
 */

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ISSUE_KEY = /^\/rest\/api\/(?:2|3)\/issue\/([A-Z][A-Z0-9]+-\d+|\d+)$/;
const PROJECT_KEY = SITE.issueKey.split('-')[0]!;
const MAX_ISSUE = 50;

export function isProductPath(path: string): boolean {
  return /^\/(?:rest|wiki\/rest)\//.test(path) || /^\/ex\/(?:jira|confluence)\//.test(path);
}

function user(siteOrigin: string) {
  return {
    self: `${siteOrigin}/rest/api/3/user?accountId=${encodeURIComponent(ACCOUNT_ID)}`,
    accountId: ACCOUNT_ID,
    accountType: 'atlassian',
    emailAddress: 'sandbox.user@example.com',
    avatarUrls: { '48x48': `${siteOrigin}/avatar/48.png`, '24x24': `${siteOrigin}/avatar/24.png`, '16x16': `${siteOrigin}/avatar/16.png`, '32x32': `${siteOrigin}/avatar/32.png` },
    displayName: 'Sandbox User',
    active: true,
    timeZone: SITE.timezone,
    locale: SITE.locale.replace('-', '_'),
    groups: { size: 2, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

function issue(siteOrigin: string, key: string) {
  const n = Number(key.split('-')[1] ?? '1');
  const id = String(10000 + n);
  const me = user(siteOrigin);
  const person = { self: me.self, accountId: me.accountId, displayName: me.displayName, active: true, timeZone: me.timeZone, accountType: 'atlassian' };
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id,
    self: `${siteOrigin}/rest/api/3/issue/${id}`,
    key,
    fields: {
      summary: n === 1 ? 'Bridge calls are invisible' : `Sandbox issue ${n}`,
      issuetype: { id: '10003', name: 'Task', subtask: false, hierarchyLevel: 0 },
      project: { id: '10000', key: PROJECT_KEY, name: 'Sandbox', projectTypeKey: 'software', self: `${siteOrigin}/rest/api/3/project/10000` },
      status: { id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' } },
      priority: { id: '3', name: 'Medium' },
      assignee: person,
      reporter: person,
      labels: ['forge', 'sandbox'],
      created: '2026-11-02T09:30:00.000+0100',
      updated: '2026-11-10T16:04:12.000+0100',
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'An issue served by the Forge sandbox.' }] }],
      },
    },
  };
}

function content(siteOrigin: string, query: URLSearchParams) {
  const limit = Math.min(Number(query.get('limit') ?? '25') || 25, 100);
  const start = Number(query.get('start') ?? '0') || 0;
  const pages = [
    { id: '65538', title: 'Sandbox home' },
    { id: '65539', title: 'Forge bridge notes' },
    { id: '65540', title: 'Remote runbook' },
  ];
  const results = pages.slice(start, start + limit).map((p) => ({
    id: p.id,
    type: 'page',
    status: 'current',
    title: p.title,
    space: { id: 98306, key: 'SBX', name: 'Sandbox', type: 'global' },
    version: { number: 3, when: '2026-11-10T15:04:12.000Z', by: { type: 'known', accountId: ACCOUNT_ID, displayName: 'Sandbox User' } },
    _links: { webui: `/spaces/SBX/pages/${p.id}`, self: `${siteOrigin}/wiki/rest/api/content/${p.id}` },
    _expandable: { body: '', ancestors: '', children: '' },
  }));
  return { results, start, limit, size: results.length, _links: { base: `${siteOrigin}/wiki`, context: '/wiki', self: `${siteOrigin}/wiki/rest/api/content` } };
}

export async function handleProduct(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await hopLatency(ctx, 'product');
  const method = req.method ?? 'GET';
  const { rawPath, query } = requestUrl(req);
  const path = rawPath.replace(new RegExp(`^/ex/(?:jira|confluence)/${CLOUD_ID}(?=/)`), '').replace(/\/+$/, '');
  const body = await readBody(req, 10 * 1024 * 1024);
  const site = ctx.origins.site;
  const notFound = () => sendJson(res, 404, { errorMessages: [`No REST resource at ${method} ${rawPath}`], errors: {} });

  if (WRITE.has(method)) {
    const token = req.headers['x-atlassian-token'];
    const exempt = req.headers.authorization !== undefined;
    if (!exempt && (typeof token !== 'string' || token.toLowerCase() !== 'no-check')) {
      return sendText(res, 403, 'XSRF check failed', { 'x-atlassian-token': 'no-check' });
    }
  }

  if (path === '/rest/api/3/myself' || path === '/rest/api/2/myself') {
    return method === 'GET' ? sendJson(res, 200, user(site)) : notFound();
  }
  const issueMatch = ISSUE_KEY.exec(path);
  if (issueMatch) {
    const key = /^\d+$/.test(issueMatch[1]!) ? `${PROJECT_KEY}-${Number(issueMatch[1]) - 10000}` : issueMatch[1]!;
    const n = Number(key.split('-')[1]);
    if (!key.startsWith(`${PROJECT_KEY}-`) || !(n >= 1 && n <= MAX_ISSUE)) {
      return sendJson(res, 404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
    if (method === 'GET') return sendJson(res, 200, issue(site, key));
    if (method === 'PUT') {
      res.writeHead(204, { 'content-length': 0 });
      res.end();
      return;
    }
    return notFound();
  }
  if (path === '/rest/api/3/issue' && method === 'POST') {
    return sendJson(res, 201, { id: '10051', key: `${PROJECT_KEY}-51`, self: `${site}/rest/api/3/issue/10051` });
  }
  if (path === '/wiki/rest/api/content') {
    if (method === 'GET') return sendJson(res, 200, content(site, query));
    if (method === 'POST') {
      let title = 'New page';
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { title?: unknown };
        if (typeof parsed.title === 'string') title = parsed.title;
      } catch {
        return sendJson(res, 400, { statusCode: 400, message: 'Could not parse the request body as JSON' });
      }
      return sendJson(res, 200, { id: '65541', type: 'page', status: 'current', title, _links: { self: `${site}/wiki/rest/api/content/65541` } });
    }
  }
  return notFound();
}
