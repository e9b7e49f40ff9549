import { describe, expect, it } from 'vitest';
import { correlate } from '../../../src/network';
import type { TabSession, TraceV2 } from '../../../src/protocol/model';
import { collectTokens } from '../../../src/tokens';
import { exportTraceV1, exportTraceV2, importTraceText, redactTrace, toHar, traceToSession } from '../../../src/trace';
import { plantedEverywhereSession, plantedEverywhereTrace } from './fixtures';

const META = { extensionVersion: '0.1.0', now: 1_800_000_001_000, browser: { name: 'Chromium', version: '156' } };

function exportWithDerived(session: TabSession): TraceV2 {
  const matches = correlate(session.calls, session.network);
  return exportTraceV2(session, META, { matches, tokens: collectTokens({ calls: session.calls, network: session.network, matches }) });
}

function imported(text: string): TraceV2 {
  const result = importTraceText(text);
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

describe('round trips', () => {
  it('the fixture has what a round trip must keep', () => {
    const trace = plantedEverywhereTrace();
    expect(trace.calls.length).toBeGreaterThan(3);
    expect(trace.tokens.length).toBeGreaterThan(1);
    expect(trace.matches.length).toBeGreaterThan(1);
    expect(trace.calls.some((c) => c.deliveries.length > 0)).toBe(true);
    expect(trace.network.some((e) => e.responseBodySize === -1 && e.durationMs >= 0)).toBe(true);
  });

  it('JSON, redaction off: export → import gives the same trace, calls, tokens and matches', () => {
    const trace = plantedEverywhereTrace();
    const back = importTraceText(JSON.stringify(trace));
    expect(back).toMatchObject({ ok: true, source: 'trace-v2', notes: [] });
    if (!back.ok) return;
    expect(back.trace.calls).toEqual(trace.calls);
    expect(back.trace.tokens).toEqual(trace.tokens);
    expect(back.trace.matches).toEqual(trace.matches);
    expect(back.trace).toEqual(trace);
  });

  it('HAR: our own HAR imports back as the very trace, redacted or not', () => {
    for (const trace of [plantedEverywhereTrace(), redactTrace(plantedEverywhereTrace())]) {
      const back = importTraceText(JSON.stringify(toHar(trace)));
      expect(back).toMatchObject({ ok: true, source: 'har' });
      if (!back.ok) return;
      expect(back.trace.calls).toEqual(trace.calls);
      expect(back.trace.network).toEqual(trace.network);
      expect(back.trace).toEqual(trace);
    }
  });

  it('HAR: values HAR cannot hold (-1 durations and sizes, sub-ms starts, no MIME type) come back exactly', () => {
    const trace = plantedEverywhereTrace();
    const odd: TraceV2 = { ...trace, network: trace.network.map((e, i) => (i === 0 ? { ...e, durationMs: -1, startedAt: e.startedAt + 0.25, mimeType: '', timings: { ...e.timings, wait: -1 } } : e)) };
    expect(imported(JSON.stringify(toHar(odd))).network).toEqual(odd.network);
  });

  it('version 1: export → import gives its calls, migrated to version 2', () => {
    const v1 = exportTraceV1(plantedEverywhereSession(), { extensionVersion: '0.1.0', now: 1 });
    const back = importTraceText(JSON.stringify(v1));
    expect(back).toMatchObject({ ok: true, source: 'trace-v1', trace: { version: 2, network: [], tokens: [], matches: [], settings: { networkFeed: 'unknown' } } });
    if (back.ok) expect(back.trace.calls).toEqual(v1.calls);
  });
});

describe('traceToSession', () => {
  it('rebuilds the session a trace was exported from (what a trace does not keep takes its idle value)', () => {
    const session = plantedEverywhereSession();
    const rebuilt = traceToSession(imported(JSON.stringify(exportWithDerived(session))));
    expect(rebuilt).toEqual({ ...session, recording: false });
    expect(rebuilt.calls.map((c) => [c.frameKey, c.callId])).toEqual(session.calls.map((c) => [c.frameKey, c.callId]));
  });

  it('is the inverse of export: exporting the rebuilt session gives the trace again', () => {
    const trace = plantedEverywhereTrace();
    expect(exportTraceV2(traceToSession(trace), META, trace)).toEqual(trace);
  });

  it('gives calls rebuilt from a browser HAR ids the panel can key on', async () => {
    const { FIT, har } = await import('../network/fixtures');
    const log = { log: { version: '1.2', creator: { name: 'Firefox', version: '153' }, entries: [har('GET', 'https://remote.example/a', { headers: { Authorization: `Bearer ${FIT}` } }), har('GET', 'https://remote.example/b', { headers: { Authorization: `Bearer ${FIT}` } })] } };
    const session = traceToSession(imported(JSON.stringify(log)));
    expect(session.calls.map((c) => [c.id, c.frameKey, c.callId])).toEqual([['har:0#1', 'har:0', 1], ['har:0#2', 'har:0', 2]]);
    expect(session.frames.map((f) => f.key)).toEqual(['har:0']);
  });
});
