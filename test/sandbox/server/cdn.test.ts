import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index';
import { BRIDGE_SCRIPT_TAG, injectBridgeScript } from './cdn';
import { SECRET, makeFakeAssets, raw } from './test-support';

let sandbox: Sandbox;
let cleanup: () => Promise<void>;
let appPath: string;

beforeAll(async () => {
  const assets = await makeFakeAssets();
  cleanup = assets.cleanup;
  sandbox = await startSandbox({ build: false, assetsDir: assets.dir });
  appPath = new URL(sandbox.appBaseUrl).pathname;
});
afterAll(async () => {
  await sandbox?.stop();
  await cleanup?.();
});

describe('cdn server', () => {
  it('is reachable as http://localhost:<port>', async () => {
    expect(sandbox.cdnOrigin).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await fetch(`${sandbox.cdnOrigin}/global-bridge.js`)).status).toBe(200);
  });

  it('serves global-bridge.js as JavaScript', async () => {
    const res = await fetch(`${sandbox.cdnOrigin}/global-bridge.js`);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toContain('__sandboxBridgeLoaded');
  });

  it('serves app resources with the bridge script as the first child of <head>', async () => {
    for (const path of [`${appPath}/main/`, `${appPath}/main/index.html?moduleKey=issue-panel`, `${appPath}/main/_ctx_H4sIAAAA/index.html`]) {
      const res = await fetch(`${sandbox.cdnOrigin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toMatch(/<head data-x="1"><script src="\/global-bridge\.js"><\/script>\n<meta charset="utf-8">/);
      expect(html.split(BRIDGE_SCRIPT_TAG)).toHaveLength(2);
      const csp = res.headers.get('content-security-policy');
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
    const js = await fetch(`${sandbox.cdnOrigin}${appPath}/main/app.js`);
    expect(await js.text()).not.toContain('global-bridge');
  });

  it('creates a <head> when the HTML has none', async () => {
    const html = await (await fetch(`${sandbox.cdnOrigin}${appPath}/headless/`)).text();
    expect(html.startsWith(`<head>${BRIDGE_SCRIPT_TAG}</head>`)).toBe(true);
    expect(injectBridgeScript('<!DOCTYPE html><html><body></body></html>')).toBe(`<!DOCTYPE html><html><head>${BRIDGE_SCRIPT_TAG}</head><body></body></html>`);
    expect(injectBridgeScript('<html><HEAD>x</HEAD></html>')).toBe(`<html><HEAD>${BRIDGE_SCRIPT_TAG}x</HEAD></html>`);
    expect(injectBridgeScript('<html><header>x</header></html>')).toBe(`<html><head>${BRIDGE_SCRIPT_TAG}</head><header>x</header></html>`);
  });

  it('drops the CSP when the cdnCsp knob is off', async () => {
    sandbox.setKnobs({ cdnCsp: false });
    try {
      const res = await fetch(`${sandbox.cdnOrigin}${appPath}/main/`);
      expect(res.headers.get('content-security-policy')).toBeNull();
    } finally {
      sandbox.resetKnobs();
    }
  });

  it('refuses path traversal, plain and encoded', async () => {
    const attempts = [
      `${appPath}/main/../../../secret.txt`,
      `${appPath}/main/../../../../secret.txt`,
      `${appPath}/main/%2e%2e/%2e%2e/%2e%2e/secret.txt`,
      `${appPath}/main/%2E%2E%2F%2E%2E%2Fsecret.txt`,
      `${appPath}/main/..%2f..%2f..%2fsecret.txt`,
      `${appPath}/main/..%5c..%5csecret.txt`,
      `${appPath}/..%2f..%2fsecret.txt/x`,
      `/global-bridge.js/../secret.txt`,
      `/../secret.txt`,
      `/%2e%2e/secret.txt`,
      `${appPath}/main/%zz`,
    ];
    for (const path of attempts) {
      const res = await raw(sandbox.cdnOrigin, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain(SECRET);
    }
    // Not an app resource folder: apps/<resource> only.
    expect((await raw(sandbox.cdnOrigin, `${appPath}/../secret.txt`)).status).toBe(400);
  });

  it('serves the JWKS and a plain page the extension should ignore', async () => {
    const jwks = (await (await fetch(`${sandbox.cdnOrigin}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
    const page = await fetch(`${sandbox.cdnOrigin}/not-forge.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).not.toContain('global-bridge');
  });

  it('404s unknown apps and deployments', async () => {
    expect((await fetch(`${sandbox.cdnOrigin}/00000000-0000-0000-0000-000000000000/x/y/main/`)).status).toBe(404);
    expect((await fetch(`${sandbox.cdnOrigin}${appPath}/nope/`)).status).toBe(404);
  });
});

describe('site server static files', () => {
  it('serves the product page and refuses traversal', async () => {
    const res = await fetch(sandbox.siteUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('product page');
    expect((await fetch(`${sandbox.siteOrigin}/`)).status).toBe(200);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e/cdn/secret.txt']) {
      const r = await raw(sandbox.siteOrigin, path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body).not.toContain(SECRET);
    }
  });
});
