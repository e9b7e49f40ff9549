import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TraceV3 } from '../../src/protocol';

const out = await mkdtemp(join(tmpdir(), 'fbdt-start-out-'));
afterAll(() => rm(out, { recursive: true, force: true }));

function runStart(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', ...args], {
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm start without a display (the README\'s first line on a headless machine)', () => {
  it('drives the demo, saves the panel screenshot and the trace, and prints what it recorded', async () => {
    const result = await runStart(['--no-build', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const trace = JSON.parse(await readFile(join(out, 'trace.json'), 'utf8')) as TraceV3;
    expect(trace).toMatchObject({ format: 'forge-bridge-trace', version: 3, settings: { networkFeed: 'on' } });
    // Saved as Export saves it: each call names a frame the trace lists.
    const listed = new Set(trace.frames.map((f) => f.key));
    expect(trace.calls.filter((c) => !listed.has(c.frameKey))).toEqual([]);
    // DevTools was open on the site: the trace has its traffic and tokens, with signatures removed.
    expect(trace.redaction?.counts.jwtSignatures).toBeGreaterThan(0);
    expect(trace.tokens.some((t) => t.type === 'FIT' && t.jwt.endsWith('.REDACTED-SIGNATURE'))).toBe(true);
    expect(trace.matches.some((m) => m.relation === 'remote-request')).toBe(true);
    const kinds = new Set(trace.calls.map((c) => c.kind));
    for (const kind of ['context', 'resolver', 'invokeRemote', 'requestRemote', 'product', 'events', 'uikit']) expect(kinds).toContain(kind);
    expect(trace.calls.every((c) => c.status !== 'pending')).toBe(true);
    // The issue panel's resolver (a remote resolver) answers: the only failing resolver calls are the two on purpose.
    const resolverCalls = trace.calls.filter((c) => c.kind === 'resolver');
    const failedKeys = resolverCalls.filter((c) => c.status !== 'ok').map((c) => (c.request?.value as { functionKey?: string } | undefined)?.functionKey);
    expect(resolverCalls.length).toBeGreaterThan(3);
    expect(failedKeys.sort()).toEqual(['fail', 'noSuchFunction']);
    expect(result.stdout).toContain('errors on purpose, to show how failures look: invokeFail');
    expect(result.stdout).toContain(`Recorded ${trace.calls.length} bridge calls from ${trace.frames.length} frames`);
    // The screenshot shows a requestRemote call selected and its FIT verified against the sandbox's key set:
    // start.ts read the panel's DOM just before the shot, and fails when any step of getting there fails.
    const jwks = /JWKS\s+(\S+)/.exec(result.stdout)?.[1];
    expect(jwks, result.stdout).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/\.well-known\/jwks\.json$/);
    const shown = /The screenshot shows "([^"]+)" selected, its (.+?): (.+)\.\n/.exec(result.stdout);
    expect(shown, result.stdout).not.toBeNull();
    expect(shown![1]).toMatch(/^requestRemote remote-a (GET|POST) \/\S+ → 2\d\d$/);
    expect(trace.calls.some((c) => c.summary === shown![1])).toBe(true);
    expect(shown![2]).toBe('Forge Invocation Token (FIT)');
    expect(shown![3]).toContain(`signature valid (${jwks})`);
    const png = await readFile(join(out, 'panel.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await stat(join(out, 'panel.png'))).size).toBeGreaterThan(20_000);
  }, 180_000);

  it('refuses a CHROME_PATH that names no file, saying so', async () => {
    const result = await runStart(['--no-build'], { CHROME_PATH: '/nonexistent/chrome' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROME_PATH is set to /nonexistent/chrome, but there is no file there.');
  }, 60_000);

  it('explains that the Firefox variant needs a display', async () => {
    const result = await runStart(['--no-build', '--firefox']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Firefox variant opens a browser window and needs a display/);
  }, 60_000);
});
