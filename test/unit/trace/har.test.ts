import { describe, expect, it } from 'vitest';
import type { TraceV2 } from '../../../src/protocol/model';
import { BRIDGE_HOST, redactTrace, toHar, type HarForgeCall, type HarForgeEntry } from '../../../src/trace';
import { plantedEverywhereTrace } from './fixtures';
import { harValidator } from './validators';

const validate = harValidator();

describe('toHar', () => {
  it('validates against the HAR 1.2 schema, redacted or not, and with no segments at all', () => {
    const trace = plantedEverywhereTrace();
    for (const candidate of [trace, redactTrace(trace), { ...trace, segments: [] }]) expect(validate(toHar(candidate)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names this tool, makes a page per segment, and says whether secrets were removed', () => {
    const trace = plantedEverywhereTrace();
    const { log } = toHar(trace);
    expect(log.creator).toEqual({ name: 'Forge Bridge DevTools', version: '0.1.0' });
    expect(log.browser).toEqual({ name: 'Chromium', version: '156' });
    expect(log.pages).toEqual([{ startedDateTime: new Date(trace.segments[0]!.startedAt).toISOString(), id: 'segment-0', title: trace.segments[0]!.url, pageTimings: {} }]);
    expect(log.comment).toMatch(/^NOT REDACTED/);
    expect(toHar(redactTrace(trace)).log.comment).toMatch(/^Redacted: 3 JWT signatures, 2 OAuth tokens/);
    expect(toHar({ ...trace, segments: [] }).log.entries.some((e) => 'pageref' in e)).toBe(false);
  });

  it('has one entry per network entry and per bridge call, oldest first', () => {
    const trace = plantedEverywhereTrace();
    const { entries } = toHar(trace).log;
    expect(entries).toHaveLength(trace.network.length + trace.calls.length);
    const times = entries.map((e) => Date.parse(e.startedDateTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives a network entry its headers, bodies, timings and the calls that caused it', () => {
    const trace = plantedEverywhereTrace();
    const { entries } = toHar(trace).log;
    for (const entry of trace.network) {
      const har = entries.find((e) => (e._forge as HarForgeEntry | undefined)?.id === entry.id)!;
      const forge = har._forge as HarForgeEntry;
      expect(forge).toMatchObject({ category: entry.category, operationName: entry.operationName });
      const expected = trace.matches.filter((m) => m.entryId === entry.id).map(({ callId, relation, certainty }) => ({ callId, relation, certainty }));
      expect(forge.matches).toEqual(expected);
      expect(har.request.headers).toEqual(entry.requestHeaders);
      expect(har.request.postData?.text).toBe(entry.requestBody ?? undefined);
      expect(har.response.content.text).toBe(entry.responseBody ?? undefined);
      expect(har.response.content.encoding).toBe(entry.responseBodyEncoding ?? undefined);
      expect(har.timings!.wait).toBe(entry.timings.wait);
    }
    expect(trace.matches.length).toBeGreaterThan(0);
  });

  it('writes a form body with its own content type', () => {
    const trace = plantedEverywhereTrace();
    const withType: TraceV2 = { ...trace, network: trace.network.map((e) => (e.requestBody?.startsWith('grant_type') ? { ...e, requestHeaders: [...e.requestHeaders, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] } : e)) };
    const form = toHar(withType).log.entries.find((e) => e.request.postData?.text?.startsWith('grant_type'))!;
    expect(form.request.postData!.mimeType).toBe('application/x-www-form-urlencoded');
  });

  it('makes each bridge call a POST to a made-up URL, its payload the body, its outcome the content, its duration the time', () => {
    const trace = plantedEverywhereTrace();
    const { entries } = toHar(trace).log;
    const callEntries = entries.filter((e) => e._forge && 'call' in e._forge);
    expect(callEntries).toHaveLength(trace.calls.length);
    expect(trace.calls.filter((c) => c.response).length).toBeGreaterThan(1);
    for (const har of callEntries) {
      const { call: meta } = har._forge as HarForgeCall;
      const call = trace.calls.find((c) => c.id === meta.id)!;
      expect(har.request.method).toBe('POST');
      expect(har.request.url).toBe(`https://${BRIDGE_HOST}/localhost%3A8000/${call.command}`);
      expect(JSON.parse(har.request.postData!.text!)).toEqual(call.request.value);
      const outcome = call.response ?? call.error;
      expect(har.response.content.text === undefined ? undefined : JSON.parse(har.response.content.text)).toEqual(outcome?.value);
      expect(har.time).toBe(call.durationMs);
      expect(har.timings!.wait).toBe(call.durationMs);
      expect(har.response.statusText).toBe(call.summary);
      expect(meta).toMatchObject({ kind: call.kind, status: call.status, request: { bytes: call.request.bytes } });
    }
  });

  it('colours a failed call 500 and a pending one 0, without content', () => {
    const trace = plantedEverywhereTrace();
    const [first, second] = trace.calls;
    const failed = { ...first!, status: 'error' as const, response: undefined, error: { value: { $fbdt: 'error', text: 'boom' }, bytes: 30, truncated: false } };
    const pending = { ...second!, status: 'pending' as const, endedAt: null, durationMs: null, response: undefined };
    const har = toHar({ ...trace, calls: [failed, pending] });
    const [a, b] = har.log.entries.filter((e) => e._forge && 'call' in e._forge);
    expect([a!.response.status, b!.response.status]).toEqual([500, 0]);
    expect(JSON.parse(a!.response.content.text!)).toEqual({ $fbdt: 'error', text: 'boom' });
    expect(b!.response.content.text).toBeUndefined();
    expect(validate(har), JSON.stringify(validate.errors)).toBe(true);
  });
});
