import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceV2 } from '../../../src/protocol/model';
import { importTraceBytes, importTraceText, MAX_IMPORT_BYTES, toHar } from '../../../src/trace';
import { jsonParseError } from '../../../src/trace/jsonError';
import { FIT, har } from '../network/fixtures';
import { plantedEverywhereTrace } from './fixtures';
import { traceValidators } from './validators';

const harOf = (entries: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries, ...extra } });
const graphql = (body: unknown, response: unknown) => har('POST', 'https://site.atlassian.net/gateway/api/graphql', { body, response });
const invokeExtension = (call: Record<string, unknown>) => ({ operationName: 'forge_ui_invokeExtension', variables: { input: { payload: { call } } } });

afterEach(() => vi.restoreAllMocks());

describe('size: checked before anything is parsed', () => {
  it('refuses a 300 MiB file by its byte length, naming the size and the limit, without decoding or parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const result = importTraceBytes(new Uint8Array(300 * 1024 * 1024));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^The file is 300\.0 MiB \(314,572,800 bytes\); the largest file this viewer opens is 256\.0 MiB/) });
    expect(parse).not.toHaveBeenCalled();
    expect(decode).not.toHaveBeenCalled();
    expect(MAX_IMPORT_BYTES).toBe(256 * 1024 * 1024);
  });

  it('counts text in UTF-8 bytes, not characters', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = JSON.stringify({ note: 'é'.repeat(600) });
    expect(text.length).toBeLessThan(1000);
    expect(importTraceText(text, { maxBytes: 1000 })).toEqual({ ok: false, error: expect.stringContaining(`(${(text.length + 600).toLocaleString('en')} bytes)`) });
    expect(parse).not.toHaveBeenCalled();
    expect(importTraceText(text, { maxBytes: 2000 })).toMatchObject({ ok: false, error: 'This is JSON, but neither a Forge Bridge trace nor a HAR file (its top-level keys: note).' });
  });
});

describe('files that are not whole JSON', () => {
  const text = JSON.stringify(plantedEverywhereTrace());

  it.each([
    ['in the middle of a string', text.indexOf('"command":"') + 14],
    ['after a comma', text.indexOf(',"calls"') + 1],
    ['after a colon', text.indexOf('"calls":') + 8],
    ['in the middle of a number', text.indexOf('"exportedAt":') + 16],
    ['at half', Math.floor(text.length / 2)],
  ])('a file cut %s says it stops early, and where', (_where, at) => {
    const cut = text.slice(0, at);
    expect(importTraceText(cut)).toEqual({ ok: false, error: `The file is not complete JSON: it stops in the middle (it ends at byte ${Buffer.byteLength(cut).toLocaleString('en')}). Was the download or copy cut short?` });
  });

  it('a file that is not JSON says so, and names the problem', () => {
    expect(importTraceText('{"format": forge}')).toEqual({ ok: false, error: expect.stringMatching(/^The file is not JSON: it breaks.*: .*'o'/) });
    expect(importTraceText('  \n')).toEqual({ ok: false, error: 'The file is empty.' });
  });

  it('where the engine says where (V8 by position, Firefox by line and column), so does the message, in bytes', () => {
    const text = '{\n  "é": [1,\n  2 x]}';
    const at = text.indexOf('x');
    expect(jsonParseError(text, new SyntaxError(`Unexpected token 'x' in JSON at position ${at}`))).toBe(`The file is not JSON: it breaks at byte ${at + 1} (near ${JSON.stringify(text.slice(at - 20 < 0 ? 0 : at - 20, at + 20))}): Unexpected token 'x' in JSON at position ${at}`);
    const firefox = 'JSON.parse: expected \',\' or \']\' after array element at line 3 column 5 of the JSON data';
    expect(jsonParseError(text, new SyntaxError(firefox))).toContain(`at byte ${at + 1} `);
    expect(jsonParseError('[1,', new SyntaxError('JSON.parse: unexpected end of data at line 1 column 4 of the JSON data'))).toMatch(/^The file is not complete JSON: it stops in the middle \(it ends at byte 3\)/);
  });

  it('binary that is not UTF-8 text', () => {
    expect(importTraceBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xc3]))).toEqual({ ok: false, error: 'The file is not text (UTF-8): is it a trace or a HAR?' });
  });
});

describe('JSON of the wrong kind names what it found', () => {
  it.each([
    ['{"hello":"world","n":1}', 'its top-level keys: hello, n'],
    ['{"todo":[]}', 'its top-level keys: todo'],
    ['[1,2]', 'a list of 2 items'],
    ['42', 'a number'],
    ['{}', 'an empty object'],
    ['{"traceEvents":[]}', 'a Chrome performance trace (traceEvents), not a network or bridge recording'],
    ['[{"ph":"X","ts":1,"name":"a"}]', 'a Chrome performance trace: a list of trace events'],
    ['{"format":"openapi"}', 'its format: "openapi"'],
    ['{"log":{"version":"1.2"}}', 'a "log" without a "log.entries" list, so not a whole HAR'],
  ])('%s', (text, found) => {
    expect(importTraceText(text)).toEqual({ ok: false, error: `This is JSON, but neither a Forge Bridge trace nor a HAR file (${found}).` });
  });
});

describe('traces: versions and damage', () => {
  const trace = plantedEverywhereTrace();

  it('a trace from a newer version, as JSON or inside our HAR, asks for an update', () => {
    const newer = /made by a newer version of Forge Bridge DevTools \(trace format v4; this one reads up to v3\)/;
    expect(importTraceText(JSON.stringify({ ...trace, version: 4, somethingNew: [] }))).toEqual({ ok: false, error: expect.stringMatching(newer) });
    const har = toHar(trace);
    har.log._forge = { ...har.log._forge!, version: 4 as 2 };
    expect(importTraceText(JSON.stringify(har))).toEqual({ ok: false, error: expect.stringMatching(newer) });
  });

  it('a version that is no version', () => {
    expect(importTraceText(JSON.stringify({ ...trace, version: 'two' }))).toEqual({ ok: false, error: 'The trace has no usable version (found "two").' });
  });

  it('a damaged trace names the first problems with their JSON paths', () => {
    const damaged = structuredClone(trace) as TraceV2;
    (damaged.calls[1] as unknown as { startedAt: unknown }).startedAt = 'yesterday';
    expect(importTraceText(JSON.stringify(damaged))).toEqual({ ok: false, error: 'The trace is damaged: $.calls[1].startedAt: expected number.' });
    for (const call of damaged.calls) delete (call as Partial<typeof call>).request;
    const error = importTraceText(JSON.stringify(damaged));
    expect(error.ok ? [] : error.error.split('; ')).toHaveLength(5);
  });

  it('our HAR whose call text was edited into something else is damaged, not silently wrong', () => {
    const har = toHar(trace);
    const entry = har.log.entries.find((e) => e._forge && 'call' in e._forge)!;
    entry.request.postData!.text = '{not json';
    expect(importTraceText(JSON.stringify(har))).toEqual({ ok: false, error: expect.stringMatching(/^This HAR was saved by Forge Bridge DevTools but entry \d+ is damaged/) });
  });
});

describe('browser HARs (Chrome or Firefox Network panel)', () => {
  const mint = { data: { signInvocationTokenForUI: { success: true, forgeInvocationToken: { jwt: FIT, expiresAt: 1 }, metadata: { baseUrl: 'https://remote.example' } } } };

  it('rebuild resolver invokes, invokeRemote, and requestRemote from the traffic, with tokens decoded', () => {
    const result = importTraceText(harOf([
      har('GET', 'https://site.atlassian.net/static/app.js'),
      graphql(invokeExtension({ functionKey: 'getIssues', payload: { page: 1 } }), { data: { invokeExtension: { success: true, response: { body: { issues: [] } } } } }),
      graphql(invokeExtension({ path: '/sync', method: 'POST', invokeType: 'ui-remote-fetch' }), { data: { invokeExtension: { success: true, response: { body: { status: 200, body: { ok: true } } } } } }),
      graphql({ operationName: 'signInvocationTokenForUI', variables: { input: { remoteKey: 'remote-a', forgeContextToken: 'x' } } }, mint),
      har('GET', 'https://remote.example/tasks', { headers: { Authorization: `Bearer ${FIT}` }, response: [{ id: 1 }] }),
    ]));
    expect(result).toMatchObject({ ok: true, source: 'har' });
    if (!result.ok) return;
    expect(result.trace.calls.map((c) => [c.command, c.kind, c.status])).toEqual([
      ['invoke', 'resolver', 'ok'],
      ['invoke', 'invokeRemote', 'ok'],
      ['fetchRemote', 'requestRemote', 'ok'],
    ]);
    expect(result.trace.calls.map((c) => c.summary)).toContain('requestRemote remote-a GET /tasks → 200');
    expect(result.trace.tokens.map((t) => [t.type, t.claims.iss])).toEqual([['FIT', 'forge/invocation-token']]);
    expect(result.notes.join(' ')).toMatch(/Rebuilt 3 Forge calls from 4 of 5 requests/);
    const { v2 } = traceValidators();
    expect(v2(result.trace), JSON.stringify(v2.errors)).toBe(true);
  });

  it('a failed resolver invocation is an error call with the platform message', () => {
    const result = importTraceText(harOf([graphql(invokeExtension({ functionKey: 'boom' }), { data: { invokeExtension: { success: false, errors: [{ message: 'Function failed' }] } } })]));
    expect(result.ok && result.trace.calls.map((c) => [c.status, c.error?.value])).toEqual([['error', { message: 'Function failed' }]]);
  });

  it('Firefox pages become segments, by pageref', () => {
    const second = { ...har('GET', 'https://remote.example/b', { headers: { Authorization: `Bearer ${FIT}` } }), pageref: 'page_2' };
    const first = { ...har('GET', 'https://remote.example/a', { headers: { Authorization: `Bearer ${FIT}` } }), pageref: 'page_1' };
    const pages = [{ id: 'page_1', startedDateTime: '2026-11-23T09:59:00.000Z', title: 'https://site.atlassian.net/one' }, { id: 'page_2', startedDateTime: '2026-11-23T09:59:30.000Z', title: 'https://site.atlassian.net/two' }];
    const result = importTraceText(harOf([first, second], { pages, creator: { name: 'Firefox', version: '153.0' } }));
    if (!result.ok) throw new Error(result.error);
    expect(result.trace.segments.map((s) => [s.index, s.url])).toEqual([[0, 'https://site.atlassian.net/one'], [1, 'https://site.atlassian.net/two']]);
    expect(result.trace.calls.map((c) => c.segment)).toEqual([0, 1]);
    expect(result.trace.browser).toEqual({ name: 'Firefox', version: '153.0' });
  });

  it('our HAR re-saved by a browser (its _forge fields gone) still gives the calls from the traffic', () => {
    const har = JSON.parse(JSON.stringify(toHar(plantedEverywhereTrace())));
    delete har.log._forge;
    for (const entry of har.log.entries) delete entry._forge;
    const result = importTraceText(JSON.stringify(har));
    expect(result).toMatchObject({ ok: true, source: 'har' });
    if (result.ok) expect(result.trace.calls.some((c) => c.kind === 'resolver' && c.summary === 'invoke login')).toBe(true);
  });

  it('a HAR with no Forge traffic says so and how many requests it held', () => {
    expect(importTraceText(harOf([har('GET', 'https://example.com/'), har('GET', 'https://example.com/a.css')]))).toEqual({ ok: false, error: expect.stringMatching(/^There is no Forge traffic in this HAR \(2 requests\)/) });
  });

  it('a damaged HAR names the entry and field', () => {
    const broken = har('GET', 'https://example.com/');
    (broken.request as { url: unknown }).url = 42;
    expect(importTraceText(harOf([har('GET', 'https://example.com/'), broken]))).toEqual({ ok: false, error: 'The HAR file is damaged: $.log.entries[1].request.url: expected string.' });
  });
});

describe('import never throws', () => {
  /** Deterministic damage: each round removes or replaces one value somewhere in the document. */
  function damaged(doc: unknown, seed: number): unknown {
    let state = seed;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const copy = structuredClone(doc);
    const containers: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (v: unknown) => {
      if (v === null || typeof v !== 'object') return;
      for (const [k, child] of Object.entries(v)) {
        containers.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
        walk(child);
      }
    };
    walk(copy);
    const replacements = [null, 'x', -1, [], {}, true, undefined];
    for (let i = 0; i < 3; i++) {
      const [container, key] = containers[Math.floor(random() * containers.length)]!;
      const value = replacements[Math.floor(random() * replacements.length)];
      if (value === undefined && !Array.isArray(container)) delete container[key as string];
      else (container as Record<string | number, unknown>)[key] = value;
    }
    return copy;
  }

  it('on hundreds of damaged traces and HARs, and what it accepts is a valid trace', () => {
    const { v2 } = traceValidators();
    const trace = plantedEverywhereTrace();
    let accepted = 0;
    for (const doc of [trace, toHar(trace)]) {
      for (let seed = 1; seed <= 300; seed++) {
        const result = importTraceText(JSON.stringify(damaged(doc, seed)));
        if (result.ok) {
          accepted++;
          expect(v2(result.trace), `seed ${seed}: ${JSON.stringify(v2.errors)}`).toBe(true);
        } else expect(result.error.length).toBeGreaterThan(10);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
