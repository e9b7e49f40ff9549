import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox } from '../index';
import { extensionIdFor } from './modules';

/** Helpers for the server tests: a tiny fake build output, raw HTTP, GraphQL calls. */

export const SECRET = 'TOP-SECRET-OUTSIDE-THE-APP-FOLDER';

/** A throwaway assets dir: site/index.html, cdn/global-bridge.js, cdn/apps/main/{index.html,app.js}, and secrets outside apps/. */
export async function makeFakeAssets(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'forge-sandbox-test-'));
  const dir = join(root, 'assets');
  await mkdir(join(dir, 'site'), { recursive: true });
  await mkdir(join(dir, 'cdn', 'apps', 'main'), { recursive: true });
  await mkdir(join(dir, 'cdn', 'apps', 'headless'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><html><head><title>Sandbox site</title></head><body>product page</body></html>');
  await writeFile(join(dir, 'cdn', 'global-bridge.js'), 'globalThis.__sandboxBridgeLoaded = true;\n');
  await writeFile(
    join(dir, 'cdn', 'apps', 'main', 'index.html'),
    '<!doctype html>\n<html lang="en">\n<head data-x="1">\n<meta charset="utf-8"><script src="app.js"></script>\n</head><body>app</body></html>',
  );
  await writeFile(join(dir, 'cdn', 'apps', 'main', 'app.js'), 'console.log("app");\n');
  await writeFile(join(dir, 'cdn', 'apps', 'headless', 'index.html'), '<p>no head here</p>');
  await writeFile(join(dir, 'cdn', 'secret.txt'), SECRET);
  await writeFile(join(root, 'secret.txt'), SECRET);
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with the path sent exactly as given (fetch would normalise `..` and `%2e%2e`). */
export function raw(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function gql(sandbox: Sandbox, operationName: string, variables: unknown): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`${sandbox.siteOrigin}/gateway/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operationName, query: `mutation ${operationName} { __typename }`, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> };
}

export interface InvokeResult {
  success: boolean;
  response: { body: unknown } | null;
  errors: { message: string; extensions: { errorType: string; statusCode: number } }[] | null;
  contextToken: { jwt: string; expiresAt: string } | null;
  metrics: { appTimeMs: number } | null;
}

/** forge_ui_invokeExtension for a module: a resolver call `{ functionKey, payload }` or an invokeRemote call. */
export async function invoke(
  sandbox: Sandbox,
  moduleKey: string,
  call: Record<string, unknown>,
  extra: { contextToken?: string; operationName?: string } = {},
): Promise<InvokeResult> {
  const out = await gql(sandbox, extra.operationName ?? 'forge_ui_invokeExtension', {
    input: {
      contextIds: ['ari:cloud:jira::site/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f'],
      extensionId: extensionIdFor(moduleKey),
      payload: {
        call,
        context: { moduleKey, localId: `local-${moduleKey}`, extension: { type: 'jira:issuePanel' } },
        ...(extra.contextToken ? { contextToken: extra.contextToken } : {}),
        entryPoint: 'resolver',
      },
    },
  });
  return out.data!.invokeExtension as InvokeResult;
}

/** invokeRemote from the issue-panel module; returns the invokeExtension result. */
export function invokeRemoteCall(sandbox: Sandbox, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return invoke(sandbox, 'issue-panel', { path, method: init.method ?? 'GET', headers: init.headers, body: init.body, invokeType: 'ui-remote-fetch' });
}

/** An FCT from the REST endpoint, then a requestRemote FIT from signInvocationTokenForUI. */
export async function requestRemoteFit(sandbox: Sandbox, moduleKey = 'issue-panel'): Promise<{ jwt: string; expiresAt: string; baseUrl: string }> {
  const fctRes = await fetch(`${sandbox.siteOrigin}/rest/internal/2/forge/context/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ extensionId: extensionIdFor(moduleKey), moduleKey, localId: `local-${moduleKey}` }),
  });
  const fct = (await fctRes.json()) as { token: string };
  const out = await gql(sandbox, 'signInvocationTokenForUI', { input: { forgeContextToken: fct.token, remoteKey: 'remote-a' } });
  const r = out.data!.signInvocationTokenForUI as { success: boolean; errors: unknown; forgeInvocationToken: { jwt: string; expiresAt: string }; metadata: { baseUrl: string } };
  if (!r.success) throw new Error(`signInvocationTokenForUI failed: ${JSON.stringify(r.errors)}`);
  return { ...r.forgeInvocationToken, baseUrl: r.metadata.baseUrl };
}

/** A sandbox on fake build output, started before the file's tests (handed to `use`) and stopped after them. */
export function startSandboxForFile(use: (sandbox: Sandbox) => void): void {
  let sandbox: Sandbox | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const assets = await makeFakeAssets();
    cleanup = assets.cleanup;
    sandbox = await startSandbox({ build: false, assetsDir: assets.dir });
    use(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
    await cleanup?.();
  });
}
