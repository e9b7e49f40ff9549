import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceV2, TraceV3 } from '../../../src/protocol/model';
import { importTraceText, redactTrace, toHar, toTraceV3, traceJsonParts, traceToSession } from '../../../src/trace';
import { plantedEverywhereSession, plantedEverywhereTrace, traceOf } from './fixtures';

/** A version 2 file as the build before version 3 saved it (redacted): two frames, and a call whose frame record was lost. */
const V2_FIXTURE = readFileSync(new URL('../../fixtures/trace-v2.json', import.meta.url), 'utf8');

const saved = (trace: TraceV2) => traceJsonParts(trace).join('');

function opened(text: string) {
  const result = importTraceText(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** The planted trace's version 3 file, as an object to make hostile. */
const v3File = (): TraceV3 => JSON.parse(saved(plantedEverywhereTrace())) as TraceV3;

describe('trace format version 3', () => {
  it('export → import gives the same trace and the session it came from, redacted or not', () => {
    const session = plantedEverywhereSession();
    const trace = traceOf(session);
    expect(trace.calls.some((c) => c.deliveries.length > 0) && trace.calls.some((c) => c.deliveries.length === 0)).toBe(true);
    const back = opened(saved(trace));
    expect(back).toMatchObject({ source: 'trace-v3', notes: [] });
    expect(back.trace.calls).toEqual(trace.calls);
    expect(back.trace).toEqual(trace);
    expect(traceToSession(back.trace)).toEqual({ ...session, recording: false });
    const redacted = redactTrace(trace);
    expect(opened(saved(redacted)).trace).toEqual(redacted);
  });

  it('holds each frame once: calls name it by key, and empty deliveries are left out', () => {
    const trace = plantedEverywhereTrace();
    const text = saved(trace);
    const file = JSON.parse(text) as TraceV3;
    expect(file.version).toBe(3);
    expect(file.frames).toEqual(trace.frames);
    expect(file.calls.map((c) => c.frameKey)).toEqual(trace.calls.map((c) => c.frame.key));
    expect(file.calls.map((c) => 'frame' in c)).toEqual(trace.calls.map(() => false));
    expect(file.calls.map((c) => c.deliveries?.length ?? 0)).toEqual(trace.calls.map((c) => (c.deliveries.length > 0 ? c.deliveries.length : 0)));
    expect(file.calls.filter((c) => 'deliveries' in c)).toHaveLength(trace.calls.filter((c) => c.deliveries.length > 0).length);
    expect(text.split(JSON.stringify(trace.frames[0]!.url)).length - 1).toBe(1);
    expect(text.length).toBeLessThan(JSON.stringify(trace).length);
  });

  it('written in parts, is exactly JSON.stringify of the version 3 file', () => {
    const trace = plantedEverywhereTrace();
    expect(saved(trace)).toBe(JSON.stringify(toTraceV3(trace)));
  });

  it('written in parts at any number of calls (slices of 256 and what is left), odd fields and lost frame records kept', () => {
    const base = plantedEverywhereTrace();
    for (const n of [0, 1, 255, 256, 257, 512, 513, 1000]) {
      const calls = Array.from({ length: n }, (_, i) => {
        const c = structuredClone(base.calls[i % base.calls.length]!);
        c.id = `c${i}`;
        if (i % 97 === 5) Object.defineProperty(c, '__proto__', { value: { odd: i }, enumerable: true, writable: true, configurable: true });
        if (i % 101 === 7) c.frame = { url: `https://lost-${i}.example/`, key: `lost:${i}`, parentUrl: '', isTop: false };
        return c;
      });
      const trace = { ...base, calls };
      expect(saved(trace), `${n} calls`).toBe(JSON.stringify(toTraceV3(trace)));
    }
  });

  it('a version 2 file still imports to the same calls, and saved again as version 3 keeps them', () => {
    const fixture = JSON.parse(V2_FIXTURE) as TraceV2;
    expect(fixture.version).toBe(2);
    const first = opened(V2_FIXTURE);
    expect(first).toMatchObject({ source: 'trace-v2', notes: [] });
    expect(first.trace.calls).toEqual(fixture.calls);
    expect(first.trace).toEqual(fixture);
    expect(new Set(fixture.calls.map((c) => c.frame.key)).size).toBe(3);
    const again = opened(saved(first.trace));
    expect(again.source).toBe('trace-v3');
    expect(again.trace.calls).toEqual(fixture.calls);
    // The call whose frame record was lost: its frame key is kept, the note says what happened.
    expect(again.notes).toEqual(['1 call names a frame the trace does not list (the frame\'s record was lost): shown with no frame URL.']);
  });

  it('a version 2 call whose frame is not listed but carries a URL keeps it, as a frame record', () => {
    const trace = plantedEverywhereTrace();
    const odd: TraceV2 = { ...trace, calls: trace.calls.map((c, i) => (i === 0 ? { ...c, frame: { url: 'https://app.example/x', key: '9:gone', parentUrl: 'https://site.example', isTop: false } } : c)) };
    const file = toTraceV3(odd);
    expect(file.frames.map((f) => [f.key, f.url])).toEqual([...trace.frames.map((f) => [f.key, f.url]), ['9:gone', 'https://app.example/x']]);
    const back = opened(JSON.stringify(file));
    expect(back.notes).toEqual([]);
    expect(back.trace.calls).toEqual(odd.calls);
  });

  it('HAR export and import of a trace read from a version 3 file are those of the trace', () => {
    const trace = plantedEverywhereTrace();
    const back = opened(saved(trace)).trace;
    expect(JSON.stringify(toHar(back))).toBe(JSON.stringify(toHar(trace)));
    expect(opened(JSON.stringify(toHar(back))).trace).toEqual(trace);
  });
});

describe('hostile version 3 files: a clear error or a sane result, never a throw', () => {
  it('a frameKey naming no frame: the call opens with an empty frame of that key, and a note says so', () => {
    const file = v3File();
    file.calls[0]!.frameKey = 'no:such';
    file.calls[1]!.frameKey = 'no:such';
    const back = opened(JSON.stringify(file));
    expect(back.trace.calls[0]!.frame).toEqual({ url: '', key: 'no:such', parentUrl: '', isTop: false });
    expect(back.trace.calls[1]!.frame.key).toBe('no:such');
    expect(back.notes).toEqual(['2 calls name frames the trace does not list (the frame\'s record was lost): shown with no frame URL.']);
    expect(traceToSession(back.trace).calls[0]!.frameKey).toBe('no:such');
  });

  it.each([['a number', 3], ['null', null], ['an object', { key: '3:doc' }], ['missing', undefined]])('a frameKey that is %s is refused with its path', (_what, value) => {
    const file = v3File() as unknown as { calls: Record<string, unknown>[] };
    file.calls[1]!.frameKey = value;
    expect(importTraceText(JSON.stringify(file))).toEqual({ ok: false, error: expect.stringMatching(/^The trace is damaged: \$\.calls\[1\]\.frameKey: /) });
  });

  it('deliveries that are not a list, or a frame list that is not one, are refused', () => {
    const bad = v3File() as unknown as { calls: Record<string, unknown>[] };
    bad.calls[0]!.deliveries = 'none';
    expect(importTraceText(JSON.stringify(bad))).toMatchObject({ ok: false, error: expect.stringContaining('$.calls[0].deliveries') });
    expect(importTraceText(JSON.stringify({ ...v3File(), frames: {} }))).toMatchObject({ ok: false, error: expect.stringContaining('$.frames') });
  });

  it('100,000 frames: opens, and each call gets its own frame', () => {
    const file = v3File();
    const template = file.frames[0]!;
    file.frames = Array.from({ length: 100_000 }, (_, i) => ({ ...template, key: `f${i}`, url: `https://app.example/${i}` }));
    file.calls.forEach((c, i) => (c.frameKey = `f${99_999 - i}`));
    const back = opened(JSON.stringify(file));
    expect(back.trace.frames).toHaveLength(100_000);
    expect(back.trace.calls.map((c) => c.frame.url)).toEqual(file.calls.map((_, i) => `https://app.example/${99_999 - i}`));
  });

  it('repeated frame keys: the first frame is kept, for the list and for its calls alike', () => {
    const file = v3File();
    const first = file.frames[0]!;
    file.frames = [first, { ...first, url: 'https://evil.example/' }];
    const back = opened(JSON.stringify(file));
    expect(back.trace.frames).toEqual([first]);
    expect(back.trace.calls.every((c) => c.frame.url === first.url)).toBe(true);
    expect(back.notes.join(' ')).toContain('1 frames repeated an id seen before');
  });

  it('__proto__ as a frame key, a frameKey and a call field: read as plain data, nothing polluted', () => {
    const text = JSON.stringify(v3File())
      .replace(/"key":"3:doc"/, '"key":"__proto__"')
      .replace(/"frameKey":"3:doc"/, '"frameKey":"__proto__","__proto__":{"polluted":true}');
    const back = opened(text);
    const call = back.trace.calls.find((c) => c.frame.key === '__proto__')!;
    expect(call.frame.url).toBe(back.trace.frames[0]!.url);
    expect(Object.getPrototypeOf(call)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((call as unknown as Record<string, unknown>).polluted).toBeUndefined();
    // Saved again, the odd field is still a field.
    expect(saved(back.trace)).toContain('"__proto__":{"polluted":true}');
  });

  it('a call that also carries a `frame` of its own: the frame its key names wins', () => {
    const file = v3File() as unknown as { calls: Record<string, unknown>[]; frames: { url: string }[] };
    file.calls[0]!.frame = 5;
    const back = opened(JSON.stringify(file));
    expect(back.trace.calls[0]!.frame.url).toBe(file.frames[0]!.url);
  });
});
