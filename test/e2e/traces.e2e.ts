import { describe, expect, it } from 'vitest';
import type { Frame } from 'puppeteer-core';
import { exportTrace as exportFrom } from '../../scripts/lib/driver';
import type { TraceV2 } from '../../src/protocol';
import { importTraceText, toHar } from '../../src/trace';
import type { Sandbox } from '../sandbox';
import { useDevtoolsSession, type DevtoolsSession } from './support/devtoolsSession';

let sandbox: Sandbox;
let session: DevtoolsSession;

useDevtoolsSession('?modules=issue-panel', (s, sb) => {
  session = s;
  sandbox = sb;
});

const PLANTED = {
  queryKey: 'plantedQueryKey8c1f',
  bodyPassword: 'planted-body-password-41d2',
  invokePassword: 'planted-invoke-password-77aa',
  invokeToken: 'planted-invoke-token-0b3e',
  cookie: 'planted-site-cookie-5e90',
  // Issue 13's classes, as a careful user planted them through the real extension.
  awsSecret: 'wJalrXUtnFEMIK7MDENGbPxRfiCYplanted13aws',
  atlassian: `ATATT3xFfGF0${'Pl4nted13atlassianTok'.repeat(8)}=5D1E2F3A`,
  github: 'ghp_Pl4nted13GitHubTokenValue0123456789',
  userinfo: 'planted13userinfoPw',
  sig: 'Pl4nted13SignedUrlSig0123456789abcdef',
  hubSignature: 'planted13hub0123456789abcdef0123456789abcdef',
  multipart: 'planted-13-multipart-password',
  basic: Buffer.from('ann:planted-13-basic-pw').toString('base64'),
};

function encodings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')];
}

async function exportTrace(redact: boolean): Promise<TraceV2> {
  return exportFrom(session.chromium, await session.tabId(), { redact });
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 75; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('traces of a sandbox session (real DevTools, Chromium)', () => {
  it('a redacted export carries none of the secrets planted in the session, in any encoding, as JSON or HAR', async () => {
    await session.site.setCookie({ name: 'session', value: PLANTED.cookie, url: sandbox.siteOrigin });
    const app = await session.app();
    // Straight through the bridge, as requestRemote and invoke would send them.
    await app.evaluate(async (p) => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, x: unknown): Promise<unknown> } }).__bridge;
      await bridge.callBridge('fetchRemote', {
        remoteKey: 'remote-a',
        fetchRequestInit: { path: `/tasks?apiKey=${p.queryKey}&page=2`, method: 'POST', headers: [['content-type', 'application/json']], body: JSON.stringify({ password: p.bodyPassword, title: 'keep me' }) },
        isMultipartFormData: false,
      });
    }, PLANTED);
    await session.run('invoke');
    await app.evaluate((p) => (window as unknown as { __sandboxApp: { run(a: string, x: unknown): Promise<unknown> } }).__sandboxApp.run('invoke', { password: p.invokePassword, token: p.invokeToken }), PLANTED);
    await app.evaluate(async (p) => {
      const bridge = (globalThis as unknown as { __bridge: { callBridge(c: string, x: unknown): Promise<unknown> } }).__bridge;
      const multipart = `--b13\r\nContent-Disposition: form-data; name="password"\r\n\r\n${p.multipart}\r\n--b13--`;
      await bridge.callBridge('fetchRemote', {
        remoteKey: 'remote-a',
        fetchRequestInit: { path: `/tasks?sig=${p.sig}&page=3`, method: 'POST', headers: [['content-type', 'multipart/form-data; boundary=b13']], body: multipart },
        isMultipartFormData: false,
      });
      await (window as unknown as { __sandboxApp: { run(a: string, x: unknown): Promise<unknown> } }).__sandboxApp.run('invoke', {
        awsSecretAccessKey: p.awsSecret,
        headers: { 'X-Hub-Signature-256': `sha256=${p.hubSignature}` },
        note: `use ${p.atlassian} and ${p.github}; proxy https://ann:${p.userinfo}@proxy.example.test/ sent Basic ${p.basic}`,
      });
    }, PLANTED);

    // Recording is asynchronous (hook → relay → worker; the network feed too): wait until all of it is there.
    const raw = await waitFor(
      () => exportTrace(false),
      (t) => t.tokens.some((x) => x.type === 'FIT') && Object.values(PLANTED).every((p) => JSON.stringify(t).includes(p)),
      'the planted values and the FIT in the recording',
    );
    const signatures = raw.tokens.map((t) => t.jwt.split('.')[2]!).filter((s) => s.length > 20);
    const planted = [...Object.values(PLANTED), ...signatures];
    // The unredacted trace really holds them (the test can fail).
    const rawText = JSON.stringify(raw);
    for (const secret of planted) expect(rawText.includes(secret), `unredacted trace holds ${secret}`).toBe(true);

    const redacted = await exportTrace(true);
    expect(redacted.redaction?.counts.jwtSignatures).toBeGreaterThanOrEqual(signatures.length);
    for (const text of [JSON.stringify(redacted), JSON.stringify(toHar(redacted))]) {
      for (const secret of planted) for (const form of encodings(secret)) expect(text.includes(form), `${secret} as ${form}`).toBe(false);
    }
    expect(JSON.stringify(redacted)).toContain('keep me');
  });

  it('imports the HAR of Chromium\'s own network log for the session, rebuilding the Forge calls and tokens', async () => {
    await session.run('invokeRemote');
    await session.run('requestRemote');
    const devtools = session.chromium.browser.targets().find((t) => t.url().startsWith('devtools://devtools/bundled/devtools_app.html'))!;
    const devtoolsPage = (await devtools.asPage())!;
    const devtoolsExtensionPage = devtoolsPage.frames().find((f: Frame) => f.url().endsWith('/extension/devtools/devtools.html'))!;
    // What Chrome's "Save all as HAR with content" does: the log, with each entry's content read.
    const harText = await devtoolsExtensionPage.evaluate(async () => {
      type Entry = { response: { content: { text?: string; encoding?: string } }; getContent(cb: (c: string, e: string) => void): void };
      const log = await new Promise<{ entries: Entry[] }>((resolve) => chrome.devtools.network.getHAR((h) => resolve(h as unknown as { entries: Entry[] })));
      for (const entry of log.entries) {
        await new Promise<void>((resolve) =>
          entry.getContent((content, encoding) => {
            if (content !== null && content !== undefined) entry.response.content.text = content;
            if (encoding) entry.response.content.encoding = encoding;
            resolve();
          }),
        );
      }
      return JSON.stringify({ log });
    });
    const result = importTraceText(harText);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    if (!result.ok) return;
    expect(result.source).toBe('har');
    const kinds = result.trace.calls.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['resolver', 'invokeRemote', 'requestRemote']));
    const request = result.trace.calls.find((c) => c.kind === 'requestRemote')!;
    expect(request.summary).toMatch(/^requestRemote remote-a (GET|POST) \/tasks/);
    expect(result.trace.tokens.some((t) => t.type === 'FIT' && t.claims.iss === 'forge/invocation-token')).toBe(true);
  });
});
