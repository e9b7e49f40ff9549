import { describe, expect, it } from 'vitest';
import { importTraceText, toHar } from '../../../src/trace';
import { IMPORT_LIMITS } from '../../../src/trace/importBounds';
import { plantedTrace } from './fixtures';

/** Hostile files (issue 14): each is built from a real export (plantedTrace) with one thing made hostile. */

function deep(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** The planted trace as JSON text with `replace` applied to its first call (text-level, to plant 1e999). */
function traceText(edit: (call: Record<string, unknown>) => void): string {
  const trace = plantedTrace() as unknown as { calls: Record<string, unknown>[] };
  edit(trace.calls[0]!);
  return JSON.stringify(trace);
}

function opened(text: string) {
  const result = importTraceText(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('import bounds every value', () => {
  it('opens a request nested 100,000 levels deep, the depth beyond the limit shown as a description', () => {
    const text = traceText((c) => {
      (c.request as Record<string, unknown>).value = '__DEEP__';
    }).replace('"__DEEP__"', deep(100_000));
    const result = opened(text);
    let v = (result.trace.calls[0]!.request as unknown as { value: unknown }).value as Record<string, unknown>;
    let levels = 0;
    while (v && typeof v === 'object' && 'a' in v) {
      v = v.a as Record<string, unknown>;
      levels++;
    }
    expect(v).toEqual({ $fbdt: 'depth', text: 'Object' });
    expect(levels).toBeLessThan(IMPORT_LIMITS.depth);
    expect(result.notes.join(' ')).toContain('shown as descriptions');
    // What the views do with it (stringify for Raw, HAR export) no longer overflows.
    expect(() => JSON.stringify(result.trace)).not.toThrow();
    expect(() => toHar(result.trace)).not.toThrow();
  });

  it('refuses a file whose own structure is too deep, naming where', () => {
    const result = importTraceText(traceText((c) => (c.frame = '__DEEP__')).replace('"__DEEP__"', deep(5000)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The file cannot be opened safely: \$\.calls\[0\]\.frame(\.a)+: nested more than 64 levels deep\.$/);
  });

  it('refuses 1e999 as a time, and shows it as a description inside a recorded value', () => {
    const time = importTraceText(traceText((c) => (c.startedAt = '__BIG__')).replace('"__BIG__"', '1e999'));
    expect(time.ok).toBe(false);
    expect(!time.ok && time.error).toContain('$.calls[0].startedAt: Infinity is out of range');
    const inPayload = opened(traceText((c) => ((c.request as Record<string, unknown>).value = { n: '__BIG__' })).replace('"__BIG__"', '-1e999'));
    expect((inPayload.trace.calls[0]!.request as unknown as { value: unknown }).value).toEqual({ n: { $fbdt: 'number', text: '-Infinity' } });
  });

  it('refuses negative and absurd times and durations, with their paths', () => {
    for (const [edit, path] of [
      [(c: Record<string, unknown>) => (c.startedAt = -5), '$.calls[0].startedAt: -5'],
      [(c: Record<string, unknown>) => (c.endedAt = 1e300), '$.calls[0].endedAt: 1e+300'],
      [(c: Record<string, unknown>) => (c.durationMs = -20), '$.calls[0].durationMs: -20'],
      [(c: Record<string, unknown>) => (c.Ms = -20), '$.calls[0].Ms: -20'],
      [(c: Record<string, unknown>) => (c.At = -7), '$.calls[0].At: -7'],
    ] as const) {
      const result = importTraceText(traceText(edit));
      expect(result.ok, path).toBe(false);
      expect(!result.ok && result.error).toContain(path);
    }
  });

  it('cuts a huge string and a huge object inside a recorded value, refuses a huge string elsewhere', () => {
    const big = 'x'.repeat(IMPORT_LIMITS.stringChars + 1);
    const wide = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.entries + 5 }, (_, i) => [`k${i}`, i]));
    const result = opened(traceText((c) => ((c.request as Record<string, unknown>).value = { big, wide })));
    const value = (result.trace.calls[0]!.request as unknown as { value: { big: unknown; wide: Record<string, unknown> } }).value;
    expect(value.big).toMatchObject({ $fbdt: 'truncated', length: big.length });
    expect(Object.keys(value.wide)).toHaveLength(IMPORT_LIMITS.entries + 1);
    expect(value.wide['$fbdt:truncated']).toMatchObject({ $fbdt: 'truncated', omitted: 5 });
    const command = importTraceText(traceText((c) => (c.command = big)));
    expect(!command.ok && command.error).toContain('$.calls[0].command: a string of 1,048,577 characters');
  });

  it('keeps the first of calls that repeat an id, and says so', () => {
    const trace = plantedTrace() as unknown as { calls: Record<string, unknown>[] };
    const copy: Record<string, unknown> = { ...trace.calls[0]!, command: 'imposter' };
    trace.calls.push(copy, { ...copy });
    const result = opened(JSON.stringify(trace));
    expect(result.trace.calls.filter((c) => c.id === copy.id)).toHaveLength(1);
    expect(result.trace.calls.find((c) => c.id === copy.id)?.command).not.toBe('imposter');
    expect(result.notes).toContain('2 calls repeated an id seen before and were left out (the first of each is shown).');
  });

  it('refuses 1e999 anywhere in a HAR', () => {
    const har = JSON.stringify(toHar(plantedTrace())).replace(/"time":\s*[\d.]+/, '"time":1e999');
    const result = importTraceText(har);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/\.time: Infinity is out of range/);
  });
});
