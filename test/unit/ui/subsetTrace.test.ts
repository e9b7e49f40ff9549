import { describe, expect, it } from 'vitest';
import { subsetTrace } from '../../../src/ui/transfer/subsetTrace';
import { plantedEverywhereTrace, plantedTrace } from '../trace/fixtures';

// Export of what the list shows: a trace cut down to some calls keeps exactly what belongs to them.
describe('subsetTrace', () => {
  for (const [name, make] of [['planted session', plantedTrace], ['planted-everywhere session', plantedEverywhereTrace]] as const) {
    it(`keeps all of a ${name} when every call is kept`, () => {
      const trace = make();
      const part = subsetTrace(trace, new Set(trace.calls.map((c) => c.id)));
      expect([part.calls, part.matches, part.findings, part.segments, part.settings]).toEqual([trace.calls, trace.matches, trace.findings, trace.segments, trace.settings]);
      for (const m of trace.matches) expect(part.network.map((e) => e.id)).toContain(m.entryId);
      for (const t of trace.tokens) if (t.uses.some((u) => u.callId !== undefined)) expect(part.tokens.map((x) => x.id)).toContain(t.id);
    });

    it(`keeps one call of a ${name} with its requests and tokens, and nothing of the others`, () => {
      const trace = make();
      expect(trace.matches.length).toBeGreaterThan(0);
      for (const call of trace.calls) {
        const part = subsetTrace(trace, new Set([call.id]));
        expect(part.calls).toEqual([call]);
        const matched = trace.matches.filter((m) => m.callId === call.id);
        expect(part.matches).toEqual(matched);
        expect(part.network.map((e) => e.id).sort()).toEqual([...new Set(matched.map((m) => m.entryId))].sort());
        const entryIds = new Set(part.network.map((e) => e.id));
        for (const t of part.tokens) for (const u of t.uses) expect(u.callId === call.id || (u.entryId !== undefined && entryIds.has(u.entryId))).toBe(true);
        // Every token the call or its requests carried is still there.
        for (const t of trace.tokens) if (t.uses.some((u) => u.callId === call.id || (u.entryId !== undefined && entryIds.has(u.entryId)))) expect(part.tokens.map((x) => x.id)).toContain(t.id);
        expect(part.frames.map((f) => f.key)).toEqual([call.frame.key]);
        for (const f of part.findings ?? []) expect(f.callIds).toContain(call.id);
      }
    });
  }

  it('keeps nothing of the calls when none is kept', () => {
    const part = subsetTrace(plantedTrace(), new Set());
    expect([part.calls, part.matches, part.network, part.tokens, part.frames]).toEqual([[], [], [], [], []]);
  });
});
