import { describe, expect, it } from 'vitest';
import type { TraceV2 } from '../../../src/protocol/model';
import { importTraceBytes, importTraceText, redactTrace, toHar, traceToSession } from '../../../src/trace';
import { FIT, har } from '../network/fixtures';
import { plantedTrace } from './fixtures';
import { harValidator } from './validators';

describe('HAR export', () => {
  it('validates against the HAR 1.2 schema, with one entry per network entry and per bridge call', () => {
    const trace = plantedTrace();
    const out = toHar(trace);
    const validate = harValidator();
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.log.entries).toHaveLength(trace.network.length + trace.calls.length);
    expect(out.log.entries.filter((e) => (e._forge as { call?: unknown }).call)).toHaveLength(trace.calls.length);
  });
});

describe('round trips', () => {
  it('JSON: export → import gives the same calls, tokens and matches', () => {
    const trace = plantedTrace();
    const back = importTraceText(JSON.stringify(trace));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.trace.calls).toEqual(trace.calls);
    expect(back.trace.tokens).toEqual(trace.tokens);
    expect(back.trace.matches).toEqual(trace.matches);
    expect(traceToSession(back.trace).calls.map((c) => c.id)).toEqual(trace.calls.map((c) => c.id));
  });

  it('HAR: our own HAR imports back with the same calls, tokens and matches', () => {
    const trace = redactTrace(plantedTrace());
    const back = importTraceText(JSON.stringify(toHar(trace)));
    expect(back).toMatchObject({ ok: true, source: 'har' });
    if (!back.ok) return;
    expect(back.trace.calls).toEqual(trace.calls);
    expect(back.trace.tokens).toEqual(trace.tokens);
    expect(back.trace.matches).toEqual(trace.matches);
    expect(back.trace.network.map((e) => e.id).sort()).toEqual(trace.network.map((e) => e.id).sort());
  });

  it('a browser HAR: Forge calls are rebuilt from GraphQL and FIT-bearing requests, tokens decoded', () => {
    const mint = { data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: FIT, expiresAt: 1 }, metadata: { baseUrl: 'https://remote.example' } } } };
    const log = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: [
          har('GET', 'https://site.atlassian.net/static/app.js'),
          har('POST', 'https://site.atlassian.net/gateway/api/graphql', { body: { operationName: 'forge_ui_invokeExtension', variables: { input: { payload: { call: { functionKey: 'getIssues', payload: { page: 1 } } } } } }, response: { data: { invokeExtension: { success: true, response: { body: { issues: [] } } } } } }),
          har('POST', 'https://site.atlassian.net/gateway/api/graphql', { body: { operationName: 'signInvocationTokenForUI', variables: { input: { remoteKey: 'remote-a', forgeContextToken: 'x' } } }, response: mint }),
          har('GET', 'https://remote.example/tasks', { headers: { Authorization: `Bearer ${FIT}` }, response: [{ id: 1 }] }),
        ],
      },
    };
    const result = importTraceText(JSON.stringify(log));
    expect(result).toMatchObject({ ok: true, source: 'har' });
    if (!result.ok) return;
    expect(result.trace.calls.map((c) => [c.command, c.kind, c.summary])).toEqual([
      ['invoke', 'resolver', 'invoke getIssues'],
      ['fetchRemote', 'requestRemote', 'requestRemote remote-a GET /tasks → 200'],
    ]);
    expect(result.trace.tokens.map((t) => t.type)).toEqual(['FIT']);
    expect(result.notes.join(' ')).toMatch(/Rebuilt 2 Forge calls from 3 of 4 requests/);
  });
});

describe('bad files get a clear message and nothing else', () => {
  const trace = plantedTrace();
  const text = JSON.stringify(trace);

  it('truncated JSON', () => {
    expect(importTraceText(text.slice(0, text.length / 2))).toEqual({ ok: false, error: expect.stringMatching(/^The file is not complete JSON: it stops in the middle/) });
  });

  it('JSON that is neither a trace nor a HAR, or holds a list', () => {
    expect(importTraceText('{"hello":"world","n":1}')).toEqual({ ok: false, error: 'This is JSON, but neither a Forge Bridge trace nor a HAR file (its top-level keys: hello, n).' });
    expect(importTraceText('[1,2]')).toMatchObject({ ok: false, error: expect.stringContaining('holds a list') });
  });

  it('a 200 MB file is refused by its size before it is decoded', () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    expect(importTraceBytes(huge)).toEqual({ ok: false, error: expect.stringMatching(/^The file is 200\.0 MB; the largest file this viewer opens is 128\.0 MB/) });
  });

  it('a HAR with no Forge traffic', () => {
    const log = { log: { version: '1.2', creator: { name: 'Firefox', version: '153' }, entries: [har('GET', 'https://example.com/'), har('GET', 'https://example.com/a.css')] } };
    expect(importTraceText(JSON.stringify(log))).toEqual({ ok: false, error: expect.stringMatching(/^This HAR has no Forge traffic \(2 requests\)/) });
  });

  it('a trace from a newer version, and a damaged one, naming the problem', () => {
    expect(importTraceText(JSON.stringify({ ...trace, version: 3 }))).toMatchObject({ ok: false, error: expect.stringContaining('trace version 3') });
    const damaged = structuredClone(trace) as TraceV2;
    (damaged.calls[1] as unknown as { startedAt: unknown }).startedAt = 'yesterday';
    expect(importTraceText(JSON.stringify(damaged))).toEqual({ ok: false, error: 'The trace is damaged: $.calls[1].startedAt: expected number.' });
  });

  it('binary that is not UTF-8 text', () => {
    expect(importTraceBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xc3]))).toEqual({ ok: false, error: 'The file is not text (UTF-8): is it a trace or a HAR?' });
  });
});

describe('browserFromUserAgent', () => {
  it('names Chromium, Chrome and Firefox with their versions', async () => {
    const { browserFromUserAgent } = await import('../../../src/trace');
    expect(browserFromUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.73 Safari/537.36')).toEqual({ name: 'Chrome', version: '156.0.8078.73' });
    expect(browserFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toEqual({ name: 'Firefox', version: '153.0' });
    expect(browserFromUserAgent('curl/8')).toBeNull();
  });
});
