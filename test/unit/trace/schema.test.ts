import { describe, expect, it } from 'vitest';
import type { TraceV2 } from '../../../src/protocol/model';
import { exportTraceV1, importTraceText, migrateV1toV2, redactTrace, toHar, toTraceV3 } from '../../../src/trace';
import { traceProblems } from '../../../src/trace/check';
import { plantedEverywhereSession, plantedEverywhereTrace } from './fixtures';
import { traceValidators, v1Schema, v2Schema, v3Schema } from './validators';

/** Paths of properties that have no description (the schemas document every field). */
function undocumented(node: unknown, path = '$'): string[] {
  if (node === null || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof child.description !== 'string' || child.description.length < 3) out.push(`${path}.${key}`);
    out.push(...undocumented(child, `${path}.${key}`));
  }
  for (const [key, child] of Object.entries((n.definitions ?? {}) as Record<string, unknown>)) out.push(...undocumented(child, `#${key}`));
  if (n.items) out.push(...undocumented(n.items, `${path}[]`));
  for (const alt of (n.oneOf ?? []) as unknown[]) out.push(...undocumented(alt, path));
  return out;
}

/** Damage that the schema and the importer's own check must both refuse. */
const DAMAGE: [string, (t: TraceV2) => void][] = [
  ['a call status the format does not have', (t) => ((t.calls[0] as { status: string }).status = 'finished')],
  ['a call without a request', (t) => delete (t.calls[1] as Partial<TraceV2['calls'][number]>).request],
  ['a start time that is text', (t) => ((t.calls[0] as unknown as { startedAt: string }).startedAt = 'yesterday')],
  ['a network entry without headers', (t) => delete (t.network[0] as Partial<TraceV2['network'][number]>).requestHeaders],
  ['a token without uses', (t) => delete (t.tokens[0] as Partial<TraceV2['tokens'][number]>).uses],
  ['a match with an unknown relation', (t) => ((t.matches[0] as { relation: string }).relation = 'cousin')],
  ['a frame without a key', (t) => delete (t.frames[0] as Partial<TraceV2['frames'][number]>).key],
  ['settings missing', (t) => delete (t as Partial<TraceV2>).settings],
  ['a delivery without arguments', (t) => ((t.calls[0]!.deliveries as unknown[]).push({ seq: 1, at: 1, key: 'callback' }))],
];

describe('the JSON Schemas of the trace format', () => {
  const { v1, v2, v3 } = traceValidators();

  it('document every field', () => {
    expect(undocumented(v1Schema)).toEqual([]);
    expect(undocumented(v2Schema)).toEqual([]);
    expect(undocumented(v3Schema)).toEqual([]);
  });

  it('accept a version 3 file, redacted or not, and refuse a version 2 trace as version 3 and the reverse', () => {
    const trace = plantedEverywhereTrace();
    for (const candidate of [toTraceV3(trace), toTraceV3(redactTrace(trace))]) {
      expect(v3(candidate), JSON.stringify(v3.errors)).toBe(true);
      expect(v2(candidate)).toBe(false);
    }
    expect(v3(trace)).toBe(false);
  });

  it('accept a version 2 export, redacted or not, and what the importer makes of version 1 and of our HAR', () => {
    const trace = plantedEverywhereTrace();
    for (const candidate of [trace, redactTrace(trace), migrateV1toV2(exportTraceV1(plantedEverywhereSession(), { extensionVersion: '0.1.0', now: 1 }))]) {
      expect(v2(candidate), JSON.stringify(v2.errors)).toBe(true);
    }
    const fromHar = importTraceText(JSON.stringify(toHar(trace)));
    expect(fromHar.ok && v2(fromHar.trace), JSON.stringify(v2.errors)).toBe(true);
  });

  it('accept a version 1 export against the version 1 schema, and refuse a damaged one', () => {
    const trace = exportTraceV1(plantedEverywhereSession(), { extensionVersion: '0.1.0', now: 1 });
    expect(v1(trace), JSON.stringify(v1.errors)).toBe(true);
    expect(v2(trace)).toBe(false);
    const damaged = structuredClone(trace);
    (damaged.calls[0] as unknown as { kind: string }).kind = 'teleport';
    expect(v1(damaged)).toBe(false);
  });

  it.each(DAMAGE)('refuse %s, as the importer does', (_what, damage) => {
    const trace = structuredClone(plantedEverywhereTrace());
    damage(trace);
    expect(v2(trace)).toBe(false);
    expect(traceProblems(trace, 2)).not.toEqual([]);
    expect(importTraceText(JSON.stringify(trace))).toMatchObject({ ok: false, error: expect.stringMatching(/^The trace is damaged: \$\./) });
  });
});
